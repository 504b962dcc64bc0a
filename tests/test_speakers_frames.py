"""Who speaks in prose: speakers named by a description ("the regional administration"),
verbs of belief and clarification, "according to X" at the end of a sentence, speakers carried
from the sentences before. Synthetic articles with invented parties."""

from __future__ import annotations

from typing import Any

from samples import one_claim, quarry_hill_claims

from fogofwar.extract.speakers import plausible_claimant
from fogofwar.model import Claim


def _who(claim: Claim) -> str | None:
    return claim.claimant.name if claim.claimant else None


def test_descriptions_of_bodies_are_speakers() -> None:
    for name in ("regional administration", "city council", "provincial health department"):
        assert plausible_claimant(name), name


def test_according_to_a_description_at_the_end_covers_every_figure(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp,
        "On 4 May, a shell hit the square; at least 24 people were wounded and 29 were "
        "killed, according to the regional administration.",
    )
    assert _who(one_claim(claims, "injured", 24)) == "regional administration"
    assert _who(one_claim(claims, "killed", 29)) == "regional administration"


def test_a_clarified_figure_is_a_revision(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp,
        "On 5 May, the town council stated that 70 civilians had died. On 6 May, the town "
        "council later clarified that 57 civilians had died.",
    )
    claim = one_claim(claims, "killed", 57)
    assert _who(claim) == "town council" and claim.stance == "revise"


def test_belief_verbs_name_the_speaker(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp, "On 7 May, the Red Cross believed that 300 wounded needed evacuation."
    )
    assert _who(one_claim(claims, "injured", 300)) == "Red Cross"


def test_an_abbreviation_is_a_party_only_when_it_is_a_sides_actor(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp,
        "The Quarry Observatory for Human Rights (QOHR) monitors the war. On 4 May, the QOHR "
        "said that 12 Zentari Front fighters were killed. On 5 May, the ZF said that 30 soldiers "
        "were killed.",
    )
    monitor = one_claim(claims, "killed", 12).claimant
    assert monitor is not None and monitor.kind == "ngo"


def test_according_to_a_titled_officer_keeps_the_whole_name(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp,
        "According to Brig. Gen. Omar Tellis of the Northland army, 44 Zentari Front fighters "
        "were killed on 4 May.",
    )
    assert "Tellis" in (_who(one_claim(claims, "killed", 44)) or "")


def test_a_description_of_the_organisation_named_before_is_that_organisation(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp,
        "On 4 May, the Quarry Relief Committee said that the town was shelled. The Committee "
        "estimated that 35 civilians were killed.",
    )
    assert _who(one_claim(claims, "killed", 35)) == "Quarry Relief Committee"


def test_he_is_the_last_single_speaker_not_a_plural_group(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp,
        "On 4 May, Omar Tellis said that 20 fighters held the hill. Local activists said that "
        "shops were burned. He added that 90 injured people were in the clinic.",
    )
    assert _who(one_claim(claims, "injured", 90)) == "Omar Tellis"


def test_a_description_then_its_name_is_the_name(nlp: Any) -> None:
    claims = quarry_hill_claims(
        nlp, "On 5 May, the monitoring group the QMG put the number of dead at 61."
    )
    assert "QMG" in (_who(one_claim(claims, "killed", 61)) or "")
