"""Appositive speakers: "One of the senior X commanders, Y, wrote", "A senior officer, Colonel
Y, said": the person named in apposition is the claimant, on the side the description names.
Synthetic articles with invented parties and people."""

from __future__ import annotations

from typing import Any

from samples import one_claim, quarry_hill_claims


def test_one_of_the_commanders_named_in_apposition_speaks(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp,
        "One of the senior Northland commanders, Duke Arvid Lemberg, wrote that the "
        "Northland army had 80,000 soldiers.",
    )
    claimant = one_claim(claims, "strength", 80000).claimant
    assert claimant is not None
    assert claimant.name == "Duke Arvid Lemberg"
    assert claimant.side == 1
    assert claimant.kind == "person"


def test_an_officer_named_in_apposition_speaks(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp,
        "A senior Zentari Front officer, Colonel Tomas Vreeland, said that 12 fighters "
        "had been killed near the bridge.",
    )
    claimant = one_claim(claims, "killed", 12).claimant
    assert claimant is not None
    assert "Vreeland" in claimant.name
    assert claimant.side == 2
