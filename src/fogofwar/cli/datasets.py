"""``fogofwar ingest --format ucdp-ged|acled FILE.csv``: dataset rows as claims."""

from __future__ import annotations

import argparse
import sys

from fogofwar.cli.common import domain_errors, open_ledger_for_writing

HELP = (
    "read FILE as a dataset's CSV instead: ucdp-ged (UCDP GED rows) or acled (ACLED rows); "
    "each row's deaths become killed claims by 'UCDP GED' / 'ACLED', attached to the ledger "
    "event of the same country, days and actors, or kept as an event of their own"
)


def ingest_datasets(args: argparse.Namespace) -> int:
    """Import each file in one transaction; one line per file; exit status 1 if any failed."""
    from fogofwar.datasets import ingest_dataset

    ledger, failed = open_ledger_for_writing(args), 0
    for path in args.files:
        try:
            r = ingest_dataset(ledger, path, args.format)
        except domain_errors() as exc:
            failed += 1
            print(f"fogofwar: error: {exc}", file=sys.stderr)
            continue
        if not args.quiet:
            status = str(r.stored.status)
            if status == "revision":
                status = f"revision {r.stored.revision_no}"
            print(
                f"{status:<11} {r.stored.title}: {r.rows} rows, {r.attached} attached to "
                f"ledger events, {r.own_events} kept as their own events, {r.claims} claims"
                + (f" ({r.repeated} repeated rows skipped)" if r.repeated else "")
            )
    ledger.close()
    return 1 if failed else 0
