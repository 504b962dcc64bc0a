"""The infobox Date cell as a span with precision."""

from __future__ import annotations

import pytest

from fogofwar.extract.dates import find_dates, parse_date_span
from fogofwar.model import DateSpan


@pytest.mark.parametrize(
    ("cell", "start", "end", "precision"),
    [
        ("July 11, 2014", "2014-07-11", "2014-07-11", "day"),
        ("11 July 2014", "2014-07-11", "2014-07-11", "day"),
        ("11 July 2014 (1 day)", "2014-07-11", "2014-07-11", "day"),
        ("3–5 March 2015", "2015-03-03", "2015-03-05", "day"),
        ("October 23, 2020 – November 10, 2020", "2020-10-23", "2020-11-10", "day"),
        ("28 December 2013 – 4 January 2014", "2013-12-28", "2014-01-04", "day"),
        ("June 2013", "2013-06", "2013-06", "month"),
        ("December 2013 – January 2014", "2013-12", "2014-01", "month"),
        ("2012", "2012", "2012", "year"),
        ("2012–2014", "2012", "2014", "year"),
    ],
)
def test_dates_parse_date_span(cell: str, start: str, end: str, precision: str) -> None:
    assert parse_date_span(cell) == DateSpan(start, end, precision)  # type: ignore[arg-type]


def test_dates_day_range_is_clamped_to_month_length() -> None:
    span = parse_date_span("1–30 February 2015")
    assert span == DateSpan("2015-02-01", "2015-02-28", "day")


@pytest.mark.parametrize("cell", [None, "", "   ", "99/99/9999", "Unknown", "((per per"])
def test_dates_no_date_in_garbage(cell: str | None) -> None:
    assert parse_date_span(cell) is None


def test_dates_end_never_before_start() -> None:
    span = parse_date_span("May 2015 – March 2014")
    assert span is not None
    assert span.start is not None and span.end is not None
    assert span.end >= span.start


def test_dates_phases_give_one_span_with_each_phase_year() -> None:
    span = parse_date_span(
        "15 November – 15 December 2013 (First phase); 2 January – 3 February 2014 (Second phase)"
    )
    assert span is not None
    assert (span.start, span.end, span.precision) == ("2013-11-15", "2014-02-03", "day")


def test_dates_month_abbreviation_needs_a_word_end() -> None:
    assert find_dates("12 marines killed, 3 decoys, 5 mayors") == []
    assert [d.month for d in find_dates("12 Mar. 2019, 5 Sept")] == [3, 9]


def test_dates_a_count_after_a_day_and_month_is_no_year() -> None:
    (date, *_rest) = find_dates("On 5 May, 300 fighters fled.")
    assert (date.day, date.month, date.year) == (5, 5, None)
    assert [(d.day, d.month, d.year) for d in find_dates("It fell on 15 May 632.")] == [
        (15, 5, 632)
    ]
