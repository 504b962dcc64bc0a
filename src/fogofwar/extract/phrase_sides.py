"""Which fighting side a noun phrase of the parse names: "we" the speaker's, a third-person
pronoun the party named before it, "his soldiers" the side of whom "his" stands for, else the
phrase's own words (``referents.phrase_side``)."""

from __future__ import annotations

from typing import Any

from fogofwar.extract.actors import SideIndex
from fogofwar.extract.referents import is_pronoun, phrase_side, pronoun_side

WE = frozenset({"we", "our", "us"})


def side_of(words: Any, sides: SideIndex, claimant_side: int | None) -> int | None:
    """The fighting side a phrase (a span or token subtree) names; "we" is the speaker's, "they"
    the party named before it."""
    tokens = list(words)
    if len(tokens) == 1 and tokens[0].lower_ in WE:
        return claimant_side
    if len(tokens) == 1 and is_pronoun(tokens[0]):
        return pronoun_side(tokens[0], sides)
    possessor = _pronoun_possessor(tokens)
    if possessor is not None:  # "his soldiers": whose the possessor is, not "soldiers" alone
        side = side_of([possessor], sides, claimant_side)
        if side is not None:
            return side
    return phrase_side(tokens, sides)


def _pronoun_possessor(tokens: list[Any]) -> Any | None:
    """The possessive pronoun of a phrase's head ("his" of "his soldiers", "our" of "our
    units"), or None."""
    heads = [t for t in tokens if t.head not in tokens or t.head is t]
    if len(heads) != 1:
        return None
    return next(
        (
            c
            for c in heads[0].children
            if c.dep_ == "poss" and c in tokens and (c.lower_ in WE or is_pronoun(c))
        ),
        None,
    )
