"""Stance from the verb: a speaker who confirms another's figures right after them
corroborates them; confirming with nobody before, or not confirming, asserts. Synthetic
articles with invented parties and people."""

from __future__ import annotations

from typing import Any

from samples import one_claim, quarry_hill_claims


def test_confirming_another_speakers_figures_corroborates_them(nlp: Any) -> None:
    body = (
        "Northland's health minister, Peter Hollis, accused the Zentari Front of killing "
        '"five doctors and two drivers." Opposition activists confirmed five doctors were '
        "killed in the clashes at the main hospital."
    )
    claims = quarry_hill_claims(nlp, body)
    confirmed = [
        c for c in claims if c.value.low == 5 and c.claimant and "activists" in c.claimant.name
    ]
    assert [c.stance for c in confirmed] == ["corroborate"]


def test_confirming_with_no_other_speaker_before_asserts(nlp: Any) -> None:
    body = "Opposition activists confirmed that 14 civilians were killed in the clashes."
    assert one_claim(quarry_hill_claims(nlp, body), "killed", 14).stance == "assert"


def test_a_denied_confirmation_is_no_corroboration(nlp: Any) -> None:
    body = (
        "General Arno Veldt said that 30 Zentari Front fighters were killed. The Zentari Front "
        "did not confirm that 30 of its fighters were killed."
    )
    stances = {
        c.stance
        for c in quarry_hill_claims(nlp, body)
        if c.value.low == 30 and c.claimant and c.claimant.name == "Zentari Front"
    }
    assert stances == {"assert"}
