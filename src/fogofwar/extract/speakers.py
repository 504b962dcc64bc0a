"""Who speaks in a sentence of prose: reporting verbs and their subjects, "according to X",
"X's report", pronouns carried from the sentence before; the stance and date of each statement.

The parts live by concept: ``speaker_state`` (what an attribution is, what carries between
sentences), ``speaker_syntax`` (reporting verbs in the parse), ``speaker_names`` (which words
can name a speaker), ``speaker_carry`` (pronouns and descriptions standing for earlier speakers).
"""

from __future__ import annotations

import re
from typing import Any

from fogofwar.extract import lexicon
from fogofwar.extract.actors import SideIndex
from fogofwar.extract.attribution import make_claimant
from fogofwar.extract.dates import find_dates
from fogofwar.extract.referents import carry_referent
from fogofwar.extract.sentences import Sentence
from fogofwar.extract.speaker_carry import (
    also_carried,
    confirms_another,
    document_referent,
    follow_quote,
    named_before,
    pronoun_referent,
    quote_carried,
)
from fogofwar.extract.speaker_documents import (
    author_name,
    document_authors,
    is_definite_document,
    is_document,
)
from fogofwar.extract.speaker_names import (
    OBJECT_PRONOUNS,
    opening_subject,
    plausible_claimant,
    strip_det,
)
from fogofwar.extract.speaker_state import Attribution, ProseState
from fogofwar.extract.speaker_syntax import (
    has_speaker_verb,
    is_pronoun,
    proper_name_before,
    reporting_verbs,
    subject_text,
)
from fogofwar.model import Claimant

__all__ = [
    "Attribution",
    "ProseState",
    "attributions_of",
    "has_speaker_verb",
    "opening_subject",
    "plausible_claimant",
    "speaker_at",
]

_TITLES = ("Maj", "Gen", "Lt", "Col", "Capt", "Cpt", "Sgt", "Brig", "Adm", "Cmdr", "Dr", "Mr", "Ms")
_AFTER_TITLE = "|".join(rf"(?<=\b{t})" for t in _TITLES)
_NOT_AFTER_TITLE = "".join(rf"(?<!\b{t})" for t in _TITLES)
_ACCORDING = re.compile(  # "according to Maj. Gen. A of B": a title's dot ends no name
    r"\b(?:according\s+to|as\s+(?:reported|claimed|stated)\s+by|per)\s+(?P<name>(?:the\s+)?"
    rf"(?:[^,;:.()]|\.(?=\w)|(?:{_AFTER_TITLE})\.\s(?=[A-Z])){{2,80}}?)"
    rf"(?=\s*(?:,|;|:|{_NOT_AFTER_TITLE}\.(?!\w)|\)|$|\s+(?:that|which|who|on\s+(?:\d|\w+day\b|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)|"
    r"in\s+\d|at\s+least|some|about|around|there|more|over|\d)))",
    re.IGNORECASE,
)
_POSSESSIVE_REPORT = re.compile(
    r"\b(?:in\s+)?(?P<name>(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4})(?:'s|’s)\s+"
    r"(?:report|statement|count|tally|figures?|estimate|data|press\s+release)\b"
)


def attributions_of(
    sent: Sentence, parsed: Any, sides: SideIndex, state: ProseState, year: int | None
) -> list[Attribution]:
    """Every speaker of a sentence, in order: reporting verbs with their subjects, "according
    to X", "X's report", a pronoun carried from the sentence before. Never empty: a sentence
    nobody speaks in gets ``Attribution(None)`` (the encyclopedia's own voice)."""
    _carry_referent(sent, parsed, sides, state)
    _remember_documents(sent, parsed, sides, state)
    found = _according_to(sent, parsed, sides, state, year)
    found += _verb_speakers(sent, parsed, sides, state, year, found)
    found = _resolve_pronouns(found, sent, state)
    if not found:
        found = _possessive_report(sent.text, sides)
    if not found:
        found = quote_carried(sent, state)
    if not found:
        found = also_carried(sent, state)
    found.sort(key=lambda a: a.verb_at)
    follow_quote(sent, found, state)
    state.recent.extend((sent.paragraph, a.claimant) for a in found if a.claimant is not None)
    del state.recent[:-8]
    return found or [Attribution(None)]


def _carry_referent(sent: Sentence, parsed: Any, sides: SideIndex, state: ProseState) -> None:
    """The party a pronoun of this sentence may stand for, carried inside a paragraph: the
    last one the parsed sentence before named, else the named subject the sentence just before
    opens with when that one was not parsed."""
    carried = state.referent if state.referent_paragraph == sent.paragraph else None
    if state.previous_subject and state.referent_end < sent.start - 2:
        opening = sides.resolve(state.previous_subject)
        if opening.side is not None and not opening.civilian:
            carried = opening.side
    state.referent = carry_referent(parsed, sides, carried)
    state.referent_paragraph = sent.paragraph
    state.referent_end = sent.end


def _remember_documents(sent: Sentence, parsed: Any, sides: SideIndex, state: ProseState) -> None:
    """The author of the last report a sentence names ("HRW issued a report"), for the
    "the report" of the sentences after it."""
    authors = document_authors(parsed)
    if authors:
        _, name, context, person = authors[-1]
        state.document_author = make_claimant(name, sides, context, person)
        state.document_paragraph = sent.paragraph


def _according_to(
    sent: Sentence, parsed: Any, sides: SideIndex, state: ProseState, year: int | None
) -> list[Attribution]:
    """ "according to X"; "according to him" is the last speaker's; "according to the
    report" or "to a report published by X" is the report's author's."""
    text, found = sent.text, _according_to_documents(sent, parsed, sides, state, year)
    done = {a.verb_at for a in found}
    for m in _ACCORDING.finditer(text):
        if m.start() in done:
            continue
        name = strip_det(m.group("name"))
        if name.lower() in OBJECT_PRONOUNS:
            found.append(Attribution(None, m.start(), _stance(text, None), pronoun=True))
            continue
        if plausible_claimant(name):
            claimant = make_claimant(name, sides)
            said_on = _said_on(text, m.start(), year)
            found.append(Attribution(claimant, m.start(), _stance(text, None), said_on))
    return found


def _resolve_pronouns(
    found: list[Attribution], sent: Sentence, state: ProseState
) -> list[Attribution]:
    """ "X said ... according to them": the speaker named before it in the sentence, else
    the last speaker of this paragraph or the one before; dropped when there is none."""
    out = []
    for a in found:
        if a.pronoun:
            earlier = [
                b.claimant
                for b in found
                if not b.pronoun and b.claimant is not None and b.verb_at < a.verb_at
            ]
            if earlier:
                a = Attribution(earlier[-1], a.verb_at, a.stance, a.said_on)
            elif state.last_claimant is not None and sent.paragraph - state.last_paragraph <= 1:
                a = Attribution(state.last_claimant, a.verb_at, a.stance, a.said_on)
            else:
                continue
        out.append(a)
    return out


def _according_to_documents(
    sent: Sentence, parsed: Any, sides: SideIndex, state: ProseState, year: int | None
) -> list[Attribution]:
    """ "According to a report published by X", "according to the report": by the parse, the
    report's own author, else the author of the report named before."""
    found = []
    for token in parsed:
        if token.lower_ != "according":
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        document = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if document is None or not is_document(document):
            continue
        claimant = _document_speaker(document, sent, state, sides)
        if claimant is not None:
            at = token.idx
            found.append(
                Attribution(claimant, at, _stance(sent.text, None), _said_on(sent.text, at, year))
            )
    return found


def _document_speaker(
    document: Any, sent: Sentence, state: ProseState, sides: SideIndex
) -> Claimant | None:
    """Who speaks through a report: the author the sentence names, else the one before."""
    named = author_name(document)
    if named is None:
        return document_referent(sent, state) if is_definite_document(document) else None
    name, context, person = named
    return make_claimant(name, sides, context, person) if plausible_claimant(name) else None


def _verb_speakers(
    sent: Sentence,
    parsed: Any,
    sides: SideIndex,
    state: ProseState,
    year: int | None,
    found: list[Attribution],
) -> list[Attribution]:
    """The subjects of reporting verbs not already covered by an "according to"."""
    text, got = sent.text, list(found)
    for verb, subject in reporting_verbs(parsed):
        if any(abs(a.verb_at - verb.idx) < 3 for a in got):
            continue
        stance = _stance(text, verb)
        name, context, person = subject_text(subject)
        if not is_pronoun(subject, name) and not plausible_claimant(name):
            name = context = proper_name_before(verb)  # a misparse: the name before the verb
        if is_document(subject) and (author_name(subject) or is_definite_document(subject)):
            claimant = _document_speaker(subject, sent, state, sides)
        elif is_pronoun(subject, name):
            claimant = pronoun_referent(sent, state, sides, got, verb.idx, subject.lower_)
        elif (earlier := named_before(subject, name, sent, state)) is not None:
            claimant = earlier  # "The Committee estimated": the committee named before
        elif name and plausible_claimant(name):
            claimant = make_claimant(name, sides, context, person)
        else:
            continue
        if claimant is not None:
            if stance == "assert" and confirms_another(verb, claimant, sent, state):
                stance = "corroborate"
            got.append(Attribution(claimant, verb.idx, stance, _said_on(text, verb.idx, year)))
    return got[len(found) :]


def _possessive_report(text: str, sides: SideIndex) -> list[Attribution]:
    """ "X's report" when nobody else speaks."""
    m = _POSSESSIVE_REPORT.search(text)
    if not m:
        return []
    claimant = make_claimant(strip_det(m.group("name")), sides)
    return [Attribution(claimant, m.start(), _stance(text, None))]


def speaker_at(attributions: list[Attribution], at: int) -> Attribution:
    """The speaker of a figure at offset ``at``: the nearest one before it, else the first."""
    before = [a for a in attributions if a.verb_at <= at]
    return before[-1] if before else attributions[0]


def _stance(text: str, verb: Any) -> str:
    if verb is not None and verb.lemma_.lower() in lexicon.DENY_LEMMAS:
        return "deny"
    if lexicon.REVISE_WORDS.search(text):
        return "revise"
    return "assert"


def _said_on(text: str, before: int, year: int | None) -> str | None:
    for d in find_dates(text[: max(before, 0)]):
        if d.month is not None:
            return d.iso(year)
    return None
