"""The history command: how an event's figures changed across the revisions of its page."""

from __future__ import annotations

import argparse
import json

from fogofwar.cli.common import add_db_option, guard, open_ledger
from fogofwar.ledger.history import event_history

EPILOG = """\
Revisions come from a dump's page history (fogofwar ingest DUMP.xml.bz2) or from re-ingesting
an article; they are ordered by revision timestamp where every one has it.

example (tests/data/dumps/korytsa-history-0.11.xml, a page with four revisions):
  $ fogofwar ingest korytsa-history-0.11.xml && fogofwar history battle-of-korytsa-1940
  battle-of-korytsa-1940: 4 revisions (rev 902502420, 2019-06-19, by 213.169.33.98 ... )
    killed side 2: 624 (rev 902502420, 2019-06-19, by 213.169.33.98) -> 700 (rev 902600001,
    2019-07-01, by ExampleEditor) -> 624 (rev 902800003, 2019-09-01, by ExampleEditor)
"""


@guard
def cmd_history(args: argparse.Namespace) -> int:
    """When each figure of an event appeared, changed and disappeared, by revision id,
    timestamp and editor where the source has them."""
    history = event_history(open_ledger(args), args.event)
    if args.format == "json":  # every figure, changed or not
        print(json.dumps(history.to_dict(), ensure_ascii=False, indent=1))
        return 0
    figures = history.figures if args.all else tuple(history.changed())
    first, last = history.revisions[0], history.revisions[-1]
    print(
        f"{history.event}: {len(history.revisions)} revisions ({first.label()} ... {last.label()})"
    )
    for figure in figures:
        print("  " + figure.line())
    if not figures:
        print("  no figure changed" + ("" if args.all else " (--all lists every figure)"))
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``history`` subcommand."""
    p = subparsers.add_parser(
        "history",
        help="how an event's figures changed across revisions",
        description=cmd_history.__doc__,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("event", metavar="EVENT", help="event id (see `fogofwar events`)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="default: text")
    p.add_argument(
        "--all",
        action="store_true",
        help="text: list every figure, also those that never changed (json always does)",
    )
    add_db_option(p)
    p.set_defaults(handler=cmd_history)
