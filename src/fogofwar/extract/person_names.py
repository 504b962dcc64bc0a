"""Commanders as evidence of a side: the text names a side by a person the infobox gives it
("Caesar had 22,000 men", "Napoleon's army", "the Pompeian cavalry").

A person is named by the full name, by any part of it that is not a title or particle
(``data/lexicon/person_names.toml``), by the possessive of either, and by the adjective made
from a part ("Pompey" -> "Pompeian"). People a Combatant line names as the owner of a force
("Forces of X") count as that side's persons too. A part two sides' persons share names
neither.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from fogofwar.extract import lexicon
from fogofwar.model import Side

_WORD = re.compile(r"[A-ZÀ-Þ][\w'’-]*")
_FORCE_OF = re.compile(r"^(?:the\s+)?(?P<head>[A-Za-z]+)\s+of\s+(?P<person>[A-Z].+)$")


@cache
def _words(section: str) -> frozenset[str]:
    path = resources.files("fogofwar.data").joinpath("lexicon").joinpath("person_names.toml")
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    return frozenset(str(w) for w in table[section]["words"])


def name_parts(name: str) -> set[str]:
    """The lower-cased parts of a person's name that can stand for the person ("gaius",
    "julius", "caesar" of "Gaius Julius Caesar"); titles, particles and initials are none."""
    out = set()
    skip = _words("titles") | _words("particles")
    for word in _WORD.findall(name):
        low = word.lower().rstrip("'’")
        low = re.sub(r"^(?:al|el)-", "", low)
        if len(low) >= 3 and low not in skip and not low.endswith("."):
            out.add(low)
    return out


def adjective_forms(part: str) -> list[str]:
    """Adjectives made from a name ("pompey" -> "pompeian", "caesar" -> "caesarian")."""
    stem = re.sub(r"(?:us|y|e|a|o|i)$", "", part)
    if len(stem) < 3:
        return []
    return [stem + "ian", stem + "ean", stem + "an", part + "ian", part + "an"]


def side_persons(side: Side) -> list[str]:
    """The persons a side's infobox cells name: its commanders and the owner of a force its
    Combatant line names ("Forces of X")."""
    people = [c.name for c in side.commanders]
    for actor in side.actors:
        m = _FORCE_OF.match(actor.name)
        if m and (
            lexicon.UNIT_NOUN.fullmatch(m.group("head"))
            or lexicon.FORCE_NOUN.fullmatch(m.group("head"))
        ):
            people.append(m.group("person"))
    return people


def person_words(sides: list[Side]) -> dict[str, int]:
    """Each word that names one side's person (a name part or its adjective) -> that side."""
    seen: dict[str, set[int]] = {}
    for side in sides:
        for person in side_persons(side):
            for part in name_parts(person):
                for form in (part, *adjective_forms(part)):
                    seen.setdefault(form, set()).add(side.side)
    return {w: next(iter(s)) for w, s in seen.items() if len(s) == 1}


def person_side(text: str, words: dict[str, int]) -> tuple[int, int] | None:
    """(position, side) of the first capitalised word of ``text`` naming one side's person, as
    itself, a possessive ("Caesar's") or a plural of its adjective ("Pompeians"); None when
    none does. Case matters: a name part may also be an English word ("Will", "Grant")."""
    if not words:
        return None
    for m in re.finditer(r"[A-ZÀ-Þ][\w-]*", text):
        word = m.group(0).lower()
        side = words.get(word)
        if side is None and word.endswith("s") and word[:-1].endswith("n"):
            side = words.get(word[:-1])
        if side is not None and not _another_persons_name(text, m.end(), words):
            return m.start(), side
    return None


def _another_persons_name(text: str, end: int, words: dict[str, int]) -> bool:
    """ "Philip Courtenay" is not "Philip II": a name part followed by a capitalised word that
    names none of the sides' persons belongs to someone else."""
    m = re.match(r"\s+([A-ZÀ-Þ][\w-]*)", text[end:])
    return m is not None and m.group(1).lower() not in words
