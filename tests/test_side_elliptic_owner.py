"""An elliptic figure ("and 30 more", "inflicted 470 casualties") takes the previous figure's
owner only when the parse names none of its own. Synthetic articles with invented parties."""

from __future__ import annotations

from typing import Any

from samples import one_claim, quarry_hill_claims


def test_casualties_inflicted_on_the_other_party_are_theirs(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp,
        "On 5 May, the Northland marines suffered 15 killed and 33 wounded, and inflicted "
        "470 casualties on the Zentari Front.",
    )
    assert one_claim(claims, "killed", 15).subject.side == 1
    assert one_claim(claims, "killed_or_injured", 470).subject.side == 2


def test_an_elliptic_figure_with_no_owner_of_its_own_takes_the_one_before(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp, "On 5 May, the Northland army lost 20 soldiers and 30 more were wounded."
    )
    assert one_claim(claims, "injured", 30).subject.side == 1


def test_wounding_one_more_keeps_the_owner_of_the_killed_before(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp,
        "On 6 May, Northland shelling hit the market, killing four civilians and wounding 16.",
    )
    assert one_claim(claims, "injured", 16).subject.civilian
