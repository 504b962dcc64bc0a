"""Whose losses a prose figure counts, from the parse: the subject of "lost", the agent of
"killed" (victims are the other side), "among X", possessors, and a coordinated figure naming a
party no side's actor uses. Synthetic articles with invented parties."""

from __future__ import annotations

from typing import Any

from samples import one_claim, quarry_hill_claims

_battle = quarry_hill_claims  # the shared battle of samples.py


def test_agent_of_an_inflicting_verb_puts_the_victims_on_the_other_side(nlp: Any) -> None:
    claims = _battle(nlp, "On 4 May, the Zentari Front ambushed a convoy, killing 14 men.")
    assert one_claim(claims, "killed", 14).subject.side == 1


def test_passive_agent_puts_the_victims_on_the_other_side(nlp: Any) -> None:
    claims = _battle(nlp, "On 5 May, 23 men were killed by Northland artillery near the hill.")
    assert one_claim(claims, "killed", 23).subject.side == 2


def test_the_agent_of_a_coordinated_passive_puts_the_victims_on_the_other_side(nlp: Any) -> None:
    claims = _battle(nlp, "On 5 May, 23 men were killed or wounded by Northland artillery fire.")
    assert one_claim(claims, "killed_or_injured", 23).subject.side == 2


def test_people_killed_by_an_agent_stay_nobodys(nlp: Any) -> None:
    claims = _battle(nlp, "On 5 May, the Zentari Front shelled the market, killing 9 people.")
    assert one_claim(claims, "killed", 9).subject.side is None


def test_among_names_whose_losses(nlp: Any) -> None:
    claims = _battle(nlp, "Among the Zentari Front fighters, six were wounded in the attack.")
    assert one_claim(claims, "injured", 6).subject.side == 2


def test_coordinated_figure_naming_an_unknown_party_is_the_other_side(nlp: Any) -> None:
    claims = _battle(
        nlp, "On 6 May, fighting near the hill killed 31 Zentari Front fighters and 5 KLM fighters."
    )
    assert one_claim(claims, "killed", 31).subject.side == 2
    assert one_claim(claims, "killed", 5).subject.side == 1


def test_possessor_owns_the_losses(nlp: Any) -> None:
    claims = _battle(nlp, "Northland's 40 dead were buried on 7 May.")
    assert one_claim(claims, "killed", 40).subject.side == 1


def test_subject_of_had_killed_owns_the_losses(nlp: Any) -> None:
    claims = _battle(
        nlp, "By 8 May, the Zentari Front's northern brigade had 58 killed in the siege."
    )
    assert one_claim(claims, "killed", 58).subject.side == 2


def test_a_state_at_war_admitting_soldiers_lost_speaks_of_its_own(nlp: Any) -> None:
    body = (
        "On 6 May, Peru confirmed that 40 soldiers had been captured. On 7 May, Peru said "
        "that 25 soldiers had been killed."
    )
    claims = _battle(nlp, body, side1="Chile", side2="Peru")
    assert one_claim(claims, "captured", 40).subject.side == 2
    assert one_claim(claims, "killed", 25).subject.side == 1  # a claim, not an admission


def test_the_subject_of_lost_outranks_a_role_word(nlp: Any) -> None:
    # "soldiers" alone would be the state's; the Front lost them
    body = "On 8 May, the Zentari Front's army lost 70 soldiers near the hill."
    claims = _battle(nlp, body, side1="Chile")
    assert one_claim(claims, "killed", 70).subject.side == 2


def test_losses_a_verb_puts_at_a_figure_are_the_party_the_losses_noun_names(nlp: Any) -> None:
    """ "Drevanian losses were estimated at 3,000": the Drevanian side's. Invented names."""
    from fogofwar.extract.actors import SideIndex
    from fogofwar.extract.owner_syntax import owner_by_parse
    from fogofwar.model import Actor, Side

    sides = SideIndex([Side(1, (Actor("Drevania"),)), Side(2, (Actor("Kingdom of Osk"),))])
    text = "Drevanian losses have been estimated at around 3,000 killed."
    parsed = nlp(text)
    start = text.index("3,000")
    found = owner_by_parse(parsed, start, start + 5, sides, None)
    assert found is not None and found.side == 1


def test_losses_inflicted_on_a_party_are_that_partys(nlp: Any) -> None:
    """ "The rebels inflicted 300 casualties upon the Osk army": Osk's. Invented names."""
    from fogofwar.extract.actors import SideIndex
    from fogofwar.extract.owner_syntax import owner_by_parse
    from fogofwar.model import Actor, Side

    sides = SideIndex([Side(1, (Actor("Drevania"),)), Side(2, (Actor("Osk"),))])
    text = "The Drevanians inflicted 300 casualties upon the Osk army."
    start = text.index("300")
    found = owner_by_parse(nlp(text), start, start + 3, sides, None)
    assert found is not None and found.side == 2
