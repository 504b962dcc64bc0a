"""The worked example (Battle of Anéfis, 2014) against its hand-made reference
``tests/data/anefis.gold.json``: the event fields and every casualty claim."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from fogofwar.cli import main
from fogofwar.extract import extract_document
from fogofwar.model import NUMERIC_KINDS, Claim, Document, Event, Extraction

ANEFIS = Path(__file__).resolve().parent / "data" / "anefis.txt"
Result = tuple[Event, list[Claim]]
_GENERIC = {"the", "of", "a", "an"}


def _tokens(name: str) -> set[str]:
    return set(re.findall(r"\w+", name.lower())) - _GENERIC


def claim_matches(gold: dict[str, Any], claim: Claim) -> bool:
    """kind, whose losses (side, civilian, actor when the reference names one), value (numbers
    or vague words), claimant (a shared word with an accepted name; none when ``[]``), stance."""
    if claim.kind != gold["kind"] or claim.subject.side != gold.get("side"):
        return False
    if claim.subject.civilian != gold.get("civilian", False):
        return False
    if "actor" in gold and claim.subject.actor != gold["actor"]:
        return False
    if "words" in gold:
        if claim.value.words != gold["words"]:
            return False
    elif (claim.value.low, claim.value.high, claim.value.words) != (
        gold["low"],
        gold["high"],
        None,
    ):
        return False
    if not gold["claimant"]:
        if claim.claimant is not None:
            return False
    elif claim.claimant is None or not any(
        _tokens(claim.claimant.name) & _tokens(name) for name in gold["claimant"]
    ):
        return False
    stance: str = gold.get("stance", "assert")
    return claim.stance == stance


def match_claims(gold: list[dict[str, Any]], claims: list[Claim]) -> dict[int, int]:
    """A maximum one-to-one matching, reference index -> claim index (augmenting paths)."""
    options = [[j for j, c in enumerate(claims) if claim_matches(g, c)] for g in gold]
    owner: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or place(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        place(i, set())
    return {i: j for j, i in owner.items()}


def _describe(claim: Claim) -> str:
    v, who = claim.value, claim.claimant.name if claim.claimant else None
    return (
        f"{claim.kind} side={claim.subject.side} actor={claim.subject.actor} "
        f"value={v.low}..{v.high} words={v.words} claimant={who} stance={claim.stance}"
    )


@pytest.fixture(scope="module")
def figures(anefis_result: Result) -> list[Claim]:
    return [c for c in anefis_result[1] if c.kind in NUMERIC_KINDS]


def test_extract_example_event_title_kind_date(
    anefis_result: Result, anefis_gold: dict[str, Any]
) -> None:
    event, _ = anefis_result
    gold = anefis_gold["event"]
    assert event.title == gold["title"] == "Battle of Anéfis (2014)"
    assert event.kind == "battle"
    assert event.date is not None
    assert event.date.to_dict() == gold["date"]
    assert (event.date.start, event.date.precision) == ("2014-07-11", "day")
    assert event.id == "battle-of-anefis-2014"


def test_extract_example_event_place_part_of_result(
    anefis_result: Result, anefis_gold: dict[str, Any]
) -> None:
    event, _ = anefis_result
    gold = anefis_gold["event"]
    assert event.place is not None
    assert (event.place.name, event.place.country) == ("Anéfis", "Mali")
    assert event.part_of == gold["part_of"] == "Mali War"
    assert event.result == gold["result"]


def test_extract_example_event_sides(anefis_result: Result, anefis_gold: dict[str, Any]) -> None:
    event, _ = anefis_result
    assert [s.side for s in event.sides] == [1, 2]
    for side in event.sides:
        gold = anefis_gold["event"]["sides"][str(side.side)]
        assert [a.name for a in side.actors] == gold["actors"]
        assert [(c.name, c.fate) for c in side.commanders] == [
            (c["name"], c.get("fate")) for c in gold["commanders"]
        ]
    bojan = [c for s in event.sides for c in s.commanders if c.name == "Bojan"]
    assert [c.fate for c in bojan] == ["killed"]


def test_extract_example_actor_aliases(anefis_result: Result, anefis_gold: dict[str, Any]) -> None:
    event, _ = anefis_result
    aliases = {a.name: set(a.aliases) for s in event.sides for a in s.actors}
    for actor, names in anefis_gold["event"]["actor_aliases"].items():
        if actor in aliases:  # MOJWA is named in the prose, not among the combatants
            assert set(names) <= aliases[actor], actor


def test_extract_example_related_events(anefis_result: Result, anefis_gold: dict[str, Any]) -> None:
    event, _ = anefis_result
    found = {(r.title.lower(), r.date) for r in event.related}
    missing = [
        r for r in anefis_gold["related_events"] if (r["title"].lower(), r["date"]) not in found
    ]
    assert missing == []


def test_extract_example_casualty_claims_all_found(
    figures: list[Claim], anefis_gold: dict[str, Any]
) -> None:
    gold = anefis_gold["casualty_claims"]
    assert len(gold) == 30
    matched = match_claims(gold, figures)
    missing = [g for i, g in enumerate(gold) if i not in matched]
    assert not missing, "not found:\n" + "\n".join(map(str, missing))


def test_extract_example_casualty_claims_nothing_spurious(
    figures: list[Claim], anefis_gold: dict[str, Any]
) -> None:
    matched = match_claims(anefis_gold["casualty_claims"], figures)
    used = set(matched.values())
    spurious = [_describe(c) for j, c in enumerate(figures) if j not in used]
    assert not spurious, "spurious:\n" + "\n".join(spurious)


def test_extract_example_same_claim_in_infobox_and_prose_is_one(figures: list[Claim]) -> None:
    both = [c for c in figures if {e.section for e in c.evidence} >= {"infobox", "Aftermath"}]
    assert ("killed", 1, 35) in [(c.kind, c.subject.side, c.value.low) for c in both]


def test_extract_example_evidence_points_into_text(
    anefis_doc: Document, anefis_result: Result
) -> None:
    sections = {s.name: s for s in anefis_doc.sections}
    for claim in anefis_result[1]:
        assert claim.evidence, claim
        for ev in claim.evidence:
            assert ev.document == anefis_doc.id
            assert anefis_doc.text[ev.start : ev.end] == ev.text
            if ev.section != "infobox":
                assert sections[ev.section].start <= ev.start <= ev.end <= sections[ev.section].end


def test_extract_example_claim_ids_unique_and_stable(
    anefis_extraction: Extraction, anefis_doc: Document, nlp: Any
) -> None:
    ids = [c.id for c in anefis_extraction.claims]
    assert len(ids) == len(set(ids))
    assert all(c.event == "battle-of-anefis-2014" for c in anefis_extraction.claims)
    assert [c.id for c in extract_document(anefis_doc, nlp)[1]] == ids


def test_extract_example_table_fits_100_columns(
    capsys: pytest.CaptureFixture[str], nlp: Any
) -> None:
    assert main(["extract", "--format", "table", str(ANEFIS)]) == 0
    out = capsys.readouterr().out
    assert "Battle of Anéfis (2014)" in out
    assert "Traceback" not in out
    assert max(len(line) for line in out.splitlines()) <= 100


def test_extract_example_presence_claims_and_their_stances(anefis_result: Result) -> None:
    _, claims = anefis_result
    presence = [c for c in claims if c.kind == "presence"]
    by = {
        (c.claimant.name if c.claimant else None, c.stance, c.value.truth, c.said_on)
        for c in presence
    }
    assert ("MNLA", "assert", True, "2014-07-11") in by  # the first press release
    assert ("MNLA", "revise", False, "2014-07-13") in by  # the army was not present
    assert ("MNLA", "assert", True, "2014-07-13") in by  # ... but GATIA and the others were
    assert ("Malian Army", "deny", False, None) in by
    assert any(
        c.stance == "corroborate" and c.claimant and c.claimant.name == "Ladsous" for c in presence
    )
