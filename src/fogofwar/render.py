"""Text rendering for people: claims grouped by event and side, fitting a 100-column terminal."""

from __future__ import annotations

import textwrap
from collections import defaultdict

from fogofwar.model import NUMERIC_KINDS, Claim, Event, Extraction, Value

WIDTH = 100


def format_value(value: Value) -> str:
    """``37``, ``380–396``, ``126+``, ``~12``, ``several dozen (24–99)``."""
    if value.low is None and value.high is None:
        return value.words or "?"
    if value.high is None:
        core = f"{value.low}+"
    elif value.low == value.high:
        core = f"{value.low}"
    else:
        core = f"{value.low}–{value.high}"
    if value.approx:
        core = f"~{core}"
    return f"{value.words} ({core})" if value.words else core


def _side_label(event: Event | None, claim: Claim) -> str:
    if claim.subject.civilian:
        return "civilians"
    if claim.subject.side is None:
        return "side unknown"
    if event is not None:
        for side in event.sides:
            if side.side == claim.subject.side and side.actors:
                names = ", ".join(a.name for a in side.actors[:3])
                more = "…" if len(side.actors) > 3 else ""
                return f"side {side.side}: {names}{more}"
    return f"side {claim.subject.side}"


def extraction_table(extraction: Extraction, width: int = WIDTH) -> str:
    """Every event with its sides, then its claims grouped by side, one line per claim."""
    lines: list[str] = []
    events = {e.id: e for e in extraction.events}
    by_event: dict[str, list[Claim]] = defaultdict(list)
    for claim in extraction.claims:
        by_event[claim.event].append(claim)
    for event in extraction.events:
        lines.append("=" * width)
        lines.append(_fit(f"{event.title}  [{event.kind}]", width))
        when = (
            f"{event.date.start} – {event.date.end} ({event.date.precision})"
            if event.date
            else "date unknown"
        )
        where = (
            event.place.name
            + (f", {event.place.country}" if event.place and event.place.country else "")
            if event.place
            else "place unknown"
        )
        lines.append(_fit(f"  {when} · {where}", width))
        if event.part_of:
            lines.append(_fit(f"  part of: {event.part_of}", width))
        if event.result:
            lines.append(_fit(f"  result: {event.result}", width))
        for side in event.sides:
            actors = ", ".join(a.name for a in side.actors) or "—"
            lines.extend(
                textwrap.wrap(
                    f"  side {side.side}: {actors}", width, subsequent_indent="          "
                )
            )
            if side.commanders:
                cmd = ", ".join(
                    c.name + (f" ({c.fate})" if c.fate else "") for c in side.commanders
                )
                lines.extend(
                    textwrap.wrap(f"    commanders: {cmd}", width, subsequent_indent="          ")
                )
        claims = by_event.get(event.id, [])
        groups: dict[str, list[Claim]] = defaultdict(list)
        for claim in claims:
            key = (
                _side_label(events.get(claim.event), claim)
                if claim.kind in NUMERIC_KINDS
                else "other claims"
            )
            groups[key].append(claim)
        for label in sorted(groups, key=lambda k: (k == "other claims", k)):
            lines.append("")
            lines.append(_fit(f"  {label}", width))
            lines.append("  " + "-" * (width - 2))
            for claim in groups[label]:
                lines.append(_claim_line(claim, width))
        if not claims:
            lines.append("  (no claims found)")
    return "\n".join(lines) + "\n"


def _claim_line(claim: Claim, width: int) -> str:
    who = claim.claimant.name if claim.claimant else "(article's own voice)"
    stance = "" if claim.stance == "assert" else f" [{claim.stance}]"
    where = "+".join(dict.fromkeys(e.section for e in claim.evidence))
    if claim.kind in NUMERIC_KINDS:
        what = f"{claim.kind:<19}{format_value(claim.value):>18}"
        actor = f" {claim.subject.actor}" if claim.subject.actor else ""
        text = f"    {what}{actor}  per {who}{stance}  ·{where}"
    else:
        text = f"    {claim.kind:<10} per {who}{stance}: {claim.value.words or ''}"
    return _fit(text, width)


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
