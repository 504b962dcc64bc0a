"""Parquet export of claims, one row per claim with its event's columns (needs pyarrow)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fogofwar.export.common import Bundle
from fogofwar.ledger import LedgerError


def rows(bundles: list[Bundle]) -> list[dict[str, Any]]:
    out = []
    for b in bundles:
        ev = b.event
        place = ev.place
        for c in b.claims:
            out.append(
                {
                    "claim_id": c.id,
                    "event_id": ev.id,
                    "event_title": ev.title,
                    "event_kind": ev.kind,
                    "date_start": ev.date.start if ev.date else None,
                    "date_end": ev.date.end if ev.date else None,
                    "country": place.country if place else None,
                    "latitude": place.lat if place else None,
                    "longitude": place.lon if place else None,
                    **c.columns(),
                    "evidence": json.dumps([e.to_dict() for e in c.evidence], ensure_ascii=False),
                }
            )
    return out


def write(bundles: list[Bundle], path: str | Path) -> int:
    """Write the claims table to ``path``; returns rows."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise LedgerError("parquet export needs pyarrow: pip install 'fogofwar[parquet]'") from None
    data = rows(bundles)
    pq.write_table(pa.Table.from_pylist(data), str(path))
    return len(data)
