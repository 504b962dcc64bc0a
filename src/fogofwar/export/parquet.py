"""Parquet export of claims, one row per claim with its event's columns, the estimate of the
claim's group (event, side, actor, civilians, kind) and the event's one fatality estimate. An
event without claims is one row with empty claim columns. Written a batch of events at a time
(needs pyarrow)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from fogofwar.export import stream
from fogofwar.export.common import Bundle, day_span, iso
from fogofwar.ledger import LedgerError
from fogofwar.model import Claim, Estimate

_STR, _INT, _FLOAT, _BOOL = "string", "int64", "float64", "bool_"  # pyarrow type factories
FIELDS: tuple[tuple[str, str], ...] = (
    ("claim_id", _STR),
    ("event_id", _STR),
    ("event_title", _STR),
    ("event_kind", _STR),
    ("date_start", _STR),
    ("date_end", _STR),
    ("country", _STR),
    ("latitude", _FLOAT),
    ("longitude", _FLOAT),
    ("kind", _STR),
    ("side", _INT),
    ("actor", _STR),
    ("civilian", _BOOL),
    ("low", _INT),
    ("high", _INT),
    ("words", _STR),
    ("claimant", _STR),
    ("claimant_side", _INT),
    ("claimant_kind", _STR),
    ("stance", _STR),
    ("said_on", _STR),
    ("scope", _STR),
    ("evidence", _STR),
    ("estimate_low", _INT),
    ("estimate_best", _INT),
    ("estimate_high", _INT),
    ("estimate_reason", _STR),
    ("fatalities_low", _INT),
    ("fatalities_best", _INT),
    ("fatalities_high", _INT),
)


def _group(x: Claim | Estimate) -> tuple[int | None, str | None, bool, str]:
    if isinstance(x, Claim):
        return (x.subject.side, x.subject.actor, x.subject.civilian, x.kind)
    return (x.side, x.actor, x.civilian, x.kind)


def rows(bundles: Iterable[Bundle]) -> Iterator[dict[str, Any]]:
    for b in bundles:
        ev, place = b.event, b.event.place
        start, end = day_span(ev)
        f = b.fatalities()
        head = {
            "event_id": ev.id,
            "event_title": ev.title,
            "event_kind": ev.kind,
            "date_start": iso(start) or None,
            "date_end": iso(end) or None,
            "country": place.country if place else None,
            "latitude": place.lat if place else None,
            "longitude": place.lon if place else None,
            "fatalities_low": f.low,
            "fatalities_best": f.best,
            "fatalities_high": f.high,
        }
        by_group = {_group(e): e for e in b.estimates}
        if not b.claims:
            yield head
        for c in b.claims:
            est = by_group.get(_group(c))
            yield {
                **head,
                "claim_id": c.id,
                **c.columns(),
                "evidence": json.dumps([e.to_dict() for e in c.evidence], ensure_ascii=False),
                "estimate_low": est.low if est else None,
                "estimate_best": est.best if est else None,
                "estimate_high": est.high if est else None,
                "estimate_reason": est.reason if est else None,
            }


def write(bundles: Iterable[Bundle], path: str | Path, batch: int | None = None) -> int:
    """Write the claims table to ``path`` in row groups of ``batch`` rows (default: ten per
    event of a read batch); returns rows."""
    batch = batch or 10 * stream.BATCH
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise LedgerError("parquet export needs pyarrow: pip install 'fogofwar[parquet]'") from None
    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in FIELDS])
    n = 0
    table_rows = rows(bundles)
    with pq.ParquetWriter(str(path), schema) as writer:
        while chunk := list(islice(table_rows, batch)):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
    return n
