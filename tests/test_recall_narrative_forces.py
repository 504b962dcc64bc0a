"""Force sizes told in narrative with any verb or none (extract/narrative_forces.py): the figure
counts a force noun, materiel or a count of formations, whatever the verb; the side comes from
the clause that has the force. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from fogofwar.extract import extract_document
from fogofwar.extract.prose import figure_losses, sentence_figures
from fogofwar.read import read_bytes


def _found(nlp: Any, sentence: str) -> list[tuple[int, str, str | None]]:
    """(low, kind, what) of every figure of ``sentence`` that counts something kept."""
    figures, forced = sentence_figures(sentence, [])
    losses = figure_losses(sentence, figures, forced, nlp(sentence))
    return [
        (q.low or 0, loss.kind, loss.what)
        for q, loss in zip(figures, losses, strict=True)
        if loss is not None
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The noise of 1,034 guns was heard across the valley.", [(1034, "strength", "guns")]),
        ("At dawn 400 men waded the river below the mill.", [(400, "strength", None)]),
        ("Some 60 aircraft bombed the station at noon.", [(60, "strength", "aircraft")]),
        (
            "It was a fight between the cruiser and seven gunboats of the navy.",
            [(7, "strength", "gunboats")],
        ),
        (
            "Three rifle divisions were guarding the corridor.",
            [(3, "strength", "rifle divisions")],
        ),
        (
            "Winter units included two ski brigades and four sapper battalions.",
            [(2, "strength", "ski brigades"), (4, "strength", "sapper battalions")],
        ),
        ("A convoy of 30 trucks headed south.", [(30, "strength", "trucks")]),
        ("Air strength was raised to a total of over 800 planes.", [(801, "strength", "planes")]),
    ],
)
def test_narrative_force_sizes_with_any_verb_or_none(
    nlp: Any, sentence: str, expected: list[tuple[int, str, str | None]]
) -> None:
    assert _found(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The cruiser was armed with eight guns and ten torpedo tubes.",  # a ship's armament
        "Luftflotte 4 flew in support.",  # a unit designator, the number after its name
        "Ten officers and 92 sailors were rescued from the water.",  # survivors, not a force
        "The 40 soldiers who escaped reached the coast.",
        "The town of 4,000 inhabitants lay 30 kilometres away.",  # a population, a distance
        "Two fronts were to rest for 10 days.",  # no force noun
        "The army lost seven tanks as well as 67 trucks.",  # a loss list, read as losses
        "Three Kh-31D missiles were fired at the port.",  # munitions, no materiel of a force
        "By dawn 18 soldiers were known to have escaped.",
        "Two armies collided near the river.",  # the sides, not a size
        "Eleven buses headed into the city to evacuate citizens.",
    ],
)
def test_narrative_no_force_where_none_is_told(nlp: Any, sentence: str) -> None:
    assert [f for f in _found(nlp, sentence) if f[1] == "strength"] == []


_ARTICLE = (
    "= Battle of Testburg =\n\nInfobox\n- Date: 3 May 1450\n"
    "- Combatant1: Testland\n- Combatant2: Otherland\n\n"
    "The battle was fought in May 1450.\n\n== Battle ==\n"
    "In the morning the Testland army began its drive south, supported by more than 300 "
    "aircraft and heavy artillery.\n"
    "The Otherland army used most of its strength, including three light divisions, equipped with "
    "some 800 tanks altogether.\n"
)


def test_narrative_force_belongs_to_the_clause_that_has_it(nlp: Any) -> None:
    claims = extract_document(read_bytes(_ARTICLE.encode(), "t.txt"), nlp)[1]
    strength = sorted(
        (c.value.low or 0, c.subject.side, c.value.what) for c in claims if c.kind == "strength"
    )
    assert strength == [(3, 2, "light divisions"), (301, 1, "aircraft"), (800, 2, "tanks")]


_SIDES_BY_HEADING_AND_OF = (
    "= Battle of Testburg =\n\nInfobox\n- Date: 3 May 1450\n"
    "- Combatant1: Testland\n- Combatant2: Otherland\n\n"
    "The battle was fought in May 1450 between a Testland cruiser and seven torpedo boats and "
    "destroyers of the Otherland navy.\n\n== Otherland preparations ==\n"
    "Five divisions were guarding the narrow corridor.\n"
)


def test_narrative_force_of_a_navy_and_under_a_sides_heading(nlp: Any) -> None:
    claims = extract_document(read_bytes(_SIDES_BY_HEADING_AND_OF.encode(), "t.txt"), nlp)[1]
    strength = sorted((c.value.low or 0, c.subject.side) for c in claims if c.kind == "strength")
    assert strength == [(5, 2), (7, 2)]
