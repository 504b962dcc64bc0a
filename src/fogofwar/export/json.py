"""JSON export: the extraction document format, re-importable with ``fogofwar ingest``."""

from __future__ import annotations

import json
from typing import TextIO

from fogofwar.ledger import EventFilter, Ledger, extract


def write(ledger: Ledger, out: TextIO, flt: EventFilter | None = None) -> int:
    """Write current documents, events and claims; returns the number of claims."""
    ex = extract(ledger, flt, include_text=True)
    json.dump(ex.to_dict(include_text=True), out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(ex.claims)
