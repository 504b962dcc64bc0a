"""Who made a claim: claimant names from infobox markers and prose reporting structures, their kind
(party, government, media, intergovernmental, ngo, person) and the side they belong to."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from fogofwar.extract import lexicon
from fogofwar.extract.actors import SideIndex
from fogofwar.extract.parsing import entity_type
from fogofwar.model import Claimant

# "(per MNLA)", "(according to X)", "(acc. X)", "(X claim)", "(X estimate)", "(X sources)"
_ATTR_PREFIX = re.compile(
    r"^\s*(?:per|according\s+to|acc(?:\.|ording)?(?:\s+to)?|as\s+(?:claimed|reported)\s+by|"
    r"(?:claimed|reported|estimated|stated)\s+by|source:|sources?:|by)\s+(?P<name>.+?)\s*$",
    re.IGNORECASE,
)
_ATTR_SUFFIX = re.compile(
    r"^\s*(?P<name>.+?)\s+(?:claims?|claimed|estimates?|estimated|sources?|figures?|reports?|"
    r"reported|count|data|statement)\s*$",
    re.IGNORECASE,
)
_TRAILING_PER = re.compile(  # "(October, per Ukraine)", "(in Luhansk, according to Ukraine)"
    r",\s*(?:per|according\s+to|acc\.)\s+(?P<name>[^,;]+?)\s*$", re.IGNORECASE
)
_NOT_A_NAME = re.compile(
    r"^(?:\d|by\s+\d|only|total|in\s+total|including|excluding|est|estimated|approx|disputed|"
    r"confirmed|unconfirmed|alleged|reported|unknown|first|second|third|initial|later|final|"
    r"on\s+|from\s+|until\s+|during\s+|as\s+of|up\s+to)",
    re.IGNORECASE,
)


def attribution_in(text: str) -> str | None:
    """The claimant named by an attribution fragment (``"per MNLA"``, ``"SOHR claim"``), or None."""
    for part in re.split(r";|,\s+(?=by\b|as\s+of\b|on\b)", text):
        part = part.strip().strip(":").strip()
        if not part:
            continue
        m = _ATTR_PREFIX.match(part) or _ATTR_SUFFIX.match(part) or _TRAILING_PER.search(part)
        if not m:
            continue
        name = _tidy(m.group("name"))
        if name and not _NOT_A_NAME.match(name) and len(name) <= 80:
            return name
    return None


_CARRIER = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:(?:news|press|media|official|initial|later|new|second|first)\s+)?"
    r"(?:article|report|statement|press\s+release|video|footage|broadcast|tally|count|bulletin)"
    r"\s+(?:of|by|from|on|in|published\s+by|released\s+by)\s+(?P<name>.+)$",
    re.IGNORECASE,
)
_GENERIC_TAIL = re.compile(
    r"^(?P<demonym>[A-Z][a-z]+)(?:\s+(?:sources?|side|claims?|estimates?|figures?|reports?))?$"
)


def _tidy(name: str) -> str:
    name = re.sub(
        r"^(?:the|a|an|another|other|one|some|several|two|both)\s+",
        "",
        name.strip(),
        flags=re.IGNORECASE,
    )
    name = re.sub(r"\s+(?:'s|’s)$", "", name)
    m = _CARRIER.match(name)
    if m:
        name = m.group("name")
    return name.strip(" ,.;:\"'")


@lru_cache(maxsize=4096)
def country_of_demonym(word: str) -> str | None:
    """``"Ukrainian"`` -> ``"Ukraine"``; None when the word is no country's demonym."""
    from fogofwar.extract.actors import demonym_of
    from fogofwar.extract.places import country_names, display_country

    low = word.lower()
    if low in country_names():
        return None
    for country in country_names():
        if demonym_of(low, country):
            return display_country(country)
    return None


def canonical_name(name: str) -> str:
    """A claimant named only by a demonym ("Ukrainian claim", "Russian sources") is its country."""
    m = _GENERIC_TAIL.match(name)
    if m:
        country = country_of_demonym(m.group("demonym"))
        if country is not None:
            return country
    return name


_ACTOR_TAIL = re.compile(
    r"^(?P<head>.+?)\s+(?:forces|fighters|sources|claims?|statements?|press\s+releases?|"
    r"communiqu[eé]s?)$",
    re.IGNORECASE,
)


def _actor_names(sides: SideIndex) -> list[tuple[str, ...]]:
    return [(a.name, *a.aliases) for side in sides.sides for a in side.actors]


_ARMED_GROUP = re.compile(
    r"\b(?:battalion|brigade|regiment|front|movement|militia|army\s+of|liberation|mujahideen|"
    r"jaysh|liwa|katiba|harakat|ansar|jabhat)\b",
    re.IGNORECASE,
)


def make_claimant(name: str, sides: SideIndex, context: str = "", person: bool = False) -> Claimant:
    """A :class:`Claimant` with its kind and side, judged from its name and the words around it."""
    name = canonical_name(_tidy(name))
    found = sides.resolve(name)
    m = _ACTOR_TAIL.match(name)
    if (
        m
        and found.actor is not None
        and any(
            m.group("head").lower() in (n.lower() for n in names) for names in _actor_names(sides)
        )
    ):
        name = m.group("head")  # "MNLA forces" speak as the MNLA: one claimant, not two
    if found.side is None and not found.civilian and context:
        found = sides.resolve(context)
    side = None if found.civilian else found.side
    words = f"{name} {context}"
    kind = claimant_kind(_expanded(name, sides), words, person, on_a_side=found.actor is not None)
    if (
        side is None
        and kind in ("party", "unknown")
        and _ARMED_GROUP.search(name)
        and sides.state_against_insurgents() is not None
    ):
        # an armed group no side names ("the Hamza Battalion"), where a state fights
        # insurgents, is one of the insurgents
        side = sides.rebel_side()
    return Claimant(name=name, side=side, kind=kind)


def _expanded(name: str, sides: SideIndex) -> str:
    """An abbreviation the article defines, as its full name ("SOHR" -> "Syrian Observatory
    for Human Rights"): what kind of speaker it is shows in the full name."""
    if not re.fullmatch(r"[A-Z][A-Z0-9.&-]{1,10}", name):
        return name
    full = [a for a in sides.aliases.get(name, ()) if " " in a]
    return max(full, key=len) if full else name


def claimant_kind(name: str, words: str, person: bool, on_a_side: bool = True) -> str:
    """party | government | media | intergovernmental | ngo | person | unknown. An
    abbreviation is a ``party`` only when it names a side's actor (``on_a_side``) or an armed
    group's kind of name; "AFP", "HRW" are what their lexicon entries say, else unknown."""
    if lexicon.IGO_WORDS.search(name):
        return "intergovernmental"
    if lexicon.MEDIA_WORDS.search(name):
        return "media"
    if lexicon.NGO_WORDS.search(name):
        return "ngo"
    if person:
        return "person"
    if lexicon.GOVERNMENT_CLAIMANT.search(name):
        return "government"
    from fogofwar.extract.places import country_names

    if name.lower() in country_names() or re.fullmatch(
        r"[A-Z][a-z]+(?:ian|ish|ese|i|an)", name.split()[0] if name else ""
    ):
        return "government"
    if lexicon.NON_STATE_ACTOR.search(name) or (
        on_a_side and re.fullmatch(r"[A-Z][A-Z0-9-]{1,10}(?:\s+\w+)?", name)
    ):
        return "party"
    if re.search(
        r"\b(?:fighter|soldier|commander|spokes\w+|official|witness|resident|source)\b",
        name,
        re.IGNORECASE,
    ):
        return "person"
    return "unknown"


_GENERIC_WORDS = frozenset(
    [
        "forces",
        "sources",
        "source",
        "the",
        "of",
        "claim",
        "claims",
        "media",
        "official",
        "officials",
        "army",
        "report",
        "statement",
        "government",
        "ministry",
        "police",
        "military",
        "authorities",
        "defence",
        "defense",
        "general",
        "staff",
    ]
)
_INDEPENDENT = frozenset({"media", "ngo", "intergovernmental"})


def same_claimant(a: Claimant | None, b: Claimant | None) -> bool:
    """Whether two claimants are one speaker: the one identity that merging, revisions and
    increments ("five more") all use. A state and its organs are one ("Ukraine", "Ukrainian
    police"); a party and its own spokesperson are one; a country's media are not its
    government; nobody is only nobody."""
    if a is None or b is None:
        return a is None and b is None
    if (a.kind in _INDEPENDENT) != (b.kind in _INDEPENDENT):
        return False  # "Malian media Malijet" is not "Mali"
    ta, tb = _name_tokens(a.name), _name_tokens(b.name)
    if ta and tb and (ta <= tb or tb <= ta):
        return True
    kinds = {a.kind, b.kind}
    return (
        a.side is not None
        and a.side == b.side
        and "person" in kinds
        and bool(kinds & {"party", "government"})
    )


def _name_tokens(name: str) -> set[str]:
    """The telling words of a claimant's name, demonyms read as their country ("Ukrainian
    police" -> {"ukraine"})."""
    out = set()
    for word in re.findall(r"\w+", name.lower()):
        if word in _GENERIC_WORDS:
            continue
        country = country_of_demonym(word) if word[:1].isalpha() else None
        out.add(country.lower() if country else word)
    return out


def appositive_person(token: Any) -> str | None:
    """The person named in apposition to a speaker's description, set off by a comma ("A
    senior officer, Colonel Y, said"; "One of the commanders, Y, wrote"); None otherwise."""
    holders = [token]
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:  # "One of the commanders, Y"; "the governor of the province, Y"
        holders += [c for c in of.children if c.dep_ == "pobj"]
    for holder in holders:
        for appos in holder.children:
            if (
                appos.dep_ == "appos"
                and appos.pos_ == "PROPN"
                and entity_type(appos) == "PERSON"
                and appos.i >= 2
                and appos.doc[appos.left_edge.i - 1].text == ","
            ):
                words = [t for t in appos.subtree if t.pos_ == "PROPN" and t.i <= appos.i]
                return " ".join(t.text for t in words)
    return None
