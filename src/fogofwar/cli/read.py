"""Read commands over the ledger: events, show, estimates, sources. They open the ledger
read-only and never change it."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from typing import Any

from fogofwar.cli.common import (
    add_db_option,
    add_filter_options,
    add_policy_option,
    event_filter,
    guard,
    open_ledger,
    table,
    whose,
)
from fogofwar.datasets.beside import beside_lines
from fogofwar.ledger import (
    EventFilter,
    claim_groups,
    document_texts,
    event_claims,
    get_event,
    iter_estimates,
    list_events,
    revision_changes,
    source_profiles,
)
from fogofwar.model import Estimate
from fogofwar.reconcile import load_policy, reconcile, superseded
from fogofwar.render import amount, claim_summary, event_header, evidence_lines


def print_json_list(key: str, items: Iterable[dict[str, Any]]) -> None:
    """``{"key": [...]}`` written item by item, so a long list is never held whole."""
    print(f'{{"{key}": [', end="")
    for i, item in enumerate(items):
        print(("," if i else "") + "\n " + json.dumps(item, ensure_ascii=False), end="")
    print("\n]}")


def estimate_line(e: Estimate) -> str:
    return (
        f"{e.event}  {whose(e)}  {e.kind}: low {amount(e.low)}  best {amount(e.best)}  "
        f"high {amount(e.high)}"
    )


@guard
def cmd_estimates(args: argparse.Namespace) -> int:
    """Low / best / high per event x side x kind, with basis and reason, reconciled event by
    event (any size of ledger)."""
    ledger, policy = open_ledger(args), load_policy(args.policy)
    flt = event_filter(args)
    if args.event:
        get_event(ledger, args.event)
        flt = EventFilter(ids=(args.event,))
    ests = iter_estimates(ledger, flt, policy)
    if args.format == "json":
        print_json_list("estimates", (e.to_dict() for e in ests))
    else:
        for e in ests:
            print(f"{estimate_line(e)}\n    basis: {', '.join(e.basis)}\n    {e.reason}")
    return 0


SOURCES_HELP = """\
Per claimant across the ledger: its kind as the extraction found it (a party is a side; one no
side was found for is shown as unknown), claims, events, the events in which it spoke for a side,
and the median ratio of its figures about its adversaries' losses to the reconciled best (above
1: it claims more than the ledger's best). One claimant written differently is one row: any
case or spacing, and within one event a surname and the full name, an abbreviation and the name.
"""


@guard
def cmd_sources(args: argparse.Namespace) -> int:
    """Per claimant: kind, claims, events, median ratio of adversary-loss figures to the best."""
    profiles = source_profiles(open_ledger(args), load_policy(args.policy))
    if args.format == "json":
        print_json_list("sources", (p.to_dict() for p in profiles))
        return 0
    rows = [
        [
            p.claimant,
            "/".join(p.kinds),
            p.claims,
            p.events,
            p.aligned_events,
            p.compared,
            "" if p.median_ratio is None else p.median_ratio,
            ", ".join(p.aliases),
        ]
        for p in profiles
    ]
    head = ["claimant", "kind", "claims", "events", "for a side", "compared", "median ratio"]
    print(table(rows, [*head, "also written"]))
    return 0


@guard
def cmd_events(args: argparse.Namespace) -> int:
    """List events matching the filters."""
    events = list_events(open_ledger(args), event_filter(args))
    if args.format == "json":
        print(json.dumps({"events": [e.to_dict() for e in events]}, ensure_ascii=False, indent=1))
    else:
        rows = [
            [e.id, e.date.start if e.date else None, e.place.country if e.place else None, e.title]
            for e in events
        ]
        print(table(rows, ["id", "start", "country", "title"]))
    return 0


@guard
def cmd_show(args: argparse.Namespace) -> int:
    """One event: its facts, claims by kind and side with their evidence in its sentence,
    estimates, and what each later revision of its article added and withdrew."""
    ledger, policy = open_ledger(args), load_policy(args.policy)
    ev = get_event(ledger, args.event)
    claims = event_claims(ledger, [ev.id])[ev.id]
    ests = reconcile(claims, policy, events=[ev])
    changes = revision_changes(ledger, ev.id)
    if args.format == "json":
        revisions = [
            {
                "document": r.document,
                "revision": r.revision_no,
                "previous": r.previous,
                "added": [c.to_dict() for c in r.added],
                "withdrawn": [c.to_dict() for c in r.withdrawn],
            }
            for r in changes
        ]
        out = {
            "event": ev.to_dict(),
            "claims": [c.to_dict() for c in claims],
            "estimates": [e.to_dict() for e in ests],
            "revisions": revisions,
        }
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    texts = document_texts(ledger, (x.document for c in claims for x in c.evidence))
    print("\n".join(event_header(ev)))
    print("claims:")
    replaced = superseded(claims, policy)
    for (kind, owner), group in claim_groups(claims).items():
        print(f"  {kind}, {owner}:")
        for c in group:
            later = f" [replaced by {replaced[c.id]}]" if c.id in replaced else ""
            print(f"    {claim_summary(c)}{later}")
            for line in evidence_lines(c, texts):
                print(line)
    for line in beside_lines(claims, policy, ev):  # datasets' rows beside the articles
        print(f"beside: {line}")
    print("estimates:")
    for e in ests:
        print(
            f"  {e.kind}, {whose(e)}: low {amount(e.low)}  best {amount(e.best)}  "
            f"high {amount(e.high)}\n    {e.reason}"
        )
    for r in changes:
        print(f"revision {r.revision_no} ({r.document[:12]}) against {r.previous[:12]}:")
        for c in r.added:
            print(f"  added     {claim_summary(c)}")
        for c in r.withdrawn:
            print(f"  withdrawn {claim_summary(c)}")
        if not r.added and not r.withdrawn:
            print("  no change in this event's claims")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands; each sets ``handler``: args -> exit status."""
    p = subparsers.add_parser(
        "estimates",
        help="reconciled low/best/high per event, side, kind",
        description=cmd_estimates.__doc__,
    )
    p.add_argument("event", nargs="?", help="event id (default: every event the filters match)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    add_filter_options(p)
    add_policy_option(p)
    add_db_option(p)
    p.set_defaults(handler=cmd_estimates)

    p = subparsers.add_parser(
        "sources",
        help="claimant profiles across the ledger",
        description=SOURCES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    add_policy_option(p)
    add_db_option(p)
    p.set_defaults(handler=cmd_sources)

    p = subparsers.add_parser("events", help="list events", description=cmd_events.__doc__)
    add_filter_options(p)
    p.add_argument("--format", choices=("table", "json"), default="table")
    add_db_option(p)
    p.set_defaults(handler=cmd_events)

    p = subparsers.add_parser(
        "show",
        help="one event with its claims, evidence and estimates",
        description=cmd_show.__doc__,
    )
    p.add_argument("event", help="event id")
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_policy_option(p)
    add_db_option(p)
    p.set_defaults(handler=cmd_show)
