"""Renderings of the plain-text shape: the infobox is the first ``- Key: Value`` block after
the title, whatever its heading line says (REFERENCES.md, "Renderings")."""

from __future__ import annotations

import pytest

from fogofwar.read import read_bytes

BODY = (
    "- Conflict: Battle of Testville\n- Date: March 3, 2015\n- Casualties1: 12 killed\n\n"
    "The battle was fought in Testville.\n\n== Aftermath ==\nIt ended.\n"
)


@pytest.mark.parametrize(
    "heading",
    ["Infobox\n", "Military conflict\n", "{{Infobox military conflict\n", "", "\nInfobox\n\n"],
)
def test_read_shapes_infobox_under_any_heading(heading: str) -> None:
    doc = read_bytes(f"= Battle of Testville =\n\n{heading}{BODY}".encode(), "t.txt")
    assert doc.title == "Battle of Testville"
    assert [e.key for e in doc.infobox] == ["Conflict", "Date", "Casualties1"]
    lead = doc.text[doc.sections[0].start : doc.sections[0].end]
    assert lead.strip() == "The battle was fought in Testville."
    assert [s.name for s in doc.sections] == ["lead", "Aftermath"]


def test_read_shapes_missing_title_line_keeps_infobox() -> None:
    doc = read_bytes(f"Infobox\n{BODY}".encode(), "battle_of_testville.txt")
    assert doc.infobox_value("Casualties1") == "12 killed"
    assert doc.title == "Battle of Testville"  # the Conflict cell


def test_read_shapes_later_dash_list_is_prose_not_infobox() -> None:
    text = "= Raid =\n\nThe raid began.\n\n- Note: this is a list in prose\n"
    doc = read_bytes(text.encode(), "raid.txt")
    assert doc.infobox == ()
    assert "Note: this is a list" in doc.text[doc.sections[0].start : doc.sections[0].end]


def test_read_shapes_empty_cells_are_kept_empty() -> None:
    doc = read_bytes(b"= B =\n\nInfobox\n- Date:\n- Combatant1: , ,\n\nText.\n", "b.txt")
    assert doc.infobox_value("Date") == ""
    assert doc.infobox_value("Combatant1") == ", ,"
