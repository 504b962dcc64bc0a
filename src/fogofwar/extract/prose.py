"""Claims from prose: every figure of losses or force in a parsed sentence, with what it counts,
whose losses they are, and its speaker (found by ``speakers``); corroborations of a figure."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from fogofwar.extract.actors import SideIndex
from fogofwar.extract.attribution import make_claimant, same_claimant
from fogofwar.extract.dates import find_dates, is_date
from fogofwar.extract.forces import count_by_syntax, force_by_syntax, force_owner
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
from fogofwar.extract.owner_syntax import named_owner_by_parse, stated_owner_by_parse
from fogofwar.extract.owners import (
    NOUNISH,
    displaced_civilians,
    elliptic,
    own_or_context,
    subject_of_force,
)
from fogofwar.extract.parts import carry_parts
from fogofwar.extract.quantities import Quantity, find_quantities
from fogofwar.extract.sentences import ACTIVE_SINGLE, ANOTHER, BOTH, SINGLE_LOSS, Sentence
from fogofwar.extract.speakers import Attribution, ProseState, speaker_at
from fogofwar.extract.syntax import loss_by_syntax
from fogofwar.model import Claim, Evidence, Subject, Value

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
_FREED_BEFORE = re.compile(
    r"\b(?:freed|released|rescued|liberated|exchanged|swapped|evacuated)\s+(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_PART_OF = re.compile(
    r"\s+of\s+(?:them|whom|those|which|the\s+(?:dead|victims|killed|wounded|casualties))\b",
    re.IGNORECASE,
)
_AND_ANOTHER = re.compile(  # "killed a journalist and an ambulance driver": two
    r"\s+and\s+(?:a|an|one)\s+(?:[\w'’-]+\s+){0,2}?(?:driver|journalist|soldier|fighter|civilian|"
    r"officer|medic|doctor|nurse|worker|child|woman|man|policeman|volunteer)\b",
    re.IGNORECASE,
)
_CAPTIVE_NOUN = re.compile(r"(?:prisoners?|hostages?|POWs?|detainees|captives)\b", re.I)
_AGE = re.compile(r"[A-Z][\w'’-]+,\s*(?:aged\s+)?$|\((?:aged\s+)?$")


def figure_claims(
    sent: Sentence,
    attributions: list[Attribution],
    sides: SideIndex,
    state: ProseState,
    document_id: str,
    parsed: Any = None,
) -> list[Claim]:
    """The claims of the figures in one sentence, each credited to its nearest speaker; the
    words around a figure say what it counts, else its place in the parse (``parsed``).

    Stages: the figures of the sentence (mentions) -> what each counts (loss) -> whose losses
    and who says so (owner, claimant) -> the claim.
    """
    quantities, forced = sentence_figures(sent.text, attributions)
    losses = figure_losses(sent.text, quantities, forced, parsed)
    carry_parts(sent.text, quantities, losses, state.last_sentence_claims)
    claims: list[Claim] = []
    prev: tuple[Loss, Subject] | None = None
    for q, found in zip(quantities, losses, strict=True):
        if found is None:
            continue
        attribution = speaker_at(attributions, q.start)
        if found.kind == "captured" and _FREED_BEFORE.search(sent.text[: q.start]):
            continue  # "freed four hostages": a release, not a loss
        linked = _link_owner(sent.text, q, found, prev, attribution, sides, parsed)
        if linked is None:
            continue
        loss, subject = linked
        if not loss.breakdown:
            prev = (loss, subject)
        owner = _settle_subject(sent.text, q, loss, subject, attribution, sides, parsed)
        if owner is not None:
            first = q is quantities[0]
            claims.append(_claim(sent, q, loss, owner, attribution, state, first, document_id))
    return claims


def sentence_figures(
    text: str, attributions: list[Attribution]
) -> tuple[list[Quantity], dict[int, Loss | None]]:
    """The figures of a sentence that may count losses, in order: not dates, measures, ages or
    numbers in a speaker's name; single losses ("a soldier was killed") count one, with the
    loss their verb gives (``forced``, by offset)."""
    first_verb = min((a.verb_at for a in attributions if a.verb_at >= 0), default=-1)
    dates = find_dates(text)
    quantities = [
        q
        for q in find_quantities(text)
        if not any(q.start < d.end and d.start < q.end and is_date(text, d) for d in dates)
        and not not_a_count(text[q.end :])
        and not (first_verb >= 0 and q.end <= first_verb and _inside_subject(text, q, first_verb))
        and not (_AGE.search(text[: q.start]) and re.match(r"\s*[,)]", text[q.end :]))
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
    return quantities, forced


def figure_losses(
    text: str, quantities: list[Quantity], forced: dict[int, Loss | None], parsed: Any
) -> list[Loss | None]:
    """What each figure counts: the words after it, the verb before it, its list, its place in
    the parse, else a force size; None for a figure of nothing this ledger keeps."""
    losses: list[Loss | None] = []
    for i, q in enumerate(quantities):
        stop = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
        window = window_after(text, q.end, stop)
        if q.start in forced:
            losses.append(forced[q.start])
            continue
        loss = classify_after(window, text[q.end + len(window) :])
        captives = (
            loss is not None
            and loss.kind == "captured"
            and loss.trigger_start >= 0
            and _CAPTIVE_NOUN.match(window[loss.trigger_start :]) is not None
        )
        if loss is None or captives or (loss.kind == "captured" and loss.trigger_start >= 0):
            # "executed 4,000 prisoners", "executed 15 men who were captured": the verb before
            # says what befell the captives
            before = classify_before(text[: q.start], text[q.end : stop])
            if loss is None or captives or (before is not None and before.kind == "killed"):
                loss = before if before is not None else loss
        losses.append(loss)
    _fill_lists(text, quantities, losses)
    for i, q in enumerate(quantities):
        if losses[i] is None and parsed is not None:
            losses[i] = loss_by_syntax(parsed, q.start, q.end)
        if losses[i] is None:
            stop = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
            losses[i] = classify_strength(text[: q.start], window_after(text, q.end, stop))
        if losses[i] is None and parsed is not None:
            losses[i] = count_by_syntax(parsed, q.start, q.end) or force_by_syntax(
                parsed, q.start, q.end
            )
    return losses


def _link_owner(
    text: str,
    q: Quantity,
    loss: Loss,
    prev: tuple[Loss, Subject] | None,
    attribution: Attribution,
    sides: SideIndex,
    parsed: Any = None,
) -> tuple[Loss, Subject] | None:
    """Whose losses a figure counts; an elliptic figure ("and 30 more") takes the previous
    figure's noun, and its owner unless the parse names another ("suffered 15 killed and
    inflicted 470 casualties on X"). None when the figure turns out to count nothing kept."""
    phrase = loss.phrase
    if prev is not None and elliptic(phrase):
        retyped = _retype(loss, prev[0])
        if retyped is None:
            return None
        claimant = attribution.claimant
        named = stated_owner_by_parse(
            parsed, q.start, q.end, sides, claimant.side if claimant is not None else None
        )
        return retyped, named if named is not None else prev[1]
    if loss.elliptic_materiel:
        return None
    subject = sides.resolve(phrase, text)
    if subject.side is not None and subject.actor is None and not subject.civilian:
        subject = named_owner_by_parse(parsed, q.start, q.end, sides, None) or subject
    if subject.side is None and not subject.civilian:
        subject = own_or_context(text, q, subject, attribution, sides, loss, parsed)
        if subject.side is None and prev is not None and loss.what is not None:
            subject = replace(prev[1], actor=None)
    part = loss.breakdown or _PART_OF.match(text[q.end :]) is not None  # "14 of whom"
    if part and prev is not None and subject.side is None and not subject.civilian:
        subject = prev[1]
    return loss, subject


def _settle_subject(
    text: str,
    q: Quantity,
    loss: Loss,
    subject: Subject,
    attribution: Attribution,
    sides: SideIndex,
    parsed: Any = None,
) -> Subject | None:
    """The last word on a figure's owner: a force belongs to whoever the parse says has it
    ("the Polish army had", "Philip's army of"), else to the clause's subject; displaced people
    are civilians; None for a figure nobody can own that is not worth keeping."""
    if loss.kind == "strength" and subject.side is None and parsed is not None:
        owner = force_owner(parsed, q.start, q.end)
        found = sides.resolve(owner) if owner else None
        if found is not None and found.side is not None:
            subject = Subject(side=found.side, actor=found.actor)
    if loss.kind == "strength" and subject.side is None:
        subject = subject_of_force(text[: q.start], sides, subject)
        if subject.side is None:
            return None
    if (
        subject.side is None
        and not subject.civilian
        and not NOUNISH.search(loss.phrase)
        and attribution.claimant is None
        and loss.kind in ("captured", "displaced")
    ):
        return None
    if loss.kind == "displaced" and subject.side is None and not subject.civilian:
        subject = displaced_civilians(loss.phrase, sides, subject)
    return subject


def _claim(
    sent: Sentence,
    q: Quantity,
    loss: Loss,
    subject: Subject,
    attribution: Attribution,
    state: ProseState,
    first: bool,
    document_id: str,
) -> Claim:
    """The claim of one figure, its value and stance ("five more" adds to the claimant's
    earlier figure) and its evidence."""
    text = sent.text
    value = Value(q.low, q.high, q.words, q.approx, what=loss.what)
    stance = attribution.stance
    if (
        _MORE.match(text[q.end :])
        and q.low is not None
        and first
        and attribution.claimant is not None
    ):
        value, stance = _incremented(value, loss.kind, subject, attribution, state)
    end = _evidence_end(text, q, loss)
    return Claim(
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


def _retype(loss: Loss, prev: Loss) -> Loss | None:
    """ "one vehicle was captured and one was destroyed": the second counts vehicles too;
    "six vehicles destroyed, and dozens injured": the second counts people again."""
    if loss.kind in ("killed", "injured", "missing", "killed_or_injured", "displaced"):
        return loss
    if prev.what is None:
        return None if loss.elliptic_materiel else loss
    # the same typing rule, with the noun named earlier
    return typed(raw_of(loss.kind), prev.what, loss.trigger_start, loss.trigger_end)


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
