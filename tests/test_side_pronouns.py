"""Pronoun owners: "they had suffered 15 killed", "their wounded", "he had 80 cohorts" stand for
the last party named as a clause subject, in the sentence or the one before it in the same
paragraph; a unit "of X" is X's. Synthetic articles with invented parties."""

from __future__ import annotations

from typing import Any

from fogofwar.extract import extract_document
from fogofwar.model import Claim
from fogofwar.read import read_bytes


def _battle(nlp: Any, body: str) -> list[Claim]:
    text = (
        "= Battle of Quarry Hill =\n\nInfobox\n- Date: 3–9 May 2015\n"
        "- Combatant1: Northland\n- Combatant2: Zentari Front\n\n"
        f"The battle was fought in May 2015.\n\n== Battle ==\n{body}\n"
    )
    return extract_document(read_bytes(text.encode(), "t.txt"), nlp)[1]


def _one(claims: list[Claim], kind: str, low: int) -> Claim:
    found = [c for c in claims if c.kind == kind and c.value.low == low]
    assert len(found) == 1, [(c.kind, c.value.low, c.subject.side) for c in claims]
    return found[0]


def test_they_of_the_sentence_before_own_the_losses(nlp: Any) -> None:
    claims = _battle(
        nlp,
        "On 4 May, the Zentari Front attacked the northern ridge at dawn. "
        "By nightfall they had suffered 15 killed and 40 wounded.",
    )
    assert _one(claims, "killed", 15).subject.side == 2
    assert _one(claims, "injured", 40).subject.side == 2


def test_their_wounded_are_the_subjects_of_the_sentence(nlp: Any) -> None:
    claims = _battle(
        nlp,
        "On 6 May, Northland troops said they could not evacuate their wounded, who numbered 70.",
    )
    assert _one(claims, "injured", 70).subject.side == 1


def test_a_pronoun_with_no_party_before_it_stays_open(nlp: Any) -> None:
    claims = _battle(nlp, "On 6 May, they lost 12 men near the bridge.")
    assert _one(claims, "killed", 12).subject.side is None


def test_a_unit_of_a_party_owns_the_losses(nlp: Any) -> None:
    claims = _battle(
        nlp,
        "The Zentari Front claimed the 3rd Rifle Brigade of Northland's army had 58 killed, "
        "200 wounded and 30 missing by mid-May.",
    )
    assert _one(claims, "killed", 58).subject.side == 1


def test_hundreds_of_people_arrested_by_a_force_stay_nobodys(nlp: Any) -> None:
    claims = _battle(
        nlp,
        "On 8 May, hundreds of Northland troops entered the town and, according to activists, "
        "arrested hundreds of people in the market.",
    )
    assert _one(claims, "captured", 200).subject.side is None


def test_a_partys_casualties_as_subject_own_the_figures_of_their_clause(nlp: Any) -> None:
    claims = _battle(
        nlp,
        "According to a Northland official, Zentari Front casualties since the beginning of "
        "the battle are over 25 fighters killed and at least 100 wounded.",
    )
    assert _one(claims, "killed", 26).subject.side == 2
    assert _one(claims, "injured", 100).subject.side == 2
