"""Dates: the infobox ``Date`` cell as a span with precision, and dates mentioned in prose
("On July 11", "in June 2013") resolved against the event's year."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from fogofwar.model import DateSpan, Precision

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")(?:\.|\b)"
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2}|[1-9][0-9]{2})"
# the year of a day-and-month date: three digits only when nothing is counted after them
# ("5 May 300 fighters", "On 5 May, 300 ..." are counts; "15 May 632." is a date)
_DATE_YEAR = r"(?:1[0-9]{3}|20[0-9]{2}|[1-9][0-9]{2}(?=\s*(?:AD|CE|BC|BCE)\b|\s*[.;:)]|\s*$))"

_DATE = re.compile(
    rf"(?P<d1>\b\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:–|—|-|to|and)\s*(?P<d1b>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?)?\s+(?P<m1>{_MONTH})(?:,?\s+(?P<y1>{_DATE_YEAR})\b)?"
    rf"|(?P<m2>\b{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*(?:–|—|-)\s*(?P<d2b>\d{{1,2}})\b)?"
    rf"(?:,?\s+(?P<y2>{_DATE_YEAR})\b)?"
    rf"|(?P<m3>\b{_MONTH})\s+(?P<y3>{_YEAR})\b"
    rf"|(?<![\d,.])(?P<y4>{_YEAR})(?:\s*(?:–|—|-)\s*(?P<y4b>\d{{2,4}}))?(?!\d|,\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    """A date found in text; missing parts are None (resolved later against a reference year)."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    last_day: int | None = None
    last_year: int | None = None

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def iso(self, default_year: int | None = None, last: bool = False) -> str | None:
        year = (self.last_year if last and self.last_year else None) or self.year or default_year
        if year is None:
            return None
        if self.month is None:
            return f"{year:04d}"
        day = self.last_day if last and self.last_day else self.day
        if day is None:
            return f"{year:04d}-{self.month:02d}"
        day = min(day, calendar.monthrange(year, self.month)[1])
        return f"{year:04d}-{self.month:02d}-{day:02d}"


def find_dates(text: str) -> list[DateMention]:
    """Every date-like mention in ``text``, in order."""
    out: list[DateMention] = []
    for m in _DATE.finditer(text):
        g = m.groupdict()
        if g["m1"]:
            day, last_day = int(g["d1"]), int(g["d1b"]) if g["d1b"] else None
            month, year = _MONTHS[g["m1"].lower().rstrip(".")], g["y1"]
        elif g["m2"]:
            day, last_day = int(g["d2"]), int(g["d2b"]) if g["d2b"] else None
            month, year = _MONTHS[g["m2"].lower().rstrip(".")], g["y2"]
        elif g["m3"]:
            day, last_day, month, year = None, None, _MONTHS[g["m3"].lower().rstrip(".")], g["y3"]
        else:
            y = int(g["y4"])
            last_year = None
            if g["y4b"]:
                b = g["y4b"]
                digits = str(y)
                last_year = (
                    int(digits[: len(digits) - len(b)] + b) if len(b) < len(digits) else int(b)
                )
                if last_year < y:
                    last_year = None
            out.append(DateMention(m.start(), m.end(), y, None, None, None, last_year))
            continue
        if day is not None and not 1 <= day <= 31:
            continue
        if last_day is not None and not 1 <= last_day <= 31:
            last_day = None
        out.append(
            DateMention(m.start(), m.end(), int(year) if year else None, month, day, last_day)
        )
    return out


_YEAR_CUE = re.compile(
    r"(?:\b(?:in|since|of|until|till|by|from|during|early|late|mid|year|and|to|summer|winter|"
    r"spring|autumn|fall|between|before|after|through|c\.|circa)\s+|[-–(])$",
    re.IGNORECASE,
)


def is_date(text: str, d: DateMention) -> bool:
    """Whether a mention really is a date in running text: a bare number is a year only when it
    looks like one ("in 2014", "2014,") — "2000 soldiers" is a count."""
    if d.month is not None:
        return True
    if d.year is None or not 1000 <= d.year <= 2100 or d.end - d.start < 4:
        return False
    after = text[d.end : d.end + 2]
    return bool(_YEAR_CUE.search(text[max(0, d.start - 12) : d.start])) or not re.match(
        r"\s+[a-z]", after + " x"[: 2 - len(after)] if len(after) < 2 else after
    )


def parse_date_span(value: str | None) -> DateSpan | None:
    """``"October 23, 2020 – November 10, 2020"`` -> 2020-10-23..2020-11-10 (day precision).

    A mention without its year takes the year of the next one that has it, so several phases
    ("15 November – 15 December 2013 (First phase); 2 January – 3 February 2014 (Second
    phase)") give one span from the first day to the last.
    """
    if not value:
        return None
    mentions = [d for d in find_dates(value) if d.year is None or 1 <= d.year <= 2100]
    if not mentions:
        return None
    years = _years_of(mentions)
    if years[0] is None:
        return None
    first, last = mentions[0], mentions[-1]
    start = first.iso(years[0])
    if len(mentions) == 1:
        end = first.iso(years[0], last=True)
    else:
        end = max(
            (e for d, y in zip(mentions, years, strict=True) if (e := d.iso(y, last=True))),
            default=None,
        )
        if first.month is not None and last.month is None and last.year is None:
            end = start  # a trailing bare number is no end date
    if re.search(r"[–—-]\s*(?:present|ongoing|now|today)\b", value, re.IGNORECASE):
        end = None  # still going on: the span has no end yet
    precisions = {first.precision, last.precision}
    precision: Precision = (
        "day" if precisions == {"day"} else ("year" if "year" in precisions else "month")
    )
    if start and end and end < start:
        end = start
    return DateSpan(start, end, precision)


def _years_of(mentions: list[DateMention]) -> list[int | None]:
    """Each mention's year: its own, else the next stated one, else the last one before it."""
    years: list[int | None] = []
    for i, d in enumerate(mentions):
        later = next((m.year for m in mentions[i + 1 :] if m.year is not None), None)
        years.append(d.year if d.year is not None else (later or (years[-1] if years else None)))
    return years
