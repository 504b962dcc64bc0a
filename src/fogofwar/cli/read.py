"""Read commands over the ledger: events, show, estimates, sources."""

from __future__ import annotations

import argparse
import json

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
    estimates,
    event_claims,
    get_event,
    list_events,
    revision_changes,
    source_profiles,
)
from fogofwar.model import Claim
from fogofwar.reconcile import load_policy, reconcile, superseded


@guard
def cmd_estimates(args: argparse.Namespace) -> int:
    """Low / best / high per event x side x kind, with basis and reason."""
    ledger, policy = open_ledger(args), load_policy(args.policy)
    if args.event:
        get_event(ledger, args.event)
    ests = estimates(ledger, EventFilter(ids=(args.event,) if args.event else ()), policy)
    if args.format == "json":
        print(json.dumps({"estimates": [e.to_dict() for e in ests]}, ensure_ascii=False, indent=1))
    else:
        for e in ests:
            print(
                f"{e.event}  {whose(e)}  {e.kind}: low {e.low}  best {e.best}  high {e.high}"
                f"\n    basis: {', '.join(e.basis)}\n    {e.reason}"
            )
    return 0


@guard
def cmd_sources(args: argparse.Namespace) -> int:
    """Per claimant: claims, events, median ratio of adversary-loss figures to the best."""
    profiles = source_profiles(open_ledger(args), load_policy(args.policy))
    if args.format == "json":
        print(
            json.dumps({"sources": [p.to_dict() for p in profiles]}, ensure_ascii=False, indent=1)
        )
    else:
        print(
            table(
                [
                    [
                        p.claimant,
                        "/".join(p.kinds),
                        ",".join(map(str, p.sides)),
                        p.claims,
                        p.events,
                        p.compared,
                        p.median_ratio,
                    ]
                    for p in profiles
                ],
                ["claimant", "kind", "side", "claims", "events", "compared", "median_ratio"],
            )
        )
    return 0


@guard
def cmd_events(args: argparse.Namespace) -> int:
    """List events matching the filters."""
    events = list_events(open_ledger(args), event_filter(args))
    if args.format == "json":
        print(json.dumps({"events": [e.to_dict() for e in events]}, ensure_ascii=False, indent=1))
    else:
        print(
            table(
                [
                    [
                        e.id,
                        e.date.start if e.date else None,
                        e.place.country if e.place else None,
                        e.title,
                    ]
                    for e in events
                ],
                ["id", "start", "country", "title"],
            )
        )
    return 0


def _claim_line(c: Claim) -> str:
    v = c.value
    num = f"{v.low}" if v.high == v.low else f"{v.low}+" if v.high is None else f"{v.low}-{v.high}"
    if v.low is None:
        num = ""
    words = f" {v.words!r}" if v.words else ""
    truth = "" if v.truth is None else f" [{'true' if v.truth else 'false'}]"
    who = c.claimant.name if c.claimant else "(the text itself)"
    when = f" on {c.said_on}" if c.said_on else ""
    verb = {
        "assert": "asserts",
        "revise": "revises",
        "corroborate": "corroborates",
        "deny": "denies",
    }.get(c.stance, c.stance)
    return f"{c.id}: {num}{words}{truth} -- {who} {verb}{when}"


@guard
def cmd_show(args: argparse.Namespace) -> int:
    """One event: sides, commanders, claims by kind and side with evidence, estimates."""
    ledger, policy = open_ledger(args), load_policy(args.policy)
    ev = get_event(ledger, args.event)
    claims = event_claims(ledger, [ev.id])[ev.id]
    ests = reconcile(claims, policy)
    changes = revision_changes(ledger, ev.id)
    if args.format == "json":
        print(
            json.dumps(
                {
                    "event": ev.to_dict(),
                    "claims": [c.to_dict() for c in claims],
                    "estimates": [e.to_dict() for e in ests],
                    "revisions": [
                        {
                            "document": r.document,
                            "revision": r.revision_no,
                            "previous": r.previous,
                            "added": [c.to_dict() for c in r.added],
                            "withdrawn": [c.to_dict() for c in r.withdrawn],
                        }
                        for r in changes
                    ],
                },
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    d, p = ev.date, ev.place
    print(f"{ev.title}  [{ev.id}]\n  kind: {ev.kind}  part of: {ev.part_of}  result: {ev.result}")
    print(
        f"  date: {d.start if d else None} .. {d.end if d else None} ({d.precision if d else None})"
    )
    if p:
        where = f"{p.lat}, {p.lon}" if p.lat is not None and p.lon is not None else "no coordinates"
        country = f", {p.country}" if p.country else ""
        print(f"  place: {p.name}{country} ({where}; where_prec {p.precision})")
    for s in ev.sides:
        cmd = ", ".join(c.name + (f" ({c.fate})" if c.fate else "") for c in s.commanders)
        print(
            f"  side {s.side}: {', '.join(a.name for a in s.actors)}"
            + (f"; commanders: {cmd}" if cmd else "")
        )
    print("claims:")
    replaced = superseded(claims, policy)
    for (kind, owner), group in claim_groups(claims).items():
        print(f"  {kind}, {owner}:")
        for c in group:
            later = f" [replaced by {replaced[c.id]}]" if c.id in replaced else ""
            print(f"    {_claim_line(c)}{later}")
            for x in c.evidence:
                print(f'      "{x.text}" ({x.section}, {x.start}-{x.end})')
    for line in beside_lines(claims, policy):  # datasets' rows beside the articles (exports helper)
        print(f"beside: {line}")
    print("estimates:")
    for e in ests:
        print(f"  {e.kind}, {whose(e)}: low {e.low}  best {e.best}  high {e.high}\n    {e.reason}")
    for r in changes:
        print(f"revision {r.revision_no} ({r.document[:12]}) against {r.previous[:12]}:")
        for c in r.added:
            print(f"  added     {_claim_line(c)}")
        for c in r.withdrawn:
            print(f"  withdrawn {_claim_line(c)}")
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
    p.add_argument("event", nargs="?", help="event id (default: all events)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    add_policy_option(p)
    add_db_option(p)
    p.set_defaults(handler=cmd_estimates)

    p = subparsers.add_parser(
        "sources", help="claimant profiles across the ledger", description=cmd_sources.__doc__
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
