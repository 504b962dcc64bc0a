"""Whose force (or losses) a figure counts when the owner is told beside the counted noun or by
a pronoun that holds the force, and why people at large stay nobody's. Synthetic
articles with invented parties (Northland, the Zentari Front)."""

from __future__ import annotations

from typing import Any

from samples import one_claim, quarry_hill_claims

_battle = quarry_hill_claims  # the shared battle of samples.py


def test_fighters_loyal_to_a_party_are_its_force(nlp: Any) -> None:
    body = "A local observer estimated approximately 800 fighters loyal to the Zentari Front."
    assert one_claim(_battle(nlp, body), "strength", 800).subject.side == 2


def test_fighters_from_a_party_are_its_force(nlp: Any) -> None:
    body = "On 4 May, it was announced that 200 fighters from the Zentari Front would take part."
    assert one_claim(_battle(nlp, body), "strength", 200).subject.side == 2


def test_fighters_affiliated_with_a_party_lost_are_its_losses(nlp: Any) -> None:
    body = "On 5 May, 14 fighters affiliated with the Zentari Front were killed near the hill."
    assert one_claim(_battle(nlp, body), "killed", 14).subject.side == 2


def test_a_pronoun_that_gathers_a_force_stands_for_the_party_before_it(nlp: Any) -> None:
    body = (
        "On 4 May, the Zentari Front moved on the airport. They gathered about 1,000 fighters "
        "around the airport."
    )
    assert one_claim(_battle(nlp, body), "strength", 1000).subject.side == 2


def test_they_consisting_of_men_are_the_party_named_before(nlp: Any) -> None:
    body = (
        "Northland deployed two companies near the town on 6 May. They reportedly consisted of "
        "200 men and entered the town from both sides."
    )
    assert one_claim(_battle(nlp, body), "strength", 200).subject.side == 1


def test_a_force_the_clause_acts_on_is_not_the_pronouns(nlp: Any) -> None:
    # "they attacked 500 soldiers": the force is the attacked party's, not the pronoun's
    body = "On 4 May, the Zentari Front moved on the airport. They attacked 500 soldiers there."
    claims = [c for c in _battle(nlp, body) if c.kind == "strength" and c.value.low == 500]
    assert all(c.subject.side != 2 for c in claims)


def test_people_killed_in_a_sides_statement_are_nobodys(nlp: Any) -> None:
    body = (
        "On 5 May, the Northland Ministry of Defence stated that four people, including two "
        "children, were killed by shelling."
    )
    assert one_claim(_battle(nlp, body), "killed", 4).subject.side is None


def test_people_a_side_says_were_executed_are_nobodys(nlp: Any) -> None:
    body = "On 7 May, Northland said that the Zentari Front had executed over a hundred people."
    claims = [c for c in _battle(nlp, body) if c.kind == "killed"]
    assert claims and all(c.subject.side is None for c in claims)


def test_it_that_sent_fighters_is_the_group_that_speaks(nlp: Any) -> None:
    body = "On 5 May, the Zentari Front announced that it had sent hundreds of fighters north."
    claims = [c for c in _battle(nlp, body) if c.kind == "strength"]
    assert claims and all(c.subject.side == 2 for c in claims)


def test_it_is_no_person_that_writes(nlp: Any) -> None:
    # "it" is the Zentari artillery, not the Northland officer who wrote of it
    body = (
        "Accounts of the Zentari Front artillery differ; Northland officer Jon Varga wrote "
        "that it comprised forty-two mountain guns."
    )
    claims = [c for c in _battle(nlp, body) if c.kind == "strength" and c.value.low == 42]
    assert all(c.subject.side != 1 for c in claims)


def test_it_that_sent_fighters_is_the_speaker_no_side_names(nlp: Any) -> None:
    # the brigade is no infobox actor; an armed group speaking where a state fights an
    # insurgency is the insurgents' (its claimant side), and "it" is the brigade
    body = "On 5 May, the Bravo Brigade announced that it had sent 300 fighters north."
    claims = [
        c for c in _battle(nlp, body, side1="Chile") if c.kind == "strength" and c.value.low == 300
    ]
    assert claims and all(c.subject.side == 2 for c in claims)


def test_his_soldiers_are_the_side_of_the_man_named_before(nlp: Any) -> None:
    # "soldiers" alone would be the state's; "his" is the Front's commander
    body = (
        "On 5 May, the commander of the Zentari Front said that his soldiers had managed to "
        "destroy six tanks during the battle."
    )
    claims = _battle(nlp, body, side1="Chile")
    assert one_claim(claims, "vehicles_destroyed", 6).subject.side == 1


def test_victims_of_a_strike_on_a_party_are_that_partys(nlp: Any) -> None:
    body = "On 6 May, a shell struck a Zentari Front position, killing 3 fighters."
    claims = _battle(nlp, body)
    assert one_claim(claims, "killed", 3).subject.side == 2


def test_the_people_noun_ending_an_actor_name_names_it_when_written_as_a_name(nlp: Any) -> None:
    # "Cossacks" of the "Vorskan Cossacks": the article writes it capitalised on its own
    body = (
        "On 4 May the Cossacks crossed the river, and later the Cossacks held the ford; by "
        "night the Cossacks built a camp. A rearguard of 200 to 300 Cossacks protected the "
        "river crossing. The Cossack army had 2,990 horsemen."
    )
    claims = _battle(nlp, body, side1="Velmar", side2="Vorskan Cossacks")
    assert one_claim(claims, "strength", 200).subject.side == 2
    assert one_claim(claims, "strength", 2990).subject.side == 2


def test_a_role_word_ending_an_actor_name_names_nobody_alone(nlp: Any) -> None:
    # "knights" are either side's: the article writes it in lower case
    body = "The battle began on 4 May. The king led 300 knights across the river."
    claims = _battle(nlp, body, side1="Velmar", side2="Vorskan Knights")
    assert all(c.subject.side != 2 for c in claims if c.kind == "strength")
