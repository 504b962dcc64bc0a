"""The figures of a sentence and what each counts: the mention and loss stages of prose claims.

:func:`sentence_figures` finds the figures that may count losses (not dates, measures, ages, or
numbers in a speaker's name) and the single losses ("a soldier was killed"); :func:`figure_losses`
gives each what it counts: the words after it, the verb before it, its list or breakdown, its
place in the parse, else a force size. The owner and claimant stages are in ``prose``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from fogofwar.extract.dates import find_dates, is_date
from fogofwar.extract.forces import count_by_syntax, force_by_syntax
from fogofwar.extract.losses import (
    CLAUSE_BOUNDARY,
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
from fogofwar.extract.predicates import (
    counts_nothing_lost,
    measured_loss,
    object_loss,
    told_by_be,
    went_down_with,
)
from fogofwar.extract.quantities import Quantity, find_quantities
from fogofwar.extract.sentences import ACTIVE_SINGLE, ANOTHER, BOTH, SINGLE_LOSS
from fogofwar.extract.speakers import Attribution
from fogofwar.extract.syntax import loss_by_syntax

_BREAKDOWN = re.compile(
    r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+which|"
    r"of\s+them|comprising|consisting\s+of)\b|:",
    re.IGNORECASE,
)
PART_OF = re.compile(
    r"\s+of\s+(?:them|whom|those|which|the\s+(?:dead|victims|killed|wounded|casualties))\b",
    re.IGNORECASE,
)
_AND_ANOTHER = re.compile(  # "killed a journalist and an ambulance driver": two
    r"\s+and\s+(?:a|an|one)\s+(?:[\w'’-]+\s+){0,2}?(?:driver|journalist|soldier|fighter|civilian|"
    r"officer|medic|doctor|nurse|worker|child|woman|man|policeman|volunteer)\b",
    re.IGNORECASE,
)
# the gap between two items of one list: a comma, "and", or a word of accompaniment ("killed 195
# militants, along with 14 soldiers and 2 volunteers")
_LIST_GAP = re.compile(
    r"[^;.:]*?(?:,|\band\b|\balong\s+with|\btogether\s+with|\bas\s+well\s+as|\bplus)\s*",
    re.IGNORECASE,
)
_CAPTIVE_NOUN = re.compile(r"(?:prisoners?|hostages?|POWs?|detainees|captives)\b", re.I)
_AGE = re.compile(r"[A-Z][\w'’-]+,\s*(?:aged\s+)?$|\((?:aged\s+)?$")


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
    return _with_all_of_them(text, quantities), forced


_ALL_OF_THEM = re.compile(r"\ball\s+(?:of\s+)?(?:them|whom|those)\b", re.IGNORECASE)


def _with_all_of_them(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """ "a rearguard of 200 to 300 men held the crossing; all of them were killed": "all of
    them" with a loss after it counts the figure before it, once more, with that loss."""
    added = []
    for m in _ALL_OF_THEM.finditer(text):
        before = [q for q in quantities if q.end <= m.start()]
        loss = classify_after(window_after(text, m.end(), len(text)))
        if before and loss is not None and loss.kind != "strength":
            last = before[-1]
            added.append(Quantity(m.start(), m.end(), last.low, last.high, last.words, last.approx))
    return sorted([*quantities, *added], key=lambda q: q.start) if added else quantities


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
        if captives and loss is not None and loss.kind == "captured":
            loss = _captives_fate(window, loss)
        losses.append(_parse_first(parsed, q, loss))
    _fill_lists(text, quantities, losses)
    for i, q in enumerate(quantities):
        if parsed is not None and counts_nothing_lost(parsed, q.start, q.end):
            losses[i] = None
            continue
        if losses[i] is None and parsed is not None:
            losses[i] = loss_by_syntax(parsed, q.start, q.end) or measured_loss(
                parsed, q.start, q.end
            )
    if parsed is not None:
        # a count the parse states ("the death toll had reached 100") is known before its
        # breakdown and its companions are read ("including 19 civilians and 61 militants")
        for i, q in enumerate(quantities):
            if losses[i] is None:
                losses[i] = count_by_syntax(parsed, q.start, q.end)
        _fill_lists(text, quantities, losses)
        _fill_parts_told_by_be(text, parsed, quantities, losses)
    _fill_parenthesised_parts(text, quantities, losses)
    for i, q in enumerate(quantities):
        if losses[i] is None:
            stop = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
            losses[i] = classify_strength(text[: q.start], window_after(text, q.end, stop))
        if losses[i] is None and parsed is not None:
            losses[i] = force_by_syntax(parsed, q.start, q.end)
    return losses


def _captives_fate(window: str, loss: Loss) -> Loss:
    """ "10 hostages were killed in air strikes": what the words after a captive noun say
    befell them beats the noun ("hostages" alone are captured)."""
    later = classify_after(window[loss.trigger_end :])
    if later is None or later.kind != "killed":
        return loss
    start, end = loss.trigger_end + later.trigger_start, loss.trigger_end + later.trigger_end
    return Loss("killed", window[: loss.trigger_end], None, start, end)


def _parse_first(parsed: Any, q: Quantity, loss: Loss | None) -> Loss | None:
    """Where the parse ties a figure to a loss predicate the words after it do not see, the
    parse wins: the verb it is the object of ("sank two of the ships and damaged the third",
    "killing 13 of the wounded"), the vessel it went down with ("taking all 36 crew with her")."""
    if parsed is None:
        return loss
    aboard = went_down_with(parsed, q.start, q.end)
    if aboard is not None:
        return aboard
    if loss is None or loss.trigger_start < 0:
        return loss  # no loss word after the figure to second-guess
    governed = object_loss(parsed, q.start, q.end)
    if governed is None or governed.kind == loss.kind:
        return loss
    # the verb's kind; the words after the figure still say whose losses they are
    return replace(loss, kind=governed.kind, what=governed.what or loss.what)


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
        elif raw_verb is not None and not _LIST_GAP.fullmatch(gap):
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
                _breaks_down(gap)
                or PART_OF.match(text[quantities[i].end :])  # "300 of them civilians"
                or (prev.trigger_start == -1 and _LIST_GAP.fullmatch(gap))
            )
        ):
            parent = prev
        elif parent is not None and not _LIST_GAP.fullmatch(gap):
            parent = None
        if parent is not None:
            stop = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
            own = window_after(text, quantities[i].end, stop)
            if parent.trigger_start == -1 and not _breaks_down(gap):
                losses[i] = retype_as(parent, own)  # "destroying A, B and C": a list
            else:
                losses[i] = Loss(parent.kind, own, parent.what, -1, -1, breakdown=True)
    for i in range(len(losses) - 2, -1, -1):
        nxt = losses[i + 1]
        part = nxt is not None and (nxt.breakdown or PART_OF.match(text[quantities[i + 1].end :]))
        if losses[i] is None and nxt is not None and nxt.kind not in ("displaced",) and not part:
            # "264 service members, 53 of them wounded": a part does not lend its total its kind
            gap = text[quantities[i].end : quantities[i + 1].start]
            if (
                len(gap) < 60
                and re.fullmatch(r"[^;.:]*?(?:,|\band\b)[^;.:]*", gap)
                and not re.search(r"\b(?:were|was|had|have)\b", gap)
            ):
                losses[i] = retype_as(nxt, gap)


def _breaks_down(gap: str) -> bool:
    """Whether the words between two figures open a breakdown of the first ("killed 30,
    including 2"); not when a new clause starts after the marker ("fled, some of them mixing
    with civilians while 50 remained")."""
    marks = list(_BREAKDOWN.finditer(gap))
    return bool(marks) and CLAUSE_BOUNDARY.search(gap[marks[-1].end() :]) is None


def _fill_parts_told_by_be(
    text: str, parsed: Any, quantities: list[Quantity], losses: list[Loss | None]
) -> None:
    """ "of the twelve killed, six were from out of the country", "37 of the dead were rebels
    and only two were civilians": a bare figure that "be" tells what its people were is a part
    of the loss before it in the sentence, of its kind."""
    parent: Loss | None = None
    for i, q in enumerate(quantities):
        current = losses[i]
        if current is not None:
            parent = current if current.kind != "strength" else None
        elif parent is not None and told_by_be(parsed, q.start, q.end):
            stop = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
            own = window_after(text, q.end, stop)
            losses[i] = Loss(parent.kind, own, parent.what, -1, -1, breakdown=True)


# a parenthesis opened right after a figure, and the words in it before its first figure
# ("47 soldiers (two officers", "around 1,000 (some reports claimed 60 or 70)")
_OPENS_PARENTHESIS = re.compile(r"[^()]{0,60}\(\s*(?:[^()\d;.]{0,40}\s)?")


def _fill_parenthesised_parts(
    text: str, quantities: list[Quantity], losses: list[Loss | None]
) -> None:
    """ "47 soldiers (two officers, seven NCOs, 38 corporals and soldiers)": the figures in a
    parenthesis right after a loss or a stated count are its parts, or the other estimates of
    it ("reduced to around 1,000 (some reports claimed 60 or 70)"), of its kind."""
    parent: Loss | None = None
    for i in range(1, len(quantities)):
        gap = text[quantities[i - 1].end : quantities[i].start]
        prev, current = losses[i - 1], losses[i]
        if prev is not None and not prev.breakdown and _OPENS_PARENTHESIS.fullmatch(gap):
            parent = prev
        elif parent is None or not re.fullmatch(r"[^();.]*?(?:,|\band\b)\s*", gap):
            parent = None
            continue
        if current is None and parent is not None:
            stop = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
            own = window_after(text, quantities[i].end, stop)
            losses[i] = Loss(parent.kind, own, parent.what, -1, -1, breakdown=True)


def retype_as(model: Loss, phrase: str) -> Loss | None:
    """The loss word of ``model`` applied to another list item, typed by that item's own noun."""
    return typed(raw_of(model.kind), phrase)
