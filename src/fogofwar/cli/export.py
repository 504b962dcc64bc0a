"""The export command: events, claims and estimates in a field format."""

from __future__ import annotations

import argparse
import sys

from fogofwar.cli.common import (
    add_db_option,
    add_filter_options,
    add_policy_option,
    event_filter,
    guard,
    open_ledger,
)
from fogofwar.reconcile import load_policy


@guard
def cmd_export(args: argparse.Namespace) -> int:
    """Export events, claims and estimates in a field format: every matching event, each with one
    fatality estimate (the sum of its side-level killed estimates; unknown is blank, never 0),
    dates as YYYY-MM-DD with each format's precision codes. json and parquet carry the claims
    and their estimates; ucdp-csv, acled-csv and geojson one row (feature) per event."""
    from fogofwar.export import export

    policy = load_policy(args.policy)
    result = export(open_ledger(args), args.format, args.output, event_filter(args), policy)
    for note in result.notes:
        print(f"fogofwar: {note}", file=sys.stderr)
    if args.output:
        print(f"wrote {result.rows} rows to {args.output}", file=sys.stderr)
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands; each sets ``handler``: args -> exit status."""
    p = subparsers.add_parser(
        "export", help="export in a field format", description=cmd_export.__doc__
    )
    p.add_argument(
        "--format", required=True, choices=("json", "ucdp-csv", "acled-csv", "geojson", "parquet")
    )
    p.add_argument("-o", "--output", metavar="FILE", help="output file (default: stdout)")
    add_filter_options(p)
    add_policy_option(p)
    add_db_option(p)
    p.set_defaults(handler=cmd_export)
