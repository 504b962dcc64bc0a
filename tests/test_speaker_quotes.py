"""Quoted speech: a quotation a speaker opens goes on being theirs in the sentences it spans,
and "X was quoted as saying" makes X the speaker. Synthetic articles with invented parties."""

from __future__ import annotations

from typing import Any

from samples import one_claim, quarry_hill_claims


def _by(nlp: Any, body: str, kind: str, low: int) -> str | None:
    claim = one_claim(quarry_hill_claims(nlp, body), kind, low)
    return claim.claimant.name if claim.claimant else None


def test_a_quotation_spanning_sentences_stays_its_speakers(nlp: Any) -> None:
    body = (
        'The Lantern Foreign Ministry issued a statement saying "This is another attack on the '
        "people of Northland. We strongly condemn the killing of nearly 200 innocent civilians, "
        'most of them women and children."'
    )
    assert _by(nlp, body, "killed", 200) == "Lantern Foreign Ministry"


def test_a_closed_quotation_carries_nothing(nlp: Any) -> None:
    body = (
        'The Lantern Foreign Ministry issued a statement saying "This is another attack on the '
        'people of Northland." The next morning 35 Zentari Front fighters were killed near the '
        "bridge."
    )
    assert _by(nlp, body, "killed", 35) is None


def test_quoted_as_saying_makes_the_passive_subject_the_speaker(nlp: Any) -> None:
    body = (
        "General Arno Veldt was quoted as saying that 25 Zentari Front fighters had been killed "
        "in the assault."
    )
    assert _by(nlp, body, "killed", 25) == "Arno Veldt"
