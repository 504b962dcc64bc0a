"""Materiel as evidence of a side: the classes of vehicle and vessel that only one side's
infobox lines list ("2 torpedo boats" in Strength2 alone, "7 U-boats" in Strength1 alone) name
that side when a prose figure counts them and nothing else tells whose they are ("the three
torpedo boats were closing the cruiser", "16 ships were lost"). A class both sides list names
neither. The classes are the vehicle nouns of ``data/lexicon/materiel.toml``.
"""

from __future__ import annotations

import re

from fogofwar.extract import lexicon
from fogofwar.model import Document

_SIDE_LINE = re.compile(
    r"^(?:strength|casualties|losses|casualties\s+and\s+losses|units)\s*(\d+)$", re.I
)


def materiel_class(noun: str) -> str:
    """The class a vehicle noun names, spelling and number aside ("Armoured cars" -> "armored
    car", "U-boats" -> "boat")."""
    low = re.sub(r"\barmou?red\b", "armored", noun.lower())
    low = re.sub(r"\s+", " ", low).strip()
    if low.endswith("s") and not low.endswith(("ss", "us")):
        low = low[:-1]
    return low


def materiel_words(doc: Document, numbers: list[int]) -> dict[str, int]:
    """Each vehicle class one side's Strength, Casualties or Units lines list -> that side."""
    seen: dict[str, set[int]] = {}
    for entry in doc.infobox:
        m = _SIDE_LINE.match(entry.key.strip())
        if not m or int(m.group(1)) not in numbers:
            continue
        for noun in lexicon.VEHICLE_NOUN.finditer(entry.value):
            seen.setdefault(materiel_class(noun.group(0)), set()).add(int(m.group(1)))
    return {w: next(iter(s)) for w, s in seen.items() if len(s) == 1}


def materiel_side(phrase: str, words: dict[str, int]) -> int | None:
    """The side of the first vehicle class in ``phrase`` that one side alone lists, or None."""
    if not words:
        return None
    for noun in lexicon.VEHICLE_NOUN.finditer(phrase):
        side = words.get(materiel_class(noun.group(0)))
        if side is not None:
            return side
    return None
