"""Who holds a force a figure counts when the parse names the holder by a pronoun: "They
gathered about 1,000 fighters", "they consisted of 200 men", "X announced that it had sent
hundreds of fighters" (the holding verbs are the force verbs of ``data/lexicon/forces.toml`` and
the verbs of composition of ``ownership.toml``). A named holder is read by ``forces.force_owner``.
"""

from __future__ import annotations

from typing import Any

from fogofwar.extract import lexicon
from fogofwar.extract.actors import SideIndex
from fogofwar.extract.owner_syntax import figure_anchor, governor
from fogofwar.extract.parsing import entity_type
from fogofwar.extract.phrase_sides import WE, side_of
from fogofwar.extract.referents import is_pronoun, noun_phrase, phrase_side
from fogofwar.model import Subject

_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_CONSIST_OF = lexicon.word_set("ownership", "consist_of")


def force_holder_by_parse(
    parsed: Any, start: int, end: int, sides: SideIndex, claimant_side: int | None
) -> Subject | None:
    """The party that has, gathers or sends the force a figure counts when the holder is a
    pronoun ("They gathered about 1,000 fighters", "they consisted of 200 men": the party "they"
    stands for, named before); None otherwise."""
    anchor = figure_anchor(parsed, start, end)
    if anchor is None:
        return None
    role, verb = governor(anchor)
    holder_verbs = lexicon.FORCE_VERBS_OBJECT | lexicon.FORCE_PART_VERBS
    if role in ("dobj", "attr") and verb.lemma_.lower() in holder_verbs:
        holder = verb
    elif role == "pobj" and verb.lower_ == "of" and verb.head.lemma_.lower() in _CONSIST_OF:
        holder = verb.head
    else:
        return None
    subject = next((c for c in holder.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.lower_ in WE or is_pronoun(subject)):
        return None
    if subject.lower_ == "it":
        side = _it_side(subject, sides, claimant_side)
    else:
        side = side_of([subject], sides, claimant_side)
    return Subject(side=side) if side is not None else None


def _it_side(pronoun: Any, sides: SideIndex, claimant_side: int | None) -> int | None:
    """The side "it" stands for: the last singular subject before it in its sentence that is
    no person ("Y wrote that it comprised 42 guns" is not Y's); the speaker's side when that
    subject is the speaker of the clause "it" is in ("X announced that it had sent hundreds
    of fighters"); None when nothing tells."""
    for token in reversed(pronoun.doc[: pronoun.i]):
        if token.dep_ not in _SUBJECT_DEPS or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if token.tag_ in ("NNS", "NNPS") or entity_type(token) == "PERSON":
            continue
        side = phrase_side(noun_phrase(token), sides)
        if side is None and token.head in pronoun.ancestors:
            return claimant_side
        return side
    return None
