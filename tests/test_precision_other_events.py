"""Figures about another event the sentence names ("at the Battle of Biak", "the 2020 Balyun
airstrikes that killed 34") are that event's, not the article's: they make no claim."""

from __future__ import annotations

from typing import Any

import pytest

from fogofwar.extract import extract_document
from fogofwar.extract.related import names_other_event
from fogofwar.read import read_bytes

_OWN = "Battle of Testville (2015)"


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("They had suffered 3,000 casualties at the Battle of Biak.", True),
        ("It fell on the anniversary of the 2010 Karbo airstrikes that killed 34 soldiers.", True),
        ("The Battle of Testville killed 300 soldiers.", False),
        ("The Siege of Testville cost 300 lives.", False),
        ("The 2015 Testville offensive killed 300 soldiers.", False),
        ("Army troops killed 300 rebels near the river.", False),
    ],
)
def test_names_other_event(text: str, other: bool) -> None:
    assert names_other_event(text, _OWN, (2015, 2015)) is other


def test_figures_of_a_named_other_event_make_no_claim(nlp: Any) -> None:
    text = (
        f"= {_OWN} =\n\nInfobox\n- Date: 3–9 May 2015\n"
        "- Combatant1: Army of Freedonia\n- Combatant2: Sylvanian Liberation Front\n"
        "- Casualties1: 40 killed\n\nThe battle was fought in May 2015.\n\n== Battle ==\n"
        "On 4 May, 12 Army of Freedonia soldiers were killed.\n"
        "The plan was unchanged, even after the army suffered 3,000 casualties at the Battle "
        "of Biak.\n"
        "It fell on the anniversary of the 2010 Karbo airstrikes that killed 34 soldiers.\n"
    )
    _, claims = extract_document(read_bytes(text.encode(), "t.txt"), nlp)
    assert sorted(c.value.low for c in claims if c.value.low is not None) == [12, 40]
