"""Claims from prose: every figure of losses or force in a parsed sentence, with whose losses, who
claims it (reporting verbs, "according to", pronouns carried across sentences) and its stance."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from fogofwar.extract import lexicon
from fogofwar.extract.actors import SideIndex
from fogofwar.extract.attribution import make_claimant
from fogofwar.extract.dates import find_dates, is_date
from fogofwar.extract.losses import (
    Loss,
    classify_after,
    classify_before,
    classify_strength,
    not_a_count,
    typed,
    verb_before,
    window_after,
)
from fogofwar.extract.quantities import Quantity, find_quantities
from fogofwar.extract.sentences import ACTIVE_SINGLE, ANOTHER, SINGLE_LOSS, Sentence
from fogofwar.model import Claim, Claimant, Evidence, Subject, Value

_ACCORDING = re.compile(
    r"\b(?:according\s+to|as\s+(?:reported|claimed|stated)\s+by|per)\s+(?P<name>(?:the\s+)?"
    r"(?:[^,;:.()]|\.(?=\w)){2,80}?)(?=\s*(?:,|;|:|\.(?!\w)|\)|$|\s+(?:that|which|who|on\s+(?:\d|\w+day\b|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)|"
    r"in\s+\d|at\s+least|some|about|around|there|more|over|\d)))",
    re.IGNORECASE,
)
_POSSESSIVE_REPORT = re.compile(
    r"\b(?:in\s+)?(?P<name>(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4})(?:'s|’s)\s+"
    r"(?:report|statement|count|tally|figures?|estimate|data|press\s+release)\b"
)
_OWN_LOSSES = re.compile(
    r"\b(?:to\s+have\s+had|have\s+had|had|lost|losing|suffered|suffering|sustained|admitted|"
    r"acknowledged|lose)\s+(?:only\s+|a\s+total\s+of\s+)?$",
    re.IGNORECASE,
)
_MORE = re.compile(r"^\s+(?:more|additional|further|others?|other)\b", re.IGNORECASE)
_BREAKDOWN = re.compile(
    r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+which|"
    r"of\s+them|comprising|consisting\s+of)\b|:",
    re.IGNORECASE,
)
_ALSO = re.compile(r"\b(?:also|additionally|further(?:more)?|moreover)\b", re.IGNORECASE)
_CORROBORATED_BY = re.compile(
    r"\b(?:was|were|has\s+been|had\s+been|is)\s+(?:later\s+|also\s+|independently\s+)?"
    r"(?:corroborated|confirmed|verified|backed\s+up|echoed)\s+by\s+(?P<name>[^,;.]{2,60})",
    re.IGNORECASE,
)
_ADVERSARY_WORDS = re.compile(
    r"\b(?:enem(?:y|ies)|mercenar\w+|invaders?|occupiers?|occupants?|militants|terrorists|"
    r"fascists|nazis|bandits|hostile)\b",
    re.IGNORECASE,
)
_FREED_BEFORE = re.compile(
    r"\b(?:freed|released|rescued|liberated|exchanged|swapped|evacuated)\s+(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_CAPTIVE_NOUN = re.compile(r"(?:prisoners?|hostages?|POWs?|detainees|captives)\b", re.I)
_AIRCRAFT = re.compile(
    r"\b(?:jets?|planes?|aircraft|airplanes?|helicopters?|gunships?|"
    r"(?:Su|MiG|Mi|Il|An|Ka|L)-\d+\w*)\b",
    re.IGNORECASE,
)
_AGE = re.compile(r"[A-Z][\w'’-]+,\s*(?:aged\s+)?$|\((?:aged\s+)?$")
_NOUNISH = re.compile(r"[A-Za-z]{3,}")
_FILLER = re.compile(
    r"^\s*(?:were|was|had|have|has|been|be|being|more|others?|of|them|also|"
    r"reportedly|allegedly|all|each|in|total|\s)*$",
    re.IGNORECASE,
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


def attributions_of(
    sent: Sentence, parsed: Any, sides: SideIndex, state: ProseState, year: int | None
) -> list[Attribution]:
    """Every speaker of a sentence, in order: reporting verbs with their subjects, "according
    to X", "X's report", a pronoun carried from the sentence before. Never empty: a sentence
    nobody speaks in gets ``Attribution(None)`` (the encyclopedia's own voice)."""
    text = sent.text
    found: list[Attribution] = []
    for m in _ACCORDING.finditer(text):
        name = _strip_det(m.group("name"))
        if name.lower() in _OBJECT_PRONOUNS:  # "according to him": the last speaker
            if state.last_claimant is not None and sent.paragraph - state.last_paragraph <= 1:
                found.append(Attribution(state.last_claimant, m.start(), _stance(text, None)))
            continue
        if not plausible_claimant(name):
            continue
        found.append(
            Attribution(
                make_claimant(name, sides),
                m.start(),
                _stance(text, None),
                _said_on(text, m.start(), year),
            )
        )
    for verb, subject in _reporting_verbs(parsed):
        if any(abs(a.verb_at - verb.idx) < 3 for a in found):
            continue
        stance = _stance(text, verb)
        name, context, person = _subject_text(subject)
        if _is_pronoun(subject, name):
            earlier = [a.claimant for a in found if a.claimant is not None and a.verb_at < verb.idx]
            claimant = (
                earlier[-1]
                if earlier
                else (state.last_claimant if sent.paragraph - state.last_paragraph <= 1 else None)
            )
            if claimant is not None:
                found.append(
                    Attribution(claimant, verb.idx, stance, _said_on(text, verb.idx, year))
                )
        elif name and plausible_claimant(name):
            found.append(
                Attribution(
                    make_claimant(name, sides, context, person),
                    verb.idx,
                    stance,
                    _said_on(text, verb.idx, year),
                )
            )
    if not found:
        m2 = _POSSESSIVE_REPORT.search(text)
        if m2:
            found.append(
                Attribution(
                    make_claimant(_strip_det(m2.group("name")), sides),
                    m2.start(),
                    _stance(text, None),
                )
            )
    if (
        not found
        and _ALSO.search(text)
        and state.last_claimant is not None
        and sent.paragraph == state.last_paragraph
        and state.last_sentence_claims
    ):
        found.append(Attribution(state.last_claimant, -1, "revise" if state.revising else "assert"))
    found.sort(key=lambda a: a.verb_at)
    return found or [Attribution(None)]


def speaker_at(attributions: list[Attribution], at: int) -> Attribution:
    """The speaker of a figure at offset ``at``: the nearest one before it, else the first."""
    before = [a for a in attributions if a.verb_at <= at]
    return before[-1] if before else attributions[0]


_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "it", "us", "me", "they", "he", "she"})
_SPEAKER_NOUN = re.compile(
    r"\b(?:officials?|spokes(?:man|woman|person)|activists?|sources?|residents?|witness(?:es)?|"
    r"eyewitnesses?|doctors?|analysts?|monitors?|villagers?|survivors?|reports?|media|observers?|"
    r"commanders?|fighters?|soldiers?|militants?|rebels?|journalists?|reporters?|correspondents?|"
    r"experts?|investigators?|authorities|government|ministry|army|military|police|opposition|"
    r"loyalists?|insurgents?|locals?|medics?|paramedics?|nurses?|volunteers?|prisoners?|"
    r"refugees?|people|groups?|statements?|footage|videos?)\b",
    re.IGNORECASE,
)


def plausible_claimant(name: str) -> bool:
    """Whether words taken as a speaker can name one: a proper name or a speaking role, not
    "of them", "the following day", "proper urban street fighting"."""
    words = name.split()
    if not words or len(words) > 12 or name.lower() in _OBJECT_PRONOUNS:
        return False
    if re.match(
        r"(?:of|in|on|at|for|to|following|next|previous|other|others|some|many|sides|parties)\b",
        name,
        re.IGNORECASE,
    ) and not any(w[:1].isupper() for w in words[1:]):
        return False
    return any(w[:1].isupper() for w in words) or _SPEAKER_NOUN.search(name) is not None


def _strip_det(name: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE).strip()


def _reporting_verbs(parsed: Any) -> list[tuple[Any, Any]]:
    """(verb, speaker) for every reporting verb with a speaker: "X said", "reported by X"."""
    out: list[tuple[Any, Any]] = []
    for tok in parsed:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in lexicon.REPORTING_LEMMAS:
            continue
        if tok.dep_ in ("acl", "amod", "pcomp"):
            continue  # "soldiers accused of abuses": a participle, nobody speaking
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
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


def _agent(verb: Any) -> Any:
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _subject_text(token: Any) -> tuple[str, str, bool]:
    """The claimant name (without appositions or clauses), its full phrase, and if a person."""
    cut = {"appos", "relcl", "acl", "punct", "advcl", "prep"}
    keep: list[Any] = []
    head_i = token.i

    def walk(t: Any) -> None:
        keep.append(t)
        for c in t.children:
            if c.dep_ in cut and not (
                c.dep_ == "prep"
                and c.i > head_i
                and c.text.lower() in ("of", "for")
                and t.i == head_i
            ):
                continue
            walk(c)

    walk(token)
    keep.sort(key=lambda t: t.i)
    words = [
        t
        for t in keep
        if not (t.dep_ == "det" and t.i == keep[0].i and t.lower_ in ("the", "a", "an"))
    ]
    name = "".join(
        t.text_with_ws if j + 1 < len(words) and words[j + 1].i == t.i + 1 else t.text + " "
        for j, t in enumerate(words)
    ).strip()
    context = " ".join(t.text for t in token.subtree)
    person = token.ent_type_ == "PERSON" or any(
        t.ent_type_ == "PERSON" and t.head.i == token.i for t in keep
    )
    if person:
        ents = [t for t in keep if t.ent_type_ == "PERSON"]
        if ents:
            name = " ".join(t.text for t in ents)
    return name, context, person


def _is_pronoun(token: Any, name: str) -> bool:
    return (
        token.pos_ == "PRON"
        or name.lower() in lexicon.PRONOUN_CLAIMANTS
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


def figure_claims(
    sent: Sentence,
    attributions: list[Attribution],
    sides: SideIndex,
    state: ProseState,
    document_id: str,
) -> list[Claim]:
    """The claims of the figures in one sentence, each credited to its nearest speaker."""
    text = sent.text
    first_verb = min((a.verb_at for a in attributions if a.verb_at >= 0), default=-1)
    dates = find_dates(text)
    quantities = [
        q
        for q in find_quantities(text)
        if not any(q.start < d.end and d.start < q.end and is_date(text, d) for d in dates)
        and not not_a_count(text[q.end :])
        and not (first_verb >= 0 and q.end <= first_verb and _inside_subject(text, q, first_verb))
    ]
    quantities = [
        q
        for q in quantities
        if not _AGE.search(text[: q.start]) or not re.match(r"\s*[,)]", text[q.end :])
    ]
    forced: dict[int, Loss | None] = {}
    for pattern in (SINGLE_LOSS, ANOTHER, ACTIVE_SINGLE):
        for m in pattern.finditer(text):
            if not any(q.start <= m.start("art") < q.end for q in quantities):
                quantities.append(Quantity(m.start("art"), m.end("art"), 1, 1))
                if pattern is ACTIVE_SINGLE:  # "shot down a Su-34": the verb before counts
                    forced[m.start("art")] = classify_before(text[: m.start("art")], m.group("np"))
    quantities.sort(key=lambda q: q.start)
    losses: list[Loss | None] = []
    for i, q in enumerate(quantities):
        stop = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
        window = window_after(text, q.end, stop)
        if q.start in forced:
            losses.append(forced[q.start])
            continue
        loss = classify_after(window)
        if loss is None or (
            loss.kind == "captured" and _CAPTIVE_NOUN.match(window[loss.trigger_start :])
            if loss.trigger_start >= 0
            else False
        ):
            # "executed 4,000 prisoners": the verb before says what befell the captives
            before = classify_before(text[: q.start], text[q.end : stop])
            loss = before if before is not None else loss
        losses.append(loss)
    _fill_lists(text, quantities, losses)
    for i, q in enumerate(quantities):
        if losses[i] is None:
            stop = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
            losses[i] = classify_strength(text[: q.start], window_after(text, q.end, stop))
    claims: list[Claim] = []
    prev: tuple[Loss, Subject] | None = None
    for q, loss in zip(quantities, losses, strict=True):
        if loss is None:
            continue
        attribution = speaker_at(attributions, q.start)
        if loss.kind == "captured" and _FREED_BEFORE.search(text[: q.start]):
            continue  # "freed four hostages": a release, not a loss
        phrase = loss.phrase
        if prev is not None and _elliptic(phrase):
            retyped = _retype(loss, prev[0])
            subject = prev[1]
        else:
            retyped = None if loss.elliptic_materiel else loss
            subject = sides.resolve(phrase, text)
            if subject.side is None and not subject.civilian:
                subject = _own_or_context(text, q, subject, attribution, sides, loss)
                if (
                    subject.side is None
                    and prev is not None
                    and retyped is not None
                    and retyped.what is not None
                ):
                    subject = replace(prev[1], actor=None)
            elif loss.breakdown and prev is not None and subject.side is None:
                subject = prev[1]
        if retyped is None:
            continue
        loss = retyped
        if not loss.breakdown:
            prev = (loss, subject)
        if loss.kind == "strength" and subject.side is None:
            subject = _subject_of_force(text[: q.start], sides, subject)
            if subject.side is None:
                continue
        if (
            subject.side is None
            and not subject.civilian
            and not _NOUNISH.search(phrase)
            and attribution.claimant is None
            and loss.kind in ("captured", "displaced")
        ):
            continue
        value = Value(q.low, q.high, q.words, q.approx, what=loss.what)
        stance = attribution.stance
        if (
            _MORE.match(text[q.end :])
            and q.low is not None
            and q is quantities[0]
            and attribution.claimant is not None
        ):
            value, stance = _incremented(value, loss.kind, subject, attribution, state)
        end = _evidence_end(text, q, loss)
        claims.append(
            Claim(
                id="",
                event="",
                kind=loss.kind,
                subject=subject,
                value=value,
                claimant=attribution.claimant,
                stance=stance,  # type: ignore[arg-type]
                said_on=attribution.said_on,
                evidence=(
                    Evidence(
                        document_id,
                        sent.section,
                        sent.start + q.start,
                        sent.start + end,
                        text[q.start : end],
                    ),
                ),
            )
        )
    return claims


def _subject_of_force(before: str, sides: SideIndex, subject: Subject) -> Subject:
    """ "the rebels gathered about 1,000 fighters": the force is the clause subject's."""
    clause = re.split(r"[;,.]|\b(?:while|whereas|but)\b", before)[-1]
    found = sides.resolve(clause)
    return Subject(side=found.side, actor=found.actor) if found.side is not None else subject


def _inside_subject(text: str, q: Quantity, verb_at: int) -> bool:
    """A figure inside the speaker's own name ("the 24th Brigade said"): not a claim."""
    between = text[q.end : verb_at]
    if re.match(r"\s*according\b", text[verb_at:], re.IGNORECASE):
        return False  # "killing eight soldiers, according to X": X is no name with a figure
    return (
        len(between) < 30
        and "," not in between
        and not re.search(
            r"\b(?:killed|dead|wounded|injured|captured|\w+ing)\b", between, re.IGNORECASE
        )
    )


def _fill_lists(text: str, quantities: list[Quantity], losses: list[Loss | None]) -> None:
    """Share one loss word across a breakdown ("111 killed, including 47 A, 37 B") or a list
    ("A, B and C killed")."""
    raw_verb: str | None = None  # "destroyed four posts, two tanks and ...": the list's verb
    for i, q in enumerate(quantities):
        gap = text[quantities[i - 1].end : q.start] if i else ""
        current = losses[i]
        if current is not None:
            if current.trigger_start >= 0:
                raw_verb = None  # a figure with its own loss word ends the verb's list
            continue
        own = verb_before(text[: q.start])
        if own is not None:
            raw_verb = own
        elif raw_verb is not None and not re.fullmatch(r"[^;.:]*?(?:,|\band\b)\s*", gap):
            raw_verb = None
        if raw_verb is not None:
            stop = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
            losses[i] = typed(raw_verb, window_after(text, q.end, stop))
    parent: Loss | None = None
    for i in range(1, len(losses)):
        gap = text[quantities[i - 1].end : quantities[i].start]
        current = losses[i]
        if current is not None:
            parent = None
            continue
        prev = losses[i - 1]
        if (
            prev is not None
            and not prev.breakdown
            and (
                _BREAKDOWN.search(gap)
                or (prev.trigger_start == -1 and re.fullmatch(r"[^;.:]*?(?:,|\band\b)\s*", gap))
            )
        ):
            parent = prev
        elif parent is not None and not re.fullmatch(r"[^;.:]*?(?:,|\band\b)\s*", gap):
            parent = None
        if parent is not None:
            stop = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
            own = window_after(text, quantities[i].end, stop)
            if parent.trigger_start == -1 and not _BREAKDOWN.search(gap):
                losses[i] = retype_as(parent, own)  # "destroying A, B and C": a list
            else:
                losses[i] = Loss(parent.kind, own, parent.what, -1, -1, breakdown=True)
    for i in range(len(losses) - 2, -1, -1):
        nxt = losses[i + 1]
        if losses[i] is None and nxt is not None and nxt.kind not in ("displaced",):
            gap = text[quantities[i].end : quantities[i + 1].start]
            if (
                len(gap) < 60
                and re.fullmatch(r"[^;.:]*?(?:,|\band\b)[^;.:]*", gap)
                and not re.search(r"\b(?:were|was|had|have)\b", gap)
            ):
                losses[i] = retype_as(nxt, gap)


def retype_as(model: Loss, phrase: str) -> Loss | None:
    """The loss word of ``model`` applied to another list item, typed by that item's own noun."""
    from fogofwar.extract.losses import _typed

    raw = {
        "vehicles_destroyed": "destroyed",
        "vehicles_captured": "captured",
        "vehicles_lost": "lost",
        "equipment_destroyed": "destroyed",
    }.get(model.kind, model.kind)
    return _typed(raw, phrase, "", -1, -1)


def _elliptic(phrase: str) -> bool:
    return bool(_FILLER.match(phrase)) or not _NOUNISH.search(phrase)


def _retype(loss: Loss, prev: Loss) -> Loss | None:
    """ "one vehicle was captured and one was destroyed": the second counts vehicles too;
    "six vehicles destroyed, and dozens injured": the second counts people again."""
    from fogofwar.extract.losses import _typed  # the same typing rule, with the earlier noun

    if loss.kind in ("killed", "injured", "missing", "killed_or_injured", "displaced"):
        return loss
    if prev.what is None:
        return None if loss.elliptic_materiel else loss
    raw = {
        "vehicles_destroyed": "destroyed",
        "vehicles_captured": "captured",
        "vehicles_lost": "lost",
        "equipment_destroyed": "destroyed",
        "captured": "captured",
    }.get(loss.kind, "destroyed")
    return _typed(raw, prev.what, "", loss.trigger_start, loss.trigger_end)


def _own_or_context(
    text: str, q: Quantity, subject: Subject, attribution: Attribution, sides: SideIndex, loss: Loss
) -> Subject:
    before = text[: q.start]
    claimant_side = attribution.claimant.side if attribution.claimant is not None else None
    if _OWN_LOSSES.search(before) and claimant_side is not None:
        return Subject(side=claimant_side)
    fighting = [s.side for s in sides.sides if s.actors]
    if (
        claimant_side is not None
        and len(fighting) == 2
        and claimant_side in fighting
        and _ADVERSARY_WORDS.search(loss.phrase)
    ):
        # "180 foreign mercenaries were killed", says one side: the enemy's, from where it stands
        return Subject(side=next(s for s in fighting if s != claimant_side))
    if loss.what is not None and _AIRCRAFT.search(loss.what) and len(fighting) == 2:
        gov = sides.state_against_insurgents()
        if gov is not None:
            return Subject(side=gov)  # of a state and an insurgency, only the state flies
    if (
        claimant_side is not None
        and len(fighting) == 2
        and claimant_side in fighting
        and (loss.kind.startswith(("vehicles", "equipment")) or loss.trigger_start == -1)
    ):
        # a side's claim of what it destroyed, downed or killed is about its adversary
        return Subject(side=next(s for s in fighting if s != claimant_side))
    # "Ukrainian forces killed 12": the victims are the other side of the agent
    m = re.search(
        r"(?P<agent>[^,;]{2,60}?)\s+(?:killed|destroyed|captured|wounded|shot\s+down)"
        r"\s+(?:at\s+least\s+|some\s+|about\s+|around\s+)?$",
        before,
        re.IGNORECASE,
    )
    if (
        m
        and len(sides.sides) == 2
        and not re.search(r"\b(?:people|persons|civilians|residents)\b", loss.phrase, re.IGNORECASE)
    ):
        side, _ = sides.side_of_name(m.group("agent"))
        if side is not None:
            other = next(s.side for s in sides.sides if s.side != side)
            return Subject(side=other)
    return subject


def _incremented(
    value: Value, kind: str, subject: Subject, attribution: Attribution, state: ProseState
) -> tuple[Value, str]:
    """ "five more injured": the claimant's earlier figure plus this one, as a revision."""
    for earlier in reversed(state.claims):
        if (
            earlier.kind == kind
            and earlier.subject.side == subject.side
            and _same_claimant(earlier.claimant, attribution.claimant)
            and earlier.value.low is not None
            and earlier.value.high is not None
        ):
            low = earlier.value.low + (value.low or 0)
            high = earlier.value.high + (value.high or 0)
            return replace(value, low=low, high=high), "revise"
    return value, attribution.stance


def _same_claimant(a: Claimant | None, b: Claimant | None) -> bool:
    if a is None or b is None:
        return a is b
    ta = set(re.findall(r"\w+", a.name.lower()))
    tb = set(re.findall(r"\w+", b.name.lower()))
    return bool(ta & tb) or (a.side is not None and a.side == b.side and a.kind == b.kind)


def _evidence_end(text: str, q: Quantity, loss: Loss) -> int:
    m = re.search(r"[,;.]|\s+and\s+(?=\S+\s+(?:\w+\s+)?(?:were|was))", text[q.end :])
    end = q.end + (m.start() if m else len(text) - q.end)
    return max(end, q.end)


def corroborations(sent: Sentence, sides: SideIndex, state: ProseState) -> list[Claim]:
    """ "This was corroborated by Reuters": the previous sentence's main figure, confirmed."""
    m = _CORROBORATED_BY.search(sent.text)
    if (
        not m
        or not state.last_sentence_claims
        or not re.match(
            r"^\s*(?:this|these|that|the\s+(?:figure|claim|toll|number|report))\b",
            sent.text,
            re.IGNORECASE,
        )
    ):
        return []
    claimant = make_claimant(m.group("name"), sides)
    main = state.last_sentence_claims[0]
    evidence = Evidence(
        main.evidence[0].document,
        sent.section,
        sent.start + m.start(),
        sent.start + m.end(),
        m.group(0),
    )
    return [
        replace(main, claimant=claimant, stance="corroborate", said_on=None, evidence=(evidence,))
    ]
