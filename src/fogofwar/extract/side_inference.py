"""Sides the infobox leaves empty, learned from the rest of the article (REFERENCES.md, "Sides").

A ``CasualtiesN`` or ``StrengthN`` line keeps its side number N even when ``CombatantN`` renders
empty, as flags only, or is missing. Which actors form that side is then read from the lead
("fought between A and B", "A forces against B"), from the nouns of the side's own casualty and
strength lines ("12 Ukrainian soldiers killed").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from fogofwar.extract import lexicon
from fogofwar.model import Actor, Document

_SIDE_LINE = re.compile(
    r"^(?:combatants?|sides?|belligerents?|commanders?|leaders?|strength|casualties|losses|"
    r"casualties\s+and\s+losses|units)\s*(?P<n>\d+)$",
    re.IGNORECASE,
)
COMBATANT_KEY = re.compile(r"^(?:combatant|side|belligerent)s?\s*(\d+)$", re.IGNORECASE)
"""A ``CombatantN`` key (or ``SideN``, ``BelligerentN``): the actors of side N."""
_OWN_LINE = re.compile(
    r"^(?:casualties|losses|casualties\s+and\s+losses|strength|units)\s*(\d+)$", re.I
)
_NAME = r"[A-Z][^,.;()]{1,60}?"
_STOP = (
    r"(?=\s*(?:[,.;(]|\s(?:in|at|near|during|on|over|for|from|which|that|who|as|after|since|"
    r"and|including)\s))"
)
_MEMBERS_OF = (
    r"(?:(?:[a-z-]+\s+){0,2}(?:militants|fighters|forces|troops|rebels|members|insurgents)\s+"
    r"(?:affiliated\s+with|loyal\s+to|of|belonging\s+to|from)\s+(?:the\s+)?)?"
)
_PAIR_PATTERNS = (
    re.compile(
        rf"\bbetween\s+(?:the\s+)?(?P<a>{_NAME})\s+(?:and|against|versus|vs\.?)\s+(?:the\s+)?"
        rf"{_MEMBERS_OF}(?P<b>{_NAME}){_STOP}"
    ),
    re.compile(
        rf"(?:^|\.\s+|,\s+|\bwhen\s+|\bas\s+)(?:the\s+)?(?P<a>{_NAME})\s+(?:forces\s+|troops\s+|"
        rf"fighters\s+|units\s+)?(?:fought|attacked|besieged|assaulted|launched\s+an?\s+"
        rf"(?:\w+\s+){{0,2}}(?:attack|offensive|assault)\s+(?:on|against)|advanced\s+against|"
        rf"against)\s+(?:the\s+)?(?P<b>{_NAME}){_STOP}"
    ),
)
_VICTORY = re.compile(
    r"^(?:(?:decisive|major|pyrrhic|tactical|strategic|partial|limited)\s+)*(?P<who>[A-Z][^,;()]{1,50}?)"
    r"\s+(?:tactical\s+|strategic\s+)?victory\b"
)
_GENERIC_NAME = re.compile(
    r"^(?:the\s+)?(?:two|both|all|several|many|other|opposing|rival|government|rebel|"
    r"\w+ing)\b|^(?:fighting|clashes|battle|war|conflict|offensive|attack)$",
    re.IGNORECASE,
)


def side_numbers(doc: Document) -> set[int]:
    """Every side number an infobox key mentions (``Combatant2``, ``Casualties3``...)."""
    out = set()
    for entry in doc.infobox:
        m = _SIDE_LINE.match(entry.key.strip())
        if m:
            out.add(int(m.group("n")))
    return out


def fill_empty_sides(
    doc: Document, actors: dict[int, list[Actor]], main_missing: set[int] | None = None
) -> dict[int, list[Actor]]:
    """``actors`` with every side that has none given the names the rest of the article tells;
    a side in ``main_missing`` (its cell lists only supporters) gets its main actor first."""
    main_missing = main_missing or set()
    filled = {n: list(a) for n, a in actors.items()}
    fighting = sorted(n for n in side_numbers(doc) | set(actors) if n <= 2 or _is_fighting(doc, n))
    empty = [n for n in fighting if not filled.get(n) or n in main_missing] if fighting else [1, 2]
    if not empty:
        return filled
    known = {n: _names(a) for n, a in filled.items() if a and n not in main_missing}
    pair = lead_pair(doc) or (prose_pair(doc) if not known else [])
    candidates = [c for c in pair if not any(_overlaps(c, k) for k in known.values())]
    if len(candidates) == 2 and len(empty) == 1 and empty[0] <= 2:
        candidates = [candidates[empty[0] - 1]]
    found: dict[int, str] = {}
    if len(candidates) == len(empty):
        found = dict(zip(empty, candidates, strict=True))
    for n in empty:
        own = _name_from_own_lines(doc, n)
        clash = own is not None and any(_overlaps(own, k) for k in known.values())
        if n not in found and own is not None and not clash:
            found[n] = own
    still_empty = [n for n in empty if n not in found]
    winner = _result_winner(doc)
    if len(still_empty) == 1 and winner and not any(_overlaps(winner, k) for k in known.values()):
        found[still_empty[0]] = winner
    for n, name in found.items():
        filled[n] = [Actor(name), *filled.get(n, [])]
    return {n: a for n, a in filled.items() if a or n in actors}


def lead_pair(doc: Document) -> list[str]:
    """The two sides a lead names, in order ("fought between A and B", "A attacked B")."""
    if not doc.sections:
        return []
    lead = doc.sections[0]
    text = doc.text[lead.start : min(lead.end, lead.start + 1500)]
    for pattern in _PAIR_PATTERNS:
        for m in pattern.finditer(text):
            pair = [_tidy(m.group("a")), _tidy(m.group("b"))]
            if all(p and not _GENERIC_NAME.search(p) and p[:1].isupper() for p in pair):
                return pair
    return []


def prose_pair(doc: Document, least: int = 5) -> list[str]:
    """With no sides named anywhere else, the two parties the article names most (countries by
    name or demonym, armed groups by abbreviation; at least ``least`` times each), in the order
    the text first names them."""
    from fogofwar.extract.attribution import country_of_demonym
    from fogofwar.extract.places import country_names, display_country

    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    names = country_names()
    for m in re.finditer(r"\b(?:[A-Z][a-z]{3,}|[A-Z]{3,6})\b", doc.text):
        word = m.group(0)
        if word.isupper():
            country = word if not re.fullmatch(r"[IVXLCDM]+", word) else None
        else:
            country = display_country(word.lower()) if word.lower() in names else None
            country = country or country_of_demonym(word)
        if country is None:
            continue
        counts[country] = counts.get(country, 0) + 1
        first.setdefault(country, m.start())
    top = sorted(counts, key=lambda c: counts[c], reverse=True)[:2]
    if len(top) < 2 or counts[top[1]] < least:
        return []
    return sorted(top, key=lambda c: first[c])


def _tidy(name: str) -> str:
    name = re.sub(r"^(?:the|an?)\s+", "", name.strip(), flags=re.IGNORECASE)
    name = re.sub(
        r"(?<![Aa]rmed)(?<![Ss]ecurity)(?<![Dd]efen[cs]e)\s+(?:forces|troops|fighters|units|militants)$",
        "",
        name,
    )
    return name.strip(" ,")


def _is_fighting(doc: Document, n: int) -> bool:
    """A third or later side is a fighting side when its Combatant line exists."""
    return any(
        (m := COMBATANT_KEY.match(e.key.strip())) is not None and int(m.group(1)) == n
        for e in doc.infobox
    )


def _name_from_own_lines(doc: Document, n: int) -> str | None:
    """A country named by demonym in the side's own lines ("12 Ukrainian soldiers killed")."""
    from fogofwar.extract.attribution import country_of_demonym

    for entry in doc.infobox:
        m = _OWN_LINE.match(entry.key.strip())
        if not m or int(m.group(1)) != n:
            continue
        for word in re.findall(r"\b[A-Z][a-z]{3,}\b", entry.value):
            country = country_of_demonym(word)
            if country is not None:
                return country
    return None


def _names(actors: list[Actor]) -> list[str]:
    return [n for a in actors for n in (a.name, *a.aliases)]


def _overlaps(name: str, others: list[str]) -> bool:
    """Whether ``name`` and one of ``others`` share a telling word or a demonym stem."""
    from fogofwar.extract.attribution import country_of_demonym

    def words(text: str) -> set[str]:
        out = set()
        for w in re.findall(r"[A-Za-z][\w'-]+", text):
            if w.lower() in ("the", "of", "and", "forces", "armed", "army", "people's", "national"):
                continue
            country = country_of_demonym(w) if w[:1].isupper() else None
            out.add((country or w).lower())
        return out

    mine = words(name)
    return any(mine & words(o) for o in others)


def _result_winner(doc: Document) -> str | None:
    """The actor a Result cell names as winner: "French victory" -> "France"."""
    from fogofwar.extract.attribution import country_of_demonym

    value = doc.infobox_value("Result")
    m = _VICTORY.match(value.strip()) if value else None
    if m is None:
        return None
    who = _tidy(m.group("who"))
    if _GENERIC_NAME.search(who):
        return None
    return country_of_demonym(who) or who


_ADJECTIVE = r"[A-Z][a-z]{2,}(?:ish|ian|ese|i)(?![\w])"
_BEFORE_NAME = re.compile(
    rf"(?P<adj>{_ADJECTIVE})(?:-(?:led|majority|dominated))?(?:\s+(?:[A-Z][\w'’-]*|of|the|for)){{0,6}}[\s(]*$"
)
_PEOPLE_AFTER = (
    r"\s+(?:fighters|forces|militias?|militiamen|troops|rebels|militants|soldiers|units|"
    r"activists|commanders|officials)\b"
)


def learn_adjectives(text: str, sides: list[tuple[int, list[str]]]) -> dict[str, int]:
    """Adjectives the article itself puts before one side's actor names ("the Kurdish-majority
    People's Protection Units (YPG)", "Kurdish YPG fighters"), lower-cased, with that side: an
    ethnic or national word no actor name uses then names the side. An adjective put before the
    actors of two sides names neither."""
    seen: dict[str, set[int]] = {}
    for side, names in sides:
        for name in names:
            if len(name) < 2:
                continue
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
                window = text[max(0, m.start() - 80) : m.start()]
                window = re.split(r"[,.;:]|\b(?:and|or|between|against|with|by)\b", window)[-1]
                found = _BEFORE_NAME.search(window)
                if found and found.group("adj").lower() not in name.lower():
                    seen.setdefault(found.group("adj").lower(), set()).add(side)
    return {
        adj: next(iter(s))
        for adj, s in seen.items()
        if len(s) == 1 and not _is_demonym(adj) and _names_people(text, adj)
    }


def _is_demonym(word: str) -> bool:
    from fogofwar.extract.attribution import country_of_demonym

    return country_of_demonym(word.capitalize()) is not None


def _names_people(text: str, adjective: str) -> bool:
    """Whether the article uses the adjective for people ("Kurdish fighters"), not only as part
    of a person's or a place's name."""
    return re.search(rf"\b{re.escape(adjective)}{_PEOPLE_AFTER}", text, re.IGNORECASE) is not None


def adjective_side(low_text: str, adjectives: dict[str, int]) -> tuple[int, int] | None:
    """(position, side) of the first learned adjective, or of a people noun made from its stem
    ("Kurds" of "Kurdish"), in lower-cased text; None when there is none."""
    best: tuple[int, int] | None = None
    for adj, side in adjectives.items():
        stem = re.sub(r"(?:ish|ian|ese|i)$", "", adj)
        forms = [re.escape(adj) + "s?"] + ([re.escape(stem) + "s"] if len(stem) >= 4 else [])
        m = re.search(rf"(?<![\w-])(?:{'|'.join(forms)})(?![\w])", low_text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), side)
    return best


_NAMED_ROLE = r"(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,3}})\s+(?P<role>{})"


def learn_roles(
    text: str, side_of: Callable[[str], int | None], fighting: list[int]
) -> dict[str, int]:
    """Which of two fighting sides defends and which attacks, from the names the article puts
    before a role word ("the Dutch defenders", "the Japanese garrison", "German attackers"):
    each such phrase votes for its side's role and the other side's opposite one; the side with
    more defence votes defends. ``{"defender": d, "attacker": a}``, or {} when nothing tells."""
    if len(fighting) != 2:
        return {}
    votes = dict.fromkeys(fighting, 0)
    for pattern, defends in ((lexicon.DEFENDER_WORDS, True), (lexicon.ATTACKER_WORDS, False)):
        named = re.compile(_NAMED_ROLE.format(pattern.pattern.removeprefix(r"\b")))
        for m in named.finditer(text):
            side = side_of(m.group("who"))
            if side in votes:
                votes[side if defends else _other(side, fighting)] += 1
    one, two = fighting
    if votes[one] == votes[two]:
        return {}
    defender = one if votes[one] > votes[two] else two
    return {"defender": defender, "attacker": _other(defender, fighting)}


def _other(side: int, fighting: list[int]) -> int:
    return next(s for s in fighting if s != side)


def role_side(low_text: str, roles: dict[str, int]) -> tuple[int, int] | None:
    """(position, side) of the first role word ("the defenders") in lower-cased text, by the
    roles the article's sides hold (:func:`learn_roles`); None when there is none."""
    best: tuple[int, int] | None = None
    for role, pattern in (
        ("defender", lexicon.DEFENDER_WORDS),
        ("attacker", lexicon.ATTACKER_WORDS),
    ):
        m = pattern.search(low_text) if role in roles else None
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), roles[role])
    return best
