"""Cheap sentence splitting of prose sections, and the test of which sentences can hold a claim.

Only the sentences that can hold a claim go through the full language pipeline; the rest cost a
regular-expression scan (DESIGN.md, "Performance targets").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from fogofwar.extract import lexicon
from fogofwar.extract.quantities import find_quantities
from fogofwar.model import Document

SKIPPED_SECTIONS = re.compile(
    r"^(?:see\s+also|references?|notes?|external\s+links|further\s+reading|bibliography|"
    r"sources|citations|footnotes|gallery)$",
    re.IGNORECASE,
)
CONTEXT_SECTIONS = re.compile(
    r"^(?:background|prelude|prior\s+events|history|context|origins?|lead-?up|"
    r"historical\s+background|previous\s+events|preceding\s+events|overview\s+of\s+the\s+war)\b",
    re.IGNORECASE,
)
_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "brig",
        "adm",
        "cmdr",
        "st",
        "jr",
        "sr",
        "no",
        "vs",
        "vol",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "est",
        "c",
        "ca",
        "u.s",
        "u.n",
        "u.k",
        "e.g",
        "i.e",
        "etc",
        "inc",
        "co",
        "corp",
        "ltd",
        "gov",
        "rep",
        "sen",
        "pres",
        "prof",
        "rev",
        "mt",
        "ft",
    ]
)
_SPLIT = re.compile(r"([.!?])([\"'”’)\]]*)\s+(?=[\"“'(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_CUES = re.compile(
    r"\b(?:corroborat\w*|confirm\w*|den(?:y|ied|ies|ial)|revis\w*|claim\w*|accus\w*|"
    r"victory|took\s+part|involv\w*|present|presence|participat\w*|began|started|"
    r"hostages?|loot\w*|execut\w*|tortur\w*|rap(?:e|ed)|massacr\w*|abus\w*|war\s+crimes?)\b",
    re.IGNORECASE,
)
_LOSS_WORD = re.compile(
    r"\b(?:kill\w*|dead|deaths?|died|wound\w*|injur\w*|captur\w*|prisoners?|hostages?|missing|"
    r"displac\w*|fled|evacuat\w*|refugees|casualt\w*|losses|lost|destroy\w*|shot\s+down|downed|"
    r"sunk|seiz\w*|executed|neutrali[sz]ed|surrender\w*|arrest\w*|detain\w*|abduct\w*|"
    r"kidnap\w*|bodies|toll|fatalities|troops|soldiers|fighters|strong|personnel)\b",
    re.IGNORECASE,
)
SINGLE_LOSS = re.compile(
    r"\b(?P<art>a|an|one)\s+(?P<np>(?:[\w'’-]+\s+){0,3}?(?:soldier|fighter|civilian|militant|"
    r"rebel|commander|officer|policeman|serviceman|child|woman|man|journalist|member|guard|"
    r"volunteer|peacekeeper|insurgent|jihadist|tank|helicopter|aircraft|plane|jet|vehicle|"
    r"drone))\s+(?:was|had\s+been|has\s+been|were|got)\s+(?:also\s+)?(?P<kind>killed|wounded|"
    r"injured|captured|executed|shot\s+down|destroyed|taken\s+prisoner)\b",
    re.IGNORECASE,
)


_SINGLE_NOUN = (
    r"(?:soldier|fighter|civilian|militant|rebel|commander|officer|policeman|serviceman|"
    r"child|woman|man|journalist|member|guard|volunteer|peacekeeper|insurgent|"
    r"jihadist|tank|helicopter|aircraft|plane|jet|vehicle|drone|Su-\d+\w*|Mi-\d+\w*|"
    r"MiG-\d+\w*|Il-\d+\w*|An-\d+\w*)"
)
ACTIVE_SINGLE = re.compile(
    r"\b(?P<verb>shot\s+down|downed|destroyed|captured|killed|executed|wounded|injured|seized)\s+"
    r"(?P<art>a|an|one)\s+(?P<np>(?:[\w'’-]+\s+){0,3}?" + _SINGLE_NOUN + r")\b",
    re.IGNORECASE,
)
BOTH = re.compile(
    r"\b(?P<art>both)\s+(?:the\s+|of\s+the\s+)?(?P<np>(?:[\w'’-]+\s+){0,2}?"
    r"(?:soldiers|fighters|civilians|pilots|crew|men|women|officers|journalists|hostages|"
    r"militants|rebels|tanks|helicopters|aircraft|planes|jets|vehicles|drones))\s+(?:were|are)\s+"
    r"(?:also\s+)?(?=(?:killed|wounded|injured|captured|missing|executed|shot\s+down|destroyed)\b)",
    re.IGNORECASE,
)
ANOTHER = re.compile(
    r"\b(?:and|while)\s+(?P<art>another)\s+(?:one\s+|person\s+|was\s+)?"
    r"(?=(?:killed|wounded|injured|captured)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a section: its text and its offset in the document text."""

    section: str
    paragraph: int
    start: int
    text: str
    context_only: bool  # in a background section: read for attribution, never for figures

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def sentences(doc: Document) -> Iterator[Sentence]:
    """Every sentence of every prose section, in document order."""
    para_no = 0
    for section in doc.sections:
        if SKIPPED_SECTIONS.match(section.name.strip()):
            continue
        context_only = CONTEXT_SECTIONS.match(section.name.strip()) is not None
        body = doc.text[section.start : section.end]
        pos = 0
        for para in body.split("\n"):
            para_start = section.start + pos
            pos += len(para) + 1
            if not para.strip():
                continue
            para_no += 1
            last = 0
            for m in _SPLIT.finditer(para):
                if m.group(1) == "." and _is_abbreviation(para[: m.start(1)]):
                    continue
                cut = m.end(2)
                yield from _sentence(
                    section.name, para_no, para_start, para, last, cut, context_only
                )
                last = m.end()
            yield from _sentence(
                section.name, para_no, para_start, para, last, len(para), context_only
            )


def _is_abbreviation(before: str) -> bool:
    m = _WORD_BEFORE.search(before)
    if not m:
        return False
    word = m.group(1)
    return word.lower() in _ABBREV or (len(word) == 1 and word.isupper())


def _sentence(
    name: str, para_no: int, para_start: int, para: str, a: int, b: int, context_only: bool
) -> Iterator[Sentence]:
    chunk = para[a:b]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        yield Sentence(name, para_no, para_start + a + lead, stripped, context_only)


def can_hold_figure(text: str) -> bool:
    """True when a sentence has a figure and a word of loss or force: worth a full parse."""
    if SINGLE_LOSS.search(text) or ACTIVE_SINGLE.search(text) or BOTH.search(text):
        return True
    if not _LOSS_WORD.search(text) and not lexicon.VEHICLE_NOUN.search(text):
        return False
    return bool(find_quantities(text))


def can_hold_proposition(text: str) -> bool:
    """True when a sentence has a cue of a contested non-numeric fact or of a stance."""
    return _CUES.search(text) is not None
