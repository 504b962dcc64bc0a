"""Speakers carried from earlier words: who "he", "they", "the Committee" are, and the speaker
an "also ..." sentence goes on with."""

from __future__ import annotations

import re
from typing import Any

from fogofwar.extract import lexicon
from fogofwar.extract.actors import SideIndex
from fogofwar.extract.attribution import make_claimant, same_claimant
from fogofwar.extract.sentences import Sentence
from fogofwar.extract.speaker_names import is_plural_name
from fogofwar.extract.speaker_state import Attribution, ProseState
from fogofwar.model import Claimant

_ALSO = re.compile(
    r"\b(?:also|additionally|further(?:more)?|moreover|in\s+addition)\b", re.IGNORECASE
)


def pronoun_referent(
    sent: Sentence,
    state: ProseState,
    sides: SideIndex,
    found: list[Attribution],
    at: int,
    pronoun: str = "",
) -> Claimant | None:
    """Who "he", "they" are: an earlier speaker of this sentence, else the last speaker of the
    paragraph before ("he", "she": the last one speaker who is one person), else the previous
    sentence's subject ("The Marines recovered ... They also reported")."""
    earlier = [a.claimant for a in found if a.claimant is not None and a.verb_at < at]
    if earlier:
        return earlier[-1]
    if pronoun in ("he", "she"):
        person = next(
            (
                c
                for p, c in reversed(state.recent)
                if sent.paragraph - p <= 1 and (c.kind == "person" or not is_plural_name(c.name))
            ),
            None,
        )
        if person is not None:
            return person
    if state.last_claimant is not None and sent.paragraph - state.last_paragraph <= 1:
        return state.last_claimant
    if state.previous_subject:
        return make_claimant(state.previous_subject, sides)
    return None


def named_before(subject: Any, name: str, sent: Sentence, state: ProseState) -> Claimant | None:
    """A definite description standing for a speaker named just before ("The Local
    Coordination Committees said ... The Committee estimated"): that speaker."""
    words = name.lower().split()
    if words != [subject.lower_] or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in subject.children
    ):
        return None
    stems = {w.rstrip("s") for w in words}
    for paragraph, claimant in reversed(state.recent):
        if sent.paragraph - paragraph > 1:
            break
        theirs = {w.rstrip("s") for w in claimant.name.lower().split()}
        if len(theirs) > len(stems) and stems <= theirs:
            return claimant
    return None


def also_carried(sent: Sentence, state: ProseState) -> list[Attribution]:
    """ "also ..." in the same paragraph, right after a sentence with claims: the same speaker."""
    if (
        _ALSO.search(sent.text)
        and state.last_claimant is not None
        and sent.paragraph == state.last_paragraph
        and state.last_sentence_claims
    ):
        return [Attribution(state.last_claimant, -1, "revise" if state.revising else "assert")]
    return []


def document_referent(sent: Sentence, state: ProseState) -> Claimant | None:
    """Who "the report" is: the author of the report named in this paragraph or the one
    before, else the last speaker of those paragraphs; None when nobody spoke of late."""
    if state.document_author is not None and sent.paragraph - state.document_paragraph <= 1:
        return state.document_author
    if state.last_claimant is not None and sent.paragraph - state.last_paragraph <= 1:
        return state.last_claimant
    return None


def quote_carried(sent: Sentence, state: ProseState) -> list[Attribution]:
    """A sentence that starts inside a quotation a speaker opened in the sentence right before
    ("X said: "... . We condemn the killing of 200 civilians."): that speaker's words."""
    if _continues_quote(sent, state) and state.quote_speaker is not None:
        return [Attribution(state.quote_speaker, -1)]
    return []


def follow_quote(sent: Sentence, found: list[Attribution], state: ProseState) -> None:
    """Whether a quotation is still open where the sentence ends, and whose: the speaker
    before the quotation mark that opened it. A mark after a space or at the start opens,
    one after a word closes (straight or curly alike)."""
    inside = _continues_quote(sent, state)
    opened_at: int | None = None
    for m in _QUOTE_MARK.finditer(sent.text):
        inside = m.group(0) == "“" or (m.group(0) == '"' and _opens(sent.text, m.start()))
        opened_at = m.start() if inside else None
    state.quote_open = inside
    if not inside:
        state.quote_speaker = None
    elif opened_at is not None:
        before = [a.claimant for a in found if a.claimant is not None and a.verb_at <= opened_at]
        state.quote_speaker = before[-1] if before else None
    state.quote_paragraph, state.quote_end = sent.paragraph, sent.end


_QUOTE_MARK = re.compile('["“”]')


def _opens(text: str, at: int) -> bool:
    return (at == 0 or text[at - 1].isspace() or text[at - 1] in "([") and at + 1 < len(text)


def _continues_quote(sent: Sentence, state: ProseState) -> bool:
    """Whether the sentence right before, in the same paragraph, left a quotation open."""
    return (
        state.quote_open
        and state.quote_paragraph == sent.paragraph
        and 0 <= sent.start - state.quote_end <= 2
    )


_CONFIRM = lexicon.word_set("reporting", "confirm_lemmas")


def confirms_another(verb: Any, claimant: Claimant, sent: Sentence, state: ProseState) -> bool:
    """ "Opposition activists confirmed five doctors were killed" right after another speaker's
    figures (this paragraph or the one before): a corroboration of them; not when negated."""
    if verb.lemma_.lower() not in _CONFIRM or any(c.dep_ == "neg" for c in verb.children):
        return False
    before = state.last_sentence_claims
    return (
        bool(before)
        and sent.paragraph - state.last_paragraph <= 1
        and all(c.claimant is not None and not same_claimant(c.claimant, claimant) for c in before)
    )
