"""Force sizes of the parts of an army stated in narrative (extract/forces.py): a possessor's
men, a collective noun "of" a force, "with" a force, order-of-battle lines without a verb, the
parts a formation includes; sentences written for these tests."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

import pytest

from fogofwar.extract import extract_document, lexicon
from fogofwar.extract.prose import figure_losses, sentence_figures
from fogofwar.read import read_bytes


def _kinds(nlp: Any, sentence: str) -> list[tuple[int, str]]:
    """(low, kind) of every figure of ``sentence`` that counts something kept."""
    figures, forced = sentence_figures(sentence, [])
    losses = figure_losses(sentence, figures, forced, nlp(sentence))
    return [(q.low or 0, loss.kind) for q, loss in zip(figures, losses, strict=True) if loss]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Soon his remaining 90 men were out of ammunition.", [(90, "strength")]),
        ("A battery of six guns covered the ford.", [(6, "strength")]),
        ("The duke appeared at the ford with 3,000 cavalry.", [(3000, "strength")]),
        ("The count formed a ring of seven hundred pikemen.", [(700, "strength")]),
        (
            "The reserve: 25,000 rifles / 3,000 horses / 32 guns",
            [(25000, "strength"), (3000, "strength"), (32, "strength")],
        ),
        ("First Regiment (Colonel Ivan Testov) - 3220 cossacks", [(3220, "strength")]),
        ("Harar forces; Ras Makonnen: 15,000 rifles", [(15000, "strength")]),  # "forces" a verb
        ("A total of 33,313 registered Cossacks from the above.", [(33313, "strength")]),
        (
            "This army included 1000 cavalry, of which 112 were heavy cavalry.",
            [(1000, "strength"), (112, "strength")],
        ),
        ("There were also 2,000 Cossacks on the left bank.", [(2000, "strength")]),
        (
            "The duke had 80,000 soldiers, which included 40,000 regulars.",
            [(80000, "strength"), (40000, "strength")],
        ),
    ],
)
def test_recall_force_sizes_of_parts_of_an_army(
    nlp: Any, sentence: str, expected: list[tuple[int, str]]
) -> None:
    assert _kinds(nlp, sentence) == expected


def test_recall_another_part_of_a_force_is_a_force(nlp: Any) -> None:
    sentence = "The army included 1000 cavalry and another 1000 of infantry."
    assert _kinds(nlp, sentence) == [(1000, "strength"), (1000, "strength")]


def test_recall_a_force_surrendered_is_captured(nlp: Any) -> None:
    sentence = "On 2 September, the general surrendered 6,000 infantry and all his guns."
    assert _kinds(nlp, sentence) == [(6000, "captured")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Chapter 12: 300 pages of letters",  # a list line, but of no force
        "Two light surveillance aircraft worth a million.",  # a fragment, no list line
        "He said that 30 soldiers had defected with 2 tanks.",  # materiel "with" no force verb
        "Sources said that government forces captured 3 villages.",  # "forces" is no person
        "One border guard live-streamed the attack.",  # a hyphen inside a word is no list mark
    ],
)
def test_recall_no_force_where_none_is_counted(nlp: Any, sentence: str) -> None:
    assert _kinds(nlp, sentence) == []


def test_recall_the_section_of_an_order_of_battle_names_its_side(nlp: Any) -> None:
    text = (
        "= Battle of Testburg =\n\nInfobox\n- Date: 3 May 1450\n"
        "- Combatant1: Kingdom of Testland\n- Combatant2: Duchy of Otherland\n\n"
        "The battle was fought in May 1450.\n\n== Forces of the Kingdom of Testland ==\n"
        "Northern levy (Count Ivan Testov) - 3220 cossacks\n"
    )
    claims = extract_document(read_bytes(text.encode(), "t.txt"), nlp)[1]
    strength = [(c.value.low, c.subject.side) for c in claims if c.kind == "strength"]
    assert strength == [(3220, 1)]


def _entries(name: str, section: str) -> list[str]:
    path = resources.files("fogofwar.data").joinpath("lexicon").joinpath(f"{name}.toml")
    return [str(w) for w in tomllib.loads(path.read_text(encoding="utf-8"))[section]["words"]]


def test_recall_each_person_noun_lives_in_one_data_file() -> None:
    people = set(_entries("people", "person_noun"))
    forces = set(_entries("forces", "force_nouns"))
    assert people & forces == set()


@pytest.mark.parametrize("word", ["cavalry", "pikemen", "soldiers", "fighters", "civilians"])
def test_recall_combatants_of_a_force_are_persons_of_losses(word: str) -> None:
    assert lexicon.PERSON_NOUN.fullmatch(word)


def test_recall_fighter_jets_are_no_persons() -> None:
    assert not lexicon.PERSON_NOUN.search("two fighter jets")


_PRELUDE = (
    "= Battle of Testburg =\n\nInfobox\n- Date: 28–30 June 1450\n"
    "- Combatant1: Kingdom of Testland\n- Combatant2: Duchy of Otherland\n\n"
    "The battle was fought in June 1450.\n\n== Background ==\n"
    "In 1440 the Testland army numbered 5,000 infantry.\n\n== Prelude ==\n"
    "The Testland army numbered 12,000 infantry.\n"
    "An earlier raid on the border killed 300 soldiers of the Testland army.\n\n"
    "== Armies ==\nOn 10 June 1450, the Testland army numbered 3,000 cavalry.\n"
    "On 10 June 1450, 40 soldiers of the Testland army were killed in a skirmish.\n"
)


def test_recall_forces_of_a_prelude_or_of_the_eve_are_kept_their_losses_not(nlp: Any) -> None:
    claims = extract_document(read_bytes(_PRELUDE.encode(), "t.txt"), nlp)[1]
    prose = sorted((c.kind, c.value.low) for c in claims if c.evidence[0].section != "infobox")
    assert prose == [("strength", 3000), ("strength", 12000)]
