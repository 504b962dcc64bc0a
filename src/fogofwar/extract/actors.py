"""Sides, actors and commanders from the infobox; aliases from the prose; whose losses a
phrase names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from fogofwar.extract import lexicon
from fogofwar.extract.markup import clean_cell, split_items
from fogofwar.extract.materiel_sides import materiel_words, vessel_names, vessel_side
from fogofwar.extract.name_match import demonym_of as demonym_of
from fogofwar.extract.name_match import find_aliases as find_aliases
from fogofwar.extract.name_match import find_name as _find_name
from fogofwar.extract.name_match import find_name_ranked as _find_name_ranked
from fogofwar.extract.name_match import is_demonym_word as _is_demonym_word
from fogofwar.extract.name_match import people_aliases
from fogofwar.extract.person_names import person_side, person_words, unit_words
from fogofwar.extract.side_inference import (
    COMBATANT_KEY,
    adjective_side,
    fill_empty_sides,
    learn_adjectives,
    learn_roles,
    role_side,
    side_numbers,
)
from fogofwar.model import Actor, Commander, Document, Side, Subject

_COMMANDER_KEY = re.compile(r"^(?:commander|leader)s?\s*(\d+)$", re.IGNORECASE)
_SUPPORT = re.compile(
    r"\s*\b(?:supported\s+by|support(?:ed|ers?)?\b|backed\s+by|allies|with\s+support\s+"
    r"from)\s*:?\s*",
    re.IGNORECASE,
)
_FATE = re.compile(
    r"(?:\s*\(?\b(?P<fate>KIA|POW|DOW|MIA|executed|captured|killed)\b\)?\s*$)|"
    r"(?P<glued>(?<=[a-z])(?:KIA|POW|DOW)$)"
)
_BODIES = re.compile(
    r"\b(?:bodies|corpses)\b.*\b(?:found|discovered|exhumed|uncovered|"
    r"graves?)\b",
    re.IGNORECASE,
)
_HARM_TO_CIVILIANS = re.compile(
    r"\b(?:bombard\w*|shell(?:ing|ed|s)?|air\s*strikes?|strikes?|rockets?|missiles?|mortars?|"
    r"massacre\w*|execut\w+|bodies|graves?|found\s+dead|car\s+bomb|explosion|blast|snipers?)\b",
    re.IGNORECASE,
)
_COMBATANTS = re.compile(
    r"\b(?:fighters|rebels|soldiers|combatants|militants|troops|"
    r"servicemen|members\s+of)\b",
    re.IGNORECASE,
)


@dataclass
class SideIndex:
    """The sides of one event with everything needed to tell whose losses a phrase names."""

    sides: list[Side]
    aliases: dict[str, set[str]] = field(default_factory=dict)
    civilian_side: int | None = None
    adjectives: dict[str, int] = field(default_factory=dict)  # learned: "kurdish" -> 1
    units: dict[str, int] = field(default_factory=dict)  # of UnitsN lines: "marines" -> 1
    materiel: dict[str, int] = field(default_factory=dict)  # one side's lines: "torpedo boat"
    vessels: dict[str, int] = field(default_factory=dict)  # names of those: "TA29" -> 2
    roles: dict[str, int] = field(default_factory=dict)  # learned: "defender" -> 1

    @cached_property
    def person_words(self) -> dict[str, int]:
        """The words naming one side's commanders ("caesar", "pompeian") -> that side."""
        return person_words(self.sides)

    @property
    def numbers(self) -> list[int]:
        return [s.side for s in self.sides]

    def names(self, side: Side) -> list[str]:
        out: list[str] = []
        for actor in side.actors:
            out.append(actor.name)
            out.extend(actor.aliases)
        return out

    def government_side(self) -> int | None:
        """The side whose actors look like a state or its loyalists, when exactly one does."""
        scores = {s.side: _state_score(self.names(s)) for s in self.sides if s.actors}
        if len(scores) < 2:
            return None
        ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
        if ranked[0][1] > 0 and ranked[0][1] > ranked[1][1]:
            return ranked[0][0]
        return None

    def rebel_side(self) -> int | None:
        """The side whose actors look non-state, when exactly one does (or the other of two)."""
        gov = self.government_side()
        fighting = [s for s in self.sides if s.actors]
        if gov is not None and len(fighting) == 2:
            return next(s.side for s in fighting if s.side != gov)
        if len(fighting) == 1 and _rebel_score(self.names(fighting[0])) > 0:
            return fighting[0].side
        scores = {s.side: _rebel_score(self.names(s)) for s in fighting}
        ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
        if len(ranked) >= 2 and ranked[0][1] > ranked[1][1]:
            return ranked[0][0]
        return None

    def states_at_war(self) -> bool:
        """Whether each of two fighting sides looks like a state (two countries at war)."""
        fighting = [s for s in self.sides if s.actors]
        return len(fighting) == 2 and all(_state_score(self.names(s)) > 0 for s in fighting)

    def state_against_insurgents(self) -> int | None:
        """The state's side when exactly one side is a state and the other is not."""
        gov = self.government_side()
        others = [s for s in self.sides if s.actors and s.side != gov]
        if gov is None or len(others) != 1:
            return None
        names = self.names(others[0])
        return gov if _state_score(names) <= 0 and _rebel_score(names) > 0 else None

    def side_of_name(self, text: str) -> tuple[int | None, str | None]:
        """The side (and actor) whose name, alias or demonym is in ``text``, else (None, None)."""
        hits: list[tuple[int, int, int, str]] = []  # (position, rank, side, actor)
        low = text.lower()
        for side in self.sides:
            for actor in side.actors:
                for name in (actor.name, *actor.aliases):
                    pos, rank = _find_name_ranked(low, name)
                    if pos >= 0:
                        hits.append((pos, rank, side.side, actor.name))
        if not hits:
            person = person_side(text, self.person_words)
            if person is not None:
                return person[1], None  # "Caesar had 22,000 men": the commander's side
            unit = person_side(text, self.units, mid_sentence=True)
            if unit is not None:
                return unit[1], None  # "the Marines" of a side's "1st Marine Division"
            vessel = vessel_side(text, self.vessels) if self.vessels else None
            if vessel is not None:
                return vessel[1], None  # "TA29" of "torpedo boats TA24 and TA29"
            learned = adjective_side(low, self.adjectives) if self.adjectives else None
            if learned is None and self.roles:
                learned = role_side(low, self.roles)  # "the defenders", "the garrison"
            return (learned[1], None) if learned else (None, None)
        hits.sort(key=lambda h: (h[0], h[1], -len(h[3])))
        best = hits[0]
        # "Iraqi" names "Iraq" before the "Islamic State of Iraq": the closer match wins
        rivals = {h[2] for h in hits if h[0] == best[0] and h[1] == best[1]}
        if len(rivals) > 1:
            return None, None  # a name both sides share ("MAA" of two wings) tells nothing
        return best[2], best[3]

    def resolve(self, phrase: str, sentence: str = "") -> Subject:
        """Whose losses ``phrase`` (the words around a figure) names: side, actor, civilians.

        "people" may be anyone: nobody can tell whose losses they are, so the side stays open.
        """
        civilian = lexicon.CIVILIAN_NOUN.search(phrase) is not None and not _COMBATANTS.search(
            phrase
        )  # "700 rebels and civilians" are not civilians' losses alone
        if (
            not civilian
            and sentence
            and _BODIES.search(sentence)
            and not _COMBATANTS.search(sentence)
            and not lexicon.PERSON_NOUN.search(phrase)
        ):
            civilian = True  # bodies found, with no fighters named: the dead of a massacre
        side, actor = self.side_of_name(phrase)
        role_side: int | None = None
        if re.search(r"\bpro-(?:government|regime)\b|\bloyalists?\b", phrase, re.IGNORECASE):
            role_side = self.government_side()
        elif lexicon.REBEL_WORDS.search(phrase):
            role_side = self.rebel_side()
        elif (
            lexicon.GOVERNMENT_WORDS.search(phrase)
            and side is None
            and not self._foreign_demonym(phrase)
        ):
            # "soldiers", "marines" are the state's where a state fights insurgents; where two
            # states fight, they are either side's
            role_side = None if self.states_at_war() else self.government_side()
        if civilian:
            return Subject(side=self.civilian_side, actor=None, civilian=True)
        if role_side is not None and (side is None or side != role_side):
            # a descriptor ("rebel MAA", "pro-government MAA") outranks a name both sides share
            actor = self._named_actor_on_side(phrase, role_side)
            return Subject(side=role_side, actor=actor, civilian=False)
        return Subject(side=side, actor=actor, civilian=False)

    def _foreign_demonym(self, phrase: str) -> bool:
        """Whether the phrase names a nationality no side has ("Turkish special forces" in a
        battle Turkey is not party to): then "soldiers" are nobody's here."""
        for word in re.findall(r"\b[A-Z][a-z]{3,}\b", phrase):
            if _is_demonym_word(word.lower()) and self.side_of_name(word)[0] is None:
                return True
        return False

    def _named_actor_on_side(self, phrase: str, side_no: int) -> str | None:
        """The actor of side ``side_no`` whose name or alias the phrase mentions, if any."""
        low = phrase.lower()
        for side in self.sides:
            if side.side != side_no:
                continue
            for a in side.actors:
                if any(_find_name(low, n) >= 0 for n in (a.name, *a.aliases)):
                    return a.name
        return None


def _state_score(names: list[str]) -> int:
    score = 0
    for n in names:
        if lexicon.NON_STATE_ACTOR.search(n):
            score -= 1  # "Free Syrian Army": an army in name, an insurgency in fact
        elif lexicon.STATE_ACTOR.search(n) or _looks_like_country(n):
            score += 2
    return score


def _rebel_score(names: list[str]) -> int:
    return sum(1 for n in names if lexicon.NON_STATE_ACTOR.search(n))


def _looks_like_country(name: str) -> bool:
    from fogofwar.extract.places import country_names

    return name.lower().strip() in country_names()


def parse_sides(doc: Document) -> list[Side]:
    """Sides from ``CombatantN`` and ``CommanderN`` lines, markup cleaned, KIA read as killed."""
    actors: dict[int, list[Actor]] = {}
    commanders: dict[int, list[Commander]] = {}
    for entry in doc.infobox:
        key = entry.key.strip()
        m = COMBATANT_KEY.match(key)
        if m:
            actors.setdefault(int(m.group(1)), []).extend(_parse_actors(entry.value))
            continue
        m = _COMMANDER_KEY.match(key)
        if m:
            commanders.setdefault(int(m.group(1)), []).extend(_parse_commanders(entry.value))
    actors = fill_empty_sides(doc, actors, _supporters_only(doc))
    numbers = sorted(
        n for n in set(actors) | set(commanders) | side_numbers(doc) if n <= 2 or n in actors
    )
    return [Side(n, tuple(actors.get(n, ())), tuple(commanders.get(n, ()))) for n in numbers]


_NOTE = re.compile(r"\((?![A-Z][A-Za-z0-9.-]{1,11}\))[^()]*\)")
"""A parenthesis that is not an abbreviation: a note on the actor ("(from 30 October)")."""
_LIST_HEADER = re.compile(r"(?:^|(?<=;))\s*[^;:()]{1,40}:\s*(?=;|$)")
"""An item that only heads the items after it ("Non-state supporters:", "Airstrikes:")."""


def _supporters_only(doc: Document) -> set[int]:
    """Sides whose Combatant cell starts with its supporters: the main actor rendered empty."""
    out = set()
    for entry in doc.infobox:
        m = COMBATANT_KEY.match(entry.key.strip())
        if m and _SUPPORT.match(clean_cell(entry.value)):
            out.add(int(m.group(1)))
    return out


def _parse_actors(value: str) -> list[Actor]:
    out: list[Actor] = []
    seen: set[str] = set()
    value = _NOTE.sub(" ", _LIST_HEADER.sub("", value))
    for part in _SUPPORT.split(value):
        for item in split_items(part):
            name = re.sub(r"\s*\((?:until|from|since|after|before)\b[^)]*\)", "", item).strip()
            if not name or name.lower() in ("unknown", "none", "n/a") or name in seen:
                continue
            if name.startswith("("):
                continue  # "(Intelligence support)" left by a flag that rendered empty
            if len(name) > 80:
                continue
            seen.add(name)
            # "Sample Liberation Front (SLF)", or flattened "People's Protection Units YPG"
            m = _NAMED_ABBREVIATION.match(name) or _TRAILING_ABBREVIATION.match(name)
            out.append(Actor(m.group(1), (m.group(2),)) if m else Actor(name))
    return out


_TRAILING_ABBREVIATION = re.compile(r"^((?:[A-Z][\w'’-]*\s+){2,}?[A-Z][\w'’-]*)\s+([A-Z]{2,6})$")
_NAMED_ABBREVIATION = re.compile(r"^(.+?)\s*\(([A-Z][A-Za-z0-9.-]{1,11})\)$")


_RANK = re.compile(
    r"^(?:(?:Lt\.?|Lieutenant|Maj\.?|Major|Brig\.?|Brigadier|Gen\.?|General|Col\.?|Colonel|"
    r"Capt\.?|Captain|Cmdr\.?|Commander|Adm\.?|Admiral|Sgt\.?|Sergeant|Field\s+Marshal|"
    r"Marshal|Sheikh|Emir)\s+)+"
)


def _parse_commanders(value: str) -> list[Commander]:
    out: list[Commander] = []
    # flattened cells: "A (role) B (role) C" -> A, B, C
    value = re.sub(r"\)\s+(?=[A-Z])", "); ", value)
    for item in split_items(value):
        name, fate = item, None
        m = _FATE.search(name)
        if m:
            mark = (m.group("fate") or m.group("glued") or "").upper()
            fate = "killed" if mark in ("KIA", "DOW", "EXECUTED", "KILLED") else "captured"
            if mark == "MIA":
                fate = None
            name = name[: m.start()].strip()
        name = re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()
        name = _RANK.sub("", name).strip()
        if not name or name.lower() in ("unknown", "none", "various", "n/a"):
            continue
        out.append(Commander(name, fate))  # type: ignore[arg-type]
    return out


def build_side_index(doc: Document, sides: list[Side], civilian_side: int | None) -> SideIndex:
    """Attach text-defined aliases to the infobox actors and index the sides."""
    aliases = find_aliases(doc.text)
    enriched: list[Side] = []
    for side in sides:
        new_actors = []
        for actor in side.actors:
            found: set[str] = set(actor.aliases)
            for key, values in aliases.items():
                if _same_actor(key, actor.name) or key in actor.aliases:
                    found |= values | {key}
            found |= set(people_aliases(actor.name, doc.text))
            found.discard(actor.name)
            new_actors.append(Actor(actor.name, tuple(sorted(found))))
        enriched.append(Side(side.side, tuple(new_actors), side.commanders))
    named = [(s.side, [n for a in s.actors for n in (a.name, *a.aliases)]) for s in enriched]
    index = SideIndex(enriched, aliases, civilian_side)
    index.units = unit_words(doc, index.numbers)
    index.materiel = materiel_words(doc, index.numbers)
    index.vessels = vessel_names(doc.text, index.materiel, lambda w: index.side_of_name(w)[0])
    learned = learn_adjectives(doc.text, named)
    index.adjectives = {a: n for a, n in learned.items() if index.side_of_name(a)[0] is None}
    fighting = [s.side for s in enriched if s.actors]
    index.roles = learn_roles(doc.text, lambda words: index.side_of_name(words)[0], fighting)
    return index


def _same_actor(key: str, name: str) -> bool:
    k, n = key.lower(), clean_cell(name).lower()
    if k == n:
        return True
    if " " in n and k.startswith(n + " "):
        return True  # "Islamic State" is "Islamic State of Iraq and the Levant" for short
    # a wing of an organisation ("ABC-dissident") is named by the organisation's abbreviation, a
    # hyphen and a generic word for a faction (data/lexicon/sides.toml)
    head, _, rest = n.partition("-")
    return key.isupper() and len(head) >= 2 and head == k and rest in lexicon.FACTION_WORDS
