"""JSON export: the extraction document format, re-importable with ``fogofwar ingest``, plus the
reconciled ``estimates`` and each event's one ``fatalities`` estimate (``ingest`` ignores both).

Written array by array, a batch of events at a time: documents, events, claims, estimates.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

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


def _estimates(bs: Iterable[Bundle]) -> Iterator[dict[str, Any]]:
    for b in bs:
        yield from (e.to_dict() for e in b.estimates)


def _fatalities(bs: Iterable[Bundle]) -> Iterator[dict[str, Any]]:
    for b in bs:
        f = b.fatalities()
        yield {"event": b.event.id, "low": f.low, "best": f.best, "high": f.high}


def write(
    ledger: Ledger, out: TextIO, flt: EventFilter | None = None, policy: Policy | None = None
) -> int:
    """Write current documents, events, claims, estimates and fatalities; returns claims."""
    out.write("{" + f"\n {json.dumps('fogofwar')}: {json.dumps(FORMAT_VERSION)}")
    _array(out, "documents", (d.to_dict() for d in documents(ledger, flt)))
    _array(out, "events", (e.to_dict() for b in event_batches(ledger, flt) for e in b))
    n = _array(out, "claims", _claims(ledger, flt))
    _array(out, "estimates", _estimates(bundles(ledger, flt, policy)))
    _array(out, "fatalities", _fatalities(bundles(ledger, flt, policy)))
    out.write("\n}\n")
    return n
