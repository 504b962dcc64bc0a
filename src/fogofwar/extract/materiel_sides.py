"""Materiel as evidence of a side: the classes of vehicle and vessel that only one side's
infobox lines list ("2 torpedo boats" in Strength2 alone, "7 U-boats" in Strength1 alone) name
that side when a prose figure counts them and nothing else tells whose they are ("the three
torpedo boats were closing the cruiser", "16 ships were lost"). A class both sides list names
neither. The classes are the vehicle nouns of ``data/lexicon/materiel.toml``. So do the names
the article gives such vehicles ("torpedo boats TA24 and TA29": "TA29 sank. She lost only 20
men"), or vehicles a side's name or demonym comes before ("British cruiser HMS Ajax").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from fogofwar.extract import lexicon
from fogofwar.extract.name_match import is_demonym_word
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


_NAVAL_PREFIX = r"(?:HMS|USS|HMAS|HMCS|HMNZS|HNLMS|SMS|ORP|INS|KRI)\s"
"""Prefixes a navy gives its ships' names (Wikipedia, "Ship prefix"): such a ship is its
navy's, whatever class the other side also lists, so it is learned from a side's word only."""
_PREFIX = r"(?:(?:SS|MV|RMS|HMS|USS|HMAS|HMCS|HMNZS|HNLMS|SMS|ORP|INS|KRI)\s+)?"
_VESSEL_NAME = rf"{_PREFIX}[A-Z][A-Za-z]*\d*(?:-\d+)?"
_NAMED_VESSELS = re.compile(
    rf"(?P<before>(?:[A-Z][\w-]*\s+)?)(?P<cls>{lexicon.VEHICLE_NOUN.pattern})\s*,?\s+"
    rf"(?P<names>{_VESSEL_NAME}(?:\s*\([^()]{{0,60}}\))?(?:\s*(?:,|and|,\s*and)\s+{_VESSEL_NAME})*)",
    re.IGNORECASE,
)


def vessel_names(
    text: str, classes: dict[str, int], side_of: Callable[[str], int | None]
) -> dict[str, int]:
    """Names the article gives vehicles of a class only one side lists ("torpedo boats TA24
    (ex-Arturo) and TA29", "the iron ore ship, SS Creekirk") -> that side; a side's name or
    demonym before the class decides instead ("British cruiser HMS Ajax"), and a word naming
    no side there ("French destroyer Basque") leaves the names out. A name given two sides is
    none's."""
    seen: dict[str, set[int]] = {}
    for m in _NAMED_VESSELS.finditer(text):
        before = m.group("before").strip()
        side = side_of(before) if before[:1].isupper() else None
        if side is None and before[:1].isupper() and is_demonym_word(before.lower()):
            continue  # another nation's ship
        by_class = side is None
        if by_class:
            side = classes.get(materiel_class(m.group("cls")))
        if side is None:
            continue
        names = re.sub(r"\([^()]*\)", " ", m.group("names"))
        for name in re.split(r"\s*(?:,\s*and|,|and)\s+", names):
            name = re.sub(r"\s+", " ", name).strip()
            if _plausible_name(name) and not (by_class and re.match(_NAVAL_PREFIX, name)):
                seen.setdefault(name, set()).add(side)
    return {n: next(iter(s)) for n, s in seen.items() if len(s) == 1}


def _plausible_name(name: str) -> bool:
    """A vehicle's name, not a word of the sentence caught after its class ("the U-boat Arm",
    "aircraft Division", "cruiser Italian ...")."""
    if not name[:1].isupper() or (len(name) < 4 and not re.search(r"\d", name)):
        return False
    low = name.lower()
    return not (
        is_demonym_word(low) or lexicon.UNIT_NOUN.fullmatch(low) or lexicon.FORCE_WORD.search(low)
    )


def vessel_side(text: str, names: dict[str, int]) -> tuple[int, int] | None:
    """(position, side) of the first learned vessel name in ``text`` (case kept), or None."""
    best: tuple[int, int] | None = None
    for name, side in names.items():
        m = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), side)
    return best
