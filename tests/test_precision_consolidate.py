"""Consolidation: a prose figure that leaves whose losses open ("39 people were killed") restates
the infobox's figure of the same value ("39 civilians killed"); two prose figures stay apart."""

from __future__ import annotations

from fogofwar.extract.consolidate import merge_claims
from fogofwar.model import Claim, Evidence, Subject, Value


def _claim(section: str, start: int, side: int | None, civilian: bool) -> Claim:
    evidence = Evidence("d", section, start, start + 10, "39 killed")
    return Claim(
        "", "e", "killed", Subject(side, None, civilian), Value(39, 39), None, evidence=(evidence,)
    )


def test_open_prose_figure_restates_civilian_infobox_figure() -> None:
    merged = merge_claims([_claim("infobox", 10, 3, True), _claim("Battle", 900, None, False)])
    assert len(merged) == 1
    assert merged[0].subject == Subject(3, None, True)
    assert [e.section for e in merged[0].evidence] == ["infobox", "Battle"]


def test_two_prose_figures_of_open_and_civilian_losses_stay_apart() -> None:
    merged = merge_claims([_claim("Casualties", 10, 3, True), _claim("Battle", 900, None, False)])
    assert len(merged) == 2


def test_fighters_figure_does_not_restate_civilian_figure() -> None:
    merged = merge_claims([_claim("infobox", 10, 3, True), _claim("Battle", 900, 1, False)])
    assert len(merged) == 2
