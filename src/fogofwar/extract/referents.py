"""Who a pronoun owner stands for ("they had suffered 15 killed", "their wounded", "he had 80
cohorts"): the last party named as a clause subject before the pronoun in its sentence, else the
last one of the sentence before in the same paragraph. A noun phrase that names no side by its
own words is the side of the party it is "of" ("the 3rd Brigade of the Northland army").

The sentence before's party travels on the parse as ``doc.user_data["referent_before"]`` (set by
:func:`carry_referent`, read by :func:`pronoun_side`), so the ownership rules read it with the
rest of the parse.
"""

from __future__ import annotations

from typing import Any

from fogofwar.extract import lexicon
from fogofwar.extract.actors import SideIndex

_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_PLURAL_TAGS = ("NNS", "NNPS")
_KEY = "referent_before"


def _pronouns(section: str) -> frozenset[str]:
    return lexicon.word_set("ownership", section)


def noun_phrase(token: Any) -> list[Any]:
    """A noun with its modifiers, without clauses or appositions hanging from it."""
    cut = {"relcl", "acl", "appos", "advcl", "punct", "prep", "cc", "conj"}
    out = [token]
    for child in token.children:
        if child.dep_ not in cut:
            out.extend(child.subtree)
    return sorted(out, key=lambda t: t.i)


def phrase_side(tokens: list[Any], sides: SideIndex) -> int | None:
    """The fighting side a noun phrase names; failing its own words, the side of what its head
    is "of" ("the 3rd Brigade of the Northland army")."""
    text = " ".join(t.text for t in tokens if t.dep_ not in ("relcl", "appos"))
    found = sides.resolve(text)
    if found.side is not None or found.civilian or not tokens:
        return None if found.civilian else found.side
    head = next((t for t in tokens if t.head not in tokens or t.head is t), tokens[0])
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return phrase_side(noun_phrase(pobj), sides) if pobj is not None else None


def is_pronoun(token: Any) -> bool:
    return token.lower_ in _pronouns("third_person_pronouns")


def pronoun_side(pronoun: Any, sides: SideIndex) -> int | None:
    """The side a third-person pronoun stands for; None when no party comes before it."""
    doc = pronoun.doc
    for token in reversed(doc[: pronoun.i]):
        side = _subject_side(token, sides)
        if side is not None and _agrees(pronoun, token):
            return side
    before = doc.user_data.get(_KEY)
    return before if isinstance(before, int) else None


def _agrees(pronoun: Any, antecedent: Any) -> bool:
    """ "he", "his", "it" stand for one: not for a plural noun."""
    if pronoun.lower_ in _pronouns("singular_pronouns"):
        return antecedent.tag_ not in _PLURAL_TAGS
    return True


def _subject_side(token: Any, sides: SideIndex) -> int | None:
    if token.dep_ not in _SUBJECT_DEPS or token.pos_ not in ("NOUN", "PROPN"):
        return None
    return phrase_side(noun_phrase(token), sides)


def carry_referent(parsed: Any, sides: SideIndex, carried: int | None) -> int | None:
    """Put the party ``carried`` from the sentence before on the parse; return the party this
    sentence leaves for the next (its last subject naming a side, else ``carried``)."""
    if parsed is None:
        return carried
    parsed.user_data[_KEY] = carried
    for token in reversed(parsed):
        side = _subject_side(token, sides)
        if side is not None:
            return side
    return carried
