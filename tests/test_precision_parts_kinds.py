"""A part of a figure does not lend it its kind, and a loss told as a share is no count of the
figure before it (extract/figures.py, extract/losses.py): "264 service members, 53 of them
seriously wounded, were taken", "280 fled, some of them mixing with civilians, while 50
remained", "a unit of about 2,000 soldiers suffered 75 percent losses"; sentences written for
these tests."""

from __future__ import annotations

from typing import Any

import pytest

from fogofwar.extract.prose import figure_losses, sentence_figures


def _kinds(nlp: Any, sentence: str) -> list[tuple[int, str | None]]:
    figures, forced = sentence_figures(sentence, [])
    losses = figure_losses(sentence, figures, forced, nlp(sentence))
    return [
        (q.low or 0, loss.kind if loss else None) for q, loss in zip(figures, losses, strict=True)
    ]


@pytest.mark.parametrize(
    ("sentence", "total"),
    [
        (
            "The army said that 264 service members, 53 of them seriously wounded, had been taken"
            " by bus to the rear.",
            264,
        ),
        (
            "Officials reported that over 1,000 soldiers, hundreds of them wounded, remained"
            " trapped inside the plant.",
            1001,
        ),
    ],
)
def test_precision_a_part_does_not_lend_its_total_its_kind(
    nlp: Any, sentence: str, total: int
) -> None:
    kinds = dict(_kinds(nlp, sentence))
    assert kinds[total] != "injured"
    assert "injured" in kinds.values()  # the part keeps its own


def test_precision_a_part_marker_behind_a_clause_boundary_makes_no_breakdown(nlp: Any) -> None:
    sentence = (
        "He said 280 militants have fled the city, some of them mixing with civilians in nearby"
        " towns while an estimated 50 to 100 militants remained in the city."
    )
    kinds = _kinds(nlp, sentence)
    assert kinds[0] == (280, "displaced")
    assert kinds[1][1] != "displaced"


def test_recall_breakdown_marker_before_the_parts_still_breaks_down(nlp: Any) -> None:
    sentence = "Airstrikes killed 30 militants, including the commander and 2 of his deputies."
    assert _kinds(nlp, sentence) == [(30, "killed"), (2, "killed")]


def test_precision_losses_told_as_a_share_do_not_count_the_figure(nlp: Any) -> None:
    sentence = "The brigade, a unit of about 2,000 soldiers, suffered 75 percent losses."
    assert dict(_kinds(nlp, sentence)).get(2000) != "killed_or_injured"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Witnesses said that 10 hostages were killed in air strikes.", "killed"),
        ("The militants executed 15 prisoners on the road.", "killed"),
        ("Some 40 hostages were executed by the militants.", "killed"),
        ("The rebels took 12 hostages in the village.", "captured"),
    ],
)
def test_what_befell_captives_decides_their_kind(nlp: Any, sentence: str, kind: str) -> None:
    assert [k for _, k in _kinds(nlp, sentence)] == [kind]
