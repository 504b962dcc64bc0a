"""Prose claims on small synthetic articles: speakers, whose losses, lists, breakdowns, revisions,
merging with the infobox and figures set outside the event's dates."""

from __future__ import annotations

from typing import Any

from fogofwar.extract import extract_document
from fogofwar.extract.speakers import plausible_claimant
from fogofwar.model import Claim
from fogofwar.read import read_bytes

HEAD = (
    "= Battle of Testville =\n\nInfobox\n- Conflict: Battle of Testville\n"
    "- Date: 3–9 March 2015\n- Place: Testville, Syria\n"
    "- Combatant1: Free Testland Army\n- Combatant2: Syrian Arab Republic; Syrian Armed Forces\n"
    "{extra}\n"
)


def _claims(nlp: Any, prose: str, extra: str = "") -> list[Claim]:
    text = HEAD.format(extra=extra) + "\n== Battle ==\n" + prose + "\n"
    _, claims = extract_document(read_bytes(text.encode(), "test.txt"), nlp)
    return [c for c in claims if c.value.low is not None or c.value.words]


def _battle(nlp: Any, side1: str, side2: str, body: str) -> list[Claim]:
    """The claims of a synthetic battle in May 2015 between ``side1`` and ``side2``."""
    text = (
        "= Battle of Testville =\n\nInfobox\n- Date: 3–9 May 2015\n"
        f"- Combatant1: {side1}\n- Combatant2: {side2}\n\n"
        f"The battle was fought in May 2015.\n\n== Battle ==\n{body}"
    )
    return extract_document(read_bytes(text.encode(), "t.txt"), nlp)[1]


def _one(claims: list[Claim], kind: str, low: int) -> Claim:
    found = [c for c in claims if c.kind == kind and c.value.low == low]
    assert len(found) == 1, [(c.kind, c.value.low) for c in claims]
    return found[0]


def test_prose_speaker_and_sides_from_descriptors(nlp: Any) -> None:
    claims = _claims(
        nlp,
        "On 4 March, the Syrian Observatory for Human Rights said that 12 rebels and "
        "seven soldiers were killed.",
    )
    rebels, soldiers = _one(claims, "killed", 12), _one(claims, "killed", 7)
    assert rebels.subject.side == 1 and soldiers.subject.side == 2
    assert rebels.claimant is not None and rebels.claimant.kind == "ngo"
    assert "Observatory" in rebels.claimant.name
    assert rebels.said_on == "2015-03-04"


def test_prose_each_figure_credited_to_its_own_speaker(nlp: Any) -> None:
    claims = _claims(
        nlp,
        "On 5 March, activists said that 10 residents had died, and state media reported "
        "that four soldiers were killed.",
    )
    residents, soldiers = _one(claims, "killed", 10), _one(claims, "killed", 4)
    assert residents.claimant is not None and residents.claimant.name == "activists"
    assert residents.subject.civilian
    assert soldiers.claimant is not None and "state media" in soldiers.claimant.name


def test_prose_list_after_a_verb_types_each_item(nlp: Any) -> None:
    claims = _claims(
        nlp,
        "On 6 March, the army said it had destroyed four tanks, two helicopters and "
        "three artillery pieces.",
    )
    assert _one(claims, "vehicles_destroyed", 4).value.what == "tanks"
    assert _one(claims, "vehicles_destroyed", 2).value.what == "helicopters"
    assert _one(claims, "equipment_destroyed", 3).subject.side == 1  # the army's adversary


def test_prose_parts_stated_after_the_total(nlp: Any) -> None:
    claims = _claims(
        nlp, "On 7 March, 50 people were killed, around 30 of them civilians and 20 rebels."
    )
    assert _one(claims, "killed", 50).subject.side is None  # "people": nobody can tell
    assert _one(claims, "killed", 30).subject.civilian
    assert _one(claims, "killed", 20).subject.side == 1


def test_prose_infobox_figure_restated_is_one_claim(nlp: Any) -> None:
    claims = _claims(
        nlp,
        "On 8 March, the rebels said that 15 soldiers were killed.",
        extra="- Casualties2: 15 killed (per rebels)",
    )
    merged = _one(claims, "killed", 15)
    assert {e.section for e in merged.evidence} == {"infobox", "Battle"}


def test_prose_figures_dated_far_outside_the_event_are_not_its_own(nlp: Any) -> None:
    claims = _claims(
        nlp,
        "On 6 March, 8 soldiers were killed.\n\nIn June 2015, 40 soldiers were killed "
        "in another town.",
    )
    assert [c.value.low for c in claims if c.kind == "killed"] == [8]


def test_prose_freed_hostages_are_not_captured(nlp: Any) -> None:
    claims = _claims(nlp, "On 6 March, special forces freed four hostages.")
    assert not [c for c in claims if c.kind == "captured"]


def test_prose_plausible_claimant_rejects_dates_and_fragments() -> None:
    assert plausible_claimant("Human Rights Watch")
    assert plausible_claimant("local activists")
    assert not plausible_claimant("June")
    assert not plausible_claimant("of them")
    assert not plausible_claimant("him")


def test_prose_force_sizes_without_a_force_verb(nlp: Any) -> None:
    claims = _battle(
        nlp,
        "Army of Freedonia",
        "Sylvanian Liberation Front",
        "On 4 May, about 320 Sylvanian Liberation Front fighters were in the city.\n"
        "On 5 May, 40 Sylvanian Liberation Front fighters were freed.\n",
    )
    assert [(c.kind, c.subject.side, c.value.low) for c in claims if c.kind == "strength"] == [
        ("strength", 2, 320)
    ]


def test_prose_actor_named_by_the_demonym_of_its_country(nlp: Any) -> None:
    text = (
        "= Siege of Testville =\n\nInfobox\n- Date: 3–9 May 2015\n"
        "- Combatant1: Armed Forces of the Philippines\n- Combatant2: Sylvanian Front\n"
        "- Casualties1: 5 killed\n\nThe siege was fought in May 2015.\n\n== Siege ==\n"
        "On 4 May, 13 Philippine Marines were killed.\n"
    )
    _, claims = extract_document(read_bytes(text.encode(), "t.txt"), nlp)
    assert (1, 13) in {(c.subject.side, c.value.low) for c in claims if c.kind == "killed"}


def test_prose_they_of_a_speaker_named_in_the_sentence_before(nlp: Any) -> None:
    claims = _battle(
        nlp,
        "Army of Freedonia",
        "Sylvanian Liberation Front",
        "The Freedonian Marines had been able to recover weapons from the town. "
        "They also reported that eight Sylvanian Liberation Front fighters had been killed.\n",
    )
    killed = [c for c in claims if c.kind == "killed"]
    assert [(c.value.low, c.claimant.name if c.claimant else None) for c in killed] == [
        (8, "Freedonian Marines")
    ]


def test_prose_displaced_people_are_civilians_unless_fighters(nlp: Any) -> None:
    claims = _battle(
        nlp,
        "Army of Freedonia",
        "Sylvanian Liberation Front",
        "On 4 May, 22,000 people had been displaced.\n"
        "On 5 May, 300 Sylvanian Liberation Front fighters fled to the hills.\n",
    )
    shown = {(c.value.low, c.subject.civilian, c.subject.side) for c in claims}
    assert (22000, True, None) in shown
    assert (300, False, 2) in shown


def test_prose_soldiers_of_two_states_at_war_are_nobody_in_particular(nlp: Any) -> None:
    claims = _battle(
        nlp,
        "Russia",
        "Ukraine",
        "On 4 May, 40 marines were killed.\n",
    )
    assert [(c.value.low, c.subject.side) for c in claims if c.kind == "killed"] == [(40, None)]


def test_prose_speaker_of_with_x_stating(nlp: Any) -> None:
    claims = _battle(
        nlp,
        "Army of Freedonia",
        "Sylvanian Liberation Front",
        "On 4 May, one battalion surrendered, with Freedonian officials stating two days later "
        "that they captured 267 Sylvanian Liberation Front fighters.\n",
    )
    captured = [c for c in claims if c.kind == "captured" and c.value.low == 267]
    assert [c.claimant.name if c.claimant else None for c in captured] == ["Freedonian officials"]


def test_prose_things_seized_and_fractions_are_no_captives(nlp: Any) -> None:
    claims = _battle(
        nlp,
        "Army of Freedonia",
        "Sylvanian Liberation Front",
        "On 4 May, the army captured two-thirds of the city and seized 192 explosive belts.\n"
        "On 5 May, 35 Sylvanians and 11 Sylvanian Liberation Front fighters were captured.\n",
    )
    assert sorted(c.value.low or 0 for c in claims if c.kind == "captured") == [11, 35]


def test_prose_soldiers_one_state_says_were_killed_are_the_other_state_s(nlp: Any) -> None:
    claims = _battle(
        nlp,
        "Russia",
        "Ukraine",
        "On 4 May, the Russian Ministry of Defence said that 120 soldiers were killed, "
        "one third of the garrison.\n",
    )
    assert [(c.value.low, c.subject.side) for c in claims if c.kind == "killed"] == [(120, 2)]


def test_prose_forces_and_paramilitaries_are_force_sizes(nlp: Any) -> None:
    claims = _battle(
        nlp,
        "Iraq",
        "Sylvanian Liberation Front",
        "On 4 May, some 20,000 Iraqi forces and approximately 10,000 Iraqi "
        "paramilitaries surrounded the town.\n",
    )
    assert sorted((c.value.low, c.subject.side) for c in claims if c.kind == "strength") == [
        (10000, 1),
        (20000, 1),
    ]


def test_prose_losers_parts_and_the_closer_name(nlp: Any) -> None:
    claims = _battle(
        nlp,
        "Iraq",
        "Islamic State of Iraq and the Levant (ISIL)",
        "On 5 May, ISIL lost 25 fighters in the assault.\n"
        "The Iraqi army suffered 12 dead and 30 wounded on 6 May.\n"
        "ISIL captured 30 Iraqi soldiers, 14 of whom were later executed.\n",
    )
    got = {(c.kind, c.value.low, c.subject.side) for c in claims}
    assert {
        ("killed", 25, 2),
        ("killed", 12, 1),
        ("injured", 30, 1),
        ("captured", 30, 1),
        ("killed", 14, 1),
    } <= got
