"""Vehicle classes only one side's infobox lines list name that side when nothing else tells
whose a prose figure's vehicles are; a class both sides list names neither. Invented parties."""

from __future__ import annotations

from typing import Any

from samples import one_claim

from fogofwar.extract import extract_document
from fogofwar.extract.materiel_sides import materiel_class
from fogofwar.model import Claim
from fogofwar.read import read_bytes


def _naval(nlp: Any, body: str) -> list[Claim]:
    text = (
        "= Action off Cape Vell =\n\nInfobox\n- Date: 3 May 1941\n"
        "- Combatant1: Velmar\n- Combatant2: Kingdom of Osk\n"
        "- Strength1: 2 destroyers; 1 cruiser\n- Strength2: 1 destroyer; 3 torpedo boats\n"
        "- Casualties2: 2 torpedo boats sunk; 1 armoured car destroyed\n\n"
        f"The action was fought in May 1941.\n\n== Action ==\n{body}\n"
    )
    return extract_document(read_bytes(text.encode(), "t.txt"), nlp)[1]


def test_a_class_one_side_lists_is_that_sides(nlp: Any) -> None:
    body = "At dawn the gunfire grew heavier, and four torpedo boats were sunk near the cape."
    assert one_claim(_naval(nlp, body), "vehicles_destroyed", 4).subject.side == 2


def test_spelling_and_number_do_not_hide_the_class(nlp: Any) -> None:
    body = "Later that morning the gunners managed to destroy four armored cars on the road."
    assert one_claim(_naval(nlp, body), "vehicles_destroyed", 4).subject.side == 2


def test_a_class_both_sides_list_names_neither(nlp: Any) -> None:
    body = "At dawn the gunfire grew heavier, and four destroyers were sunk near the cape."
    assert one_claim(_naval(nlp, body), "vehicles_destroyed", 4).subject.side is None


def test_materiel_class_reads_spelling_and_plural() -> None:
    assert materiel_class("Armoured cars") == materiel_class("armored car") == "armored car"
    assert materiel_class("boats") == "boat"
