"""Pronoun owners: "they had suffered 15 killed", "their wounded", "he had 80 cohorts" stand for
the last party named as a clause subject, in the sentence or the one before it in the same
paragraph; a unit "of X" is X's. Synthetic articles with invented parties."""

from __future__ import annotations

from typing import Any

from samples import one_claim, quarry_hill_claims


def test_they_of_the_sentence_before_own_the_losses(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp,
        "On 4 May, the Zentari Front attacked the northern ridge at dawn. "
        "By nightfall they had suffered 15 killed and 40 wounded.",
    )
    assert one_claim(claims, "killed", 15).subject.side == 2
    assert one_claim(claims, "injured", 40).subject.side == 2


def test_their_wounded_are_the_subjects_of_the_sentence(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp,
        "On 6 May, Northland troops said they could not evacuate their wounded, who numbered 70.",
    )
    assert one_claim(claims, "injured", 70).subject.side == 1


def test_a_pronoun_with_no_party_before_it_stays_open(nlp: Any) -> None:
    claims = quarry_hill_claims(nlp, "On 6 May, they lost 12 men near the bridge.")
    assert one_claim(claims, "killed", 12).subject.side is None


def test_a_unit_of_a_party_owns_the_losses(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp,
        "The Zentari Front claimed the 3rd Rifle Brigade of Northland's army had 58 killed, "
        "200 wounded and 30 missing by mid-May.",
    )
    assert one_claim(claims, "killed", 58).subject.side == 1


def test_hundreds_of_people_arrested_by_a_force_stay_nobodys(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp,
        "On 8 May, hundreds of Northland troops entered the town and, according to activists, "
        "arrested hundreds of people in the market.",
    )
    assert one_claim(claims, "captured", 200).subject.side is None


def test_a_partys_casualties_as_subject_own_the_figures_of_their_clause(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp,
        "According to a Northland official, Zentari Front casualties since the beginning of "
        "the battle are over 25 fighters killed and at least 100 wounded.",
    )
    assert one_claim(claims, "killed", 26).subject.side == 2
    assert one_claim(claims, "injured", 100).subject.side == 2
