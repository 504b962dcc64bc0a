"""When each sentence happens: the date a paragraph has reached, so that figures about fighting
well outside the event's own dates (later battles told in an aftermath section, earlier ones in a
background) are not taken for the event's."""

from __future__ import annotations

import datetime
import re

from fogofwar.extract.dates import DateMention, find_dates
from fogofwar.extract.related import names_other_event
from fogofwar.extract.sentences import Sentence
from fogofwar.model import DateSpan

BEFORE = datetime.timedelta(days=7)
AFTER = datetime.timedelta(days=31)
_ABOUT_THE_EVENT = re.compile(
    r"\b(?:the|this|that)\s+(?:battle|siege|attack|offensive|fighting|assault|ambush|massacre|"
    r"operation|clashes|campaign|raid|capture|fall)\b",
    re.IGNORECASE,
)


_UNTIL = re.compile(r"\b(?:until|till)\b[^.;:]{0,60}$", re.IGNORECASE)
"""A date that ends a span begun in the event ("out of action until ... on 1 April 1945"):
the sentence is still set in the event, and so are the ones after it."""


def outside_event(sents: list[Sentence], span: DateSpan | None, own_title: str = "") -> set[int]:
    """Offsets of the sentences about another event: set at a time well outside ``span`` (and not
    speaking of the event itself), or naming another event (with ``own_title``, the article's)."""
    out = _naming_other_events(sents, span, own_title) if own_title else set()
    return out | _elsewhen(sents, span)


def _naming_other_events(sents: list[Sentence], span: DateSpan | None, own_title: str) -> set[int]:
    years = None
    if span is not None and span.start:
        years = (int(span.start[:4]), int(span.end[:4]) if span.end else int(span.start[:4]))
    return {s.start for s in sents if names_other_event(s.text, own_title, years)}


def _elsewhen(sents: list[Sentence], span: DateSpan | None) -> set[int]:
    """Offsets of the sentences set at a time well outside ``span`` (and not speaking of the
    event itself); empty when the event has no day- or month-precise span."""
    if span is None or span.start is None or len(span.start) < 7:
        return set()
    first = _as_date(span.start, last=False)
    last = _as_date(span.end, last=True) if span.end else datetime.date.max - AFTER
    out: set[int] = set()
    last_year = last.year if span.end else first.year
    paragraph, outside = -1, False
    for sent in sents:
        if sent.paragraph != paragraph:
            paragraph, outside = sent.paragraph, False
        for mention in find_dates(sent.text):
            if mention.month is None or _UNTIL.search(sent.text[: mention.start]):
                continue
            # a date without its year is read in the event's own year(s)
            years = [mention.year] if mention.year else sorted({first.year, last_year})
            outside = all(_outside(mention, y, first, last) for y in years)
        if outside and not _ABOUT_THE_EVENT.search(sent.text):
            out.add(sent.start)
    return out


def _outside(
    mention: DateMention, year: int | None, first: datetime.date, last: datetime.date
) -> bool:
    iso = mention.iso(year)
    if not iso:
        return False
    return _as_date(iso, last=True) < first - BEFORE or _as_date(iso, last=False) > last + AFTER


def _as_date(iso: str, last: bool) -> datetime.date:
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return datetime.date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        if last:
            nxt = datetime.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return nxt - datetime.timedelta(days=1)
        return datetime.date(parts[0], parts[1], 1)
    return datetime.date(parts[0], 12 if last else 1, 31 if last else 1)
