"""Appositive speakers: "One of the senior X commanders, Y, wrote", "A senior officer, Colonel
Y, said": the person named in apposition is the claimant, on the side the description names.
Synthetic articles with invented parties and people."""

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
    assert len(found) == 1, [(c.kind, c.value.low, c.claimant) for c in claims]
    return found[0]


def test_one_of_the_commanders_named_in_apposition_speaks(nlp: Any) -> None:
    claims = _battle(
        nlp,
        "One of the senior Northland commanders, Duke Arvid Lemberg, wrote that the "
        "Northland army had 80,000 soldiers.",
    )
    claimant = _one(claims, "strength", 80000).claimant
    assert claimant is not None
    assert claimant.name == "Duke Arvid Lemberg"
    assert claimant.side == 1
    assert claimant.kind == "person"


def test_an_officer_named_in_apposition_speaks(nlp: Any) -> None:
    claims = _battle(
        nlp,
        "A senior Zentari Front officer, Colonel Tomas Vreeland, said that 12 fighters "
        "had been killed near the bridge.",
    )
    claimant = _one(claims, "killed", 12).claimant
    assert claimant is not None
    assert "Vreeland" in claimant.name
    assert claimant.side == 2
