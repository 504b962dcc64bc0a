"""Text rendering for people: claims grouped by event and side, fitting a 100-column terminal."""

from __future__ import annotations

import re
import textwrap
from collections import defaultdict

from fogofwar.model import NUMERIC_KINDS, Claim, DateSpan, Event, Extraction, Value

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


# UCDP GED codebook codes, as FIELD-NOTES.md section 2.2 gives them.
WHERE_PREC = {
    1: "exact coordinates",
    2: "a limited area around the named place (about 25 km)",
    3: "the centroid of a second-order administrative division (ADM2)",
    4: "the centroid of a first-order administrative division (ADM1)",
    5: "a part of the country larger than ADM1, between places, or vaguely placed",
    6: "the whole country (its centroid)",
    7: "water or international airspace",
}
DATE_PRECISION = {
    "day": "known to the day",
    "week": "known to a week",
    "month": "known to a month",
    "year": "known to a year",
}
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?](?=\s)|\n")  # not after an initial: "U.S."
CONTEXT_MAX = 400  # characters of a sentence shown around a piece of evidence


def where_prec_words(code: int | None) -> str:
    """``where_prec 2: a limited area around the named place (about 25 km)``."""
    if code is None:
        return "precision unknown"
    return f"UCDP where_prec {code}: {WHERE_PREC.get(code, 'not a UCDP code')}"


def span_words(date: DateSpan) -> str:
    """``2014-07-09 – 2014-07-11 (known to the day)``; unknown ends are left out."""
    ends = [d for d in dict.fromkeys((date.start, date.end)) if d]
    when = " – ".join(ends) if ends else "unknown"
    words = DATE_PRECISION.get(date.precision or "")
    return f"{when} ({words})" if words else when


def sentence_around(text: str, start: int, end: int) -> str | None:
    """The sentence (or infobox line) of ``text`` holding ``start..end``, at most CONTEXT_MAX
    characters, ``…`` where cut; None when the offsets are not in the text."""
    if not (0 <= start < end <= len(text)):
        return None
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    stop = _SENTENCE_END.search(text, end)
    right = len(text) if stop is None else stop.start() if stop.group() == "\n" else stop.end()
    if right - left > CONTEXT_MAX:  # centre the evidence in what is shown
        room = max(0, (CONTEXT_MAX - (end - start)) // 2)
        cut_left, cut_right = max(left, start - room), min(right, end + room)
        return (
            ("…" if cut_left > left else "")
            + " ".join(text[cut_left:cut_right].split())
            + ("…" if cut_right < right else "")
        )
    return " ".join(text[left:right].split())


def amount(n: int | None) -> str:
    """A figure of an estimate, ``unknown`` for none (never ``None``)."""
    return "unknown" if n is None else str(n)


def event_header(ev: Event) -> list[str]:
    """The event's own facts for ``show``; what is unknown is left out, codes are explained."""
    lines = [f"{ev.title}  [{ev.id}]"]
    facts = [f"kind: {ev.kind}"]
    if ev.part_of:
        facts.append(f"part of: {ev.part_of}")
    if ev.result:
        facts.append(f"result: {ev.result}")
    lines.append("  " + "  ·  ".join(facts))
    if ev.date and (ev.date.start or ev.date.end):
        lines.append(f"  date: {span_words(ev.date)}")
    p = ev.place
    if p:
        name = ", ".join(x for x in (p.name, p.admin1, p.country) if x)
        where = f"{p.lat}, {p.lon}; " if p.lat is not None and p.lon is not None else ""
        lines.append(f"  place: {name} ({where}{where_prec_words(p.precision)})")
    for s in ev.sides:
        cmd = ", ".join(c.name + (f" ({c.fate})" if c.fate else "") for c in s.commanders)
        actors = ", ".join(a.name for a in s.actors) or "(no actor named)"
        lines.append(f"  side {s.side}: {actors}" + (f"; commanders: {cmd}" if cmd else ""))
    return lines


def claim_summary(c: Claim) -> str:
    """``c05: 37 'thirty-seven' -- Malijet asserts on 2014-07-11``."""
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
    scope = "" if c.scope == "total" else f" ({c.scope} figure)"
    return f"{c.id}: {num}{words}{truth}{scope} -- {who} {verb}{when}"


def evidence_lines(c: Claim, texts: dict[str, str]) -> list[str]:
    """Each piece of evidence, then the sentence it stands in when that says more."""
    out = []
    for x in c.evidence:
        out.append(f'      "{x.text}" ({x.section}, {x.start}-{x.end})')
        text = texts.get(x.document)
        around = sentence_around(text, x.start, x.end) if text else None
        if around and " ".join(x.text.split()) != around:
            out.append(f"        in: {around}")
        for cited in x.citations:  # the sources the article cites for it (wikitext)
            out.append(f"        cited: {cited.label()}")
    return out
