"""A report's author speaks through "the report": "X issued a report ... According to the
report, ...", "a report published by X", "The report said", "As the report mentioned".
Synthetic articles with invented parties and monitors."""

from __future__ import annotations

from typing import Any

from samples import one_claim, quarry_hill_claims


def _by(nlp: Any, body: str, kind: str, low: int) -> str | None:
    claim = one_claim(quarry_hill_claims(nlp, body), kind, low)
    return claim.claimant.name if claim.claimant else None


def test_according_to_the_report_is_the_author_a_sentence_before_named(nlp: Any) -> None:
    body = (
        "Following the battle, the Veritas Rights Monitor issued a report on the conduct of "
        "both sides. According to the report, Zentari Front fighters executed 14 prisoners in "
        "the village."
    )
    assert _by(nlp, body, "killed", 14) == "Veritas Rights Monitor"


def test_a_report_published_by_names_its_author_in_the_same_sentence(nlp: Any) -> None:
    body = (
        "According to a report published by the Lantern Civilian Protection Office and the "
        "Northland Bar Council in June 2015, at least 212 civilians were killed in the battle."
    )
    assert (_by(nlp, body, "killed", 212) or "").startswith("Lantern Civilian Protection Office")


def test_the_report_as_a_subject_is_the_author_of_a_passive_publication(nlp: Any) -> None:
    body = (
        "On 3 June 2015, a report was published by the Veritas Rights Monitor, accusing both "
        "sides of abuses. General Arno Veldt said that the army had lost 12 soldiers. The report "
        "stated that 45 civilians had been killed by shelling."
    )
    assert _by(nlp, body, "killed", 45) == "Veritas Rights Monitor"


def test_as_the_report_mentioned_is_not_the_subject_of_the_sentence_before(nlp: Any) -> None:
    body = (
        "The Veritas Rights Monitor issued a report on the battle. According to the report, "
        "Zentari Front fighters occupied the hospital and put the staff at risk. As the report "
        "mentioned, an airstrike later hit the hospital, killing at least 8 civilians."
    )
    assert _by(nlp, body, "killed", 8) == "Veritas Rights Monitor"


def test_a_possessed_compound_author_keeps_its_possessor(nlp: Any) -> None:
    body = (
        "According to Northland's Health Department report on 6 May, at least 40 civilians "
        "were killed by shelling."
    )
    assert _by(nlp, body, "killed", 40) == "Northland's Health Department"


def test_reports_without_an_author_name_nobody(nlp: Any) -> None:
    body = (
        "General Arno Veldt said that the army had lost 12 soldiers. Later reports said that "
        "between 220 and 250 people had been killed."
    )
    assert _by(nlp, body, "killed", 220) is None
