"""Commanders as evidence of a side: the text names a side by a person the infobox gives it
("Caesar had 22,000 men", "Napoleon's army", "the Pompeian cavalry").

A person is named by the full name, by any part of it that is not a title or particle
(``data/lexicon/person_names.toml``), by the possessive of either, and by the adjective made
from a part ("Pompey" -> "Pompeian"). People a Combatant line names as the owner of a force
("Forces of X") count as that side's persons too. A part two sides' persons share names
neither.

Formations a side's ``UnitsN`` line lists name it by their distinctive words too ("the
Marines" of a "1st Marine Division"), capitalised and not opening a sentence.
"""

from __future__ import annotations

import re

from fogofwar.extract import lexicon
from fogofwar.model import Document, Side

_WORD = re.compile(r"[A-ZÀ-Þ][\w'’-]*")
_FORCE_OF = re.compile(r"^(?:the\s+)?(?P<head>[A-Za-z]+)\s+of\s+(?P<person>[A-Z].+)$")


def _words(section: str) -> frozenset[str]:
    return lexicon.word_set("person_names", section)


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


def person_side(
    text: str, words: dict[str, int], mid_sentence: bool = False
) -> tuple[int, int] | None:
    """(position, side) of the first capitalised word of ``text`` naming one side's person, as
    itself, a possessive ("Caesar's") or a plural of its adjective ("Pompeians"); None when
    none does (``mid_sentence``: not as a sentence's first word). Case matters: a name part
    may also be an English word ("Will", "Grant")."""
    if not words:
        return None
    for m in re.finditer(r"[A-ZÀ-Þ][\w-]*", text):
        word = m.group(0).lower()
        side = words.get(word)
        if side is None and word.endswith("s") and word[:-1].endswith("n"):
            side = words.get(word[:-1])
        if mid_sentence and re.search(r"(?:^|[.!?]\s+)$", text[: m.start()]):
            continue  # "Infantry held": capitalised because it opens the sentence
        if side is not None and not _another_persons_name(text, m.end(), words):
            return m.start(), side
    return None


def _another_persons_name(text: str, end: int, words: dict[str, int]) -> bool:
    """ "Philip Courtenay" is not "Philip II": a name part followed by a capitalised word that
    names none of the sides' persons belongs to someone else."""
    m = re.match(r"\s+([A-ZÀ-Þ][\w-]*)", text[end:])
    return m is not None and m.group(1).lower() not in words


_UNITS_KEY = re.compile(r"^units?\s*(\d+)$", re.IGNORECASE)


def unit_words(doc: Document, numbers: list[int]) -> dict[str, int]:
    """Each distinctive word of one side's ``UnitsN`` line ("marine" and "marines" of "1st
    Marine Division") -> that side. Words of formations in general ("Division", "Infantry"),
    ordinals, titles, the battle's place and words both sides' units use are none."""
    place = (doc.infobox_value("Place") or "") + " " + (doc.infobox_value("Conflict") or "")
    skip = _words("titles") | _words("particles") | {w.lower() for w in _WORD.findall(place)}
    seen: dict[str, set[int]] = {}
    for entry in doc.infobox:
        m = _UNITS_KEY.match(entry.key.strip())
        if not m or int(m.group(1)) not in numbers:
            continue
        for word in _WORD.findall(entry.value):
            low = word.lower()
            generic = lexicon.UNIT_NOUN.fullmatch(low)
            if len(low) < 4 or low in skip or generic or low in _words("unit_generic"):
                continue
            for form in (low, low + "s"):
                seen.setdefault(form, set()).add(int(m.group(1)))
    return {w: next(iter(s)) for w, s in seen.items() if len(s) == 1}
