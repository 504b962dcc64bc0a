"""Reports and their authors: "Human Rights Watch issued a report", "a report published by the
UN", "Amnesty's report", "An Associated Press investigation". A later "the report" (its
subject, "according to the report", "as the report mentioned") speaks as that author."""

from __future__ import annotations

import re
from typing import Any

from fogofwar.extract import lexicon
from fogofwar.extract.speaker_syntax import subject_text

DOCUMENT_NOUNS = lexicon.word_set("reporting", "document_nouns")
_PUBLISHING = lexicon.word_set("reporting", "publishing_lemmas")


def is_document(token: Any) -> bool:
    """Whether a token is a noun naming a written account ("report", "investigation")."""
    return bool(token.pos_ == "NOUN" and token.lemma_.lower() in DOCUMENT_NOUNS)


def is_definite_document(token: Any) -> bool:
    """ "the report", "this investigation": one document named before, not "reports" or "a
    report" (nobody named: the article's own account)."""
    return (
        is_document(token)
        and token.tag_ == "NN"
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)
    )


def author_of(document: Any) -> Any:
    """The token naming who wrote a document noun, None when the sentence does not say:
    "Amnesty's report" (possessor), "An Associated Press investigation" (a proper-noun
    compound), "a report published by X" and "a report was published by X" (the agent),
    "X issued a report" (the subject of a publishing verb)."""
    compounds = [c for c in document.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if compounds:
        return compounds[-1]  # "the Health Department report": its possessor goes with it
    for child in document.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return child
    for child in document.children:
        if child.dep_ == "acl" and (agent := _agent_of(child)) is not None:
            return agent
        if child.dep_ == "prep" and child.lower_ == "by":  # "a report by X"
            by = next((g for g in child.children if g.dep_ == "pobj"), None)
            if by is not None and by.pos_ == "PROPN":
                return by
    verb = document.head
    if document.dep_ == "nsubjpass":
        return _agent_of(verb)
    if document.dep_ == "dobj" and verb.lemma_.lower() in _PUBLISHING:
        return next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
    return None


def _agent_of(verb: Any) -> Any:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def author_name(document: Any) -> tuple[str, str, bool] | None:
    """(name, context, is a person) of a document noun's named author, None if none."""
    author = author_of(document)
    if author is None or author.pos_ != "PROPN":
        return None
    name, context, person = subject_text(author)
    if author.dep_ == "compound":  # "Northland's Health Department report": all before it
        name = _words_before(document)
    return name, context, person


def document_authors(parsed: Any) -> list[tuple[int, str, str, bool]]:
    """(offset, name, context, is a person) of every document noun of a parsed sentence whose
    author the sentence names, in order."""
    return [
        (token.idx, *named)
        for token in parsed
        if is_document(token) and (named := author_name(token)) is not None
    ]


def _words_before(document: Any) -> str:
    """The possessor and compounds a document noun opens with, as written."""
    start = min(
        c.left_edge.i
        for c in document.children
        if c.dep_ in ("poss", "compound") and c.i < document.i
    )
    return str(document.doc[start : document.i].text)


_PUBLISHED = (
    r"(?:issued|published|released|produced|compiled|presented|submitted|filed|conducted|"
    r"completed|circulated|posted|delivered|launched|prepared)"
)
_DOCUMENT_WORD = r"(?:{})s?".format("|".join(sorted(DOCUMENT_NOUNS)))
INTRODUCES_DOCUMENT = re.compile(
    rf"\b{_PUBLISHED}\s+(?:\S+\s+){{0,3}}?{_DOCUMENT_WORD}\b"
    rf"|\b{_DOCUMENT_WORD}\s+(?:\S+\s+){{0,2}}?{_PUBLISHED}\s+by\b",
    re.IGNORECASE,
)
"""A sentence that introduces a report and its author ("HRW issued a report", "a report
published by the UN"): parsed even with no figure, for the "the report" of the sentences after."""
