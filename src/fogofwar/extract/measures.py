"""Figures that measure rather than count: a temperature, a distance, a sum of money, the depth
of a formation, a population, a year, a rate, a designation ("115 °F", "₱35 million",
"10 men deep", "the city's 300,000 population", "In 271,", "10 died per day", "Brigade 112").
REFERENCES.md keeps them out of the claims; the words that mark them are data
(``data/lexicon/measures.toml``)."""

from __future__ import annotations

import re
from functools import cache

from fogofwar.extract import lexicon

_AFTER_TIME = r"(?:after|later|before|earlier|ago|of|into|in|since|when|and|or)"
"""After "a day": "a day later", "a day of fighting" are when, not how often."""
_NOT_A_SPAN = "".join(
    rf"(?<!\b{w}\s)" for w in ("in", "within", "for", "over", "during", "of", "on", "one", "same")
)
"""Before "a day": "within a day", "in one day" say how long, not how often."""
_YEAR_OPENER = re.compile(r"(?:^|[.!?;]\s+)(?:In|By|From|Until|Since|After|Before)\s+$")
_PLAIN_YEAR = re.compile(r"\d{3,4}")


def _alt(section: str) -> str:
    """The entries of one section as an alternation, longest first, white space flexible."""
    words = sorted(lexicon.word_set("measures", section), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def _ending(section: str) -> str:
    """The entries of ``section``, each ending where a word would (no letter after it)."""
    return rf"(?:{_alt(section)})(?![^\W\d_])"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled patterns, keyed by what they recognise (after or before the figure)."""
    return {
        "unit": re.compile(rf"\s*-?\s*{_ending('units_after')}"),
        "money_after": re.compile(rf"\s+{_ending('currency_after')}", re.IGNORECASE),
        "money_before": re.compile(rf"(?:^|[^\w])(?:{_alt('currency_before')})\s?$"),
        "era_before": re.compile(rf"(?:^|\s)(?:{_alt('era_before')})\s+$"),
        "designator": re.compile(rf"(?:^|[^\w])(?:{_alt('designators')})\s+$"),
        "dimension": re.compile(
            rf"\s+(?:[^\W\d_][\w'’]*\s+){{0,2}}{_ending('dimensions')}(?!-)", re.IGNORECASE
        ),
        "population_after": re.compile(
            rf"\s+(?:[^\W\d_][\w'’-]*\s+)?{_ending('population_after')}", re.IGNORECASE
        ),
        "population_before": re.compile(
            rf"(?:^|[^\w])(?:{_alt('population_before')})\s+$", re.IGNORECASE
        ),
        "deprived": re.compile(
            rf"\s+(?:[^\W\d_][\w'’-]*\s+){{0,2}}without\s+{_ending('deprived_of')}", re.I
        ),
        "compound": re.compile(rf"-(?:{_alt('compound_people')})\s+(?P<rest>[^.,;:()]*)", re.I),
        "rate": re.compile(
            rf"(?:\s+[^\W\d_][\w'’-]*){{0,5}}?\s+{_NOT_A_SPAN}{_ending('rates')}"
            rf"(?!\s+{_AFTER_TIME}\b)",
            re.IGNORECASE,
        ),
    }


def _sized_thing(compound: re.Match[str] | None) -> bool:
    """ "two-man fighting holes", "a 73-member coalition": the size of something that is no
    force; "a 120-man unit", "the 11-member team" count a force (its noun within three words)."""
    if compound is None:
        return False
    words = compound.group("rest").split()[:3]
    return not any(lexicon.UNIT_NOUN.fullmatch(w) or lexicon.FORCE_NOUN.fullmatch(w) for w in words)


def is_measure(text: str, start: int, end: int, number_at: int | None = None) -> bool:
    """True when the figure at ``text[start:end]`` measures, dates or rates rather than counts;
    ``number_at`` is where its numeral begins (after "about", "some"), ``start`` by default."""
    p = _patterns()
    before, after = text[max(0, start - 40) : start], text[end : end + 80]
    keys_after = ("unit", "money_after", "dimension", "population_after", "deprived")
    if any(p[k].match(after) for k in keys_after):
        return True
    keys = ("money_before", "era_before", "designator", "population_before")
    if any(p[k].search(before) for k in keys):
        return True
    if p["rate"].match(after) or _sized_thing(p["compound"].match(after)):
        return True
    number = text[start if number_at is None else number_at : end]
    return bool(
        _PLAIN_YEAR.fullmatch(number)
        and _YEAR_OPENER.search(text[max(0, start - 40) : start])
        and re.match(r"\s*,", after)
    )
