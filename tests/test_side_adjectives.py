"""Ethnic and national words the article itself ties to one side's actors ("the Vashti-majority
Union of Guards (UG)"): "Vashti fighters" and "Vashtis" then name that side. Invented names."""

from __future__ import annotations

from typing import Any

from fogofwar.extract import extract_document
from fogofwar.extract.side_inference import learn_adjectives
from fogofwar.read import read_bytes

LEAD = (
    "The battle was fought in May 2015 between the Vashti-majority Union of Guards (UG) and "
    "the Zentari Front. Vashti fighters held the hill."
)


def test_an_adjective_before_one_sides_actor_is_learned() -> None:
    learned = learn_adjectives(LEAD, [(1, ["UG"]), (2, ["Zentari Front"])])
    assert learned == {"vashti": 1}


def test_an_adjective_before_both_sides_names_neither() -> None:
    text = LEAD + " Vashti Zentari Front units attacked."
    assert learn_adjectives(text, [(1, ["UG"]), (2, ["Zentari Front"])]) == {}


def test_a_name_never_used_for_people_is_not_learned() -> None:
    text = "Commander Hassani UG forces advanced against the Zentari Front."
    assert learn_adjectives(text, [(1, ["UG"]), (2, ["Zentari Front"])]) == {}


def test_learned_adjective_and_its_people_noun_name_the_side(nlp: Any) -> None:
    text = (
        "= Battle of Quarry Hill =\n\nInfobox\n- Date: 3–9 May 2015\n"
        "- Combatant1: UG\n- Combatant2: Zentari Front\n\n"
        f"{LEAD}\n\n== Battle ==\nOn 4 May, three Vashti fighters were killed near the hill. "
        "On 5 May, 12 Vashtis were captured in the village.\n"
    )
    claims = extract_document(read_bytes(text.encode(), "t.txt"), nlp)[1]
    by_value = {(c.kind, c.value.low): c.subject.side for c in claims}
    assert by_value[("killed", 3)] == 1
    assert by_value[("captured", 12)] == 1
