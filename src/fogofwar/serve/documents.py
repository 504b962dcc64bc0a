"""``POST /api/documents``: an article in, extracted and stored in one transaction, behind the
write token."""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from starlette.concurrency import run_in_threadpool

from fogofwar.errors import (
    BadRequest,
    BodyTooLarge,
    FogofwarError,
    InputError,
    InputTooLarge,
    InvalidParameters,
    NotAnArticle,
)
from fogofwar.ledger import Ledger, ingest_document
from fogofwar.model import Extraction
from fogofwar.read import read_bytes
from fogofwar.serve import schemas
from fogofwar.serve.auth import require_write

router = APIRouter(prefix="/api", tags=["documents"])

ARTICLE_BODY = {
    "requestBody": {
        "required": True,
        "content": {"text/plain": {"schema": {"type": "string"}}},
        "description": "the article: '= Title =', an Infobox of '- Key: Value' lines, prose "
        "with '== Section ==' headings (UTF-8)",
    }
}


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, or BodyTooLarge as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge(f"body of {declared} bytes is above the {limit}-byte limit")
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > limit:
            raise BodyTooLarge(f"body is above the {limit}-byte limit")
    return bytes(data)


def extract_and_store(ledger: Ledger, data: bytes, origin: str, limit: int) -> schemas.Ingested:
    """Read and extract the article like ``fogofwar ingest``, then store it in one transaction."""
    from fogofwar.extract import extract_documents

    try:
        doc = read_bytes(data, origin=origin, max_bytes=limit)
    except InputTooLarge as exc:
        raise BodyTooLarge(exc.message) from None
    except NotAnArticle as exc:
        raise InvalidParameters(exc.message) from None
    except InputError as exc:
        raise BadRequest(f"{exc.message} ({exc.code})") from None
    try:
        extraction: Extraction = extract_documents([doc])
    except RecursionError:
        raise InvalidParameters("text is nested too deeply to parse") from None
    except FogofwarError as exc:
        raise InvalidParameters(f"{exc.message} ({exc.code})") from None
    events = [e.id for e in extraction.events]
    if not events:
        raise InvalidParameters("the article yields no event")
    result = ingest_document(ledger, doc, list(extraction.events), list(extraction.claims))
    return schemas.Ingested(
        document=result.document,
        title=result.title,
        status=result.status,
        revision_no=result.revision_no,
        event=events[0],
        events=events,
        claims=result.claims,
    )


@router.post(
    "/documents",
    summary="Ingest an article (needs the write token)",
    status_code=201,
    dependencies=[Depends(require_write)],
    openapi_extra=ARTICLE_BODY,
    responses=schemas.errors(400, 401, 403, 413, 422),
)
async def post_document(
    request: Request,
    origin: Annotated[
        str | None, Query(max_length=2000, description="where the article comes from (its URL)")
    ] = None,
) -> schemas.Ingested:
    """Extract the article's event and claims and store them in one transaction; answers with
    the event id. The same article twice is stored once (status ``unchanged``)."""
    limit = request.app.state.settings.max_body
    data = await read_body(request, limit)
    where = origin or f"api:{hashlib.sha256(data).hexdigest()[:16]}"
    return await run_in_threadpool(extract_and_store, request.app.state.ledger, data, where, limit)
