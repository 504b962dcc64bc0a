"""JSON export: the extraction document format, re-importable with ``fogofwar ingest``, plus the
reconciled ``estimates`` and each event's one ``fatalities`` estimate (``ingest`` ignores both).

Written array by array, a batch of events at a time: documents, events, claims, estimates.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO, Any, TextIO

from fogofwar.export.common import Bundle, bundles
from fogofwar.export.stream import claim_batches, documents, event_batches
from fogofwar.ledger import EventFilter, Ledger
from fogofwar.model import FORMAT_VERSION
from fogofwar.reconcile import Policy


def _array(out: TextIO, name: str, items: Iterable[dict[str, Any]], first: bool = False) -> int:
    out.write(("" if first else ",") + f"\n {json.dumps(name)}: [")
    n = 0
    for item in items:
        out.write(("," if n else "") + "\n  " + json.dumps(item, ensure_ascii=False))
        n += 1
    out.write("\n ]")
    return n


def _claims(ledger: Ledger, flt: EventFilter | None) -> Iterator[dict[str, Any]]:
    for batch in claim_batches(ledger, flt):
        seen: set[str] = set()  # an event id two documents share lists its claims once
        for event, claims in batch:
            if event.id not in seen:
                seen.add(event.id)
                yield from (c.to_dict() for c in claims)


def _estimates(bs: Iterable[Bundle], fatalities: IO[str]) -> Iterator[dict[str, Any]]:
    """Each bundle's estimates; its fatality estimate as a JSON line to ``fatalities`` (a
    temporary file: one reconciliation pass, memory still flat)."""
    for b in bs:
        yield from (e.to_dict() for e in b.estimates)
        f = b.fatalities()
        line = {"event": b.event.id, "low": f.low, "best": f.best, "high": f.high}
        fatalities.write(json.dumps(line, ensure_ascii=False) + "\n")


def write(
    ledger: Ledger, out: TextIO, flt: EventFilter | None = None, policy: Policy | None = None
) -> int:
    """Write current documents, events, claims, estimates and fatalities; returns claims."""
    out.write("{" + f"\n {json.dumps('fogofwar')}: {json.dumps(FORMAT_VERSION)}")
    _array(out, "documents", (d.to_dict() for d in documents(ledger, flt)))
    _array(out, "events", (e.to_dict() for b in event_batches(ledger, flt) for e in b))
    n = _array(out, "claims", _claims(ledger, flt))
    with tempfile.TemporaryFile("w+", encoding="utf-8") as fatalities:
        _array(out, "estimates", _estimates(bundles(ledger, flt, policy), fatalities))
        fatalities.seek(0)
        _array(out, "fatalities", (json.loads(line) for line in fatalities))
    out.write("\n}\n")
    return n
