"""Parts of a loss told by "be" ("six were from out of the country", "only two were
civilians", "4,200 were confirmed to be civilians"): a bare figure whose clause only says what
its people were counts what the loss before it counted, in its sentence or opening the next
(extract/figures.py, extract/parts.py); sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from samples import quarry_hill_claims

from fogofwar.extract.prose import figure_losses, sentence_figures


def _kinds(nlp: Any, sentence: str) -> list[tuple[int, str]]:
    figures, forced = sentence_figures(sentence, [])
    losses = figure_losses(sentence, figures, forced, nlp(sentence))
    return [(q.low or 0, loss.kind) for q, loss in zip(figures, losses, strict=True) if loss]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "He noted that of the twelve killed in a recent engagement, six were from out of"
            " the country.",
            [(12, "killed"), (6, "killed")],
        ),
        (
            "On 15 July, the army stated that 37 of the dead were rebels and only two were"
            " civilians.",
            [(37, "killed"), (2, "killed")],
        ),
    ],
)
def test_recall_part_told_by_be_after_a_loss_of_its_sentence(
    nlp: Any, sentence: str, expected: list[tuple[int, str]]
) -> None:
    assert _kinds(nlp, sentence) == expected


def test_recall_part_told_by_be_opening_the_next_sentence(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp,
        "Officials obtained a list of 9,606 people killed in the battle. Four thousand two"
        " hundred were confirmed to be civilians.",
    )
    found = [c for c in claims if c.value.low == 4200]
    assert [(c.kind, c.subject.civilian) for c in found] == [("killed", True)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The garrison had 5,000 men, and 300 were cavalry.",
            [(5000, "strength"), (300, "strength")],
        ),
        ("The town had 5,000 residents, of whom 300 were children.", []),
        (
            "The raid destroyed two launchers, one of which was being unloaded from a ship.",
            [(2, "equipment_destroyed")],
        ),
        ("Four militants were killed; many were villages the militants had held.", [(4, "killed")]),
    ],
)
def test_precision_part_of_a_force_a_population_or_a_thing_is_no_loss(
    nlp: Any, sentence: str, expected: list[tuple[int, str]]
) -> None:
    assert _kinds(nlp, sentence) == expected


def test_precision_next_sentence_with_its_own_predicate_is_no_part(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp, "Five Northland soldiers were killed. Some 300 were evacuated to the coast."
    )
    assert not [c for c in claims if c.value.low == 300 and c.kind == "killed"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "A rearguard of 200 to 300 Zentari soldiers held the crossing; all of them were"
            " killed in battle.",
            [(200, 300, "strength"), (200, 300, "killed")],
        ),
        (
            "A large number of Northland soldiers fell into the marsh; all of them perished there.",
            [(None, None, "killed")],
        ),
    ],
)
def test_recall_all_of_them_counts_the_figure_they_stand_for(
    nlp: Any, sentence: str, expected: list[tuple[int | None, int | None, str]]
) -> None:
    figures, forced = sentence_figures(sentence, [])
    losses = figure_losses(sentence, figures, forced, nlp(sentence))
    found = [(q.low, q.high, loss.kind) for q, loss in zip(figures, losses, strict=True) if loss]
    assert found[-len(expected) :] == expected
    assert found[-1][2] == "killed"


def test_precision_all_of_them_with_no_loss_counts_nothing_more(nlp: Any) -> None:
    sentence = "A column of 40 tanks entered the town; all of them were Zentari."
    figures, _ = sentence_figures(sentence, [])
    assert [q.low for q in figures] == [40]
