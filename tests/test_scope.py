"""The scope of prose figures: the event's total, an incident inside it, a running count."""

from __future__ import annotations

from typing import Any

import pytest

from fogofwar.extract import extract_document
from fogofwar.extract.scope import scope_of
from fogofwar.extract.sentences import Sentence
from fogofwar.read import read_bytes


@pytest.mark.parametrize(
    ("text", "section", "scope"),
    [
        ("As of 5 May, 120 soldiers had been killed.", "Battle", "cumulative"),
        ("The toll rose to 300 dead.", "Battle", "cumulative"),
        ("In total, 400 fighters were killed during the siege.", "Battle", "total"),
        ("On 4 May, an airstrike killed 12 fighters.", "Battle", "incident"),
        ("Twelve fighters died in an ambush near the bridge.", "Battle", "incident"),
        ("About 300 rebels were killed.", "Casualties", "total"),
        ("About 300 rebels were killed.", "Second phase", "incident"),
    ],
)
def test_scope_cues(text: str, section: str, scope: str) -> None:
    assert scope_of(Sentence(section, 1, 0, text, False)) == scope


def test_scope_one_day_event_figures_are_totals() -> None:
    sent = Sentence("Battle", 1, 0, "On 4 May, an airstrike killed 12 fighters.", False)
    assert scope_of(sent, one_day=True) == "total"


def test_scope_in_extraction_infobox_is_total_prose_as_cued(nlp: Any) -> None:
    text = (
        "= Battle of Testville =\n\nInfobox\n- Date: 3–9 May 2015\n"
        "- Combatant1: Army of Freedonia\n- Combatant2: Sylvanian Liberation Front\n"
        "- Casualties1: 40 killed\n\nThe battle was fought in May 2015.\n\n== Battle ==\n"
        "On 4 May, an airstrike killed 12 Sylvanian Liberation Front fighters.\n"
        "By 8 May, 33 Sylvanian Liberation Front fighters had been killed.\n"
    )
    _, claims = extract_document(read_bytes(text.encode(), "t.txt"), nlp)
    scopes = {(c.value.low, c.scope) for c in claims if c.kind == "killed"}
    assert scopes == {(40, "total"), (12, "incident"), (33, "cumulative")}
    assert all(c.to_dict()["scope"] == c.scope for c in claims)
