"""The JSON API under ``/api/``: events, claims, estimates, sources, exports, documents."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from fogofwar.ledger import counts
from fogofwar.serve.auth import require_read

router = APIRouter(prefix="/api", dependencies=[Depends(require_read)])


@router.get("", summary="What the ledger holds", tags=["ledger"])
def index(request: Request) -> dict[str, Any]:
    """Rows per table and whether the server takes writes."""
    settings = request.app.state.settings
    return {
        "ledger": counts(request.app.state.ledger),
        "writable": settings.token is not None,
        "read_token_required": settings.read_token is not None,
    }
