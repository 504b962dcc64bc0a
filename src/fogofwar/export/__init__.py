"""Exports in the formats conflict researchers use: json, ucdp-csv, acled-csv, geojson, parquet."""

from __future__ import annotations

import sys

from fogofwar.export import acled_csv, geojson, parquet, ucdp_csv
from fogofwar.export import json as json_export
from fogofwar.export.common import Bundle, bundles
from fogofwar.ledger import EventFilter, Ledger, LedgerError
from fogofwar.reconcile import Policy

FORMATS = ("json", "ucdp-csv", "acled-csv", "geojson", "parquet")


def export(
    ledger: Ledger,
    fmt: str,
    output: str | None = None,
    flt: EventFilter | None = None,
    policy: Policy | None = None,
) -> int:
    """Write the ledger (filtered) in one format to ``output`` (stdout if None); returns items."""
    if fmt not in FORMATS:
        raise LedgerError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not output:
            raise LedgerError("parquet export needs --output FILE")
        return parquet.write(bundles(ledger, flt, policy), output)
    out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115
    try:
        if fmt == "json":
            return json_export.write(ledger, out, flt)
        writer = {
            "ucdp-csv": ucdp_csv.write,
            "acled-csv": acled_csv.write,
            "geojson": geojson.write,
        }[fmt]
        return writer(bundles(ledger, flt, policy), out)
    finally:
        if output:
            out.close()


__all__ = ["FORMATS", "Bundle", "bundles", "export"]
