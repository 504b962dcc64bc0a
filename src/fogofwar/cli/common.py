"""What the ledger commands share: the error guard, the --db/--policy/filter options, tables."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import Any

from fogofwar.errors import FogofwarError, UsageError
from fogofwar.ledger import EventFilter, Ledger, default_path
from fogofwar.model import Estimate

Handler = Callable[[argparse.Namespace], int]


def domain_errors() -> tuple[type[Exception], ...]:
    return (FogofwarError,)  # LedgerError and PolicyError included


USAGE_STATUS = 2  # as argparse exits for a usage error


def guard(fn: Handler) -> Handler:
    """Map domain errors to one line on stderr: exit status 2 for a usage error (a bad filter),
    1 for the others."""

    def run(args: argparse.Namespace) -> int:
        try:
            return fn(args)
        except domain_errors() as exc:
            print(f"fogofwar: error: {exc}", file=sys.stderr)
            return USAGE_STATUS if isinstance(exc, UsageError) else 1
        except BrokenPipeError:  # output piped into `head`: stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0

    run.__doc__ = fn.__doc__
    return run


def open_ledger(args: argparse.Namespace) -> Ledger:
    """The ledger for a read command: read-only, never created or migrated; a missing or
    outdated ledger is a one-line error. The command's filters are checked first: a bad filter
    is a usage error whether or not the ledger exists."""
    if hasattr(args, "date_from"):
        event_filter(args)
    return Ledger(args.db, read_only=True)


def open_ledger_for_writing(args: argparse.Namespace) -> Ledger:
    """The ledger for ``ingest`` and ``migrate``: created and migrated as needed."""
    return Ledger(args.db)


def table(rows: list[list[Any]], head: list[str]) -> str:
    cells = [head] + [["" if v is None else str(v) for v in r] for r in rows]
    width = [max(len(r[i]) for r in cells) for i in range(len(head))]
    return "\n".join(
        "  ".join(v.ljust(w) for v, w in zip(r, width, strict=True)).rstrip() for r in cells
    )


def whose(e: Estimate) -> str:
    s = "civilians" if e.civilian else f"side {e.side}" if e.side is not None else "unknown"
    return f"{s} ({e.actor})" if e.actor else s


def event_filter(args: argparse.Namespace) -> EventFilter:
    return EventFilter(
        country=args.country,
        date_from=args.date_from,
        date_to=args.date_to,
        actor=args.actor,
        war=args.war,
    )


def add_db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help=f"ledger: a file path, sqlite:///FILE or postgresql://USER@HOST/DB "
        f"(default: $FOGOFWAR_DB, else {default_path()})",
    )


def add_filter_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--country", help="country: a name in any case (mali) or an ISO code (ML, MLI)")
    p.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help="events ending on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)",
    )
    p.add_argument(
        "--to",
        dest="date_to",
        metavar="DATE",
        help="events starting on or before DATE (YYYY-MM-DD, YYYY-MM or YYYY: its last day)",
    )
    p.add_argument("--actor", help="actor name or alias (part of it, any case, accents ignored)")
    p.add_argument("--war", help="war the event is part of (part of its name, any case)")


def add_policy_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--policy",
        metavar="FILE",
        help="reconciliation policy TOML (default: the shipped data/policy.toml)",
    )
