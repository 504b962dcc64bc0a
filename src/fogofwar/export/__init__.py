"""Exports in the formats conflict researchers use: json, ucdp-csv, acled-csv, geojson, parquet.

Every format writes every matching event (none is left out), reads the ledger a batch of events
at a time (memory does not grow with the ledger), and takes each event's fatality figures from one
rule (``export.common``: the sum of the side-level killed estimates; unknown is blank).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from fogofwar.export import acled_csv, geojson, parquet, ucdp_csv
from fogofwar.export import json as json_export
from fogofwar.export.common import Bundle, Fatalities, bundles, fatalities
from fogofwar.ledger import EventFilter, Ledger, LedgerError
from fogofwar.reconcile import Policy, load_policy

FORMATS = ("json", "ucdp-csv", "acled-csv", "geojson", "parquet")


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: ``rows`` (claims for json and parquet, else events) and what a
    reader should know about it (``notes``: one line each, e.g. features without a point)."""

    rows: int
    notes: tuple[str, ...] = ()


def export(
    ledger: Ledger,
    fmt: str,
    output: str | None = None,
    flt: EventFilter | None = None,
    policy: Policy | None = None,
) -> ExportResult:
    """Write the ledger (filtered) in one format to ``output`` (stdout if None)."""
    if fmt not in FORMATS:
        raise LedgerError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    pol = policy or load_policy()
    if fmt == "parquet":
        if not output:
            raise LedgerError("parquet export needs --output FILE")
        return ExportResult(parquet.write(bundles(ledger, flt, pol), output))
    out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115
    try:
        if fmt == "json":
            return ExportResult(json_export.write(ledger, out, flt, pol))
        if fmt == "geojson":
            n, unlocated = geojson.write(bundles(ledger, flt, pol), out)
            note = f"{unlocated} of {n} events have no coordinates: written with a null geometry"
            return ExportResult(n, (note,) if unlocated else ())
        writer = ucdp_csv.write if fmt == "ucdp-csv" else acled_csv.write
        return ExportResult(writer(bundles(ledger, flt, pol), out))
    finally:
        if output:
            out.close()


__all__ = ["FORMATS", "Bundle", "ExportResult", "Fatalities", "bundles", "export", "fatalities"]
