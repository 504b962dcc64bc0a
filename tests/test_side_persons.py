"""Commanders as side evidence: a person the infobox gives a side names that side in the prose,
by full name, surname, possessive or the adjective made from the name; demonyms of a dashed
union and nations' people nouns name the union's side. Invented names throughout."""

from __future__ import annotations

from typing import Any

from fogofwar.extract import extract_document
from fogofwar.extract.actors import SideIndex
from fogofwar.extract.person_names import adjective_forms, name_parts
from fogofwar.model import Actor, Commander, Side
from fogofwar.read import read_bytes

SIDES = SideIndex(
    [
        Side(1, (Actor("Velmar Republic"),), (Commander("General Orsino Kadrevic"),)),
        Side(2, (Actor("Forces of Tullan"),), (Commander("Count Ambrose III"),)),
    ]
)


def test_name_parts_leave_titles_particles_and_numerals_out() -> None:
    assert name_parts("Field Marshal Ibrahim al-Rashad II") == {"ibrahim", "rashad"}
    assert name_parts("Count Ambrose III") == {"ambrose"}


def test_adjective_of_a_name() -> None:
    assert "tullanian" in adjective_forms("tullan")
    assert "pompeian" in adjective_forms("pompey")


def test_a_commanders_surname_and_possessive_name_his_side() -> None:
    assert SIDES.side_of_name("Kadrevic had 22,000 men")[0] == 1
    assert SIDES.side_of_name("Kadrevic's army")[0] == 1
    assert SIDES.side_of_name("Ambrose lost 3,500")[0] == 2


def test_the_owner_of_a_force_a_combatant_line_names_is_a_person_of_that_side() -> None:
    assert SIDES.side_of_name("the Tullanian cavalry")[0] == 2
    assert SIDES.side_of_name("15,000 Tullanians")[0] == 2


def test_a_name_part_is_matched_capitalised_only() -> None:
    sides = SideIndex([Side(1, (), (Commander("Will Ardent"),)), Side(2, (), ())])
    assert sides.side_of_name("the men will hold")[0] is None
    assert sides.side_of_name("Will held the ford")[0] == 1


def test_a_first_name_followed_by_another_surname_is_someone_else() -> None:
    sides = SideIndex([Side(1, (), (Commander("Ambrose III"),)), Side(2, (), ())])
    assert sides.side_of_name("Ambrose Kellerby and his men")[0] is None


def test_a_part_both_sides_commanders_share_names_neither() -> None:
    sides = SideIndex(
        [Side(1, (), (Commander("Piers Holm"),)), Side(2, (), (Commander("Piers Vantry"),))]
    )
    assert sides.side_of_name("Piers had 300 men")[0] is None
    assert sides.side_of_name("Vantry had 300 men")[0] == 2


def test_demonyms_of_a_dashed_union_and_their_people_nouns() -> None:
    sides = SideIndex([Side(1, (Actor("Polish–Lithuanian Commonwealth"),)), Side(2, ())])
    assert sides.side_of_name("the Polish army")[0] == 1
    assert sides.side_of_name("the Lithuanian horse")[0] == 1
    assert sides.side_of_name("the Poles lost 300")[0] == 1


def test_force_sizes_of_commanders_are_kept_with_their_side(nlp: Any) -> None:
    text = (
        "= Battle of Quarry Hill =\n\nInfobox\n- Date: 3 May 1412\n"
        "- Combatant1: Velmar Republic\n- Combatant2: Forces of Tullan\n"
        "- Commander1: General Orsino Kadrevic\n- Commander2: Count Ambrose III\n\n"
        "The battle was fought near the hill.\n\n== Armies ==\n"
        "Kadrevic had 22,000 men. Ambrose had 9,000 men.\n"
    )
    claims = extract_document(read_bytes(text.encode(), "t.txt"), nlp)[1]
    by_value = {(c.kind, c.value.low): c.subject.side for c in claims}
    assert by_value[("strength", 22000)] == 1
    assert by_value[("strength", 9000)] == 2


def test_a_people_noun_ending_an_actor_name_names_its_side() -> None:
    sides = SideIndex([Side(1, (Actor("Varnic Drovers"),)), Side(2, (Actor("Kingdom of Osk"),))])
    assert sides.side_of_name("a rearguard of 300 Drovers")[0] == 1
    assert sides.side_of_name("the Drover camp")[0] == 1


def test_a_collective_noun_ending_a_name_names_nobody() -> None:
    sides = SideIndex([Side(1, (Actor("Varnic Popular Units"),)), Side(2, (Actor("Osk"),))])
    assert sides.side_of_name("the units held")[0] is None


def test_the_adjective_before_a_states_form_names_the_state() -> None:
    sides = SideIndex([Side(1, (Actor("Drevanian Khanate"),)), Side(2, (Actor("Kingdom of Osk"),))])
    assert sides.side_of_name("the Drevanian horde numbered 30,000")[0] == 1
    generic = SideIndex([Side(1, (Actor("Islamic Emirate of Osk"),)), Side(2, ())])
    assert generic.side_of_name("Islamic scholars")[0] is None


def _units_battle(units1: str, units2: str, prose: str) -> str:
    return (
        "= Battle of Quarry Hill =\n\nInfobox\n- Date: 3 May 1944\n- Place: Quarry Hill\n"
        "- Combatant1: Velmar Republic\n- Combatant2: Kingdom of Osk\n"
        f"- Units1: {units1}\n- Units2: {units2}\n\n"
        f"The battle was fought near the hill.\n\n== Battle ==\n{prose}\n"
    )


def test_a_sides_formation_words_name_it(nlp: Any) -> None:
    text = _units_battle(
        "2nd Ranger Division; Additional support units",
        "Quarry Hill garrison; 5th Infantry Brigade",
        "On the first day the Rangers had suffered 120 dead and 300 wounded.",
    )
    claims = extract_document(read_bytes(text.encode(), "t.txt"), nlp)[1]
    by_value = {(c.kind, c.value.low): c.subject.side for c in claims}
    assert by_value[("killed", 120)] == 1


def test_formation_words_both_sides_use_or_generic_ones_name_neither(nlp: Any) -> None:
    from fogofwar.extract.actors import build_side_index, parse_sides
    from fogofwar.extract.person_names import unit_words

    text = _units_battle("2nd Ranger Division; 9th Infantry Division", "4th Ranger Brigade", "")
    doc = read_bytes(text.encode(), "t.txt")
    assert unit_words(doc, [1, 2]) == {}
    index = build_side_index(doc, parse_sides(doc), None)
    assert index.side_of_name("Infantry held the ridge")[0] is None
