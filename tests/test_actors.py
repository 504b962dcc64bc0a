"""Sides, commanders, aliases and whose losses a phrase names, on synthetic infoboxes."""

from __future__ import annotations

from fogofwar.extract.actors import SideIndex, build_side_index, find_aliases, parse_sides
from fogofwar.extract.places import parse_place
from fogofwar.read import read_bytes

ARTICLE = (
    "= Battle of Sampletown =\n\nInfobox\n- Conflict: Battle of Sampletown\n"
    "- Combatant1: border|20px Ruritania; 25px Ruritanian National Guard\n"
    "- Combatant2: Sample Liberation Front (SLF); Hill Brigade\n"
    "- Commander1: Gen. Anna Berg (POW), Omar KaleKIA\n"
    "- Commander2: Ivo Tran (field commander) Lia Moss (political leader)\n\n"
    "The Sample Liberation Front (SLF) attacked the town.\n"
)


def _index() -> SideIndex:
    doc = read_bytes(ARTICLE.encode(), "sample.txt")
    return build_side_index(doc, parse_sides(doc), None)


def test_actors_markup_cleaned_and_fates_read() -> None:
    index = _index()
    side1, side2 = index.sides
    assert [a.name for a in side1.actors] == ["Ruritania", "Ruritanian National Guard"]
    assert [(c.name, c.fate) for c in side1.commanders] == [
        ("Anna Berg", "captured"),
        ("Omar Kale", "killed"),
    ]
    # a flattened cell "A (role) B (role)" is split into its names
    assert [c.name for c in side2.commanders] == ["Ivo Tran", "Lia Moss"]


def test_actors_abbreviations_defined_in_text_become_aliases() -> None:
    aliases = find_aliases("the National Movement for the Liberation of Azawad (MNLA) said")
    assert "MNLA" in aliases
    assert any("Liberation of Azawad" in full for full in aliases["MNLA"])


def test_actors_resolve_names_demonyms_and_descriptors() -> None:
    index = _index()
    assert index.government_side() == 1 and index.rebel_side() == 2
    assert index.resolve("Ruritanian soldiers").side == 1
    assert index.resolve("SLF fighters").side == 2
    assert index.resolve("rebels").side == 2
    assert index.resolve("pro-government militiamen").side == 1
    assert index.resolve("civilians").civilian
    assert index.resolve("people").side is None and not index.resolve("people").civilian
    # a nationality that is no side's makes "soldiers" nobody's here
    assert index.resolve("Turkish soldiers").side is None


def test_actors_place_names_country_and_honest_precision() -> None:
    known = parse_place("Kidal, Mali")
    assert known is not None and known.country == "Mali" and known.precision == 1
    assert known.lat is not None and known.lon is not None
    unknown = parse_place("Nowhereville, Mali")
    assert unknown is not None and unknown.lat is None and unknown.precision == 6


def test_actors_sides_from_the_lead_when_the_infobox_has_none() -> None:
    text = (
        "= Battle of Elsewhere =\n\nInfobox\n- Conflict: Battle of Elsewhere\n\n"
        "The battle of Elsewhere was fought between the Northern Army and the Southern League "
        "in 1850.\n"
    )
    sides = parse_sides(read_bytes(text.encode(), "elsewhere.txt"))
    assert [(s.side, [a.name for a in s.actors]) for s in sides] == [
        (1, ["Northern Army"]),
        (2, ["Southern League"]),
    ]


def test_actors_plural_demonym_names_the_side_of_a_longer_name() -> None:
    article = (
        "= Battle of Sampleville =\n\nInfobox\n- Conflict: Battle of Sampleville\n"
        "- Combatant1: Russian Armed Forces\n- Combatant2: Ukrainian Ground Forces\n\n"
        "The armies fought over the town.\n"
    )
    doc = read_bytes(article.encode(), "sample.txt")
    index = build_side_index(doc, parse_sides(doc), None)
    assert index.resolve("five Russians").side == 1
    assert index.resolve("two Ukrainians").side == 2
    assert index.resolve("a Russian officer").side == 1
