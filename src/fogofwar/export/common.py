"""What every export shares: events with their claims and estimates (read in batches), the one
fatality estimate per event, and the events' dates and places in each format's codes.

The event's fatality estimate (every format writes this one, never its own):
  the side-level ``killed`` estimates of the event (each side, civilians, an unknown side; not the
  per-actor ones, which are parts of their side's) are added up. ``best`` is the sum of the known
  bests and ``low`` the sum of the known lows (a part without one adds nothing: a floor stays a
  floor); ``high`` is the sum of the highs, unknown (None) when any part with a figure has no
  upper bound. An event without any killed estimate has all three unknown: blank, never 0.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from fogofwar.export.places import is_water
from fogofwar.export.stream import claim_batches
from fogofwar.ledger import EventFilter, Ledger
from fogofwar.model import Claim, Estimate, Event, Place
from fogofwar.reconcile import Policy, load_policy, reconcile


@dataclass(frozen=True)
class Fatalities:
    """The event's one fatality estimate (see the module docstring for the rule)."""

    low: int | None
    best: int | None
    high: int | None


@dataclass(frozen=True)
class Bundle:
    """One event with its current claims and its estimates."""

    event: Event
    claims: tuple[Claim, ...]
    estimates: tuple[Estimate, ...]

    def killed_parts(self) -> list[Estimate]:
        """The side-level killed estimates: each side's, civilians', an unknown side's."""
        return [e for e in self.estimates if e.kind == "killed" and e.actor is None]

    def killed_of(self, side: int | None = None, civilian: bool = False) -> list[Estimate]:
        """The killed estimates of one side's fighters, of civilians (whichever side's), or with
        ``side`` None of fighters of no known side (or a side beyond the first two)."""
        parts = self.killed_parts()
        if civilian:
            return [e for e in parts if e.civilian]
        if side is None:
            return [e for e in parts if not e.civilian and e.side not in (1, 2)]
        return [e for e in parts if not e.civilian and e.side == side]

    def fatalities(self) -> Fatalities:
        return fatalities(self.killed_parts())

    def actors(self, side: int) -> list[str]:
        return [a.name for s in self.event.sides if s.side == side for a in s.actors]

    def claimants(self) -> list[str]:
        return list(dict.fromkeys(c.claimant.name for c in self.claims if c.claimant))


def fatalities(parts: list[Estimate]) -> Fatalities:
    """Sum of the parts' killed estimates, unknowns kept unknown (the module docstring's rule)."""
    if not parts:
        return Fatalities(None, None, None)
    lows = [e.low for e in parts if e.low is not None]
    bests = [e.best for e in parts if e.best is not None]
    open_ended = any(e.high is None for e in parts)
    return Fatalities(
        sum(lows) if lows else None,
        sum(bests) if bests else None,
        None if open_ended else sum(e.high for e in parts if e.high is not None),
    )


def bundles(
    ledger: Ledger, flt: EventFilter | None = None, policy: Policy | None = None
) -> Iterator[Bundle]:
    """The matching current events with claims and estimates, read batch by batch."""
    pol = policy or load_policy()
    for batch in claim_batches(ledger, flt):
        for event, claims in batch:
            yield Bundle(event, tuple(claims), tuple(reconcile(claims, pol, events=[event])))


# -- dates -----------------------------------------------------------------------------------

_PARTIAL = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def _as_date(value: str | None, last: bool) -> date | None:
    """``"1991-11"`` -> 1991-11-01 (or -30 with ``last``), ``"0604"`` -> 0604-01-01 / -12-31."""
    m = _PARTIAL.match((value or "").strip())
    if not m or int(m.group(1)) < 1:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if mo is None:
            return date(y, 12, 31) if last else date(y, 1, 1)
        if d is None:
            month = int(mo)
            return date(y, month, calendar.monthrange(y, month)[1] if last else 1)
        return date(y, int(mo), int(d))
    except ValueError:
        return None


def day_span(event: Event) -> tuple[date | None, date | None]:
    """Earliest and latest possible day of the event (None where unknown: no start, or still
    going on). A partial date covers its whole month or year."""
    span = event.date
    if span is None:
        return None, None
    start = _as_date(span.start, last=False)
    end = _as_date(span.end, last=True) if span.end else None
    if start and end and end < start:
        end = None
    return start, end


def iso(d: date | None) -> str:
    """YYYY-MM-DD, or blank."""
    return d.isoformat() if d else ""


def span_days(event: Event) -> int | None:
    start, end = day_span(event)
    return (end - start).days + 1 if start and end else None


def date_prec(event: Event) -> int | None:
    """UCDP ``date_prec`` from the span of possible days: 1 one day; 2 two to six days; 3 a week;
    4 a month; 5 a year. None (blank) for a longer or open span: no GED code fits."""
    days = span_days(event)
    if days is None:
        return None
    for code, most in ((1, 1), (2, 6), (3, 7), (4, 31), (5, 366)):
        if days <= most:
            return code
    return None


def time_precision(event: Event) -> int | None:
    """ACLED ``time_precision``: 1 the actual day; 2 sometime in a week or similar (up to seven
    days); 3 sometime in a month. None (blank) for a longer or open span."""
    days = span_days(event)
    if days is None:
        return None
    for code, most in ((1, 1), (2, 7), (3, 31)):
        if days <= most:
            return code
    return None


def year(event: Event) -> int | None:
    start, _ = day_span(event)
    return start.year if start else None


# -- places ----------------------------------------------------------------------------------


def where_prec(place: Place | None) -> int | None:
    """UCDP ``where_prec`` (1 exact ... 6 country, 7 water or airspace) from the place's
    precision. 7 is kept only for a place whose name is a body of water or airspace: without
    coordinates or a country the place is not located at all, and no code says so (blank)."""
    if place is None or place.precision is None:
        return None
    if place.precision == 7:
        return 7 if is_water(place.name) else None
    return place.precision if 1 <= place.precision <= 6 else None


def geo_precision(place: Place | None) -> int | None:
    """ACLED ``geo_precision``: 1 the named town (where_prec 1); 2 near a town, a small part of a
    region (2); 3 a larger region (3-5). Country-level or unlocated places have no ACLED code."""
    prec = where_prec(place)
    if prec is None or prec > 5:
        return None
    return 1 if prec == 1 else 2 if prec == 2 else 3


def blank(value: object) -> object:
    """None as a blank cell (unknown is blank, never 0)."""
    return "" if value is None else value
