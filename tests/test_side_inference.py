"""Sides an infobox leaves empty or leaves out, learned from the rest of the article."""

from __future__ import annotations

from fogofwar.extract.actors import parse_sides
from fogofwar.read import read_bytes


def _sides(infobox: str, lead: str) -> dict[int, list[str]]:
    text = f"= Battle of Testville =\n\nInfobox\n{infobox}\n{lead}\n\n== Battle ==\nIt ended.\n"
    doc = read_bytes(text.encode(), "t.txt")
    return {s.side: [a.name for a in s.actors] for s in parse_sides(doc)}


def test_side_inference_flags_only_cell_takes_the_lead_name_not_the_other_side() -> None:
    sides = _sides(
        "- Combatant1: , ,\n- Combatant2: Sylvanian Liberation Front\n- Casualties1: 12 killed",
        "The battle was fought between the Freedonian Army and the Sylvanian Liberation Front.",
    )
    assert sides == {1: ["Freedonian Army"], 2: ["Sylvanian Liberation Front"]}


def test_side_inference_missing_combatant_lines_from_an_attack_sentence() -> None:
    sides = _sides(
        "- Casualties1: 3 killed\n- Casualties2: 40 killed",
        "On 3 May, Freedonian forces attacked the Sylvanian Liberation Front in Testville.",
    )
    assert sides == {1: ["Freedonian"], 2: ["Sylvanian Liberation Front"]}


def test_side_inference_demonym_of_the_side_own_casualty_line() -> None:
    sides = _sides(
        "- Combatant2: Sylvanian Liberation Front\n- Casualties1: 12 Freedonian soldiers killed",
        "The battle took place in May.",
    )
    assert sides[2] == ["Sylvanian Liberation Front"]
    assert sides[1] == []  # "Freedonian" is no country in the gazetteer: nothing invented


def test_side_inference_country_demonym_and_result_winner() -> None:
    by_line = _sides(
        "- Combatant2: JNIM\n- Casualties1: 12 Malian soldiers killed", "It took place in May."
    )
    assert by_line[1] == ["Mali"]
    by_result = _sides(
        "- Result: French victory\n- Combatant2: JNIM\n- Casualties1: None", "It was short."
    )
    assert by_result[1] == ["France"]


def test_side_inference_never_drops_a_side_number_of_a_casualty_line() -> None:
    sides = _sides("- Combatant1: \n- Casualties1: 5 killed\n- Casualties2: 7 killed", "A fight.")
    assert set(sides) == {1, 2}


def test_side_inference_cell_of_supporters_only_gets_its_main_actor_from_the_lead() -> None:
    sides = _sides(
        "- Combatant1: Supported by:; Non-state supporters:; Hill Brigade; Foreign supporters:; "
        "(Military equipment, aid, and advisory roles)\n- Combatant2: \n- Casualties2: 9 killed",
        "It was fought between Freedonian government security forces against militants "
        "affiliated with the Sylvanian Front (SF), including two groups.",
    )
    assert sides == {
        1: ["Freedonian government security forces", "Hill Brigade"],
        2: ["Sylvanian Front"],
    }
