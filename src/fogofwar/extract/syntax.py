"""Prose by syntax: what a figure counts, read off spaCy's dependency parse (DESIGN.md, "Prose by
syntax"). The quantity -> the noun it counts -> the loss predicate above it (a verb whose object
or passive subject the noun is, a participle on the noun, a noun of loss it is "of") -> a raw loss
word, which ``losses.typed`` turns into a kind by what the noun counts.

The loss lemmas are data (``data/lexicon/loss_words.toml``, the ``syntax`` sections).
"""

from __future__ import annotations

from typing import Any

from fogofwar.extract import lexicon
from fogofwar.extract.losses import Loss, typed

VERB_LOSS = lexicon.SYNTAX_VERB_OBJECT
SUBJECT_LOSS = lexicon.SYNTAX_VERB_SUBJECT
NOUN_LOSS = lexicon.SYNTAX_NOUN_OF
STATE_LOSS = lexicon.SYNTAX_STATE
_QUANTITY_NOUNS = lexicon.SYNTAX_QUANTITY_NOUNS


def loss_by_syntax(parsed: Any, start: int, end: int) -> Loss | None:
    """The loss a figure at character offsets [start, end) of the parsed sentence counts, from
    the parse alone; None when no loss predicate governs it."""
    number = token_at(parsed, start, end)
    if number is None:
        return None
    anchor = anchor_of(number)
    raw = _predicate_of(anchor)
    if raw is None:
        return None
    counted = of_object(anchor) or anchor
    return typed(raw, _phrase(counted) if counted is not number else "")


def token_at(parsed: Any, start: int, end: int) -> Any:
    """The last token of the figure (the head word of "1,500", of "several hundred")."""
    inside = [t for t in parsed if start <= t.idx < end]
    return inside[-1] if inside else None


def anchor_of(number: Any) -> Any:
    """The noun phrase head the predicate governs: the noun for "300 fighters", the number
    itself when it stands alone ("eight were killed", "dozens of rebels")."""
    if number.dep_ in ("nummod", "quantmod", "compound", "amod") and number.head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        return number.head
    return number


def of_object(token: Any) -> Any:
    """What a quantity noun counts: "rebels" of "dozens of rebels"; None for other nouns."""
    if token.lower_ not in _QUANTITY_NOUNS and token.pos_ != "NUM":
        return None
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of else None


def loss_lemma(verb: Any) -> str:
    """The verb's lemma as VERB_LOSS keys it: phrasal verbs of loss by their particle ("shot
    down two helicopters" -> "down", "knocked out two tanks" -> "knock_out")."""
    lemma = str(verb.lemma_).lower()
    if lemma == "shoot" and any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children):
        return "down"
    if lemma == "knock" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return "knock_out"
    return lemma


def _predicate_of(noun: Any) -> str | None:
    """The raw loss word of the predicate that governs the counted noun, if any."""
    for child in noun.children:  # "11 fighters killed", "400 wounded fighters"
        participle = child.dep_ == "amod" or (child.dep_ == "acl" and child.tag_ == "VBN")
        if participle and child.lemma_.lower() in VERB_LOSS:
            return VERB_LOSS[child.lemma_.lower()]
    role, head = noun.dep_, noun.head
    while role == "conj" and head is not noun:  # "killed 12 soldiers and 3 civilians"
        role, head = head.dep_, head.head
        if role != "conj":
            break
    lemma = loss_lemma(head)
    if role in ("dobj", "nsubjpass") and lemma in VERB_LOSS:
        return VERB_LOSS[lemma]
    if role == "nsubj" and lemma in SUBJECT_LOSS:
        return SUBJECT_LOSS[lemma]
    if role == "nsubj" and lemma == "be":
        for child in head.children:
            if child.dep_ in ("acomp", "attr") and child.lower_ in STATE_LOSS:
                return STATE_LOSS[child.lower_]
    if role == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in NOUN_LOSS:
        return NOUN_LOSS[head.head.lemma_.lower()]
    if role == "pobj" and head.lower_ in ("including", "among"):
        governor = head.head.lemma_.lower()  # "were killed, including 30 foreigners"
        return VERB_LOSS.get(governor) or NOUN_LOSS.get(governor)
    return None


def _phrase(noun: Any) -> str:
    """The counted noun with its modifiers ("ISIL fighters", "Russian armoured vehicles")."""
    words = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod")] + [noun]
    return " ".join(t.text for t in words)
