"""What the ledger commands share: the error guard, the --db/--policy/filter options, tables."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import Any

from fogofwar.errors import FogofwarError
from fogofwar.ledger import EventFilter, Ledger, default_path
from fogofwar.model import Estimate

Handler = Callable[[argparse.Namespace], int]


def domain_errors() -> tuple[type[Exception], ...]:
    return (FogofwarError,)  # LedgerError and PolicyError included


def guard(fn: Handler) -> Handler:
    """Map domain errors to one line on stderr and exit status 1."""

    def run(args: argparse.Namespace) -> int:
        try:
            return fn(args)
        except domain_errors() as exc:
            print(f"fogofwar: error: {exc}", file=sys.stderr)
            return 1
        except BrokenPipeError:  # output piped into `head`: stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0

    run.__doc__ = fn.__doc__
    return run


def open_ledger(args: argparse.Namespace) -> Ledger:
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
    p.add_argument("--country", help="country name, exact, any case")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="events ending on/after")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="events starting on/before")
    p.add_argument("--actor", help="actor name or alias (substring, any case)")
    p.add_argument("--war", help="war the event is part of (substring, any case)")


def add_policy_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--policy",
        metavar="FILE",
        help="reconciliation policy TOML (default: the shipped data/policy.toml)",
    )
