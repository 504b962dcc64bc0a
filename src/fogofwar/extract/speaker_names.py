"""Which words can name a speaker: a proper name or a speaking role ("local activists"), not a
date, a pronoun or a fragment ("of them"); the named subject a sentence opens with."""

from __future__ import annotations

import re

from fogofwar.extract import lexicon
from fogofwar.extract.dates import find_dates

OBJECT_PRONOUNS = frozenset({"him", "her", "them", "it", "us", "me", "they", "he", "she"})
_SPEAKER_NOUN = re.compile(
    r"\b(?:{})\b".format("|".join(sorted(lexicon.word_set("reporting", "speaker_nouns")))),
    re.IGNORECASE,
)
"""Nouns that name a speaker without a proper name (``data/lexicon/reporting.toml``)."""


_UNNAMED_REPORTS = re.compile(
    r"(?:(?:initial|early|earlier|later|subsequent|other|some|many|several|media|press|news|"
    r"unconfirmed|local|first|further|new)\s+)*(?:reports?|accounts?|rumou?rs?)",
    re.IGNORECASE,
)
_WHEN = re.compile(
    r"(?:mid-|early\s+|late\s+)?(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"spring|summer|autumn|fall|winter)",
    re.IGNORECASE,
)


_OPENING_NAME = re.compile(
    r"^(?:(?:On|By|In|Later|Meanwhile|However)[^,]{0,40},\s+)?(?:[Tt]he\s+)?"
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w'’.-]*){0,5})\s+"
    r"(?:had|has|have|was|were|is|are|said|stated|reported|claimed|[a-z]+ed)\b"
)


def opening_subject(text: str) -> str | None:
    """The named subject a sentence opens with ("The Philippine Marines had been able to ..."),
    the antecedent of a "they" in the next sentence; None when it opens otherwise."""
    m = _OPENING_NAME.match(text)
    if m is None:
        return None
    name = m.group("name")
    return name if plausible_claimant(name) and name.lower() not in OBJECT_PRONOUNS else None


def plausible_claimant(name: str) -> bool:
    """Whether words taken as a speaker can name one: a proper name or a speaking role, not
    "of them", "the following day", "proper urban street fighting"."""
    words = name.split()
    if not words or len(words) > 12 or name.lower() in OBJECT_PRONOUNS:
        return False
    if _UNNAMED_REPORTS.fullmatch(name):
        return False  # "later reports said": nobody named, the article's own account
    if (find_dates(name) and not re.search(r"[A-Z][a-z]+\s+[A-Z]", name)) or _WHEN.fullmatch(name):
        return False  # "June", "On 5 May": a date, not a speaker
    if re.match(
        r"(?:of|in|on|at|for|to|following|next|previous|other|others|some|many|sides|parties)\b",
        name,
        re.IGNORECASE,
    ) and not any(w[:1].isupper() for w in words[1:]):
        return False
    return any(w[:1].isupper() for w in words) or _SPEAKER_NOUN.search(name) is not None


def strip_det(name: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE).strip()


def is_plural_name(name: str) -> bool:
    """ "Opposition activists", "local sources": a name whose head word is plural."""
    last = name.split()[-1] if name.split() else ""
    return last.islower() and last.endswith("s") and not last.endswith("ss")
