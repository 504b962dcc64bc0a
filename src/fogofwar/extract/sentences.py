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
PRELUDE_SECTIONS = re.compile(
    r"^(?:prelude|lead-?up|prior\s+events|previous\s+events|preceding\s+events)\b", re.IGNORECASE
)
"""Context sections that tell the run-up to the event: the forces they count fought in it."""
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
MAX_SENTENCE_CHARS = 1200
"""Longest sentence, in characters, handed to the later stages; a longer one is cut into pieces.

Real sentences stay under it: the longest of the 8,258 sentences of the shared corpus has 1,103
characters, so none is cut (at 600, five were, and a speaker named in one piece was lost to the
figure in the next). A pasted list or a text without full stops can make one "sentence" of
megabytes, and the regular-expression windows of the prose stage and spaCy's parse cost more than
linear time in a sentence's length; bounding every sentence keeps extraction linear in the size of
the input (no slower per character at 1,200 than at 600). A piece ends at the last "; " inside
the bound, else the last ", ", else the last whitespace, else at the bound (see
:func:`bounded_pieces`).
"""
_MIN_PIECE = MAX_SENTENCE_CHARS // 3  # a break earlier than this is not taken while another exists
_ABBREV_WINDOW = 40  # longer than any abbreviation: the word before a full stop is read from here
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
    r"displac\w*|fled|flee\w*|leave|escape|evacuat\w*|refugees|lives|blew\s+up|bridges?|"
    r"damag\w*|disabl\w*|abandon\w*|knocked\s+out|casualt\w*|losses|lost|destroy\w*|shot\s+down|downed|"
    r"sunk|seiz\w*|executed|neutrali[sz]ed|surrender\w*|arrest\w*|detain\w*|abduct\w*|"
    r"kidnap\w*|bodies|toll|fatalities|troops|soldiers|fighters|strong|personnel|forces|"
    r"militants|rebels|combatants|paramilitar\w*|reinforcements|garrison|defenders|"
    r"attackers|men|members)\b",
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
                dot = m.start(1)
                if m.group(1) == "." and _is_abbreviation(para[max(0, dot - _ABBREV_WINDOW) : dot]):
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
        start = para_start + a + lead
        for offset, piece in bounded_pieces(stripped):
            yield Sentence(name, para_no, start + offset, piece, context_only)


def bounded_pieces(text: str, bound: int = MAX_SENTENCE_CHARS) -> Iterator[tuple[int, str]]:
    """``text`` (stripped) cut into pieces of at most ``bound`` characters: (offset, piece).

    Each piece is ``text[offset : offset + len(piece)]``; only the whitespace between pieces is
    left out. A piece ends at the last "; " (keeping the ";") inside the bound, else the last
    ", " (keeping the ","), else before the last whitespace; a run of ``bound`` characters
    without any of them is cut at the bound. Breaks in the first third of the bound are passed
    over while a later one exists, so that pieces are not needlessly short. Linear in
    ``len(text)``: each piece looks at no more than ``bound`` characters.
    """
    pos, n = 0, len(text)
    while n - pos > bound:
        cut = _break(text, pos, bound)
        piece = text[pos:cut].rstrip()
        yield pos, piece
        pos = cut
        while pos < n and text[pos].isspace():
            pos += 1
    if pos < n:
        yield pos, text[pos:]


def _break(text: str, pos: int, bound: int) -> int:
    """Where the piece starting at ``pos`` ends (exclusive): see :func:`bounded_pieces`."""
    limit = pos + bound  # the piece is text[pos:cut] with cut <= limit
    floors = (pos + min(_MIN_PIECE, bound // 3), pos)
    for floor in floors:
        for mark in ("; ", ", "):
            # the mark's first character ends the piece: k + 1 <= limit
            k = text.rfind(mark, floor, limit + 1)
            if k > pos:
                return k + 1
        for k in range(limit, floor, -1):
            if text[k].isspace() and not text[k - 1].isspace():
                return k
    return limit


def can_hold_figure(text: str) -> bool:
    """True when a sentence has a figure and a word of loss or force: worth a full parse."""
    if SINGLE_LOSS.search(text) or ACTIVE_SINGLE.search(text) or BOTH.search(text):
        return True
    if (
        not _LOSS_WORD.search(text)
        and not lexicon.VEHICLE_NOUN.search(text)
        and not lexicon.FORCE_WORD.search(text)
    ):
        return _opens_with_a_part(text)
    return bool(find_quantities(text))


_TOLD_BY_BE = re.compile(r"\s+(?:of\s+(?:them|those|these|whom)\s+)?(?:were|was)\b", re.I)


def _opens_with_a_part(text: str) -> bool:
    """ "4,200 were confirmed to be civilians": a sentence opening with a figure "be" tells
    what its people were may be a part of the sentence before's figure (``parts``)."""
    found = find_quantities(text[:60])
    return bool(found) and found[0].start <= 12 and bool(_TOLD_BY_BE.match(text, found[0].end))


def can_hold_proposition(text: str) -> bool:
    """True when a sentence has a cue of a contested non-numeric fact or of a stance."""
    return _CUES.search(text) is not None
