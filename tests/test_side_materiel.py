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


def test_a_vessel_named_after_a_class_one_side_lists_is_that_sides(nlp: Any) -> None:
    body = (
        "On 3 May torpedo boats KV7 (ex-Marla) and KV9 laid mines off the cape. After more "
        "than 40 hits, KV9 sank just after 04:00, losing thirty men in 13 minutes."
    )
    assert one_claim(_naval(nlp, body), "killed", 30).subject.side == 2


def test_a_navys_prefix_is_not_read_by_the_class_the_other_side_lists() -> None:
    from fogofwar.extract.materiel_sides import vessel_names

    text = "The destroyer HMS Valiant and the destroyer Lorka closed the range."
    names = vessel_names(text, {"destroyer": 2}, lambda words: None)
    assert names == {"Lorka": 2}


def test_another_nations_vessel_is_nobodys() -> None:
    from fogofwar.extract.materiel_sides import vessel_names

    text = "The French destroyer Basque and torpedo boats Lorka and Mavi sailed north."
    assert vessel_names(text, {"destroyer": 2, "boat": 2}, lambda words: None) == {
        "Lorka": 2,
        "Mavi": 2,
    }
