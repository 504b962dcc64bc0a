"""Numbers, ranges, bounds and vague words -> intervals (DESIGN.md, "value", "Vague quantities")."""

from __future__ import annotations

import pytest

from fogofwar.extract.quantities import find_quantities, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("37", 37),
        ("1,348", 1348),
        ("thirty-seven", 37),
        ("forty seven", 47),
        ("Twelve", 12),
        ("one hundred and twenty", 120),
        ("seven hundred thousand", 700_000),
        ("2.5 million", 2_500_000),
        ("12 thousand", 12_000),
        ("zero", 0),
    ],
)
def test_quantities_parse_number_reads_numerals_and_words(text: str, expected: int) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text", ["", "   ", "abc", "thirty-seven soldiers", "1e5", "99999999999999999999", "10^999"]
)
def test_quantities_parse_number_refuses_non_numbers_and_absurd_values(text: str) -> None:
    assert parse_number(text) is None


def _one(text: str) -> tuple[int | None, int | None, str | None, bool, str]:
    found = find_quantities(text)
    assert len(found) == 1, found
    q = found[0]
    return q.low, q.high, q.words, q.approx, text[q.start : q.end]


@pytest.mark.parametrize(
    ("text", "low", "high", "span"),
    [
        ("37 killed", 37, 37, "37"),
        ("380–396 killed", 380, 396, "380–396"),
        ("380-396 killed", 380, 396, "380-396"),
        ("between 20 and 30 wounded", 20, 30, "between 20 and 30"),
        ("500+ killed", 500, None, "500+"),
        ("at least 500 dead", 500, None, "at least 500"),
        ("over 125 injured", 126, None, "over 125"),
        ("more than 1,000 killed", 1001, None, "more than 1,000"),
        ("up to 40 captured", 0, 40, "up to 40"),
        ("thirty-seven fighters", 37, 37, "thirty-seven"),
    ],
)
def test_quantities_find_bounds_and_ranges(
    text: str, low: int, high: int | None, span: str
) -> None:
    got_low, got_high, words, approx, got_span = _one(text)
    assert (got_low, got_high, words, approx, got_span) == (low, high, None, False, span)


@pytest.mark.parametrize(
    "text",
    [
        "~12 killed",
        "about 50 killed",
        "around 50 killed",
        "some 300 troops",
        "approximately 50 wounded",
    ],
)
def test_quantities_about_is_exact_and_approx(text: str) -> None:
    low, high, words, approx, _ = _one(text)
    assert low == high
    assert low in (12, 50, 300)
    assert approx is True
    assert words is None


@pytest.mark.parametrize(
    ("text", "words", "low", "high"),
    [
        ("a few fighters were killed", "a few", 2, 4),
        ("several vehicles", "several", 3, 9),
        ("dozens injured", "dozens", 24, 99),
        ("several dozen fighters", "several dozen", 24, 99),
        ("hundreds injured", "hundreds", 200, 999),
        ("several hundred were injured", "several hundred", 200, 999),
        ("thousands displaced", "thousands", 2000, 9999),
    ],
)
def test_quantities_vague_words_keep_words_and_table_interval(
    text: str, words: str, low: int, high: int
) -> None:
    assert _one(text)[:3] == (low, high, words)


def test_quantities_several_items_in_order() -> None:
    text = "35 killed, 5 prisoners, dozens injured and over 125 wounded"
    found = find_quantities(text)
    assert [(q.low, q.high, q.words) for q in found] == [
        (35, 35, None),
        (5, 5, None),
        (24, 99, "dozens"),
        (126, None, None),
    ]
    assert [text[q.start : q.end] for q in found] == ["35", "5", "dozens", "over 125"]


def test_quantities_none_in_plain_words() -> None:
    assert find_quantities("The town was captured by the rebels.") == []


def test_quantities_absurd_numeral_is_not_a_figure() -> None:
    assert find_quantities("99999999999999999999 killed") == []


def test_quantities_power_notation_is_not_two_figures() -> None:
    # "10^999" is not a casualty count; reading it as 10 and 999 invents two figures.
    assert find_quantities("10^999 killed") == []


def test_quantities_a_few_hundred_is_hundreds_not_a_few() -> None:
    (q,) = find_quantities("only a few hundred fighters remained")
    assert (q.low, q.high, q.words) == (200, 499, "a few hundred")


@pytest.mark.parametrize(
    ("text", "words"),
    [("many soldiers were killed", "many"), ("a large number of rebels fled", "a large number")],
)
def test_quantities_unbounded_vague_words_keep_words_without_interval(
    text: str, words: str
) -> None:
    (q,) = find_quantities(text)
    assert (q.low, q.high, q.words) == (None, None, words)


@pytest.mark.parametrize("text", ["many of the dead", "many more fled", "so many died"])
def test_quantities_many_is_no_figure_where_it_counts_nothing(text: str) -> None:
    assert find_quantities(text) == []
