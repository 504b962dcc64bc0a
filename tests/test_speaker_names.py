"""Speakers named by a person after their role: "the governor of the province, Y, claimed",
"The regional military spokesman Jo-Ar Y reported": the person speaks, written as in the text.
Synthetic articles with invented parties and people."""

from __future__ import annotations

from typing import Any

from samples import one_claim, quarry_hill_claims


def _by(nlp: Any, body: str, kind: str, low: int) -> str | None:
    claim = one_claim(quarry_hill_claims(nlp, body), kind, low)
    return claim.claimant.name if claim.claimant else None


def test_a_person_in_apposition_to_a_role_of_a_place_speaks(nlp: Any) -> None:
    body = (
        "On 8 May, Northland's governor of Talvik Oblast, Serhiy Hollis, claimed that hundreds "
        "of Zentari fighters died during the battle."
    )
    assert _by(nlp, body, "killed", 200) == "Serhiy Hollis"


def test_a_hyphenated_name_after_its_role_speaks_as_written(nlp: Any) -> None:
    body = (
        "The regional military spokesman Jean-Paul Hollis reported that 19 civilians had been "
        "killed in the town."
    )
    assert _by(nlp, body, "killed", 19) == "Jean-Paul Hollis"
