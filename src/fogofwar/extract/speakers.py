"""Who speaks in a sentence of prose: reporting verbs and their subjects, "according to X",
"X's report", pronouns carried from the sentence before; the stance and date of each statement."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from fogofwar.extract import lexicon
from fogofwar.extract.actors import SideIndex
from fogofwar.extract.attribution import appositive_person, make_claimant
from fogofwar.extract.dates import find_dates
from fogofwar.extract.parsing import entity_type
from fogofwar.extract.referents import carry_referent
from fogofwar.extract.sentences import Sentence
from fogofwar.model import Claim, Claimant

_TITLES = ("Maj", "Gen", "Lt", "Col", "Capt", "Cpt", "Sgt", "Brig", "Adm", "Cmdr", "Dr", "Mr", "Ms")
_AFTER_TITLE = "|".join(rf"(?<=\b{t})" for t in _TITLES)
_NOT_AFTER_TITLE = "".join(rf"(?<!\b{t})" for t in _TITLES)
_ACCORDING = re.compile(  # "according to Maj. Gen. A of B": a title's dot ends no name
    r"\b(?:according\s+to|as\s+(?:reported|claimed|stated)\s+by|per)\s+(?P<name>(?:the\s+)?"
    rf"(?:[^,;:.()]|\.(?=\w)|(?:{_AFTER_TITLE})\.\s(?=[A-Z])){{2,80}}?)"
    rf"(?=\s*(?:,|;|:|{_NOT_AFTER_TITLE}\.(?!\w)|\)|$|\s+(?:that|which|who|on\s+(?:\d|\w+day\b|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)|"
    r"in\s+\d|at\s+least|some|about|around|there|more|over|\d)))",
    re.IGNORECASE,
)
_POSSESSIVE_REPORT = re.compile(
    r"\b(?:in\s+)?(?P<name>(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4})(?:'s|’s)\s+"
    r"(?:report|statement|count|tally|figures?|estimate|data|press\s+release)\b"
)


_ALSO = re.compile(
    r"\b(?:also|additionally|further(?:more)?|moreover|in\s+addition)\b", re.IGNORECASE
)


@dataclass
class Attribution:
    """Who speaks in a sentence: the claimant, its reporting verb offset, the stance it implies."""

    claimant: Claimant | None
    verb_at: int = -1
    stance: str = "assert"
    said_on: str | None = None


@dataclass
class ProseState:
    """What carries from sentence to sentence inside a document: the last speaker, claims so far."""

    last_claimant: Claimant | None = None
    last_paragraph: int = -1
    last_sentence_claims: list[Claim] = field(default_factory=list)
    revising: set[str] = field(default_factory=set)
    claims: list[Claim] = field(default_factory=list)
    previous_subject: str | None = None  # the named subject opening the sentence before
    recent: list[tuple[int, Claimant]] = field(default_factory=list)  # (paragraph, speaker)
    referent: int | None = None  # the side last named as a clause subject (referents.py)
    referent_paragraph: int = -1
    referent_end: int = -1  # where the sentence that set it ends


_OPENING_NAME = re.compile(
    r"^(?:(?:On|By|In|Later|Meanwhile|However)[^,]{0,40},\s+)?(?:[Tt]he\s+)?"
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w'’.-]*){0,5})\s+"
    r"(?:had|has|have|was|were|is|are|said|stated|reported|claimed|[a-z]+ed)\b"
)


def opening_subject(text: str) -> str | None:
    """The named subject a sentence opens with ("The Philippine Marines had been able to ..."),
    the antecedent of a "they" in the next sentence; None when it opens otherwise."""
    m = _OPENING_NAME.match(text)
    if m is None:
        return None
    name = m.group("name")
    return name if plausible_claimant(name) and name.lower() not in _OBJECT_PRONOUNS else None


def attributions_of(
    sent: Sentence, parsed: Any, sides: SideIndex, state: ProseState, year: int | None
) -> list[Attribution]:
    """Every speaker of a sentence, in order: reporting verbs with their subjects, "according
    to X", "X's report", a pronoun carried from the sentence before. Never empty: a sentence
    nobody speaks in gets ``Attribution(None)`` (the encyclopedia's own voice)."""
    _carry_referent(sent, parsed, sides, state)
    found = _according_to(sent, sides, state, year)
    found += _verb_speakers(sent, parsed, sides, state, year, found)
    if not found:
        found = _possessive_report(sent.text, sides)
    if not found:
        found = _also_carried(sent, state)
    found.sort(key=lambda a: a.verb_at)
    state.recent.extend((sent.paragraph, a.claimant) for a in found if a.claimant is not None)
    del state.recent[:-8]
    return found or [Attribution(None)]


def _carry_referent(sent: Sentence, parsed: Any, sides: SideIndex, state: ProseState) -> None:
    """The party a pronoun of this sentence may stand for, carried inside a paragraph: the
    last one the parsed sentence before named, else the named subject the sentence just before
    opens with when that one was not parsed."""
    carried = state.referent if state.referent_paragraph == sent.paragraph else None
    if state.previous_subject and state.referent_end < sent.start - 2:
        opening = sides.resolve(state.previous_subject)
        if opening.side is not None and not opening.civilian:
            carried = opening.side
    state.referent = carry_referent(parsed, sides, carried)
    state.referent_paragraph = sent.paragraph
    state.referent_end = sent.end


def _according_to(
    sent: Sentence, sides: SideIndex, state: ProseState, year: int | None
) -> list[Attribution]:
    """ "according to X"; "according to him" is the last speaker's."""
    text, found = sent.text, []
    for m in _ACCORDING.finditer(text):
        name = _strip_det(m.group("name"))
        if name.lower() in _OBJECT_PRONOUNS:
            if state.last_claimant is not None and sent.paragraph - state.last_paragraph <= 1:
                found.append(Attribution(state.last_claimant, m.start(), _stance(text, None)))
            continue
        if plausible_claimant(name):
            claimant = make_claimant(name, sides)
            said_on = _said_on(text, m.start(), year)
            found.append(Attribution(claimant, m.start(), _stance(text, None), said_on))
    return found


def _verb_speakers(
    sent: Sentence,
    parsed: Any,
    sides: SideIndex,
    state: ProseState,
    year: int | None,
    found: list[Attribution],
) -> list[Attribution]:
    """The subjects of reporting verbs not already covered by an "according to"."""
    text, got = sent.text, list(found)
    for verb, subject in _reporting_verbs(parsed):
        if any(abs(a.verb_at - verb.idx) < 3 for a in got):
            continue
        stance = _stance(text, verb)
        name, context, person = _subject_text(subject)
        if not _is_pronoun(subject, name) and not plausible_claimant(name):
            name = context = _proper_name_before(verb)  # a misparse: the name before the verb
        if _is_pronoun(subject, name):
            claimant = _pronoun_referent(sent, state, sides, got, verb.idx, subject.lower_)
        elif (earlier := _named_before(subject, name, sent, state)) is not None:
            claimant = earlier  # "The Committee estimated": the committee named before
        elif name and plausible_claimant(name):
            claimant = make_claimant(name, sides, context, person)
        else:
            continue
        if claimant is not None:
            got.append(Attribution(claimant, verb.idx, stance, _said_on(text, verb.idx, year)))
    return got[len(found) :]


def _pronoun_referent(
    sent: Sentence,
    state: ProseState,
    sides: SideIndex,
    found: list[Attribution],
    at: int,
    pronoun: str = "",
) -> Claimant | None:
    """Who "he", "they" are: an earlier speaker of this sentence, else the last speaker of the
    paragraph before ("he", "she": the last one speaker who is one person), else the previous
    sentence's subject ("The Marines recovered ... They also reported")."""
    earlier = [a.claimant for a in found if a.claimant is not None and a.verb_at < at]
    if earlier:
        return earlier[-1]
    if pronoun in ("he", "she"):
        person = next(
            (
                c
                for p, c in reversed(state.recent)
                if sent.paragraph - p <= 1 and (c.kind == "person" or not _plural(c.name))
            ),
            None,
        )
        if person is not None:
            return person
    if state.last_claimant is not None and sent.paragraph - state.last_paragraph <= 1:
        return state.last_claimant
    if state.previous_subject:
        return make_claimant(state.previous_subject, sides)
    return None


def _plural(name: str) -> bool:
    """ "Opposition activists", "local sources": a name whose head word is plural."""
    last = name.split()[-1] if name.split() else ""
    return last.islower() and last.endswith("s") and not last.endswith("ss")


def _named_before(subject: Any, name: str, sent: Sentence, state: ProseState) -> Claimant | None:
    """A definite description standing for a speaker named just before ("The Local
    Coordination Committees said ... The Committee estimated"): that speaker."""
    words = name.lower().split()
    if words != [subject.lower_] or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in subject.children
    ):
        return None
    stems = {w.rstrip("s") for w in words}
    for paragraph, claimant in reversed(state.recent):
        if sent.paragraph - paragraph > 1:
            break
        theirs = {w.rstrip("s") for w in claimant.name.lower().split()}
        if len(theirs) > len(stems) and stems <= theirs:
            return claimant
    return None


def _possessive_report(text: str, sides: SideIndex) -> list[Attribution]:
    """ "X's report" when nobody else speaks."""
    m = _POSSESSIVE_REPORT.search(text)
    if not m:
        return []
    claimant = make_claimant(_strip_det(m.group("name")), sides)
    return [Attribution(claimant, m.start(), _stance(text, None))]


def _also_carried(sent: Sentence, state: ProseState) -> list[Attribution]:
    """ "also ..." in the same paragraph, right after a sentence with claims: the same speaker."""
    if (
        _ALSO.search(sent.text)
        and state.last_claimant is not None
        and sent.paragraph == state.last_paragraph
        and state.last_sentence_claims
    ):
        return [Attribution(state.last_claimant, -1, "revise" if state.revising else "assert")]
    return []


def speaker_at(attributions: list[Attribution], at: int) -> Attribution:
    """The speaker of a figure at offset ``at``: the nearest one before it, else the first."""
    before = [a for a in attributions if a.verb_at <= at]
    return before[-1] if before else attributions[0]


_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "it", "us", "me", "they", "he", "she"})
_SPEAKER_NOUN = re.compile(
    r"\b(?:{})\b".format("|".join(sorted(lexicon.word_set("reporting", "speaker_nouns")))),
    re.IGNORECASE,
)
"""Nouns that name a speaker without a proper name (``data/lexicon/reporting.toml``)."""


_UNNAMED_REPORTS = re.compile(
    r"(?:(?:initial|early|earlier|later|subsequent|other|some|many|several|media|press|news|"
    r"unconfirmed|local|first|further|new)\s+)*(?:reports?|accounts?|rumou?rs?)",
    re.IGNORECASE,
)
_WHEN = re.compile(
    r"(?:mid-|early\s+|late\s+)?(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"spring|summer|autumn|fall|winter)",
    re.IGNORECASE,
)


def plausible_claimant(name: str) -> bool:
    """Whether words taken as a speaker can name one: a proper name or a speaking role, not
    "of them", "the following day", "proper urban street fighting"."""
    words = name.split()
    if not words or len(words) > 12 or name.lower() in _OBJECT_PRONOUNS:
        return False
    if _UNNAMED_REPORTS.fullmatch(name):
        return False  # "later reports said": nobody named, the article's own account
    if (find_dates(name) and not re.search(r"[A-Z][a-z]+\s+[A-Z]", name)) or _WHEN.fullmatch(name):
        return False  # "June", "On 5 May": a date, not a speaker
    if re.match(
        r"(?:of|in|on|at|for|to|following|next|previous|other|others|some|many|sides|parties)\b",
        name,
        re.IGNORECASE,
    ) and not any(w[:1].isupper() for w in words[1:]):
        return False
    return any(w[:1].isupper() for w in words) or _SPEAKER_NOUN.search(name) is not None


def _strip_det(name: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE).strip()


def has_speaker_verb(parsed: Any) -> bool:
    """True when a reporting verb of the parsed sentence has a speaker: the sentences whose
    speakers are read with their named entities (``parsing.parse_sentences``)."""
    return bool(_reporting_verbs(parsed))


def _reporting_verbs(parsed: Any) -> list[tuple[Any, Any]]:
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
        if subj is None or subj.dep_ == "nsubjpass":
            agent = _agent(tok)
            if agent is None:
                continue  # "37 were reported killed": no speaker
            subj = agent
        out.append((tok, subj))
    return out


def _proper_name_before(verb: Any) -> str:
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


def _subject_text(token: Any) -> tuple[str, str, bool]:
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
                and (c.i == t.i + 1 or (c.i == t.i + 2 and t.doc[t.i + 1].dep_ == "det"))
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
            name = " ".join(t.text for t in ents)
    return name, context, person


def _is_pronoun(token: Any, name: str) -> bool:
    return (
        token.pos_ == "PRON"
        or name.lower() in lexicon.PRONOUN_CLAIMANTS
        or (
            f"the {name.lower()}" in lexicon.PRONOUN_CLAIMANTS
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        )
        or name.lower() in ("this", "these")
    )


def _stance(text: str, verb: Any) -> str:
    if verb is not None and verb.lemma_.lower() in lexicon.DENY_LEMMAS:
        return "deny"
    if lexicon.REVISE_WORDS.search(text):
        return "revise"
    return "assert"


def _said_on(text: str, before: int, year: int | None) -> str | None:
    for d in find_dates(text[: max(before, 0)]):
        if d.month is not None:
            return d.iso(year)
    return None
