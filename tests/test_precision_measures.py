"""Figures that measure rather than count are no quantities: temperatures, sums of money, the
depth of a formation, populations, years, rates; a range's scale written once applies to both."""

from __future__ import annotations

from typing import Any

import pytest

from fogofwar.extract import extract_document
from fogofwar.extract.quantities import find_quantities
from fogofwar.read import read_bytes


def _figures(text: str) -> list[tuple[int | None, int | None]]:
    return [(q.low, q.high) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Heat indices were around 115 °F, and the Marines suffered 40 casualties.", [(40, 40)]),
        ("The infantry stood in lines 10 men deep, and 200 were killed.", [(200, 200)]),
        ("The province allocated ₱35 million as aid; 12 civilians were killed.", [(12, 12)]),
        ("It pledged $1,000 to each family and 5 million dollars to the city.", []),
        ("More than half of the city's almost 300,000 population fled.", []),
        ("The town had a population of about 15,000 before 40 were killed.", [(40, 40)]),
        ("In 271, the Emperor killed their king.", []),
        ("The legion was raised in 48 BC and lost 300 men.", [(300, 300)]),
        ("One soldier alleged that 10-15 Russians died per day at one point.", [(1, 1), (1, 1)]),
        ("Some 40–60 bodies had been arriving daily.", []),
        ("The army retreated towards Brigade 112 HQ base.", []),
        ("Hill 314 was taken and 20 soldiers were killed.", [(20, 20)]),
        ("The Marines built two-man fighting holes.", []),
        ("It leads the 73-member Global Coalition.", []),
        ("The strike left more than 700,000 people without heat.", []),
    ],
)
def test_measures_are_not_counts(text: str, figures: list[tuple[int, int]]) -> None:
    assert _figures(text) == figures


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Over 120 soldiers were killed in one village within a day.", [(121, None), (1, 1)]),
        ("30 soldiers were killed a day later.", [(30, 30)]),
        ("a 120-man unit of airborne soldiers", [(120, 120)]),
        ("the 11-member US special forces team", [(11, 11)]),
        ("a 300-strong force", [(300, 300)]),
        ("In 1944, 300 soldiers were killed.", [(300, 300)]),
        ("12 killed and 30 wounded", [(12, 12), (30, 30)]),
    ],
)
def test_counts_near_measure_words_stay(text: str, figures: list[tuple[int, int]]) -> None:
    assert _figures(text) == figures


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("12 killed, 35 and 40 wounded", [(12, 12), (35, 35), (40, 40)]),
        ("Resolution 2254 and 12 dead", [(12, 12)]),
        ("between 35 and 40 killed", [(35, 40)]),
        ("Between 100 and 150 were killed", [(100, 150)]),
    ],
)
def test_and_joins_a_range_only_after_between(text: str, figures: list[tuple[int, int]]) -> None:
    assert _figures(text) == figures


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("10-11,000 killed", [(10_000, 11_000)]),
        ("2–3 million displaced", [(2_000_000, 3_000_000)]),
        ("two to three thousand fighters", [(2000, 3000)]),
        ("5-1,000 killed", [(5, 1000)]),
        ("100–1,000 dead", [(100, 1000)]),
        ("1,000-2,000 wounded", [(1000, 2000)]),
    ],
)
def test_range_scale_written_once_applies_to_both_bounds(
    text: str, figures: list[tuple[int, int]]
) -> None:
    assert _figures(text) == figures


def test_measures_make_no_claims_in_extraction(nlp: Any) -> None:
    text = (
        "= Battle of Testville =\n\nInfobox\n- Date: 3–9 May 2015\n"
        "- Combatant1: Army of Freedonia\n- Combatant2: Sylvanian Liberation Front\n"
        "- Casualties1: 40 killed\n\nThe battle was fought in May 2015.\n\n== Battle ==\n"
        "Heat indices were around 115 °F, and the Marines soon suffered high casualties.\n"
        "The front lines stood 10 men deep when 12 soldiers were killed.\n"
    )
    _, claims = extract_document(read_bytes(text.encode(), "t.txt"), nlp)
    assert sorted(c.value.low for c in claims if c.value.low is not None) == [12, 40]
