"""No rule is tuned to one article: the removed one-article cases stay out of ``src/``, every word
list under ``data/lexicon/`` says where its entries come from, and the general classes that
replaced the model names still read what the names used to."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from fogofwar.extract import lexicon
from fogofwar.extract.actors import _same_actor

SRC = Path(__file__).resolve().parent.parent / "src"
LEXICON = SRC / "fogofwar" / "data" / "lexicon"
_SOURCE_SUFFIXES = {".py", ".toml", ".json"}

# (pattern, case-sensitive?): each was once a rule or entry written for one article
REMOVED = [
    (r"Russian(?:\s|\\s\+?)+seizure", False),
    (r"inmates", False),
    (r"Loyalist", True),  # a hyphenated faction name; the generic word "loyalist" is fine
    (r"Pantsir", False),
    (r"Gvozdika", False),
    (r"Shilka", False),
    (r"tugboat", False),
    (r"Bayraktar", False),
]


def _source_files() -> list[Path]:
    return sorted(p for p in SRC.rglob("*") if p.is_file() and p.suffix in _SOURCE_SUFFIXES)


def test_source_files_are_found() -> None:
    files = _source_files()
    assert any(p.suffix == ".py" for p in files)
    assert _lexicon_files(), f"no data files in {LEXICON}"
    assert set(_lexicon_files()) <= set(files)


@pytest.mark.parametrize(("pattern", "case_sensitive"), REMOVED)
def test_removed_case_appears_nowhere_in_src(pattern: str, case_sensitive: bool) -> None:
    regex = re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)
    hits = [
        f"{path.relative_to(SRC)}:{n}: {line.strip()}"
        for path in _source_files()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if regex.search(line)
    ]
    assert not hits, "tuned case back in src:\n" + "\n".join(hits)


def _lexicon_files() -> list[Path]:
    return sorted(LEXICON.glob("*.toml"))


@pytest.mark.parametrize("path", _lexicon_files(), ids=lambda p: p.name)
def test_lexicon_file_starts_with_its_source(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert re.match(r"#\s*Sources?:\s*\S", first), f"{path.name}: first line is {first!r}"


@pytest.mark.parametrize("path", _lexicon_files(), ids=lambda p: p.name)
def test_every_lexicon_list_has_a_description(path: Path) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    tables: list[tuple[str, Any]] = []
    for name, value in data.items():
        if isinstance(value, list):
            tables.extend((f"{name}[{i}]", t) for i, t in enumerate(value))
        else:
            tables.append((name, value))
    for name, table in tables:
        assert isinstance(table, dict), f"{path.name}: {name} is not a table"
        assert str(table.get("description", "")).strip(), f"{path.name}: {name} has no description"


# -- the general classes read what the removed names did -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "14 T-72s destroyed",
        "3 BMP-2s destroyed",
        "a Su-25 downed",
        "2 Mi-8 and Mi-24 helicopters",
        "one frigate sunk",
        "a tug sunk",
        "a landing ship damaged",
        "two patrol boats",
        "5 MRAPs",
        "a transport aircraft",
    ],
)
def test_vehicle_classes_and_designations(text: str) -> None:
    assert lexicon.VEHICLE_NOUN.search(text)
    assert not lexicon.EQUIPMENT_NOUN.search(text)


@pytest.mark.parametrize(
    "text",
    [
        "15 D-1, D-20, and D-30 howitzers destroyed",
        '17 BM-21 "Grad" MLRS destroyed',
        "4 BM-21 Grad multiple rocket launchers",
        "3 S-300 systems",
        "3 drones shot down",
        "2 UAVs downed",
        "13 air defense systems destroyed",
        "1 ammunition dump",
    ],
)
def test_equipment_classes_and_designations(text: str) -> None:
    assert lexicon.EQUIPMENT_NOUN.search(text)
    assert not lexicon.VEHICLE_NOUN.search(text)


@pytest.mark.parametrize("text", ["200 AK-47 rifles", "along the M-4 highway", "COVID-19 cases"])
def test_a_designation_of_something_else_is_not_materiel(text: str) -> None:
    assert not lexicon.VEHICLE_NOUN.search(text)
    assert not lexicon.EQUIPMENT_NOUN.search(text)


def test_a_faction_of_an_organisation_by_a_generic_word() -> None:
    assert _same_actor("XYZ", "XYZ-Dissident")
    assert _same_actor("XYZ", "XYZ-wing")
    assert not _same_actor("XYZ", "XYZ-GC")  # another organisation, not a wing
    assert not _same_actor("Xyz", "Xyz-Dissident")  # only an abbreviation heads a name
