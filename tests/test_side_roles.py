"""The roles of a battle: the article puts a side's name before a role word once ("the Zentari
defenders", "Northland attackers"), and "the defenders", "the garrison", "the attackers" then
name that side and its adversary. Invented parties."""

from __future__ import annotations

from typing import Any

from samples import one_claim, quarry_hill_claims

from fogofwar.extract.side_inference import learn_roles


def SIDE_OF(words: str) -> int | None:
    return 2 if "Zentari" in words else 1 if "Northland" in words else None


def test_a_named_defender_makes_its_side_the_defender() -> None:
    text = "The Zentari defenders held the ridge."
    assert learn_roles(text, SIDE_OF, [1, 2]) == {"defender": 2, "attacker": 1}


def test_a_named_attacker_makes_the_other_side_the_defender() -> None:
    text = "The Northland attackers crossed the river."
    assert learn_roles(text, SIDE_OF, [1, 2]) == {"defender": 2, "attacker": 1}


def test_role_words_no_side_is_named_before_tell_nothing() -> None:
    assert learn_roles("The defenders held the ridge.", SIDE_OF, [1, 2]) == {}
    text = "The Zentari defenders and the Zentari attackers met."
    assert learn_roles(text, SIDE_OF, [1, 2]) == {}


def test_the_defenders_losses_are_the_defending_sides(nlp: Any) -> None:
    body = (
        "On 4 May the Zentari Front defenders withdrew to the hill. "
        "On 5 May, 40 defenders were killed and 12 attackers were captured."
    )
    claims = quarry_hill_claims(nlp, body)
    assert one_claim(claims, "killed", 40).subject.side == 2
    assert one_claim(claims, "captured", 12).subject.side == 1


def test_without_a_named_role_the_defenders_are_nobodys(nlp: Any) -> None:
    claims = quarry_hill_claims(nlp, "On 5 May, 40 defenders were killed.")
    assert one_claim(claims, "killed", 40).subject.side is None
