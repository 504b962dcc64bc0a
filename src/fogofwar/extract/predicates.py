"""Loss predicates read off the dependency parse where the words after a figure mislead: the
verb whose object the figure is ("sank two of the ships and damaged the third": sunk, not
damaged), crews that went down with their ship ("taking all 36 crew with her"), and figures that
count nothing lost (the whole of "20 of the 35 vessels", the number in a name such as "SC 7").

Each function takes the parsed sentence and a figure's character offsets [start, end).
The lemmas are data (``data/lexicon/loss_words.toml``, ``went_down``).
"""

from __future__ import annotations

from typing import Any

from fogofwar.extract import lexicon
from fogofwar.extract.losses import Loss, typed
from fogofwar.extract.syntax import VERB_LOSS, anchor_of, loss_lemma, of_object, token_at

_SINKING = lexicon.word_set("loss_words", "went_down")
_AMOUNT_VERBS = lexicon.word_set("loss_words", "measured_verbs")
_AMOUNT_NOUNS = lexicon.lemma_table("loss_words", "measured_nouns")
_LIVES_VERBS = lexicon.word_set("loss_words", "measured_lives")
_PRONOUNS = frozenset({"her", "him", "it", "them"})


def object_loss(parsed: Any, start: int, end: int) -> Loss | None:
    """The loss of the verb before a figure whose direct object the figure is: "sank two of
    the German ships", "killing 13 of the wounded"; None when no loss verb takes it as object."""
    number = token_at(parsed, start, end)
    if number is None:
        return None
    anchor = anchor_of(number)
    verb = anchor.head
    while anchor.dep_ == "conj" and verb.dep_ in ("dobj", "conj") and verb.i != verb.head.i:
        anchor, verb = verb, verb.head  # "killed 12 soldiers and 3 civilians"
    if anchor.dep_ != "dobj" or verb.i > number.i:
        return None
    raw = VERB_LOSS.get(loss_lemma(verb))
    if raw is None:
        return None
    counted = of_object(anchor) or anchor
    return typed(raw, _words(counted) if counted.i != number.i else "")


def went_down_with(parsed: Any, start: int, end: int) -> Loss | None:
    """People lost with a vessel: "went down with 17 crew", "sank with 40 men", "sank, taking
    all 36 crew members with her" (killed); None for anything else."""
    number = token_at(parsed, start, end)
    if number is None:
        return None
    anchor = anchor_of(number)
    for ancestor in anchor.ancestors:
        if ancestor.pos_ != "VERB" and ancestor.pos_ != "AUX":
            if ancestor.dep_ in ("pobj", "prep", "poss", "nummod", "dobj"):
                continue
            return None
        aboard = _sinks(ancestor) and _with_phrase(anchor, ancestor)
        taken = ancestor.lemma_.lower() == "take" and _takes_along(ancestor)
        if aboard or (taken and _sinks(ancestor.head)):
            loss = typed("killed", _words(anchor))
            return loss if loss is not None and loss.kind == "killed" else None
        return None
    return None


def measured_loss(parsed: Any, start: int, end: int) -> Loss | None:
    """A figure of a noun stated as the amount of a loss noun: "the death toll amounted to
    about 170 knights", "losses totalled 300 men", "the number of dead reached 200 men", "cost
    the lives of 47 soldiers"; None when no loss noun is measured by it (a bare figure, "the
    toll reached 100", is read by the forces stage's count)."""
    number = token_at(parsed, start, end)
    if number is None:
        return None
    anchor = anchor_of(number)
    counted = _words(anchor) if anchor.i != number.i else ""
    governor = anchor.head.head if anchor.dep_ == "pobj" else anchor.head
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and governor.lemma_ == "life":
        verb = governor.head
        lives = governor.dep_ == "dobj" and verb.lemma_.lower() in _LIVES_VERBS
        return typed("killed", counted) if lives else None
    if anchor.i == number.i or anchor.dep_ not in ("pobj", "dobj", "attr"):
        return None  # a bare figure ("the toll reached 100") is the forces stage's count
    if governor.lemma_.lower() not in _AMOUNT_VERBS:
        return None
    subject = next((c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    raw = _measured_noun(governor, subject) if subject is not None else None
    if raw is None:
        return None
    return typed(raw, counted) or typed("lost", counted)


def _measured_noun(verb: Any, subject: Any) -> str | None:
    """The raw loss the subject of an amount verb names ("the death toll", "our losses")."""
    words = [t for t in subject.subtree] + [c for c in verb.children if c.dep_ == "advmod"]
    for token in words:
        raw = _AMOUNT_NOUNS.get(token.lemma_.lower()) or _AMOUNT_NOUNS.get(token.lower_)
        if raw is not None:
            return raw
    return None


def counts_nothing_lost(parsed: Any, start: int, end: int) -> bool:
    """Whether a figure names or bounds rather than counts: the whole of a part ("20 of the 35
    vessels": the 35), the number after a name's code in capitals ("convoy SC 7", "HX 79")."""
    number = token_at(parsed, start, end)
    if number is None:
        return False
    head = number.head
    if number.dep_ == "nummod" and head.i == number.i - 1 and _code(head.text):
        return True
    anchor = anchor_of(number)
    while anchor.dep_ == "compound" and anchor.head.i != anchor.i:
        anchor = anchor.head  # "the 35 Northland cargo vessels", "her 39-man crew"
    of = anchor.head if anchor.dep_ == "pobj" else None
    return of is not None and of.lower_ == "of" and of.head.pos_ == "NUM" and of.head.i < number.i


def _code(word: str) -> bool:
    """A name's code in capitals ("SC", "HX", "ON"): a number after it is part of the name."""
    return len(word) >= 2 and word.isalpha() and word.isupper()


def _sinks(verb: Any) -> bool:
    lemma = verb.lemma_.lower()
    if lemma == "go":
        return any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)
    return lemma in _SINKING


def _with_phrase(anchor: Any, verb: Any) -> bool:
    """The counted noun is the object of "with" attached to ``verb``."""
    prep = anchor.head
    return bool(anchor.dep_ == "pobj" and prep.lower_ == "with" and prep.head.i == verb.i)


def _takes_along(take: Any) -> bool:
    """ "taking ... with her": a "with" and a pronoun of the vessel among take's children."""
    for prep in take.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            return any(c.lower_ in _PRONOUNS for c in prep.subtree)
    return False


def _words(noun: Any) -> str:
    modifiers = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod")]
    return " ".join(t.text for t in [*modifiers, noun])


def told_by_be(parsed: Any, start: int, end: int) -> bool:
    """Whether a bare figure's clause only says what its people were: "six were from out of
    the country", "only two were civilians", "4,200 were confirmed to be civilians" -- the
    figure, or the list it ends, is the subject of "be" or of a verb whose complement is "be"."""
    number = token_at(parsed, start, end)
    if number is None or anchor_of(number).i != number.i:
        return False
    of = next((c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None and any(c.lower_ in ("which", "whom") for c in of.children):
        return False  # "one of which was ...": a part of what the relative names
    token = number
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "37 ... were rebels and only two were civilians"
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = token.head
    if verb.lemma_.lower() != "be":
        verb = next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ == "be"), None)
    if verb is None:
        return False
    told = next((c for c in verb.children if c.dep_ == "attr"), None)
    return told is None or not lexicon.NON_LOSS_NOUN.fullmatch(told.text)  # "were villages"
