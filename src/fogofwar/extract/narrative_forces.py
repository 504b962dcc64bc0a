"""Force sizes told in narrative with any verb or none, read off spaCy's parse.

Older battle articles tell a force's size as they tell the battle: "the noise of 1,034 guns",
"400 men waded the river", "some 60 aircraft bombed the station", "an engagement between a
cruiser and seven torpedo boats", "five divisions were guarding the corridor". No force verb,
possessor or formation marks them; what marks them is the noun the figure counts (a person of a
force, materiel, a formation counted) and that nothing befalls it (a loss predicate is read
first, in ``syntax.loss_by_syntax``). What stays out: a number after its noun ("Luftflotte 4",
a designator), a ship's armament ("armed with eight guns"), people the clause tells what became
of after the fight (rescued, survived, escaped, released: benchmarks/ANNOTATION.md), and nouns of
no force (distances, populations). Whose force it is comes from the clause that has it
(:func:`clause_owner`); a figure nobody owns is dropped by the owner stage.
"""

from __future__ import annotations

import re
from typing import Any

from fogofwar.extract import lexicon
from fogofwar.extract.lexicon import SYNTAX_NOUN_OF, SYNTAX_VERB_OBJECT

_VERBS = ("VERB", "AUX")
_SUBJECTS = ("nsubj", "nsubjpass")
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_MAX_HOPS = 6
_MAX_OWNER_TOKENS = 8


def _words(section: str) -> frozenset[str]:
    return lexicon.word_set("forces", section)


_FORMATION = re.compile(
    r"(?:^|\s)(?:{})$".format("|".join(sorted(_words("formation_counts")))), re.IGNORECASE
)


_NOT_FORCE_MATERIEL = re.compile(
    r"(?:{})".format("|".join(sorted(_words("not_force_materiel")))), re.IGNORECASE
)


def told_in_narrative(number: Any, counted: Any) -> bool:
    """Whether ``number`` states the size of the force ``counted`` (a force noun or materiel)
    with whatever verb the sentence has, or none."""
    if number.i > counted.i or number.dep_ not in ("nummod", "compound", "quantmod"):
        return False  # "Luftflotte 4", "Task Force 58": a designator
    if number.lower_ in ("one", "1"):
        return False  # "one border guard live-streamed the attack"
    if governing_verb(counted) is None or _under_loss(counted):
        return False  # a fragment; "lost ... as well as 67 trucks": losses, read elsewhere
    return not befell_after(counted)


def _under_loss(noun: Any) -> bool:
    """A loss verb or noun over the noun phrase up to its clause's verb ("Russia lost seven
    tanks as well as 67 trucks", "claimed the destruction of ... seven trucks")."""
    token = noun
    for _ in range(_MAX_HOPS):
        if token.head.i == token.i:
            return False
        below, token = token, token.head
        lemma = token.lemma_.lower()
        if token.pos_ in _VERBS:  # "three armoured cars hit the checkpoint": the agent
            return lemma in SYNTAX_VERB_OBJECT and below.dep_ != "nsubj"
        if lemma in SYNTAX_NOUN_OF:
            return True
    return False


def befell_after(noun: Any) -> bool:
    """The clause of the noun, or a relative clause on it, tells what became of its people after
    the fight ("92 sailors were rescued", "the 40 soldiers who escaped")."""
    verb = governing_verb(noun)
    verbs = [verb, *(c for c in noun.children if c.dep_ in ("relcl", "acl"))]
    if verb is not None:  # "were known to have escaped"
        verbs += [c for c in verb.children if c.dep_ == "xcomp"]
    return any(v is not None and v.lemma_.lower() in _words("aftermath_verbs") for v in verbs)


def no_force_materiel(counted: Any) -> bool:
    """Materiel that is no part of a force: infrastructure ("two bridges"), munitions, civilian
    transport, and a vehicle's armament ("armed with eight guns", "mounting two cannons")."""
    while counted.dep_ == "compound" and counted.head.i != counted.i:
        counted = counted.head  # "three Kh-31D missiles": the phrase's head says what
    if _NOT_FORCE_MATERIEL.fullmatch(counted.text):
        return True
    if lexicon.EQUIPMENT_NOUN.fullmatch(counted.text) is None:
        return False
    verb = governing_verb(counted)
    return verb is not None and verb.lemma_.lower() in _words("armament_verbs")


def formation_count(number: Any, counted: Any, phrase: str) -> str | None:
    """ "five divisions", "three ski brigades": a count of formations committed is a force
    size; the formation it counts, or None (a designator, a singular, no formation)."""
    if number.i > counted.i or number.dep_ not in ("nummod", "compound"):
        return None
    if counted.tag_ != "NNS" or not _FORMATION.search(phrase):
        return None
    return None if befell_after(counted) else phrase


def governing_verb(noun: Any) -> Any:
    """The verb whose clause the noun phrase stands in (through lists, prepositions and the
    nouns they hang on), or None for a phrase with no verb."""
    token = noun
    for _ in range(_MAX_HOPS):
        if token.head.i == token.i:
            return token if token.pos_ in _VERBS else None
        token = token.head
        if token.pos_ in _VERBS:
            return token
    return None


def clause_owner(noun: Any) -> str | None:
    """Whose force a noun phrase is, by the clause that has it: the subject of the verb that
    has, uses or brings it ("the Germans used ... three light divisions", "the army began its
    drive, supported by 300 aircraft"), climbing participles and the nouns they qualify to the
    clause's subject; None when the force is what the clause acts on ("attacked 500 soldiers")."""
    token = noun
    for _ in range(_MAX_HOPS):
        head = token.head
        if head.i == token.i:
            return None
        if head.pos_ in _VERBS:
            if not _had_by_subject(token, head):
                return None
            subject = next((c for c in head.children if c.dep_ in _SUBJECTS), None)
            if subject is not None and subject.lower_ not in _RELATIVE:
                words = list(subject.subtree)
                return " ".join(t.text for t in words) if len(words) <= _MAX_OWNER_TOKENS else None
            if head.dep_ not in ("advcl", "acl", "xcomp", "conj", "prep"):
                return None
        token = head
    return None


def _had_by_subject(token: Any, verb: Any) -> bool:
    """The force ``token`` stands under ``verb`` as what its subject has or brings: its object
    of a verb of having or sending, "with" or "including" it, the agent of "supported by"."""
    lemma = verb.lemma_.lower()
    if token.dep_ == "pobj":  # "including three divisions" (a preposition spaCy tags VERB)
        return lemma in lexicon.FORCE_PART_VERBS
    if token.dep_ in ("dobj", "attr"):
        return lemma in lexicon.FORCE_VERBS_OBJECT or lemma in lexicon.FORCE_PART_VERBS
    if token.dep_ in ("prep", "agent"):
        word = token.lower_
        if word == "by":
            return lemma in _words("support_verbs")
        return word in ("with", "including") or lemma in ("include", "equip")
    # a participle or clause under the verb: its subject is the owner's
    return token.dep_ in ("advcl", "acl", "xcomp", "conj")


_FORCE_HEADING = re.compile(
    r"\b(?:{})\b".format("|".join(sorted(_words("force_headings")))), re.IGNORECASE
)


def names_a_force(section: str) -> bool:
    """A heading an order of battle or a side's forces are told under ("Polish forces", "Soviet
    preparations", "German order of battle"): its side owns the force sizes no clause owns."""
    return bool(lexicon.FORCE_WORD.search(section) or _FORCE_HEADING.search(section))


def of_owner(noun: Any) -> str | None:
    """ "seven torpedo boats and destroyers of the Italian navy", "the last three ships of the
    German flotilla": the formation or state a force is "of", on the noun or its list's head."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    for token in (noun, *(c for c in noun.children if c.dep_ == "conj")):
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if owner is not None:
            words = list(owner.subtree)
            if len(words) <= _MAX_OWNER_TOKENS:
                return " ".join(t.text for t in words)
    return None
