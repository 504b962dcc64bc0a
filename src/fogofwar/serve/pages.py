"""What each web page shows, shaped from the library's data for the templates (no HTML here
except the server-drawn charts of ``chart`` and ``warchart``)."""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from urllib.parse import quote, urlencode

from markupsafe import Markup

from fogofwar.model import NUMERIC_KINDS, Claim, Document, Estimate, Event, Extraction
from fogofwar.reconcile import Policy, reconcile, superseded
from fogofwar.render import format_value
from fogofwar.serve.chart import (
    ALIGNMENTS,
    Mark,
    Ratio,
    alignment,
    ratio_chart,
    spread_chart,
    status_of,
    subject_key,
    whose,
)
from fogofwar.serve.warchart import event_map, located_events, timeline

__all__ = ["ALIGNMENTS", "format_value"]

_ISO_DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def bad_dates(*values: str) -> str | None:
    """A message when a date bound is not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    for v in values:
        if v.strip() and not _ISO_DAY.match(v.strip()):
            return f"{v!r} is not a date: use YYYY-MM-DD (or YYYY-MM, YYYY)"
    return None


@dataclass(frozen=True)
class Listing:
    """One page of matching events, with the links to its neighbours."""

    events: list[Event]
    total: int
    page: int
    pages: int
    first: int
    prev_url: str | None
    next_url: str | None

    @classmethod
    def of(
        cls, events: list[Event], total: int, page: int, per_page: int, form: dict[str, str]
    ) -> Listing:
        """The page of ``total`` matching events holding ``events`` (page numbers from 1)."""
        pages = max(1, -(-total // per_page))
        kept = {k: v for k, v in form.items() if v}

        def url(n: int) -> str:
            return "/?" + urlencode({**kept, "page": n})

        return cls(
            events,
            total,
            page,
            pages,
            (page - 1) * per_page + 1,
            url(page - 1) if page > 1 else None,
            url(page + 1) if page < pages else None,
        )


def killed_best(estimates: Iterable[Estimate]) -> dict[str, int]:
    """Per event: the sum of the best killed figures of its sides and civilians (side totals
    only, never an actor's part of a side)."""
    out: dict[str, int] = {}
    for e in estimates:
        if e.kind == "killed" and e.actor is None and e.best is not None:
            out[e.event] = out.get(e.event, 0) + e.best
    return out


@dataclass(frozen=True)
class Segment:
    """A stretch of the article text: the claim anchors covering it and anchors starting here."""

    text: str
    claims: tuple[str, ...] = ()
    starts: tuple[str, ...] = ()
    heading: bool = False


_HEADING = re.compile(r"^(=+)[^\n=][^\n]*?\1[ \t]*$", re.MULTILINE)


def highlighted(text: str, spans: Sequence[tuple[int, int, str, str]]) -> list[Segment]:
    """The text cut at every evidence boundary and around section headings (``== X ==``
    lines); ``spans`` are (start, end, claim anchor, evidence anchor), offsets into ``text``."""
    cuts = {0, len(text)}
    good = [(s, e, c, a) for s, e, c, a in spans if 0 <= s < e <= len(text)]
    for s, e, _c, _a in good:
        cuts.update((s, e))
    headings = [(m.start(), m.end()) for m in _HEADING.finditer(text)]
    for s, e in headings:
        cuts.update((s, e))
    bounds = sorted(cuts)
    out = []
    for lo, hi in pairwise(bounds):
        covering = tuple(dict.fromkeys(c for s, e, c, _a in good if s <= lo and e >= hi))
        starts = tuple(a for s, _e, _c, a in good if s == lo)
        heading = any(s <= lo and hi <= e for s, e in headings)
        out.append(Segment(text[lo:hi], covering, starts, heading))
    return out


@dataclass(frozen=True)
class ClaimRow:
    """A claim as the claims table shows it."""

    claim: Claim
    anchor: str
    evidence: tuple[str, ...]
    alignment: str
    status: str
    replaced_by: str | None  # the anchor of the revision that replaced it
    note: str | None = None


@dataclass(frozen=True)
class EstimateRow:
    estimate: Estimate
    label: str


@dataclass
class EventView:
    event: Event
    document: Document | None
    rows: list[ClaimRow]
    estimates: list[EstimateRow]
    chart: Markup | None
    segments: list[Segment] = field(default_factory=list)


def _side_names(event: Event) -> dict[int, str]:
    out = {}
    for s in event.sides:
        names = [a.name for a in s.actors[:2]]
        out[s.side] = ", ".join(names) + (", …" if len(s.actors) > 2 else "")
    return out


def event_view(
    found: Extraction, policy: Policy, earlier: Sequence[tuple[Claim, int]] = ()
) -> EventView:
    """The event page's data from the event's extraction (event, its claims, its document) and
    the claims later revisions of its document withdrew (with the revision that did)."""
    event = found.events[0]
    claims = [c for c in found.claims if c.event == event.id]
    doc = next((d for d in found.documents if d.id == event.document), None)
    replaced = superseded(claims, policy)
    ids = {c.id: f"claim-{i}" for i, c in enumerate(claims, start=1)}
    rows, spans = [], []
    for i, c in enumerate(claims, start=1):
        mine = [ev for ev in c.evidence if doc is not None and ev.document == doc.id]
        ev_anchors = tuple(f"ev-{i}-{j}" for j in range(len(mine)))
        spans += [
            (ev.start, ev.end, f"claim-{i}", a) for ev, a in zip(mine, ev_anchors, strict=True)
        ]
        status = status_of(c, replaced)
        rows.append(
            ClaimRow(
                c, f"claim-{i}", ev_anchors, alignment(c), status, ids.get(replaced.get(c.id, ""))
            )
        )
    for j, (c, revision) in enumerate(earlier, start=len(claims) + 1):
        note = f"withdrawn by revision {revision} of the document"
        rows.append(ClaimRow(c, f"claim-{j}", (), alignment(c), "withdrawn", None, note))
    sides = _side_names(event)
    estimates = reconcile(claims, policy, events=[event])
    marks = [Mark(r.claim, r.status, r.anchor) for r in rows]
    return EventView(
        event,
        doc,
        rows,
        [
            EstimateRow(
                e, f"{e.kind.replace('_', ' ')} — {whose(e.side, e.actor, e.civilian, sides)}"
            )
            for e in estimates
        ],
        spread_chart(marks, estimates, sides),
        highlighted(doc.text, spans) if doc is not None else [],
    )


@dataclass
class SourceView:
    name: str
    rows: list[tuple[Claim, Event | None, str]]  # claim, its event, its page anchor
    chart: Markup | None
    medians: list[tuple[str, int, float]]  # alignment label, figures compared, median ratio
    ratios: dict[str, float]


def source_view(
    name: str,
    claims: Sequence[Claim],
    events: Sequence[Event],
    estimates: Sequence[Estimate],
    policy: Policy,
) -> SourceView:
    """A claimant's claims and each of its figures divided by its group's reconciled best."""
    by_id = {e.id: e for e in events}
    best = {(e.event, *subject_key_of(e)): e.best for e in estimates}
    replaced = superseded(claims, policy)
    rows, ratios = [], []
    by_alignment: dict[str, list[float]] = {}
    for i, c in enumerate(claims, start=1):
        anchor = f"claim-{i}"
        ev = by_id.get(c.event)
        rows.append((c, ev, anchor))
        ref = best.get((c.event, *subject_key(c)))
        if c.kind not in NUMERIC_KINDS or c.value.low is None or c.stance == "deny" or not ref:
            continue
        title = ev.title if ev else c.event
        label = f"{title} · {c.kind.replace('_', ' ')} {whose(*subject_key(c)[:3], {})}"
        ratios.append(Ratio(label, Mark(c, status_of(c, replaced), anchor), ref))
        by_alignment.setdefault(alignment(c), []).append(c.value.low / ref)
    medians = [
        (ALIGNMENTS[k][0], len(v), round(statistics.median(v), 3)) for k, v in by_alignment.items()
    ]
    return SourceView(
        name,
        rows,
        ratio_chart(ratios),
        medians,
        {r.mark.anchor: round((r.mark.claim.value.low or 0) / r.best, 3) for r in ratios},
    )


def subject_key_of(e: Estimate) -> tuple[int | None, str | None, bool, str]:
    return (e.side, e.actor, e.civilian, e.kind)


@dataclass
class WarView:
    events: list[Event]
    timeline: Markup | None
    map: Markup | None
    numbers: dict[str, int]  # event id -> its number on the map
    unplaced: list[Event]


def war_view(events: Sequence[Event]) -> WarView:
    """A war's events by date, on a timeline and (those with coordinates) on a map."""
    href = {e.id: f"/events/{quote(e.id, safe='')}" for e in events}
    located = located_events(events)
    numbers = {ev.id: i for i, (ev, _lon, _lat) in enumerate(located, start=1)}
    return WarView(
        list(events),
        timeline(events, href),
        event_map(events, href),
        numbers,
        [e for e in events if e.id not in numbers],
    )
