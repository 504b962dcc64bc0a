"""Force sizes and stated counts, read off spaCy's dependency parse (DESIGN.md, "Prose by syntax").

Two readings of a figure that no loss predicate governs:

- a **count stated of a noun** by a verb: "the garrison numbered 3,000", "government fatalities
  numbered 93", "the number of refugees had reached 60,000", "ISIL had increased its forces to
  4,000": the figure counts the verb's subject (or the noun a count noun is "of"), and that noun
  says the kind (a force -> strength, "fatalities" -> killed, "refugees" -> displaced);
- a **force**: a noun of the people a force is counted in ("men", "cavalry", "pikemen"), or
  materiel, governed by a verb that states or moves a force ("had", "sent", "crossed"), by a
  formation it is "of" ("an army of 20,000 men"), or as the agent of a passive ("defended by
  700 soldiers").

:func:`force_owner` gives the words that say whose force it is (the subject of "had", the
possessor of "army"), for the owner stage. The word lists are data (``data/lexicon/forces.toml``).
"""

from __future__ import annotations

from typing import Any

from fogofwar.extract import lexicon
from fogofwar.extract.losses import Loss, classify_after
from fogofwar.extract.narrative_forces import (
    clause_owner,
    formation_count,
    no_force_materiel,
    of_owner,
    told_in_narrative,
)
from fogofwar.extract.syntax import anchor_of, of_object, token_at

_RELATIVE = frozenset({"who", "which", "that", "whom"})
_SUBJECTS = ("nsubj", "nsubjpass")
_MAX_OWNER_TOKENS = 8
_MAX_HOPS = 5
_LIST_MARKS = frozenset({":", ";", "/", "-", "–", "—"})
_MODIFIERS = frozenset({"amod", "compound", "acl"})  # "registered Cossacks": no verb of a clause


def count_by_syntax(parsed: Any, start: int, end: int) -> Loss | None:
    """The kind of a bare figure a verb states as the count of a noun, or None."""
    number = token_at(parsed, start, end)
    if number is None or anchor_of(number).i != number.i:
        return None
    counted = _stated_count_of(number)
    if counted is None:
        return None
    phrase = _phrase(counted)
    # "the number of executed soldiers", "of those killed", "of residents displaced": what
    # befell the counted noun, told before the figure, says a loss first
    told = [t.text for t in counted.subtree if t.i < number.i and t.i >= counted.left_edge.i]
    loss = classify_after(" " + " ".join(told[:_MAX_OWNER_TOKENS]))
    if loss is not None and loss.kind != "strength":
        return loss
    if _is_force(counted) or lexicon.UNIT_NOUN.fullmatch(counted.text) or _party(counted):
        return Loss("strength", phrase, None, -1, -1)
    return None


def _party(noun: Any) -> bool:
    """ "the number of Zentari": a party named in the singular, counted as a force."""
    of = noun.head
    return (
        noun.tag_ == "NNP"
        and noun.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.lemma_.lower() in lexicon.COUNT_NOUNS
    )


def force_by_syntax(parsed: Any, start: int, end: int) -> Loss | None:
    """A force size: the figure counts a force noun (or materiel) a force predicate governs."""
    number = token_at(parsed, start, end)
    if number is None:
        return None
    noun = anchor_of(number)
    counted = of_object(noun) or noun
    what = _materiel(counted)
    if counted.i == number.i:
        if not _of_a_formation(number):  # "an assault force of 9,000": a formation says so
            return _part_named_force(number)
    elif _is_arms(counted):  # "25,000 rifles / 3,000 horses": men, only in an order of battle
        if not (_verbless(number) or _of_a_formation(_climb(counted))):
            return None
    elif not _is_force(counted) and what is None:
        formation = formation_count(number, counted, _phrase(counted))
        return None if formation is None else Loss("strength", formation, formation, -1, -1)
    if what is not None and no_force_materiel(counted):
        return None  # "armed with eight guns", "two bridges", "three missiles": no force
    top = _climb(number if counted.head.head.i == number.i else counted)
    if not (
        _governed_as_force(top, what is None)
        or _owned(counted)
        or _verbless(number)
        or (counted.i != number.i and told_in_narrative(number, counted))
    ):
        return None
    return Loss("strength", _phrase(counted) if counted.i != number.i else "", what, -1, -1)


def _part_named_force(number: Any) -> Loss | None:
    """ "of which 112 were heavy cavalry", "there were also 2,000 Cossacks": a bare figure the
    verb "be" says is a force noun, or a force noun "there were"."""
    head = number.head
    if number.dep_ != "nsubj" or head.lemma_.lower() != "be":
        return None
    attr = next((c for c in head.children if c.dep_ == "attr"), None)
    if attr is None or not _is_force(attr):
        return None
    return Loss("strength", _phrase(attr), None, -1, -1)


def _owned(noun: Any) -> bool:
    """ "Kempt's 1,900 men", "his remaining 90 men": a force its possessor has."""
    return any(c.dep_ == "poss" for c in noun.children)


def _list_mark(token: Any) -> bool:
    """A mark between list items: ":", ";", "/", or a dash standing free ("Regiment - 3,220"),
    not the hyphen inside a word ("T-72s", "live-streamed")."""
    if token.text not in _LIST_MARKS:
        return False
    free = token.i == 0 or bool(token.doc[token.i - 1].whitespace_)
    return token.text in (":", ";", "/") or free


def _verbless(number: Any) -> bool:
    """A figure in a list line with no verb at all, as in an order of battle ("Right wing: 3,800
    rifles / 18 guns", "First Regiment - 3,220 cossacks"): a count of a force by its form. A
    line that ends as a sentence does, or has no mark of a list, is no such line."""
    sent = number.sent
    marks = [t.i for t in sent if _list_mark(t)]
    start = max((i for i in marks if i < number.i), default=sent.start - 1) + 1
    end = min((i for i in marks if i > number.i), default=sent.end)
    segment = sent.doc[start:end]  # the item of the list the figure is in
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in _MODIFIERS for t in segment):
        return False
    return bool(marks) or sent.text.rstrip()[-1:] not in ".!?"


def force_owner(parsed: Any, start: int, end: int) -> str | None:
    """The words that say whose force a figure counts: the subject of "had" or "sent", the
    possessor or modifiers of the formation it is "of"; None when the parse names nobody."""
    number = token_at(parsed, start, end)
    if number is None:
        return None
    noun = anchor_of(number)
    top = _climb(of_object(noun) or noun)
    head = top.head
    if top.dep_ == "pobj" and head.lower_ == "of" and lexicon.UNIT_NOUN.fullmatch(head.head.text):
        formation = head.head
        mods = [c for c in formation.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
        if mods:
            return " ".join(t.text for t in [*mods, formation])
        top, head = _climb(formation), formation.head
    if top.dep_ in ("dobj", "attr", "appos") and head.pos_ in ("VERB", "AUX"):
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in _RELATIVE:
            words = list(subject.subtree)
            if len(words) <= _MAX_OWNER_TOKENS:
                return " ".join(t.text for t in words)
    # "boats of the Italian navy"; "the army advanced, supported by 300 aircraft"
    return of_owner(of_object(noun) or noun) or clause_owner(top)


def _stated_count_of(number: Any) -> Any:
    """The noun whose count a verb states the figure to be, or None."""
    verb = _count_verb(number)
    if verb is None:
        return None
    counted = next((c for c in verb.children if c.dep_ == "dobj" and c.i != number.i), None)
    if counted is None:
        counted = _subject_of(verb)
    if counted is not None and counted.lower_ in _RELATIVE and verb.dep_ == "relcl":
        counted = verb.head  # "their wounded, who numbered 700"
    if counted is not None and counted.lemma_.lower() in lexicon.COUNT_NOUNS:
        counted = of_object(counted) or _of_child(counted) or _toll_of(counted)
    elif verb.lemma_.lower() == "be":
        return None  # "is at 2,500" states a count only of "the number", "the toll"
    return counted


def _count_verb(number: Any) -> Any:
    """The verb that states a figure as a count: "numbered 3,000", "reached 60,000", "reduced
    to 1,000", "placed ... at 200,000" even where the parse hangs "at" on a participle of the
    counted noun ("the number of residents displaced ... at 200,000"); None for any other."""
    role, head = number.dep_, number.head
    if role in ("dobj", "attr", "npadvmod") and head.lemma_.lower() in lexicon.COUNT_VERBS:
        return head
    if role != "pobj" or head.lower_ not in ("to", "at", "from"):
        return None
    governor = head.head
    for _ in range(_MAX_HOPS):
        lemma = governor.lemma_.lower()
        verb = governor.pos_ in ("VERB", "AUX")
        direct = governor is head.head
        stated = lemma in lexicon.COUNT_TO_VERBS or (verb and direct and lemma == "be")
        if stated and (verb or direct):  # "an increase to 500" too
            return governor
        if verb and governor.dep_ != "acl":
            return None  # the figure belongs to a clause of another verb
        if governor.head.i == governor.i:
            return None
        governor = governor.head
    return None


def _subject_of(verb: Any) -> Any:
    """The subject of a verb; of a clause standing as its subject ("the number ... deployed
    there had increased"), that clause's; of a second verb with none of its own ("... holed up
    and had been reduced to"), the first verb's."""
    for candidate in (verb, verb.head if verb.dep_ == "conj" else None):
        if candidate is None:
            continue
        subject = next((c for c in candidate.children if c.dep_ in (*_SUBJECTS, "csubj")), None)
        if subject is not None and subject.pos_ in ("VERB", "AUX"):
            return next((c for c in subject.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return subject
    return None


def _of_child(noun: Any) -> Any:
    """What a count noun is "of": "refugees" of "the number of refugees"."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of else None


def _toll_of(noun: Any) -> Any:
    """The noun that says what a toll counts ("death toll"): its compound, else None."""
    return next((c for c in noun.children if c.dep_ == "compound"), None)


def _climb(token: Any) -> Any:
    """The head of the list or apposition a noun stands in ("6,000 infantry and 2,000 cavalry")."""
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    return token


def _governed_as_force(top: Any, people: bool = True) -> bool:
    """Whether the noun phrase ``top`` is a force by its place: the object of "had" or "sent",
    the subject of "crossed", "of" a formation, the agent of "defended by", "reduced to"."""
    role, head = top.dep_, top.head
    lemma = head.lemma_.lower()
    if role in ("nsubj", "nsubjpass") and lemma in lexicon.RAISING_VERBS:
        return _complement_is_force(head)  # "were estimated to be left in the town"
    if role == "dobj" and lemma in lexicon.FORCE_PART_VERBS:
        return _formation_subject(head)  # "this army included 1,000 cavalry"
    if role == "dobj" or role == "nsubjpass":
        return lemma in lexicon.FORCE_VERBS_OBJECT
    if role == "attr" and lemma == "be" and any(c.dep_ == "expl" for c in head.children):
        return True  # "there were also 2,000 Cossacks"
    if role == "nsubj":
        return lemma in lexicon.FORCE_VERBS_SUBJECT or lemma in lexicon.FORCE_VERBS_OBJECT
    if role == "pobj":
        return _force_preposition(head, people)
    return role == "attr" and lemma == "be" and _subject_is_formation(head)


def _complement_is_force(verb: Any) -> bool:
    """The complement of a verb of report states a force ("to be left", "to number")."""
    for child in verb.children:
        if child.dep_ == "xcomp":
            lemma = child.lemma_.lower()
            return lemma in lexicon.FORCE_VERBS_OBJECT or lemma in lexicon.FORCE_VERBS_SUBJECT
    return False


def _force_preposition(prep: Any, people: bool = True) -> bool:
    """ "an army of", "consisting of", "defended by", "reduced to", "arrived with"."""
    word, governor = prep.lower_, prep.head
    lemma = governor.lemma_.lower()
    if word == "of":  # "an army of", "consisting of", "a total of 33,000 Cossacks"
        return (
            bool(lexicon.UNIT_NOUN.fullmatch(governor.text))
            or lemma in ("consist", "comprise")
            or (people and lemma in lexicon.COUNT_NOUNS)
        )
    if word == "by":
        return lemma in lexicon.FORCE_VERBS_AGENT
    if word in ("to", "at"):  # "reduced to 18 men", "the allied forces at 20,000 fighters"
        return lemma in lexicon.COUNT_TO_VERBS or bool(lexicon.UNIT_NOUN.fullmatch(governor.text))
    if word == "with":  # "attacked with 3,000 cavalry"; materiel of a force: "sailed with 12 ships"
        force_verb = lemma in lexicon.FORCE_VERBS_SUBJECT or lemma in lexicon.FORCE_VERBS_OBJECT
        verb = governor.pos_ in ("VERB", "AUX") and (people or force_verb)
        return verb or bool(lexicon.UNIT_NOUN.fullmatch(governor.text))
    return False


def _of_a_formation(number: Any) -> bool:
    """A bare figure "of" a formation: "an initial assault force of 9,000"."""
    head = number.head
    return (
        number.dep_ == "pobj"
        and head.lower_ == "of"
        and bool(lexicon.UNIT_NOUN.fullmatch(head.head.text))
    )


def _formation_subject(verb: Any) -> bool:
    """The verb's subject (or the noun a relative clause is on) is a formation or a force:
    "the army included", "80,000 soldiers, which included"."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
        subject = verb.head
    if subject is None and verb.dep_ in ("relcl", "acl"):
        subject = verb.head
    return subject is not None and (
        _is_force(subject) or bool(lexicon.UNIT_NOUN.fullmatch(subject.text))
    )


def _subject_is_formation(verb: Any) -> bool:
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and bool(lexicon.UNIT_NOUN.fullmatch(subject.text))


def _is_force(noun: Any) -> bool:
    return bool(lexicon.FORCE_NOUN.fullmatch(noun.text))


def _is_arms(noun: Any) -> bool:
    return bool(lexicon.ARMS_NOUN.fullmatch(noun.text))


def _materiel(noun: Any) -> str | None:
    """What a materiel item of a force is ("tanks", "guns"), or None for people."""
    m = lexicon.VEHICLE_NOUN.fullmatch(noun.text) or lexicon.EQUIPMENT_NOUN.fullmatch(noun.text)
    return m.group(0) if m else None


def _phrase(noun: Any) -> str:
    """The counted noun with its modifiers ("ISIL militants", "German-style cavalry")."""
    words = [t for t in noun.lefts if t.dep_ in ("compound", "amod", "nmod", "poss")] + [noun]
    return " ".join(t.text for t in words)
