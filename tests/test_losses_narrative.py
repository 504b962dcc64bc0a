"""Losses told in narrative, read off the parse (extract/predicates.py): the verb a figure is the
object of, crews lost with their ship, figures that bound or name rather than count; either
fate of materiel; an infobox item that says its own fate; a date that ends a span."""

from __future__ import annotations

from typing import Any

from samples import one_claim, quarry_hill_claims

from fogofwar.extract import extract_document
from fogofwar.read import read_bytes


def _kinds(claims: list[Any], low: int) -> list[str]:
    return [c.kind for c in claims if c.value.low == low]


def test_the_verb_a_figure_is_the_object_of_wins_over_a_later_verb(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp, "Northland destroyers sank two of the Zentari ships and severely damaged the third."
    )
    sunk = one_claim(claims, "vehicles_destroyed", 2)
    assert sunk.value.what == "ships"
    assert "vehicles_lost" not in _kinds(claims, 2)


def test_killing_some_of_the_wounded_counts_killed(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp, "Zentari gunmen attacked the convoy, killing 13 of the wounded."
    )
    assert _kinds(claims, 13) == ["killed"]


def test_a_crew_that_went_down_with_its_ship_is_killed(nlp: Any) -> None:
    claims = quarry_hill_claims(nlp, "The Zentari ship went down with 17 crew.")
    assert _kinds(claims, 17) == ["killed"]


def test_a_crew_the_sinking_ship_took_with_her_is_killed_not_captured(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp, "With her heavy cargo, the Zentari ship sank quickly, taking all 36 crew with her."
    )
    assert _kinds(claims, 36) == ["killed"]


def test_prisoners_taken_along_in_a_retreat_stay_captured(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp, "The Zentari Front retreated at dawn, taking 40 prisoners with them."
    )
    assert _kinds(claims, 40) == ["captured"]


def test_the_whole_of_a_part_is_no_loss(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp, "During the battle, 20 of the 35 Zentari cargo vessels were sunk and 2 more damaged."
    )
    assert _kinds(claims, 20) == ["vehicles_destroyed"]
    assert _kinds(claims, 35) == []


def test_the_number_of_a_coded_name_is_no_loss(nlp: Any) -> None:
    claims = quarry_hill_claims(nlp, "Later that night, convoy SC 7 lost many of its members.")
    assert _kinds(claims, 7) == []


def test_destroyed_or_damaged_materiel_is_lost(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp, "Satellite images showed seven destroyed or damaged Zentari helicopters."
    )
    assert _kinds(claims, 7) == ["vehicles_lost"]


def test_an_infobox_item_after_a_sunk_one_keeps_its_own_fate(nlp: Any) -> None:
    text = (
        "= Battle of Cape Nowhere =\n\nInfobox\n- Date: 3 May 2015\n"
        "- Combatant1: Northland\n- Combatant2: Zentari Front\n"
        "- Casualties2: 60 killed; 2 torpedo boats sunk; 1 destroyer damaged\n\n"
        "The battle was fought in May 2015.\n"
    )
    claims = extract_document(read_bytes(text.encode(), "t.txt"), nlp)[1]
    assert one_claim(claims, "vehicles_lost", 1).subject.side == 2
    assert one_claim(claims, "vehicles_destroyed", 2).subject.side == 2


def test_a_date_that_ends_a_span_does_not_move_the_paragraph_out_of_the_event(
    nlp: Any,
) -> None:
    claims = quarry_hill_claims(
        nlp,
        "The Zentari Front was badly mauled and remained out of action until the next offensive "
        "began on 1 April 2016. In total, the Zentari Front suffered over 650 casualties.",
    )
    assert _kinds(claims, 651) == ["killed_or_injured"]


def test_a_ships_company_killed_are_people_not_the_ship(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp, "Thirteen of her ship's company had been killed and 22 wounded."
    )
    assert _kinds(claims, 13) == ["killed"]
    assert _kinds(claims, 22) == ["injured"]


def test_men_lost_as_prisoners_are_captured(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp, "The Zentari Front had 2,000 killed and an additional 3,000 lost as prisoners."
    )
    assert one_claim(claims, "captured", 3000).subject.side == 2
    assert _kinds(claims, 3000) == ["captured"]


def test_a_loss_noun_measured_by_an_amount_verb_gives_the_kind(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp,
        "Northland losses totalled 300 men. The death toll amounted to about 170 knights. "
        "Zentari Front losses amounted to 30 tanks.",
    )
    assert one_claim(claims, "killed_or_injured", 300).subject.side == 1
    assert _kinds(claims, 170) == ["killed"]
    assert one_claim(claims, "vehicles_lost", 30).value.what == "tanks"


def test_an_amount_verb_without_a_loss_noun_stays_a_force(nlp: Any) -> None:
    claims = quarry_hill_claims(nlp, "The number of Northland troops reached 5,000.")
    assert _kinds(claims, 5000) == ["strength"]


def test_a_parenthesis_after_a_loss_gives_its_parts(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp,
        "The battle had cost the lives of 47 Northland soldiers "
        "(two officers, seven NCOs, 38 corporals and soldiers).",
    )
    for low in (47, 2, 7, 38):
        assert one_claim(claims, "killed", low).subject.side == 1
