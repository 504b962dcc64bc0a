"""Claims from prose: every figure of losses or force in a parsed sentence, with what it counts,
whose losses they are, and its speaker (found by ``speakers``); corroborations of a figure."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from fogofwar.extract.actors import SideIndex
from fogofwar.extract.attribution import make_claimant, same_claimant
from fogofwar.extract.figures import PART_OF as _PART_OF
from fogofwar.extract.figures import figure_losses, sentence_figures
from fogofwar.extract.forces import force_owner
from fogofwar.extract.losses import Loss, raw_of, typed
from fogofwar.extract.narrative_forces import names_a_force
from fogofwar.extract.owner_syntax import named_owner_by_parse, stated_owner_by_parse
from fogofwar.extract.owners import (
    NOUNISH,
    displaced_civilians,
    elliptic,
    own_or_context,
    subject_of_force,
)
from fogofwar.extract.parts import carry_parts
from fogofwar.extract.quantities import Quantity
from fogofwar.extract.sentences import Sentence
from fogofwar.extract.speakers import Attribution, ProseState, speaker_at
from fogofwar.model import Claim, Evidence, Subject, Value

_MORE = re.compile(r"^\s+(?:more|additional|further)\b", re.IGNORECASE)
CORROBORATED_BY = re.compile(
    r"\b(?:was|were|has\s+been|had\s+been|is)\s+(?:later\s+|also\s+|independently\s+)?"
    r"(?:corroborated|confirmed|verified|backed\s+up|echoed)\s+by\s+(?P<name>[^,;.]{2,60})",
    re.IGNORECASE,
)
_FREED_BEFORE = re.compile(
    r"\b(?:freed|released|rescued|liberated|exchanged|swapped|evacuated)\s+(?:[\w'’-]+\s+){0,2}$",
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
    words around a figure say what it counts, else its place in the parse (``parsed``).

    Stages: the figures of the sentence (mentions) -> what each counts (loss) -> whose losses
    and who says so (owner, claimant) -> the claim.
    """
    quantities, forced = sentence_figures(sent.text, attributions)
    losses = figure_losses(sent.text, quantities, forced, parsed)
    carry_parts(sent.text, quantities, losses, state.last_sentence_claims, parsed)
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
        owner = _settle_subject(sent, q, loss, subject, attribution, sides, parsed)
        if owner is not None:
            first = q is quantities[0]
            claims.append(_claim(sent, q, loss, owner, attribution, state, first, document_id))
    return claims


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
    sent: Sentence,
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
    text = sent.text
    if loss.kind == "strength" and subject.side is None and parsed is not None:
        owner = force_owner(parsed, q.start, q.end)
        found = sides.resolve(owner) if owner else None
        if found is not None and found.side is not None:
            subject = Subject(side=found.side, actor=found.actor)
    if loss.kind == "strength" and subject.side is None:
        subject = subject_of_force(text[: q.start], sides, subject)
        if subject.side is None:
            subject = _force_of_section(sent.section, sides, subject)
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


def _force_of_section(section: str, sides: SideIndex, subject: Subject) -> Subject:
    """ "Ethiopian forces", "The Polish army": a section an order of battle is listed under
    names whose forces its figures count; a heading that names no force says nothing."""
    if not names_a_force(section):
        return subject
    found = sides.resolve(section)
    return Subject(side=found.side, actor=found.actor) if found.side is not None else subject


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
