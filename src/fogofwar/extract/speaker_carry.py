"""Speakers carried from earlier words: who "he", "they", "the Committee" are, and the speaker
an "also ..." sentence goes on with."""

from __future__ import annotations

import re
from typing import Any

from fogofwar.extract.actors import SideIndex
from fogofwar.extract.attribution import make_claimant
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
