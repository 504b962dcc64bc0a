"""Reporting verbs in spaCy's parse and the words of their speakers: "X said", "reported by
X", the claimant name without its clauses, whether a speaker is a pronoun."""

from __future__ import annotations

import re
from typing import Any

from fogofwar.extract import lexicon
from fogofwar.extract.attribution import appositive_person
from fogofwar.extract.parsing import entity_type


def has_speaker_verb(parsed: Any) -> bool:
    """True when a reporting verb of the parsed sentence has a speaker: the sentences whose
    speakers are read with their named entities (``parsing.parse_sentences``)."""
    return bool(reporting_verbs(parsed))


def reporting_verbs(parsed: Any) -> list[tuple[Any, Any]]:
    """(verb, speaker) for every reporting verb with a speaker: "X said", "reported by X"."""
    out: list[tuple[Any, Any]] = []
    for tok in parsed:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in lexicon.REPORTING_LEMMAS:
            continue
        own_subject = any(c.dep_ == "nsubj" for c in tok.children)
        if tok.dep_ in ("acl", "amod", "pcomp") and not own_subject:
            continue  # "soldiers accused of abuses": a participle, nobody speaking
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "the monitoring group the QMG put": a description and a name both parsed as subjects
        named = [c for c in subjects if c.pos_ == "PROPN"]
        subj = named[-1] if len(subjects) > 1 and named else next(iter(subjects), None)
        if subj is None and tok.dep_ == "conj":
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is None and tok.dep_ in ("xcomp", "advcl", "relcl"):
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.dep_ == "nsubjpass" and _quoted_as_saying(tok):
            out.append((tok, subj))  # "X was quoted as saying": X speaks
            continue
        if subj is None or subj.dep_ == "nsubjpass":
            agent = _agent(tok)
            if agent is None:
                continue  # "37 were reported killed": no speaker
            subj = agent
        out.append((tok, subj))
    return out


def _quoted_as_saying(verb: Any) -> bool:
    """ "was quoted as saying", "was cited as stating": a passive whose subject speaks."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "as"
        and any(g.lemma_.lower() in lexicon.REPORTING_LEMMAS for g in c.children)
        for c in verb.children
    )


def proper_name_before(verb: Any) -> str:
    """The run of proper nouns right before a verb ("By mid-June, The United Nations stated")."""
    words: list[str] = []
    tok = verb.i - 1
    doc = verb.doc
    while tok >= 0 and (doc[tok].pos_ == "PROPN" or (words and doc[tok].lower_ in ("of", "for"))):
        words.insert(0, doc[tok].text)
        tok -= 1
    while words and words[0].lower() in ("of", "for"):
        words.pop(0)
    return " ".join(words)


def _agent(verb: Any) -> Any:
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def subject_text(token: Any) -> tuple[str, str, bool]:
    """The claimant name (without appositions or clauses), its full phrase, and if a person;
    a person named in apposition to a description speaks ("One of the senior X commanders, Y,
    wrote"), the description standing as the context that tells the side."""
    named = appositive_person(token)
    if named is not None:
        return named, " ".join(t.text for t in token.subtree), True
    cut = {"appos", "relcl", "acl", "punct", "advcl", "prep"}
    keep: list[Any] = []
    head_i = token.i

    def walk(t: Any) -> None:
        keep.append(t)
        for c in t.children:
            keep_prep = (
                c.dep_ == "prep"
                and c.i > head_i
                and c.text.lower() in ("of", "for")
                and t.i == head_i
            )
            # "the activist group LCC": a name right after its description is the name
            keep_name = (
                c.dep_ == "appos"
                and c.pos_ == "PROPN"
                and (
                    c.left_edge.i == t.i + 1  # "the spokesman Jo-Ar Herrera": a name of parts
                    or (c.left_edge.i == t.i + 2 and t.doc[t.i + 1].dep_ == "det")
                )
            )
            if c.dep_ in cut and not (keep_prep or keep_name):
                continue
            walk(c)

    walk(token)
    keep.sort(key=lambda t: t.i)
    words = [
        t for t in keep if not (t.dep_ == "det" and (t.i == keep[0].i or t.head.dep_ == "appos"))
    ]
    name = "".join(
        t.text_with_ws if j + 1 < len(words) and words[j + 1].i == t.i + 1 else t.text + " "
        for j, t in enumerate(words)
    ).strip()
    context = " ".join(t.text for t in token.subtree)
    person = entity_type(token) == "PERSON" or any(
        entity_type(t) == "PERSON" and t.head.i == token.i for t in keep
    )
    if person:
        ents = [t for t in keep if entity_type(t) == "PERSON"]
        if ents:
            name = _person_words(ents)
            name = re.sub(r"\s*['’]s$", "", name)  # "Vadym Boychenko's advisor"
    return name, context, person


def is_pronoun(token: Any, name: str) -> bool:
    return (
        token.pos_ == "PRON"
        or name.lower() in lexicon.PRONOUN_CLAIMANTS
        or (
            f"the {name.lower()}" in lexicon.PRONOUN_CLAIMANTS
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        )
        or name.lower() in ("this", "these")
    )


def _person_words(ents: list[Any]) -> str:
    """A person's name as written ("Haider al-Abadi", not "Haider al - Abadi"): the span of
    its tokens when only hyphens or dots come between them, else the tokens themselves."""
    span = ents[0].doc[ents[0].i : ents[-1].i + 1]
    if all(t in ents or t.text in ("-", "‐", ".") for t in span):
        return str(span.text)
    return " ".join(t.text for t in ents)
