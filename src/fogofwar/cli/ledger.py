"""Ledger commands: ingest, estimates, sources, events, show, export. Thin over the library."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from fogofwar.errors import FogofwarError
from fogofwar.ledger import (
    EventFilter,
    Ledger,
    LedgerError,
    claim_groups,
    default_path,
    estimates,
    event_claims,
    get_event,
    ingest_document,
    list_events,
    revision_changes,
    source_profiles,
    split,
)
from fogofwar.model import Claim, Estimate, Extraction
from fogofwar.reconcile import load_policy, reconcile, superseded

Handler = Callable[[argparse.Namespace], int]


def _errors() -> tuple[type[Exception], ...]:
    return (FogofwarError,)  # LedgerError and PolicyError included


def _guard(fn: Handler) -> Handler:
    """Map domain errors to one line on stderr and exit status 1."""

    def run(args: argparse.Namespace) -> int:
        try:
            return fn(args)
        except _errors() as exc:
            print(f"fogofwar: error: {exc}", file=sys.stderr)
            return 1
        except BrokenPipeError:  # output piped into `head`: stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0

    run.__doc__ = fn.__doc__
    return run


def _ledger(args: argparse.Namespace) -> Ledger:
    return Ledger(args.db)


def read_extraction(path: str) -> Extraction:
    """An extraction JSON file (``{"fogofwar": ...}``) as stored by ``fogofwar extract``."""
    p = Path(path)
    try:
        data = json.loads(p.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LedgerError(f"{path}: cannot read extraction JSON: {exc}") from None
    if not isinstance(data, dict) or "fogofwar" not in data:
        raise LedgerError(f"{path}: not a fogofwar extraction (no 'fogofwar' key)")
    try:
        return Extraction.from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise LedgerError(f"{path}: malformed extraction: missing {exc}") from None


def extract_articles(paths: Sequence[str]) -> tuple[Extraction, list[str]]:
    """Articles through the extractor: the extraction and one error line per failed file."""
    try:
        from fogofwar.extract import extract_paths
    except ImportError:
        return Extraction((), (), ()), [
            f"{p}: extraction is not available; give an extraction JSON" for p in paths
        ]
    got = extract_paths(list(paths))
    return got if isinstance(got, tuple) else (got, [])


def _store(ledger: Ledger, x: Extraction, args: argparse.Namespace, bar: Any) -> int:
    """Ingest one extraction document by document; returns the number that failed."""
    failed = 0
    for part in split(x):
        try:
            r = ingest_document(ledger, *part)
        except _errors() as exc:
            failed += 1
            bar.write(f"fogofwar: error: {exc}", file=sys.stderr)
            continue
        finally:
            bar.update(1)
        if not args.quiet:
            status = f"revision {r.revision_no}" if r.status == "revision" else r.status
            bar.write(f"{status:<11} {r.title} ({r.events} events, {r.claims} claims)")
    return failed


@_guard
def cmd_ingest(args: argparse.Namespace) -> int:
    """Store documents, events and claims (extraction JSON or articles); one document, one
    transaction. Exit status 1 if any file or document failed."""
    from tqdm import tqdm

    ledger, failed = _ledger(args), 0
    files: Sequence[str] = args.files
    jsons = [f for f in files if f.endswith(".json")]
    articles = [f for f in files if not f.endswith(".json")]
    bar = tqdm(
        total=len(files), unit="doc", disable=None if len(files) > 1 else True, file=sys.stderr
    )
    for path in jsons:
        try:
            x = read_extraction(path)
            split(x)
        except _errors() as exc:
            failed += 1
            bar.write(f"fogofwar: error: {exc}", file=sys.stderr)
            bar.update(1)
            continue
        bar.total = (bar.total or 0) + len(x.documents) - 1
        failed += _store(ledger, x, args, bar)
    if articles:
        x, errors = extract_articles(articles)
        for line in errors:
            bar.write(f"fogofwar: error: {line}", file=sys.stderr)
            bar.update(1)
        failed += len(errors) + _store(ledger, x, args, bar)
    bar.close()
    ledger.close()
    return 1 if failed else 0


def _table(rows: list[list[Any]], head: list[str]) -> str:
    cells = [head] + [["" if v is None else str(v) for v in r] for r in rows]
    width = [max(len(r[i]) for r in cells) for i in range(len(head))]
    return "\n".join(
        "  ".join(v.ljust(w) for v, w in zip(r, width, strict=True)).rstrip() for r in cells
    )


def _whose(e: Estimate) -> str:
    s = "civilians" if e.civilian else f"side {e.side}" if e.side is not None else "unknown"
    return f"{s} ({e.actor})" if e.actor else s


@_guard
def cmd_estimates(args: argparse.Namespace) -> int:
    """Low / best / high per event x side x kind, with basis and reason."""
    ledger, policy = _ledger(args), load_policy(args.policy)
    if args.event:
        get_event(ledger, args.event)
    ests = estimates(ledger, EventFilter(ids=(args.event,) if args.event else ()), policy)
    if args.format == "json":
        print(json.dumps({"estimates": [e.to_dict() for e in ests]}, ensure_ascii=False, indent=1))
    else:
        for e in ests:
            print(
                f"{e.event}  {_whose(e)}  {e.kind}: low {e.low}  best {e.best}  high {e.high}"
                f"\n    basis: {', '.join(e.basis)}\n    {e.reason}"
            )
    return 0


@_guard
def cmd_sources(args: argparse.Namespace) -> int:
    """Per claimant: claims, events, median ratio of adversary-loss figures to the best."""
    profiles = source_profiles(_ledger(args), load_policy(args.policy))
    if args.format == "json":
        print(
            json.dumps({"sources": [p.to_dict() for p in profiles]}, ensure_ascii=False, indent=1)
        )
    else:
        print(
            _table(
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


def _filter(args: argparse.Namespace) -> EventFilter:
    return EventFilter(
        country=args.country,
        date_from=args.date_from,
        date_to=args.date_to,
        actor=args.actor,
        war=args.war,
    )


@_guard
def cmd_events(args: argparse.Namespace) -> int:
    """List events matching the filters."""
    events = list_events(_ledger(args), _filter(args))
    if args.format == "json":
        print(json.dumps({"events": [e.to_dict() for e in events]}, ensure_ascii=False, indent=1))
    else:
        print(
            _table(
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


@_guard
def cmd_show(args: argparse.Namespace) -> int:
    """One event: sides, commanders, claims by kind and side with evidence, estimates."""
    ledger, policy = _ledger(args), load_policy(args.policy)
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
    for (kind, whose), group in claim_groups(claims).items():
        print(f"  {kind}, {whose}:")
        for c in group:
            later = f" [replaced by {replaced[c.id]}]" if c.id in replaced else ""
            print(f"    {_claim_line(c)}{later}")
            for x in c.evidence:
                print(f'      "{x.text}" ({x.section}, {x.start}-{x.end})')
    print("estimates:")
    for e in ests:
        print(f"  {e.kind}, {_whose(e)}: low {e.low}  best {e.best}  high {e.high}\n    {e.reason}")
    for r in changes:
        print(f"revision {r.revision_no} ({r.document[:12]}) against {r.previous[:12]}:")
        for c in r.added:
            print(f"  added     {_claim_line(c)}")
        for c in r.withdrawn:
            print(f"  withdrawn {_claim_line(c)}")
        if not r.added and not r.withdrawn:
            print("  no change in this event's claims")
    return 0


@_guard
def cmd_export(args: argparse.Namespace) -> int:
    """Export events and claims in a field format."""
    from fogofwar.export import export

    n = export(_ledger(args), args.format, args.output, _filter(args), load_policy(args.policy))
    if args.output:
        print(f"wrote {n} rows to {args.output}", file=sys.stderr)
    return 0


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help=f"ledger: a file path, sqlite:///FILE or postgresql://USER@HOST/DB "
        f"(default: $FOGOFWAR_DB, else {default_path()})",
    )


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--country", help="country name, exact, any case")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="events ending on/after")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="events starting on/before")
    p.add_argument("--actor", help="actor name or alias (substring, any case)")
    p.add_argument("--war", help="war the event is part of (substring, any case)")


def _policy(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--policy",
        metavar="FILE",
        help="reconciliation policy TOML (default: the shipped data/policy.toml)",
    )


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ledger subcommands; each sets ``handler`` (alias ``func``): args -> exit status."""
    p = subparsers.add_parser(
        "ingest",
        help="store extracted documents, events and claims",
        description=cmd_ingest.__doc__,
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="extraction JSON files (or articles, extracted on the way)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no line per document")
    _common(p)
    p.set_defaults(handler=cmd_ingest)

    p = subparsers.add_parser(
        "estimates",
        help="reconciled low/best/high per event, side, kind",
        description=cmd_estimates.__doc__,
    )
    p.add_argument("event", nargs="?", help="event id (default: all events)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    _policy(p)
    _common(p)
    p.set_defaults(handler=cmd_estimates)

    p = subparsers.add_parser(
        "sources", help="claimant profiles across the ledger", description=cmd_sources.__doc__
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    _policy(p)
    _common(p)
    p.set_defaults(handler=cmd_sources)

    p = subparsers.add_parser("events", help="list events", description=cmd_events.__doc__)
    _filters(p)
    p.add_argument("--format", choices=("table", "json"), default="table")
    _common(p)
    p.set_defaults(handler=cmd_events)

    p = subparsers.add_parser(
        "show",
        help="one event with its claims, evidence and estimates",
        description=cmd_show.__doc__,
    )
    p.add_argument("event", help="event id")
    p.add_argument("--format", choices=("text", "json"), default="text")
    _policy(p)
    _common(p)
    p.set_defaults(handler=cmd_show)

    p = subparsers.add_parser(
        "export", help="export in a field format", description=cmd_export.__doc__
    )
    p.add_argument(
        "--format", required=True, choices=("json", "ucdp-csv", "acled-csv", "geojson", "parquet")
    )
    p.add_argument("-o", "--output", metavar="FILE", help="output file (default: stdout)")
    _filters(p)
    _policy(p)
    _common(p)
    p.set_defaults(handler=cmd_export)
