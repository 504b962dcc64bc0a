"""An elliptic figure ("and 30 more", "inflicted 470 casualties") takes the previous figure's
owner only when the parse names none of its own. Synthetic articles with invented parties."""

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


def test_casualties_inflicted_on_the_other_party_are_theirs(nlp: Any) -> None:
    claims = _battle(
        nlp,
        "On 5 May, the Northland marines suffered 15 killed and 33 wounded, and inflicted "
        "470 casualties on the Zentari Front.",
    )
    assert _one(claims, "killed", 15).subject.side == 1
    assert _one(claims, "killed_or_injured", 470).subject.side == 2


def test_an_elliptic_figure_with_no_owner_of_its_own_takes_the_one_before(nlp: Any) -> None:
    claims = _battle(nlp, "On 5 May, the Northland army lost 20 soldiers and 30 more were wounded.")
    assert _one(claims, "injured", 30).subject.side == 1


def test_wounding_one_more_keeps_the_owner_of_the_killed_before(nlp: Any) -> None:
    claims = _battle(
        nlp,
        "On 6 May, Northland shelling hit the market, killing four civilians and wounding 16.",
    )
    assert _one(claims, "injured", 16).subject.civilian
