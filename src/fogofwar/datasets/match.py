"""Which ledger event a dataset row belongs to: same country (or none known), overlapping days,
and at least one of the row's sides naming an actor of the event. Between several: an event of
the row's country before one of no known country, then one whose place the row names, then the
shortest span. Which event side each of the row's sides is."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from fogofwar.datasets.rows import DatasetRow
from fogofwar.export.actors import CIVILIANS, STATE, inter_code
from fogofwar.export.common import day_span
from fogofwar.model import Event

# words of a state's name in the datasets ("Government of Mali", "Military Forces of Russia")
_STATE_PREFIX = re.compile(r"^(?:government|military\s+forces|armed\s+forces|forces)\s+of\s+")


def _is_state_name(name: str) -> bool:
    return bool(_STATE_PREFIX.match(name.strip().lower()))


def _tokens(name: str) -> list[str]:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"\([^)]*\)", " ", s)  # "Government of Russia (Soviet Union)"
    s = _STATE_PREFIX.sub("", s.strip())
    return re.findall(r"[a-z0-9]+", s)


def _generic(word: str) -> bool:
    """A word any armed group's or state force's name may have ("army", "front", "forces")."""
    from fogofwar.extract import lexicon

    return bool(lexicon.STATE_ACTOR.fullmatch(word) or lexicon.NON_STATE_ACTOR.fullmatch(word))


def _covers(short: list[str], long: list[str]) -> bool:
    """Every word of ``short`` is a word of ``long``, or (four letters or more) begins one
    ("russia" names the "Russian Armed Forces"), and not every word is a generic one."""
    return any(not _generic(w) for w in short) and all(
        any(w == x or (len(w) >= 4 and x.startswith(w)) for x in long) for w in short
    )


_LINK_WORDS = frozenset(("of", "the", "and", "for", "in", "al"))


def _abbreviates(short: str, name: str) -> bool:
    """Whether ``short``, written as an abbreviation ("IS", "ISIL"), gives the initials of
    ``name`` or of its part before "of" ("Islamic State of Iraq and the Levant")."""
    if not re.fullmatch(r"[A-Z]{2,6}", short.strip()):
        return False
    words = _tokens(name)
    head = words[: words.index("of")] if "of" in words else words
    return short.strip().lower() in {
        "".join(w[0] for w in ws if w not in _LINK_WORDS) for ws in (words, head) if len(ws) > 1
    }


def names_match(dataset_name: str, actor_names: list[str]) -> bool:
    """Whether a dataset's actor name and one of an event actor's names name the same party. A
    state ("Government of Syria") is only ever one of the event's state actors, never a group
    sharing its country's name ("Free Syrian Army")."""
    d = _tokens(dataset_name)
    if _is_state_name(dataset_name) and not any(inter_code(n) == STATE for n in actor_names):
        return False
    for n in actor_names:
        t = _tokens(n)
        if d and t and (_covers(d, t) or _covers(t, d)):
            return True
        if _abbreviates(dataset_name, n) or _abbreviates(n, dataset_name):
            return True
    return False


def _side_of(event: Event, names: tuple[str, ...], exclude: int | None) -> int | None:
    for side in event.sides:
        if side.side == exclude:
            continue
        for actor in side.actors:
            if any(names_match(n, [actor.name, *actor.aliases]) for n in names):
                return side.side
    return None


@dataclass(frozen=True)
class Match:
    event: Event
    side_a: int | None  # the event side the row's side_a is
    side_b: int | None


def sides(event: Event, row: DatasetRow) -> tuple[int | None, int | None]:
    """The event sides of the row's side_a and side_b (None where neither names one). One
    side found in a two-sided event makes the other (if armed) the other side."""
    a = _side_of(event, row.side_a, None)
    b = _side_of(event, row.side_b, a)
    numbers = sorted({s.side for s in event.sides})
    if len(numbers) == 2:
        if a is not None and b is None and _armed(row.side_b):
            b = next(n for n in numbers if n != a)
        elif b is not None and a is None and _armed(row.side_a):
            a = next(n for n in numbers if n != b)
    return a, b


def _armed(names: tuple[str, ...]) -> bool:
    """Whether a row's side names someone who fights (not nobody, not civilians)."""
    return bool(names) and all(inter_code(n) != CIVILIANS for n in names)


def _overlaps(event: Event, start: date, end: date) -> bool:
    first, last = day_span(event)
    if first is None:
        return False
    return first <= end and (last is None or last >= start)  # no end: still going on


@cache
def _place_words() -> frozenset[str]:
    text = resources.files("fogofwar.data").joinpath("place_words.toml").read_text("utf-8")
    return frozenset(str(w) for w in tomllib.loads(text)["words"])


def _place_tokens(name: str) -> set[str]:
    """The words that say which place a name is (``data/place_words.toml`` left out)."""
    return {w for w in _tokens(name) if w not in _place_words() and len(w) > 2}


def _names_place(event: Event, row: DatasetRow) -> bool:
    """Whether the row's place or province shares a proper word with the event's place."""
    place = event.place
    if place is None:
        return False
    mine = _place_tokens(place.name)
    return any(mine & _place_tokens(w) for w in (row.place, row.admin1) if w)


def best_match(row: DatasetRow, candidates: list[Event]) -> Match | None:
    """The event the row belongs to, or None (the row is then an event of its own)."""
    found = []
    for ev in candidates:
        country = ev.place.country if ev.place else None
        if row.country and country and row.country.lower() != country.lower():
            continue
        if not _overlaps(ev, row.start, row.end):
            continue
        a, b = _side_of(ev, row.side_a, None), _side_of(ev, row.side_b, None)
        if a is None and b is None:
            continue
        first, last = day_span(ev)
        length = (last - first).days if first and last else 10**6
        found.append((country is None, not _names_place(ev, row), length, ev.id, ev))
    if not found:
        return None
    ev = min(found, key=lambda f: f[:4])[4]
    return Match(ev, *sides(ev, row))
