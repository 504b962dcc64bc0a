"""Pronoun speakers inside one sentence: "X said ..., according to them, ..." is X, not the
speaker of the sentence before. Synthetic articles with invented parties."""

from __future__ import annotations

from typing import Any

from samples import one_claim, quarry_hill_claims


def test_according_to_them_is_the_speaker_named_before_in_the_sentence(nlp: Any) -> None:
    body = (
        "The Lantern Observer Mission said that 30 civilians had been killed. Local activists "
        "stated that they expected the toll to rise because, according to them, hundreds of "
        "people were unaccounted for."
    )
    claim = one_claim(quarry_hill_claims(nlp, body), "missing", 200)
    assert claim.claimant is not None and claim.claimant.name == "Local activists"


def test_according_to_him_with_nobody_before_in_the_sentence_is_the_last_speaker(
    nlp: Any,
) -> None:
    """The fallback kept from before (a guard, not the defect)."""
    body = (
        "General Arno Veldt said on 5 May that the assault had begun. According to him, 40 "
        "Zentari Front "
        "fighters were killed in the assault."
    )
    claim = one_claim(quarry_hill_claims(nlp, body), "killed", 40)
    assert claim.claimant is not None and claim.claimant.name == "Arno Veldt"
