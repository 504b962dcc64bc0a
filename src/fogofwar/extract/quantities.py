"""Quantities in text: numerals, number words, ranges, bounds ("at least", "over", "N+") and vague
words, each turned into an interval ``low..high`` (``high`` None = open-ended)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from fogofwar.extract import lexicon
from fogofwar.extract.measures import is_measure

_UNITS = {
    "zero": 0,
    "no": 0,
    "one": 1,
    "a single": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_MAX_VALUE = 100_000_000  # larger figures are not casualty counts; they are read as garbage

_SMALL_WORD = (
    r"(?:"
    + "|".join(sorted(_TENS, key=len, reverse=True))
    + r"|"
    + "|".join(
        sorted(
            (k for k in _UNITS if " " not in k and k not in ("zero", "no")), key=len, reverse=True
        )
    )
    + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
)
_WORD_NUM = (
    r"(?:(?:"
    + "|".join(sorted(_TENS, key=len, reverse=True))
    + r")(?:[- ](?:"
    + "|".join(k for k in _UNITS if " " not in k and k not in ("zero", "no"))
    + r"))?|"
    + "|".join(sorted((k for k in _UNITS if k not in ("no", "a single")), key=len, reverse=True))
    + r")(?:\s+(?:hundred(?:\s+(?:thousand|million))?|thousand|million)(?:\s+(?:and\s+)?"
    + _SMALL_WORD
    # "four thousand two hundred (and fifty)": a hundreds group after the scale
    + r"(?:\s+hundred(?:\s+(?:and\s+)?"
    + _SMALL_WORD
    + r")?)?)?)?"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?(?:\s*(?:million|thousand))?"
_NUM = rf"(?:{_DIGITS}|{_WORD_NUM})"
_RANGE_SEP = r"\s*(?:–|—|-|to|or)\s*"


def _modifiers(*sections: str) -> str:
    """The bounding words of ``sections`` (``data/lexicon/quantity_words.toml``), longest first."""
    words = sorted(
        (w for section in sections for w in lexicon.word_set("quantity_words", section)),
        key=len,
        reverse=True,
    )
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


_EXCLUSIVE_CEILING = lexicon.word_set("quantity_words", "fewer_than")
_LOWER = rf"(?P<lower>{_modifiers('at_least')})"
_OVER = rf"(?P<over>{_modifiers('more_than')})"
_UPTO = rf"(?P<upto>{_modifiers('up_to', 'fewer_than')})"
_ABOUT = rf"(?P<about>{_modifiers('about')})"
_BETWEEN = r"(?P<between>between)"

_QUANTITY = re.compile(
    rf"(?<![\w.,/:^-])(?:(?:{_LOWER}|{_OVER}|{_UPTO}|{_ABOUT}|{_BETWEEN})\s*)?"
    rf"(?P<a>{_NUM})(?:(?:{_RANGE_SEP}|(?(between)\s+and\s+(?=\d)|(?!)))(?P<b>{_NUM}))?"
    rf"(?P<plus>\s*\+|\s+(?:or|and)\s+(?:more|over|above|upwards))?(?![\w^]|:\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    """A quantity found in text: its span, interval and the vague words it kept."""

    start: int
    end: int
    low: int | None
    high: int | None
    words: str | None = None
    approx: bool = False


@lru_cache(maxsize=1)
def _vague_data() -> dict[str, Any]:
    """The shipped vague-quantity table (``data/vague.toml``), read once."""
    raw = resources.files("fogofwar.data").joinpath("vague.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


@lru_cache(maxsize=1)
def vague_table() -> dict[str, tuple[int | None, int | None]]:
    """The shipped vague-quantity table: words -> (low, high or None for open-ended); the
    words too vague to bound ("many") map to (None, None)."""
    table: dict[str, tuple[int | None, int | None]] = {
        k: (int(v[0]), None if int(v[1]) < 0 else int(v[1]))
        for k, v in _vague_data()["words"].items()
    }
    for words in unbounded_words():
        table[words] = (None, None)
    return table


@lru_cache(maxsize=1)
def unbounded_words() -> dict[str, str]:
    """Words too vague to bound ("many", "large numbers of") -> the words a claim keeps."""
    table = _vague_data().get("unbounded", {}).get("words", {})
    return {str(k): str(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def _vague_re() -> re.Pattern[str]:
    keys = sorted(vague_table(), key=len, reverse=True)
    alt = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)
    return re.compile(rf"(?<![\w])(?P<w>{alt})(?![\w])", re.IGNORECASE)


_NOT_UNBOUNDED = re.compile(
    r"\s+(?:as|more|times|others?|of\s+(?:the|them|whom|those|these|which|its|their))\b", re.I
)
"""After "many": "many more", "as many as", "many of the dead" are no quantity of their own."""


def parse_number(text: str) -> int | None:
    """``"1,348"`` -> 1348, ``"thirty-seven"`` -> 37, ``"2.5 million"`` -> 2500000; else None."""
    t = " ".join(text.lower().replace(",", "").split())
    if not t:
        return None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s*(million|thousand))?", t)
    if m:
        value = float(m.group(1)) * (_SCALES.get(m.group(2) or "", 1))
        return int(value) if value <= _MAX_VALUE else None
    total = current = 0
    seen = False
    for word in re.split(r"[\s-]+", t):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in ("hundred",):
            current = max(current, 1) * 100
        elif word in ("thousand", "million"):
            total += max(current, 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


_BETWEEN_OPEN = re.compile(
    rf"(?<![\w])between\s+(?P<a>{_NUM})\s+and\s+(?:more\s+than|over|at\s+least|upwards\s+of)\s+"
    rf"(?P<b>{_NUM})(?![\w])",
    re.IGNORECASE,
)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text`` in order: numbers with their bounds, then vague words.

    Linear in the length of ``text``: matches come in order, so the spans they must not fall in
    are walked with a cursor, never searched from the start.
    """
    found: list[Quantity] = []
    for m in _BETWEEN_OPEN.finditer(text):  # "between 35 and more than 40": 35 or more
        a = parse_number(m.group("a"))
        if a is not None and not is_measure(text, m.start(), m.end(), m.start("a")):
            found.append(Quantity(m.start(), m.end(), a, None))
    # a number inside a "between ... and more than ..." is part of it; the spans of the numbers
    # themselves cannot hold a later match (each lies within its own, non-overlapping, match)
    between = [(q.start, q.end) for q in found]
    j = 0
    for m in _QUANTITY.finditer(text):
        at = m.start()
        while j < len(between) and between[j][1] <= at:
            j += 1
        if j < len(between) and between[j][0] <= at:
            continue
        q = _from_match(m)
        if q is not None and not is_measure(text, q.start, q.end, m.start("a")):
            found.append(q)
    # a vague word overlapping a number is not one: spans by start, the furthest end so far
    taken = sorted((q.start, q.end) for q in found)
    k, reach = 0, -1
    for m in _vague_re().finditer(text):
        while k < len(taken) and taken[k][0] < m.end():
            reach = max(reach, taken[k][1])
            k += 1
        if reach > m.start():
            continue
        words = " ".join(m.group("w").lower().split())
        low, high = vague_table()[words]
        if words == "few" and not _vague_followed_by_noun(text, m.end()):
            continue
        if low is None and (
            _NOT_UNBOUNDED.match(text, m.end())
            or re.search(r"\b(?:as|how|so|too)\s+$", text[: m.start()][-8:])
        ):
            continue
        kept = unbounded_words().get(words) or words.removesuffix(" of")
        found.append(Quantity(m.start(), m.end(), low, high, words=kept))
    found.sort(key=lambda q: q.start)
    return found


_NOUN_AFTER = re.compile(r"\s+(?:of\s+)?[a-z]")
_MEMBER_OF = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|those|these)\b")


def _vague_followed_by_noun(text: str, end: int) -> bool:
    return _NOUN_AFTER.match(text, end) is not None


_SCALE_WORD = re.compile(r"(?:million|thousand)\s*$", re.IGNORECASE)
_GROUPED = re.compile(r"\d{1,3}((?:,000)+)")
_PLAIN = re.compile(r"\d{1,3}|[a-z]+(?:-[a-z]+)?", re.IGNORECASE)


def _shared_scale(a_text: str, a: int, b_text: str, b: int) -> int:
    """The first bound of a range whose scale is written once, on the second: "10-11,000" is
    10,000 to 11,000, "two to three million" 2,000,000 to 3,000,000; else ``a`` as read."""
    if not _PLAIN.fullmatch(a_text.strip()) or a <= 0:
        return a
    word = _SCALE_WORD.search(b_text)
    grouped = _GROUPED.fullmatch(b_text.strip())
    if word:
        scale = _SCALES[word.group(0).strip().lower()]
    elif grouped:
        scale = 1000 ** grouped.group(1).count(",")
    else:
        return a
    return a * scale if a * scale <= b < a * scale * 10 else a


def _from_match(m: re.Match[str]) -> Quantity | None:
    a = parse_number(m.group("a"))
    if a is None:
        return None
    b = parse_number(m.group("b")) if m.group("b") else None
    if b is not None:
        a = _shared_scale(m.group("a"), a, m.group("b"), b)
    start = m.start()
    if b is not None and b < a:
        # "2022-23" style or a list, not a range: keep the first number only
        return Quantity(start, m.end("a"), a, a)
    low: int = a
    high: int | None = b if b is not None else a
    approx = False
    if m.group("plus") or (m.group("lower") and b is None):
        high = None
    elif m.group("over"):
        low, high = (b if b is not None else a) + 1, None
    elif m.group("upto"):
        top = b if b is not None else a
        if " ".join(m.group("upto").lower().split()) in _EXCLUSIVE_CEILING:
            top -= 1
        low, high = 0, top
    elif m.group("about"):
        approx = True
        if m.group("about").lower() == "some" and b is None and m.group("a").lower() == "one":
            return None
    if m.group("between") and b is None:
        return None
    if b is None and a == 1 and _MEMBER_OF.match(m.string, m.end()):
        return None  # "one of the main units": a member, not a count
    return Quantity(start, m.end(), low, high, approx=approx)
