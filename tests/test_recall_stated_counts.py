"""Counts a verb states of "the number of" a noun, read off the parse however spaCy attaches the
figure (extract/forces.py), and the parts or companions of a total the parse reads (extract/
figures.py): a breakdown of a toll, a list joined by "along with"; sentences written for these
tests."""

from __future__ import annotations

from typing import Any

import pytest
from samples import one_claim, quarry_hill_claims

from fogofwar.extract.prose import figure_losses, sentence_figures


def _kinds(nlp: Any, sentence: str) -> list[tuple[int, str]]:
    """(low, kind) of every figure of ``sentence`` that counts something kept."""
    figures, forced = sentence_figures(sentence, [])
    losses = figure_losses(sentence, figures, forced, nlp(sentence))
    return [(q.low or 0, loss.kind) for q, loss in zip(figures, losses, strict=True) if loss]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the subject of the count verb is a clause ("the number ... deployed ... had increased")
        (
            "By this time, the number of Zentari militants deployed to the valley had increased"
            " to 9,000.",
            [(9000, "strength")],
        ),
        # a second verb shares the first one's subject ("holed up ... had been reduced to")
        (
            "By 14 March, the number of rebels holed up in the center of the town had been"
            " reduced to around 1,000.",
            [(1000, "strength")],
        ),
        # the figure hangs on the counted noun's participle ("residents displaced ... at")
        (
            "Government estimates placed the number of residents displaced during the crisis at"
            " 200,000.",
            [(200000, "displaced")],
        ),
        # the number of a named party, brought down by a loss
        (
            "On 1 April, 150 fighters had been killed, reducing the number of Zentari in the"
            " city to around 250.",
            [(150, "killed"), (250, "strength")],
        ),
    ],
)
def test_recall_count_stated_of_the_number_of_a_noun(
    nlp: Any, sentence: str, expected: list[tuple[int, str]]
) -> None:
    assert _kinds(nlp, sentence) == expected


def test_recall_alternative_figures_in_a_parenthesis_after_a_stated_count(nlp: Any) -> None:
    sentence = (
        "By 14 March, the number of rebels holed up in the center of the town had been reduced"
        " to around 1,000 (some reports claimed 60 or 70)."
    )
    assert _kinds(nlp, sentence) == [(1000, "strength"), (60, "strength")]


def test_recall_breakdown_of_a_toll_the_parse_reads(nlp: Any) -> None:
    sentence = (
        "The death toll in the town had reached 100, the military confirmed on Monday,"
        " including 19 civilians and 61 militants."
    )
    assert _kinds(nlp, sentence) == [(100, "killed"), (19, "killed"), (61, "killed")]


@pytest.mark.parametrize("joined", ["along with", "together with", "as well as"])
def test_recall_figures_joined_to_a_loss_share_its_verb(nlp: Any, joined: str) -> None:
    sentence = (
        f"The clashes killed at least 195 militants, {joined} at least 14 soldiers and"
        " 2 volunteers."
    )
    assert _kinds(nlp, sentence) == [(195, "killed"), (14, "killed"), (2, "killed")]


def test_recall_companion_of_a_loss_is_owned_by_its_own_words(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp,
        "The clashes killed at least 195 Zentari fighters, along with at least 14 Northland"
        " soldiers.",
    )
    assert one_claim(claims, "killed", 195).kind == "killed"
    assert one_claim(claims, "killed", 14).subject.side == 1


def test_precision_a_force_joined_to_a_loss_by_its_own_verb_stays_a_force(nlp: Any) -> None:
    sentence = "The raid killed 12 militants, along with which 300 soldiers were deployed."
    assert _kinds(nlp, sentence) == [(12, "killed"), (300, "strength")]
