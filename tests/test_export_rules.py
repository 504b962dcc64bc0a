"""The exports' shared rules on small cases: the event's one fatality estimate, dates and their
precision codes, place precision codes, and actor codes from actor names."""

from __future__ import annotations

import pytest

from fogofwar.export.actors import inter_code, interaction, type_of_violence
from fogofwar.export.common import (
    Fatalities,
    date_prec,
    day_span,
    fatalities,
    geo_precision,
    iso,
    time_precision,
    where_prec,
)
from fogofwar.model import Actor, DateSpan, Estimate, Event, Place, Precision, Side


def _est(side: int | None, low: int | None, best: int | None, high: int | None) -> Estimate:
    return Estimate("e", side, None, side is None, "killed", low, best, high, (), "")


def _event(start: str | None, end: str | None, precision: Precision = "day", *sides: str) -> Event:
    return Event(
        "e", "d", "E", "battle", DateSpan(start, end, precision),
        None, None, None, tuple(Side(i + 1, (Actor(n),)) for i, n in enumerate(sides)),
    )  # fmt: skip


def test_fatalities_sum_known_parts_and_keep_unknown_unknown() -> None:
    assert fatalities([]) == Fatalities(None, None, None)
    f = fatalities([_est(1, None, None, 99), _est(2, 4, 111, 111)])
    assert (f.low, f.best, f.high) == (4, 111, 210)
    f = fatalities([_est(1, 3, 5, None), _est(2, 1, 2, 2)])  # side 1 open-ended
    assert (f.low, f.best, f.high) == (4, 7, None)
    f = fatalities([_est(1, None, None, 9)])
    assert (f.low, f.best, f.high) == (None, None, 9)


@pytest.mark.parametrize(
    ("start", "end", "precision", "first", "last", "ucdp", "acled"),
    [
        ("2014-07-11", "2014-07-11", "day", "2014-07-11", "2014-07-11", 1, 1),
        ("2014-07-11", "2014-07-13", "day", "2014-07-11", "2014-07-13", 2, 2),
        ("2014-07-11", "2014-07-17", "day", "2014-07-11", "2014-07-17", 3, 2),
        ("2014-07-11", "2014-07-30", "day", "2014-07-11", "2014-07-30", 4, 3),
        ("1991-11", "1991-11", "month", "1991-11-01", "1991-11-30", 4, 3),
        ("1991-11", "1992-05-09", "month", "1991-11-01", "1992-05-09", 5, None),
        ("0604", "0604", "year", "0604-01-01", "0604-12-31", 5, None),
        ("0604", "0611", "year", "0604-01-01", "0611-12-31", None, None),
        ("2023-05-01", None, "day", "2023-05-01", "", None, None),  # still going on
        (None, None, "day", "", "", None, None),
    ],
)
def test_dates_and_their_precision_codes(
    start: str | None,
    end: str | None,
    precision: Precision,
    first: str,
    last: str,
    ucdp: int | None,
    acled: int | None,
) -> None:
    ev = _event(start, end, precision)
    lo, hi = day_span(ev)
    assert (iso(lo), iso(hi)) == (first, last)
    assert date_prec(ev) == ucdp and time_precision(ev) == acled


def test_where_prec_7_only_at_sea_and_geo_precision_from_it() -> None:
    assert where_prec(Place("Black Sea", None, None, None, None, 7)) == 7
    assert where_prec(Place("Stepanakert; Azerbaijan", None, None, None, None, 7)) is None
    assert [geo_precision(Place("x", "Mali", None, 1.0, 2.0, p)) for p in range(1, 8)] == [
        1, 2, 3, 3, 3, None, None,
    ]  # fmt: skip
    assert where_prec(None) is None and geo_precision(None) is None


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Armed Forces of Ukraine", 1),
        ("Syria", 1),
        ("Free Syrian Army", 2),
        ("Syrian opposition", 2),
        ("Free Syrian Army Other rebel militias", 2),
        ("pro-government militias", 3),
        ("Arab tribes", 4),
        ("Civilians", 7),
        ("UN peacekeepers", 8),
        ("Zorgon", None),
    ],
)
def test_inter_code_from_generic_words_of_the_name(name: str, code: int | None) -> None:
    assert inter_code(name) == code


def test_interaction_and_type_of_violence() -> None:
    assert interaction(2, 1) == 12 and interaction(1, None) is None
    assert type_of_violence(_event(None, None, "day", "Armed Forces of Ukraine", "Rebels")) == 1
    assert type_of_violence(_event(None, None, "day", "Free Syrian Army", "Arab tribes")) == 2
    assert type_of_violence(_event(None, None, "day", "Rebels", "Civilians")) == 3
    assert type_of_violence(_event(None, None, "day", "Zorgon", "Civilians")) is None
    assert type_of_violence(_event(None, None, "day", "Mali")) is None
