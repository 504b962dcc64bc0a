"""Claims from prose: every figure of losses or force in a parsed sentence, with what it counts,
whose losses they are, and its speaker (found by ``speakers``); corroborations of a figure."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from fogofwar.extract.actors import SideIndex
from fogofwar.extract.attribution import make_claimant, same_claimant
from fogofwar.extract.dates import find_dates, is_date
from fogofwar.extract.losses import (
    Loss,
    classify_after,
    classify_before,
    classify_strength,
    not_a_count,
    raw_of,
    typed,
    verb_before,
    window_after,
)
from fogofwar.extract.quantities import Quantity, find_quantities
from fogofwar.extract.sentences import ACTIVE_SINGLE, ANOTHER, BOTH, SINGLE_LOSS, Sentence
from fogofwar.extract.speakers import Attribution, ProseState, speaker_at
from fogofwar.extract.syntax import loss_by_syntax
from fogofwar.model import Claim, Evidence, Subject, Value

_OWN_LOSSES = re.compile(
    r"\b(?:to\s+have\s+had|have\s+had|had|lost|losing|suffered|suffering|sustained|admitted|"
    r"acknowledged|lose)\s+(?:only\s+|a\s+total\s+of\s+)?$",
    re.IGNORECASE,
)
_MORE = re.compile(r"^\s+(?:more|additional|further)\b", re.IGNORECASE)
_BREAKDOWN = re.compile(
    r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+which|"
    r"of\s+them|comprising|consisting\s+of)\b|:",
    re.IGNORECASE,
)
CORROBORATED_BY = re.compile(
    r"\b(?:was|were|has\s+been|had\s+been|is)\s+(?:later\s+|also\s+|independently\s+)?"
    r"(?:corroborated|confirmed|verified|backed\s+up|echoed)\s+by\s+(?P<name>[^,;.]{2,60})",
    re.IGNORECASE,
)
_SOLDIERS = re.compile(r"\b(?:soldiers|troops|servicem[ae]n|marines|paratroopers)\b", re.I)
_ADVERSARY_WORDS = re.compile(
    r"\b(?:enem(?:y|ies)|mercenar\w+|invaders?|occupiers?|occupants?|militants|terrorists|"
    r"fascists|nazis|bandits|hostile)\b",
    re.IGNORECASE,
)
_FREED_BEFORE = re.compile(
    r"\b(?:freed|released|rescued|liberated|exchanged|swapped|evacuated)\s+(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_PART_OF = re.compile(
    r"\s+of\s+(?:them|whom|those|which|the\s+(?:dead|victims|killed|wounded|casualties))\b",
    re.IGNORECASE,
)
_SUFFERED = re.compile(
    r"(?P<who>[^,;.]{2,60}?)\s+(?:suffered|sustained|took|incurred|lost)\s+(?:\w+\s+){0,2}?"
    r"(?:losses|casualties)\b[^.;]*$",
    re.IGNORECASE,
)
_BODIES_OF = re.compile(
    r"\s*(?:[\w-]+\s+){0,4}?(?:of|belonging\s+to)\s+(?:the\s+)?(?P<who>[^,;.]{2,50})",
    re.IGNORECASE,
)
_WHO_WERE = re.compile(  # "37 of the dead were rebels"
    r"\s*(?:were|was|are)\s+(?:all\s+|mostly\s+|reportedly\s+)?(?P<who>[^,;.]{2,40})",
    re.IGNORECASE,
)
_AND_ANOTHER = re.compile(  # "killed a journalist and an ambulance driver": two
    r"\s+and\s+(?:a|an|one)\s+(?:[\w'’-]+\s+){0,2}?(?:driver|journalist|soldier|fighter|civilian|"
    r"officer|medic|doctor|nurse|worker|child|woman|man|policeman|volunteer)\b",
    re.IGNORECASE,
)
_CAR_BOMB = re.compile(r"\b(?:car|truck|suicide)\s+bombs?|VBIEDs?\b", re.IGNORECASE)
_CAPTIVE_NOUN = re.compile(r"(?:prisoners?|hostages?|POWs?|detainees|captives)\b", re.I)
_AIRCRAFT = re.compile(
    r"\b(?:jets?|planes?|aircraft|airplanes?|helicopters?|gunships?|"
    r"(?:Su|MiG|Mi|Il|An|Ka|L)-\d+\w*)\b",
    re.IGNORECASE,
)
_AGE = re.compile(r"[A-Z][\w'’-]+,\s*(?:aged\s+)?$|\((?:aged\s+)?$")
_NOUNISH = re.compile(r"[A-Za-z]{3,}")
_FILLER = re.compile(
    r"^\s*(?:were|was|are|is|had|have|has|been|be|being|more|others?|of|them|also|still|"
    r"remain(?:ed)?|later|then|reportedly|allegedly|all|each|in|total|\s)*$",
    re.IGNORECASE,
)


def figure_claims(
    sent: Sentence,
    attributions: list[Attribution],
    sides: SideIndex,
    state: ProseState,
    document_id: str,
    parsed: Any = None,
) -> list[Claim]:
    """The claims of the figures in one sentence, each credited to its nearest speaker; the
    words around a figure say what it counts, else its place in the parse (``parsed``)."""
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
    for pattern in (SINGLE_LOSS, ANOTHER, ACTIVE_SINGLE, BOTH):
        for m in pattern.finditer(text):
            if not any(q.start <= m.start("art") < q.end for q in quantities):
                n = 2 if pattern is BOTH or _AND_ANOTHER.match(text[m.end() :]) else 1
                quantities.append(Quantity(m.start("art"), m.end("art"), n, n))
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
        loss = classify_after(window, text[q.end + len(window) :])
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
        if losses[i] is None and parsed is not None:
            losses[i] = loss_by_syntax(parsed, q.start, q.end)
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
            elif (
                loss.breakdown
                and prev is not None
                and subject.side is None
                and not subject.civilian
            ):
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
        if loss.kind == "displaced" and subject.side is None and not subject.civilian:
            subject = _displaced_civilians(loss.phrase, sides, subject)
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


_FIGHTERS = re.compile(
    r"\b(?:fighters|soldiers|troops|militants|rebels|servicem[ae]n|combatants|gunmen|members|"
    r"personnel|forces|jihadists|insurgents|militiam[ae]n|police\w*|guards)\b",
    re.IGNORECASE,
)


def _displaced_civilians(phrase: str, sides: SideIndex, subject: Subject) -> Subject:
    """People who fled, were evacuated or displaced are civilians unless fighters are named
    ("22,000 people had been displaced", "1,200 families evacuated")."""
    if _FIGHTERS.search(phrase):
        return subject
    return Subject(side=sides.civilian_side, actor=None, civilian=True)


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
            # a figure after its verb starts the verb's list; one with its own loss word ends it
            raw_verb = verb_before(text[: q.start]) if current.trigger_start < 0 else None
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
                or _PART_OF.match(text[quantities[i].end :])  # "300 of them civilians"
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
    return typed(raw_of(model.kind), phrase)


def _elliptic(phrase: str) -> bool:
    return bool(_FILLER.match(phrase)) or not _NOUNISH.search(phrase)


def _retype(loss: Loss, prev: Loss) -> Loss | None:
    """ "one vehicle was captured and one was destroyed": the second counts vehicles too;
    "six vehicles destroyed, and dozens injured": the second counts people again."""
    if loss.kind in ("killed", "injured", "missing", "killed_or_injured", "displaced"):
        return loss
    if prev.what is None:
        return None if loss.elliptic_materiel else loss
    # the same typing rule, with the noun named earlier
    return typed(raw_of(loss.kind), prev.what, loss.trigger_start, loss.trigger_end)


def _own_or_context(
    text: str, q: Quantity, subject: Subject, attribution: Attribution, sides: SideIndex, loss: Loss
) -> Subject:
    before = text[: q.start]
    claimant_side = attribution.claimant.side if attribution.claimant is not None else None
    if _OWN_LOSSES.search(before) and claimant_side is not None:
        return Subject(side=claimant_side)
    sufferer = _SUFFERED.search(before)
    if sufferer and _elliptic(loss.phrase):
        # "GNA forces suffered heavy losses, with 39 killed": the losses are the sufferer's
        found = sides.resolve(sufferer.group("who"))
        if found.side is not None:
            return Subject(side=found.side, actor=found.actor)
    if loss.trigger_end >= 0:
        after = text[q.end + loss.trigger_end : q.end + loss.trigger_end + 80]
        owner = _BODIES_OF.match(after) or _WHO_WERE.match(after)
        if owner:  # "230 bodies confirmed to be of ISIL militants"
            found = sides.resolve(owner.group("who"))
            if found.side is not None or found.civilian:
                return found
    fighting = [s.side for s in sides.sides if s.actors]
    if (
        claimant_side is not None
        and len(fighting) == 2
        and claimant_side in fighting
        and (
            _ADVERSARY_WORDS.search(loss.phrase)
            or (sides.states_at_war() and _SOLDIERS.search(loss.phrase))
        )
    ):
        # "180 foreign mercenaries were killed", says one side: the enemy's, from where it stands;
        # so are the "soldiers" one of two states at war says were killed
        return Subject(side=next(s for s in fighting if s != claimant_side))
    if (
        loss.what is not None
        and _CAR_BOMB.search(loss.what)
        and len(fighting) == 2
        and sides.state_against_insurgents() is not None
    ):
        return Subject(side=sides.rebel_side())  # car bombs are the insurgents' weapon
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
            and same_claimant(earlier.claimant, attribution.claimant)
            and earlier.value.low is not None
            and earlier.value.high is not None
        ):
            low = earlier.value.low + (value.low or 0)
            high = earlier.value.high + (value.high or 0)
            return replace(value, low=low, high=high), "revise"
    return value, attribution.stance


def _evidence_end(text: str, q: Quantity, loss: Loss) -> int:
    m = re.search(r"[,;.]|\s+and\s+(?=\S+\s+(?:\w+\s+)?(?:were|was))", text[q.end :])
    end = q.end + (m.start() if m else len(text) - q.end)
    return max(end, q.end)


def corroborations(sent: Sentence, sides: SideIndex, state: ProseState) -> list[Claim]:
    """ "This was corroborated by Reuters": the previous sentence's main figure, confirmed."""
    m = CORROBORATED_BY.search(sent.text)
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
