"""Force sizes, stated counts, materiel put out of action and parts of an earlier figure, in prose
(extract/forces.py, the loss words of data/lexicon): sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from fogofwar.extract import extract_document
from fogofwar.extract.parts import carry_parts
from fogofwar.extract.prose import figure_losses, sentence_figures
from fogofwar.model import Claim, Subject, Value
from fogofwar.read import read_bytes


def _kinds(nlp: Any, sentence: str, earlier: list[Claim] | None = None) -> list[tuple[int, str]]:
    """(low, kind) of every figure of ``sentence`` that counts something kept."""
    figures, forced = sentence_figures(sentence, [])
    losses = figure_losses(sentence, figures, forced, nlp(sentence))
    carry_parts(sentence, figures, losses, earlier or [])
    return [(q.low or 0, loss.kind) for q, loss in zip(figures, losses, strict=True) if loss]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The garrison numbered 3,000.", [(3000, "strength")]),
        (
            "The duke had 6,000 infantry and 2,000 cavalry.",
            [(6000, "strength"), (2000, "strength")],
        ),
        ("The royal host consisted of 4,000 knights.", [(4000, "strength")]),
        ("The ford was guarded by 150 archers.", [(150, "strength")]),
        ("The town was held by a company of 90 musketeers.", [(90, "strength")]),
        ("The militia had increased its forces to at least 4,000.", [(4000, "strength")]),
        ("By the evening only 18 riflemen remained.", [(18, "strength")]),
        ("A rearguard of 200 to 300 pikemen covered the crossing.", [(200, "strength")]),
    ],
)
def test_forces_sizes_stated_in_passing(
    nlp: Any, sentence: str, expected: list[tuple[int, str]]
) -> None:
    assert _kinds(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Army fatalities numbered 41 by the end of the week.", [(41, "killed")]),
        ("The number of refugees in the camps had reached 8,000.", [(8000, "displaced")]),
        ("The hospital could not move its wounded, who numbered 120.", [(120, "injured")]),
        ("The death toll in the district had reached 57.", [(57, "killed")]),
        ("This brought the number of executed prisoners to 31.", [(31, "killed")]),
    ],
)
def test_forces_counts_stated_by_a_verb_take_the_kind_of_their_noun(
    nlp: Any, sentence: str, expected: list[tuple[int, str]]
) -> None:
    assert _kinds(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Two tanks were knocked out near the bridge.", [(2, "vehicles_lost")]),
        ("The gunners knocked out three armoured cars.", [(3, "vehicles_lost")]),
        ("Four trucks were damaged and later abandoned.", [(4, "vehicles_lost")]),
        ("Artillery fire disabled five armoured personnel carriers.", [(5, "vehicles_lost")]),
        ("Six helicopters were hit on the ground.", [(6, "vehicles_lost")]),
    ],
)
def test_forces_materiel_out_of_action_is_lost_not_destroyed(
    nlp: Any, sentence: str, expected: list[tuple[int, str]]
) -> None:
    assert _kinds(nlp, sentence) == expected


def test_forces_an_agent_that_hit_something_is_no_loss(nlp: Any) -> None:
    # the cars that hit are no loss; they are the attack's force (a force told with any verb)
    assert _kinds(nlp, "Three armoured cars hit the checkpoint at dawn.") == [(3, "strength")]


def test_forces_dead_listed_after_among_the_dead(nlp: Any) -> None:
    assert _kinds(nlp, "Among the dead were nine villagers.") == [(9, "killed")]


def _earlier(kind: str, low: int) -> list[Claim]:
    return [Claim("", "", kind, Subject(), Value(low, low), None)]


def test_forces_parts_of_the_figure_before_count_what_it_counted(nlp: Any) -> None:
    sentence = "21 of them were militiamen and four were police officers."
    assert _kinds(nlp, sentence, _earlier("killed", 25)) == [(21, "killed"), (4, "killed")]


def test_forces_parts_only_open_a_sentence(nlp: Any) -> None:
    sentence = "The medics treated 60 patients, 12 of whom were on ventilators."
    assert (12, "killed") not in _kinds(nlp, sentence, _earlier("killed", 25))


def test_forces_a_force_size_becomes_a_strength_claim_of_its_side(nlp: Any) -> None:
    text = (
        "= Siege of Testburg =\n\nInfobox\n- Date: 3–9 May 1450\n"
        "- Combatant1: Kingdom of Testland\n- Combatant2: Duchy of Otherland\n\n"
        "The siege was fought in May 1450.\n\n== Siege ==\n"
        "The Testland army numbered 12,000 infantry and 3,000 cavalry.\n"
    )
    claims = extract_document(read_bytes(text.encode(), "t.txt"), nlp)[1]
    strength = sorted((c.value.low, c.subject.side) for c in claims if c.kind == "strength")
    assert strength == [(3000, 1), (12000, 1)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The raiders executed nine guards who were captured at the gate.", [(9, "killed")]),
        (
            "The ambush blocked the pass, killing and injuring some 40 porters.",
            [(40, "killed_or_injured")],
        ),
        ("The brigade said it had killed or captured 70 raiders.", [(70, "killed_or_injured")]),
    ],
)
def test_forces_one_figure_of_two_fates(
    nlp: Any, sentence: str, expected: list[tuple[int, str]]
) -> None:
    assert _kinds(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("About 200 to 300 raiders were estimated to be left in the fort.", [(200, "strength")]),
        ("Dozens of marines secured the harbour.", [(24, "strength")]),
        ("The engineers blew up three bridges over the canal.", [(3, "equipment_destroyed")]),
        ("Two vehicle bridges were partially destroyed.", [(2, "equipment_destroyed")]),
        ("About 5,000 villagers were able to leave the valley.", [(5000, "displaced")]),
        ("The last 400 residents began fleeing the town.", [(400, "displaced")]),
        ("The fighting had claimed an estimated 75 lives.", [(75, "killed")]),
    ],
)
def test_forces_more_ways_of_stating_forces_and_losses(
    nlp: Any, sentence: str, expected: list[tuple[int, str]]
) -> None:
    assert _kinds(nlp, sentence) == expected


def test_forces_a_bridge_taken_is_no_loss(nlp: Any) -> None:
    assert _kinds(nlp, "The rebels captured a depot road and two bridges.") == []


def test_forces_fighters_crossing_are_a_force_not_displaced(nlp: Any) -> None:
    assert _kinds(nlp, "About 300 rebel fighters crossed into the town at dawn.") == [
        (300, "strength")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("By noon the number of those killed was updated to 26.", [(26, "killed")]),
        ("Some 300 sailors were treated in field hospitals.", [(300, "injured")]),
        ("The gas caused nearly 500 hospitalizations.", [(500, "injured")]),
        ("Shells fell on the market, killing a total of 14 people.", [(14, "killed")]),
    ],
)
def test_forces_counts_revised_treated_and_totalled(
    nlp: Any, sentence: str, expected: list[tuple[int, str]]
) -> None:
    assert _kinds(nlp, sentence) == expected
