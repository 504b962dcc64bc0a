"""Kinds of actor for the formats' actor codes: ACLED's inter codes, UCDP's type of violence.

An actor's kind comes from the words of its name (``data/actor_types.toml`` for militias,
civilians and external forces; the extraction's lexicon for state forces and armed groups; the
gazetteer's country names for a state named by its country). A name no list knows has no kind, and
the codes that depend on it stay blank.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from importlib import resources

from fogofwar.model import Event

STATE, REBEL, CIVILIANS, EXTERNAL = 1, 2, 7, 8  # ACLED inter codes (FIELD-NOTES.md §3.2)


@cache
def _patterns() -> list[tuple[re.Pattern[str], int]]:
    """(pattern, inter code) of the data file, in its order."""
    text = resources.files("fogofwar.data").joinpath("actor_types.toml").read_text("utf-8")
    out = []
    for section in tomllib.loads(text).values():
        words = "|".join(str(w) for w in section["words"])
        out.append((re.compile(rf"\b(?:{words})\b", re.IGNORECASE), int(section["inter"])))
    return out


@lru_cache(maxsize=4096)  # bounded: memory must not grow with the ledger's actors
def inter_code(name: str) -> int | None:
    """ACLED inter code of an actor from its name: 1 state forces, 2 rebel group, 3 political
    militia, 4 identity militia, 7 civilians, 8 external/other forces; None if unknown."""
    from fogofwar.extract import lexicon
    from fogofwar.extract.places import country_names

    for pattern, code in _patterns():
        if pattern.search(name):
            return code
    if lexicon.NON_STATE_ACTOR.search(name):
        return REBEL  # "Free Syrian Army": an army in name, an armed group in fact
    if lexicon.STATE_ACTOR.search(name) or name.lower().strip() in country_names():
        return STATE
    return None


def side_code(event: Event, side: int) -> int | None:
    """The inter code of a side: that of its first-listed actor (ACLED's actor1 / actor2)."""
    for s in event.sides:
        if s.side == side and s.actors:
            return inter_code(s.actors[0].name)
    return None


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED ``interaction``: the two inter codes, lower first (12 state forces vs rebels)."""
    if inter1 is None or inter2 is None:
        return None
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def type_of_violence(event: Event) -> int | None:
    """UCDP ``type_of_violence``: 1 state-based (a state's forces fight an organised group or
    another state), 2 non-state (organised groups, no state), 3 one-sided (an organised actor
    against civilians); None where a side's kind is unknown."""
    kinds = [side_code(event, 1), side_code(event, 2)]
    if None in kinds:
        return None
    if CIVILIANS in kinds:
        return 3 if any(k != CIVILIANS for k in kinds) else None
    if STATE in kinds:
        return 1
    return 2 if EXTERNAL not in kinds else None
