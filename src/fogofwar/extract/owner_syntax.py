"""Whose losses a prose figure counts, read off spaCy's dependency parse when its own words name
nobody (DESIGN.md, "Prose by syntax"; ISSUE 6, item 4).

The figure -> the noun it counts -> the predicate that governs that noun -> the party the
predicate names:

- the subject of "lost", "suffered", "had ... killed" owns the losses ("the army lost 30 men");
- the subject of an inflicting verb ("rebels killed 12", "..., killing 12 soldiers") or the
  agent of its passive ("12 were killed by the rebels") is the other side: of two fighting
  sides, the victims are the one the agent is not;
- a possessor ("the army's 30 dead", "15 of the rebels' fighters") owns them, and so does the
  party a post-modifier of the counted noun names ("800 fighters loyal to X", "200 fighters
  from X");
- "among X" on the predicate names the group ("Among the Nigeriens, five were killed");
- losses "inflicted on X" are X's;
- the party a losses noun names owns the figure a verb puts it at ("Velmar losses were
  estimated at 3,000");
- of two coordinated figures ("35 A and four B fighters"), one a side's and the other naming a
  party no side's actor name uses, the second is the other side's.

The verbs are data (``data/lexicon/ownership.toml`` and the loss verbs of ``loss_words.toml``).
"""

from __future__ import annotations

from typing import Any

from fogofwar.extract import lexicon
from fogofwar.extract.actors import SideIndex
from fogofwar.extract.phrase_sides import WE as _WE
from fogofwar.extract.phrase_sides import side_of
from fogofwar.extract.referents import is_pronoun, noun_phrase
from fogofwar.model import Subject

_INFLICTING = lexicon.SYNTAX_VERB_OBJECT
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_CONTRAST_BLOCKERS = frozenset({"people", "persons", "others", "more", "civilians"})


def _lemmas(section: str) -> frozenset[str]:
    return lexicon.word_set("ownership", section)


def owner_by_parse(
    parsed: Any, start: int, end: int, sides: SideIndex, claimant_side: int | None
) -> Subject | None:
    """The owner of the losses a figure at character offsets [start, end) counts, when the parse
    tells; None when it does not."""
    anchor = figure_anchor(parsed, start, end)
    if anchor is None:
        return None
    rules = (
        _possessor,
        _modifier_owner,
        _inflicted_on,
        _predicate_owner,
        _among,
        _estimated_losses,
        _losses_subject,
        _contrast,
    )
    for rule in rules:
        found = rule(anchor, sides, claimant_side)
        if found is not None:
            return found
    return None


def named_owner_by_parse(
    parsed: Any, start: int, end: int, sides: SideIndex, claimant_side: int | None
) -> Subject | None:
    """The owner the parse names outright, the possessor or the subject of "lost" ("the
    Order's army lost 1,000 soldiers"): stronger than a role word ("soldiers") in the figure's
    own words, which only guesses at a side."""
    anchor = figure_anchor(parsed, start, end)
    if anchor is None:
        return None
    role, verb = governor(anchor)
    if role == "dobj" and verb.lemma_.lower() in _lemmas("own_loss_lemmas"):
        return _predicate_owner(anchor, sides, claimant_side)
    return _possessor(anchor, sides, claimant_side)


def stated_owner_by_parse(
    parsed: Any, start: int, end: int, sides: SideIndex, claimant_side: int | None
) -> Subject | None:
    """The owner the parse states outright for a figure without a noun of its own: the named
    owner, or the party losses are "inflicted on" ("and inflicted 470 casualties on X"); not
    the guess that a verb's victims are its agent's enemy."""
    named = named_owner_by_parse(parsed, start, end, sides, claimant_side)
    anchor = figure_anchor(parsed, start, end)
    if named is not None or anchor is None:
        return named
    return _inflicted_on(anchor, sides, claimant_side)


def figure_anchor(parsed: Any, start: int, end: int) -> Any | None:
    """The token the figure at [start, end) hangs from in the parse; None without a parse."""
    if parsed is None:
        return None
    inside = [t for t in parsed if start <= t.idx < end]
    return _anchor(inside[-1]) if inside else None


def _anchor(number: Any) -> Any:
    """The counted noun for "300 fighters"; the number itself when it stands alone."""
    if number.dep_ in ("nummod", "quantmod", "compound", "amod") and number.head.pos_ in (
        "NOUN",
        "PROPN",
        "ADJ",  # "the army's 40 dead"
    ):
        return number.head
    return number


def governor(anchor: Any) -> tuple[str, Any]:
    """The role of the counted noun and the predicate it fills, through coordination ("killed
    12 soldiers and 3 police": the police are the verb's object too)."""
    token = anchor
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_, token.head


def _subject_tokens(verb: Any) -> list[Any] | None:
    """The subject phrase of a verb, or of the clause it hangs from ("the rebels ambushed the
    convoy, killing 12": the rebels kill)."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None:
            if subject.dep_ == "nsubjpass" or subject.tag_ == "WDT":
                return None
            return noun_phrase(subject)
        if verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _other_side(side: int | None, sides: SideIndex) -> int | None:
    fighting = [s.side for s in sides.sides if s.actors]
    if side is None or len(fighting) != 2 or side not in fighting:
        return None
    return next(s for s in fighting if s != side)


def _victims_are_people_at_large(anchor: Any) -> bool:
    """ "killing seven people", "arrested hundreds of people": nobody can tell whose, whoever
    killed them."""
    of = next((c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = next((c for c in of.children if c.dep_ == "pobj"), anchor) if of else anchor
    return counted.lower_ in ("people", "persons") or bool(
        lexicon.CIVILIAN_NOUN.fullmatch(counted.text)
    )


def _predicate_owner(anchor: Any, sides: SideIndex, claimant_side: int | None) -> Subject | None:
    """The subject of "lost"/"suffered" owns the losses; the agent of "killed" inflicts them."""
    role, verb = governor(anchor)
    lemma = verb.lemma_.lower()
    if role == "dobj" and lemma in _lemmas("own_loss_lemmas") | _lemmas("have_losses"):
        if lemma in _lemmas("have_losses") and not _loss_participle(anchor, verb):
            return None
        subject = _subject_tokens(verb)
        side = side_of(subject, sides, claimant_side) if subject else None
        return Subject(side=side) if side is not None else None
    if _had_killed(role, verb):  # "the brigade had 58 killed": the parse's clause form
        subject = _subject_tokens(verb.head)
        side = side_of(subject, sides, claimant_side) if subject else None
        return Subject(side=side) if side is not None else None
    if lemma not in _INFLICTING or lemma in _lemmas("inflicted_not_adversary"):
        return None
    if _victims_are_people_at_large(anchor):
        return None
    agent: list[Any] | None = None
    if role == "dobj" and (struck := _struck_party(verb, sides, claimant_side)) is not None:
        return Subject(side=struck)
    if role == "dobj":
        agent = _subject_tokens(verb)
    elif role == "nsubjpass":
        by = _agent_of(verb)
        pobj = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
        agent = noun_phrase(pobj) if pobj is not None else None
    other = _other_side(side_of(agent, sides, claimant_side), sides) if agent else None
    return Subject(side=other) if other is not None else None


def _struck_party(participle: Any, sides: SideIndex, claimant_side: int | None) -> int | None:
    """ "a shell struck his group, killing 3 fighters", "X attacked Y's positions, killing 12":
    the victims of a participle are the side of the party its clause's verb struck, when that
    object names one."""
    verb = participle.head
    if participle.dep_ not in ("advcl", "xcomp") or participle.tag_ != "VBG" or verb is participle:
        return None
    struck = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if struck is None or struck.pos_ not in ("NOUN", "PROPN"):
        return None
    return side_of(noun_phrase(struck), sides, claimant_side)


def _agent_of(verb: Any) -> Any | None:
    """The "by" of a passive verb or of a verb coordinated with it ("were killed or wounded by
    the enemy's fire": the agent hangs from the second verb)."""
    for holder in (verb, *(c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN")):
        by = next((c for c in holder.children if c.dep_ == "agent"), None)
        if by is not None:
            return by
    return None


def _had_killed(role: str, verb: Any) -> bool:
    return (
        role in _SUBJECT_DEPS
        and verb.tag_ == "VBN"
        and verb.lemma_.lower() in _INFLICTING
        and verb.dep_ in ("ccomp", "xcomp")
        and verb.head.lemma_.lower() in _lemmas("have_losses")
    )


def _loss_participle(anchor: Any, verb: Any) -> bool:
    """ "had 158 killed": a loss participle on the counted noun or after it under "have"."""
    for token in (*anchor.children, *verb.children):
        if token.i > anchor.i and token.tag_ == "VBN" and token.lemma_.lower() in _INFLICTING:
            return True
    return False


def _possessor(anchor: Any, sides: SideIndex, claimant_side: int | None) -> Subject | None:
    """ "the army's 30 dead", "15 of the rebels' fighters": the possessor's losses."""
    counted = anchor
    of = next((c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if anchor.pos_ == "NUM" and of is not None:
        counted = next((c for c in of.children if c.dep_ == "pobj"), anchor)
    elif _counts_its_antecedent(anchor):
        counted = anchor.head.head  # "their wounded, who numbered 700"
    poss = next((c for c in counted.children if c.dep_ == "poss"), None)
    if poss is None or (poss.pos_ == "PRON" and poss.lower_ not in _WE and not is_pronoun(poss)):
        return None
    side = side_of(noun_phrase(poss) if poss.pos_ != "PRON" else [poss], sides, claimant_side)
    return Subject(side=side) if side is not None else None


def _modifier_owner(anchor: Any, sides: SideIndex, claimant_side: int | None) -> Subject | None:
    """ "800 fighters loyal to X", "200 fighters from X", "militiamen affiliated with X": the
    party a post-modifier of the counted noun names."""
    if anchor.pos_ not in ("NOUN", "PROPN"):
        return None
    for child in anchor.rights:
        prep: Any | None = None
        if child.dep_ in ("amod", "acl") and child.lemma_.lower() in _lemmas("owner_modifiers"):
            prep = next((c for c in child.children if c.dep_ == "prep"), None)
        elif child.dep_ == "prep" and child.lower_ == "from":
            prep = child
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        if pobj is not None:
            side = side_of(noun_phrase(pobj), sides, claimant_side)
            if side is not None:
                return Subject(side=side)
    return None


def _counts_its_antecedent(anchor: Any) -> bool:
    """ "the wounded, who numbered 700": the figure counts the noun the clause is about."""
    verb = anchor.head
    return (
        anchor.pos_ == "NUM"
        and anchor.dep_ in ("dobj", "attr")
        and verb.dep_ == "relcl"
        and verb.lemma_.lower() in _lemmas("count_verbs")
    )


def _among(anchor: Any, sides: SideIndex, claimant_side: int | None) -> Subject | None:
    """ "Among the Nigeriens, five were killed": the group named by "among" on the predicate."""
    if anchor.pos_ != "NUM" or anchor.dep_ not in _SUBJECT_DEPS:
        return None
    prep = next((c for c in anchor.head.children if c.dep_ == "prep" and c.lower_ == "among"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if pobj is None:
        return None
    side = side_of(noun_phrase(pobj), sides, claimant_side)
    return Subject(side=side) if side is not None else None


def _inflicted_on(anchor: Any, sides: SideIndex, claimant_side: int | None) -> Subject | None:
    """ "inflicted 470 casualties on the Osk army": the losses are the party's they are put on."""
    role, verb = governor(anchor)
    if role != "dobj" or verb.lemma_.lower() not in _lemmas("inflict_on"):
        return None
    for holder in (anchor, verb):
        prep = next((c for c in holder.children if c.dep_ == "prep" and c.lower_ in _ON), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        if pobj is not None:
            side = side_of(noun_phrase(pobj), sides, claimant_side)
            return Subject(side=side) if side is not None else None
    return None


_ON = frozenset({"on", "upon"})


def _estimated_losses(anchor: Any, sides: SideIndex, claimant_side: int | None) -> Subject | None:
    """ "Velmar losses were estimated at 3,000 men": the party the losses noun names."""
    token = anchor
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in _lemmas("estimate_prepositions"):
        return None
    verb = prep.head
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None or subject.lemma_.lower() not in _lemmas("loss_nouns"):
        return None
    side = side_of(noun_phrase(subject), sides, claimant_side)
    return Subject(side=side) if side is not None else None


_CLAUSE_EDGES = frozenset({"conj", "ccomp", "advcl", "relcl", "parataxis", "xcomp", "acl"})


def _losses_subject(anchor: Any, sides: SideIndex, claimant_side: int | None) -> Subject | None:
    """ "Ukrainian casualties ... are over 25 soldiers killed", "X losses were 300 killed": a
    losses noun naming a party, subject of the figure's own clause, before the figure."""
    token = anchor
    for _ in range(4):
        holder = token.head
        if holder is token:
            break
        heads = [holder, *(c for c in holder.children if c.pos_ == "AUX")]
        for subject in (c for h in heads for c in h.children if c.dep_ in _SUBJECT_DEPS):
            if subject.i < anchor.i and subject.lemma_.lower() in _lemmas("loss_nouns"):
                side = side_of(noun_phrase(subject), sides, claimant_side)
                return Subject(side=side) if side is not None else None
        if token.dep_ in _CLAUSE_EDGES and token is not anchor:
            break
        token = holder
    return None


def _contrast(anchor: Any, sides: SideIndex, claimant_side: int | None) -> Subject | None:
    """ "35 A and four B fighters": B, a party no side's name uses, against A's side."""
    names = _own_names(anchor)
    if not names or any(t.lower_ in _CONTRAST_BLOCKERS for t in names):
        return None
    if (
        side_of(names, sides, claimant_side) is not None
        or sides.resolve(" ".join(t.text for t in names)).civilian
    ):
        return None
    first = anchor
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    conjuncts = [first, *[t for t in first.subtree if t.dep_ == "conj" and t.head.i >= first.i]]
    known = {
        side
        for c in conjuncts
        if c is not anchor
        and (side := side_of(_own_names(c) or [c], sides, claimant_side)) is not None
    }
    if len(known) != 1:
        return None
    other = _other_side(known.pop(), sides)
    return Subject(side=other) if other is not None else None


def _own_names(noun: Any) -> list[Any]:
    """The proper names and capitalised adjectives a counted noun carries ("YPG fighters",
    "Kurdish fighters", "35 ISIL")."""
    names = [
        t
        for c in noun.lefts
        if c.dep_ in ("compound", "amod", "nmod")
        for t in c.subtree
        if t.text[:1].isupper() and (t.pos_ == "PROPN" or (t.pos_ == "ADJ" and not t.is_sent_start))
    ]
    if noun.pos_ == "PROPN":
        names.append(noun)
    return names
