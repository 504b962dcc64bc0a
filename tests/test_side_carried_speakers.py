"""A speaker carried into the next sentence without a pronoun, in one narrow case: "In addition,
..." (like "also") right after a sentence of that speaker's figures. Synthetic articles with
invented parties."""

from __future__ import annotations

from typing import Any

from samples import quarry_hill_claims

from fogofwar.model import Claim


def _claimant(claims: list[Claim], kind: str, low: int) -> str | None:
    found = [c for c in claims if c.kind == kind and c.value.low == low]
    assert len(found) == 1, [(c.kind, c.value.low, c.claimant) for c in claims]
    return found[0].claimant.name if found[0].claimant else None


def test_in_addition_carries_the_speaker_of_the_figures_before(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp,
        "On 2 May, General Arno Veldt reported the killing of 50 Zentari Front fighters near "
        "the bridge. In addition, 12 Zentari Front fighters were killed by aircraft west of "
        "the hill.",
    )
    assert _claimant(claims, "killed", 12) == "Arno Veldt"
