"""Nations named by their people: a demonym or people noun names the side whose actor is that
country, whether the country's name is one word ("Germany"), several ("United Kingdom", "New
Zealand") or held in a longer state name ("Kingdom of the Netherlands"); irregular demonyms and
their plurals come from data/lexicon/demonyms.toml."""

from __future__ import annotations

from typing import Any

import pytest

from fogofwar.extract import extract_document
from fogofwar.extract.actors import SideIndex
from fogofwar.model import Actor, Side
from fogofwar.read import read_bytes


def _sides(one: str, two: str) -> SideIndex:
    return SideIndex([Side(1, (Actor(one),), ()), Side(2, (Actor(two),), ())])


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("three British ships", "United Kingdom"),
        ("the Americans", "United States"),
        ("47 Dutch soldiers", "Kingdom of the Netherlands"),
        ("two New Zealand cruisers", "Dominion of New Zealand"),
        ("12,000 Poles", "Second Polish Republic"),
    ],
)
def test_a_demonym_names_a_country_of_several_words(phrase: str, country: str) -> None:
    assert _sides(country, "Nazi Germany").side_of_name(phrase)[0] == 1
    assert _sides("Nazi Germany", country).side_of_name(phrase)[0] == 2


def test_another_nations_demonym_names_neither() -> None:
    assert _sides("United Kingdom", "Kingdom of Italy").side_of_name("Swiss diplomats")[0] is None


def test_prose_losses_of_a_nation_go_to_its_side(nlp: Any) -> None:
    text = (
        "= Battle of the Quay =\n\nInfobox\n- Date: 10 May 1940\n"
        "- Combatant1: Kingdom of the Netherlands\n- Combatant2: Nazi Germany\n"
        "- Casualties1: 47 killed\n- Casualties2: 186 killed\n\n"
        "The battle was fought on 10 May 1940.\n\n== Battle ==\n"
        "On the first morning 12 Dutch soldiers were killed at the bridge. "
        "In the afternoon 30 Germans were captured.\n"
    )
    claims = extract_document(read_bytes(text.encode(), "t.txt"), nlp)[1]
    sides = {(c.kind, c.value.low): c.subject.side for c in claims}
    assert sides[("killed", 12)] == 1
    assert sides[("captured", 30)] == 2
