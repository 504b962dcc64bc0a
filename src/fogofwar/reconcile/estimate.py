"""Claims -> estimates: one per event x side (or civilians) x kind, with the side's actors as
detail, low / best / high and a reason naming each rule of the policy it applied."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from fogofwar.model import NUMERIC_KINDS, Claim, Estimate, Event
from fogofwar.reconcile.align import aligned_sides
from fogofwar.reconcile.figures import Aligned, Figure, figures, name, revised, span, who
from fogofwar.reconcile.policy import Policy, load_policy
from fogofwar.reconcile.scope import Floor, floor_of, incidents_high, pick

GroupKey = tuple[str, int | None, bool, str]  # event, side, civilian, kind


def _key(c: Claim) -> GroupKey:
    return (c.event, c.subject.side, c.subject.civilian, c.kind)


def _event_map(events: Iterable[Event] | Mapping[str, Event] | None) -> Mapping[str, Event]:
    if events is None:
        return {}
    if isinstance(events, Mapping):
        return events
    return {e.id: e for e in events}


def reconcile(
    claims: Iterable[Claim],
    policy: Policy | None = None,
    events: Iterable[Event] | Mapping[str, Event] | None = None,
) -> list[Estimate]:
    """Estimates for every event x side x numeric kind that has claims (R7: none otherwise),
    each followed by its actors' estimates as detail. ``events`` (the claims' events) lets R2
    tell which states fight or back a side; without them only the claims tell."""
    policy = policy or load_policy()
    groups: dict[GroupKey, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind in NUMERIC_KINDS:
            groups[_key(c)].append(c)
    numeric = [c for g in groups.values() for c in g]
    aligned = aligned_sides(numeric, _event_map(events), policy.aligned)
    out = []
    for group in groups.values():
        out.extend(_group_estimates(group, policy, aligned))
    return sorted(out, key=lambda e: (e.event, e.civilian, e.side or 0, e.actor or "", e.kind))


def superseded(claims: Iterable[Claim], policy: Policy | None = None) -> dict[str, str]:
    """R1: claim id -> id of the same claimant's later revision that replaces it."""
    policy = policy or load_policy()
    groups: dict[GroupKey, list[Claim]] = defaultdict(list)
    for c in claims:
        groups[_key(c)].append(c)
    out: dict[str, str] = {}
    for group in groups.values():
        _, withdrawn = revised(group, policy)
        out.update({old: new.id for old, new in withdrawn.items()})
    return out


def _group_estimates(group: list[Claim], policy: Policy, aligned: Aligned) -> list[Estimate]:
    """The side's estimate from all its claims (actors rolled up), then one per actor."""
    live, withdrawn = revised(group, policy)
    by_id = {c.id: c for c in group}
    out = []
    side = _estimate(live, _revision_notes(withdrawn, by_id, policy), policy, aligned, None)
    if side is not None:
        extra = _breakdown_notes(live, policy) if policy.breakdown else []
        out.append(_with_notes(side, extra))
    actors = dict.fromkeys(c.subject.actor for c in group if c.subject.actor)
    for actor in actors:
        mine = [c for c in live if c.subject.actor == actor]
        gone = {k: v for k, v in withdrawn.items() if by_id[k].subject.actor == actor}
        est = _estimate(mine, _revision_notes(gone, by_id, policy), policy, aligned, actor)
        if est is not None:
            out.append(est)
    return out


def _with_notes(est: Estimate, extra: list[str]) -> Estimate:
    if not extra:
        return est
    reason = est.reason[:-1] + ". " + ". ".join(extra) + "."
    return Estimate(
        est.event, est.side, est.actor, est.civilian, est.kind,
        est.low, est.best, est.high, est.basis, reason,
    )  # fmt: skip


def _revision_notes(
    withdrawn: Mapping[str, Claim], by_id: Mapping[str, Claim], policy: Policy
) -> list[str]:
    notes = []
    for old_id, new in withdrawn.items():
        old = by_id[old_id]
        verb = "keeps" if span(new) == span(old) else "replaces"
        whose = "its" if who(old) == who(new) else _possessive(who(old))
        notes.append(
            f"{policy.rule['revision']}: {_possessive(who(new))} revised statement "
            f"{span(new)} {verb} {whose} earlier {span(old)} ({old.id} withdrawn)"
        )
    return notes


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _side_notes(figs: list[Figure], policy: Policy) -> list[str]:
    """R2: partisan figures, and the claimants found aligned with a side."""
    notes = []
    aligned = dict.fromkeys(f.aligned for f in figs if f.aligned)
    for why in aligned:
        notes.append(
            f"{policy.rule['aligned']}: {why}, so it is that side's voice, not independent"
        )
    partisan = [f for f in figs if f.cls == "partisan"]
    if partisan:
        notes.append(
            f"{policy.rule['partisan']}: "
            + "; ".join(
                f"{f.show()} is a side-{f.speaks_for or '?'} claim about its adversary's "
                "losses, so it may set high but not best"
                for f in partisan
            )
        )
    return notes


def _best_of_totals(totals: list[Figure], policy: Policy) -> tuple[Figure | None, str]:
    """R3: the best total and the note saying why."""
    for tier in policy.tiers:
        pool = [f for f in totals if f.cls in tier]
        if not pool:
            continue
        chosen, note = pool, ""
        if policy.prefer_corroborated and any(f.corroborated for f in pool):
            chosen = [f for f in pool if f.corroborated]
            note = " (corroborated figures preferred)"
        top = pick(chosen, policy)
        listed = ", ".join(f"{f.show()} [{f.label()}]" for f in pool)
        if len(pool) > 1:
            return top, (
                f"{policy.rule['best']}: best {top.low} from {top.who}, the "
                f"{policy.among_equals} of the most reliable figures{note}: {listed}"
            )
        return top, (
            f"{policy.rule['best']}: best {top.low} from {listed}, "
            "the most reliable figure available"
        )
    return None, f"{policy.rule['best']}: no total reliable enough for best (only partisan claims)"


def _estimate(
    live: list[Claim], notes: list[str], policy: Policy, aligned: Aligned, actor: str | None
) -> Estimate | None:
    """Low / best / high for the live claims of one side (or one actor) and kind."""
    figs = figures(live, policy, aligned, roll_up=actor is None)
    if not figs:
        return None  # R7
    notes = notes + _side_notes(figs, policy)
    elsewhere = [c for c in live if c.scope == "other" and c.value.low is not None]
    if elsewhere:
        notes.append(
            f"{policy.rule['scope']}: {len(elsewhere)} figure(s) about other events left out "
            f"({', '.join(f'{who(c)} {span(c)}' for c in elsewhere)})"
        )
    totals = [f for f in figs if f.scope == "total"]
    reliable = frozenset().union(*policy.tiers)
    floor_best = floor_of(figs, reliable, policy, lowest=False)
    floor_low = floor_of(figs, policy.credible, policy, lowest=True)
    best_fig, best_note = _best_of_totals(totals, policy)
    best = best_fig.low if best_fig else None
    basis_first: tuple[Figure, ...] = (best_fig,) if best_fig else ()
    if totals:
        notes.append(best_note)
        if floor_low:
            notes.append(
                f"{policy.rule['scope']}: best comes from the event's totals; "
                f"{floor_low.says}, a floor for low"
            )
    elif floor_best:
        best, basis_first = floor_best.value, floor_best.figures
        notes.append(
            f"{policy.rule['scope']}: no event total, so best {best} is the floor: "
            f"{floor_best.says} (partisan figures aside)"
        )
    else:
        notes.append(f"{policy.rule['best']}: no figure reliable enough for best")
    low, high = _range(totals, figs, floor_low, best, notes, policy)
    if live and any(c.stance == "deny" for c in live):
        notes.append("denied by " + ", ".join(who(c) for c in live if c.stance == "deny"))
    first = live[0]
    ids = [c.id for f in basis_first for c in f.claims] + [c.id for f in figs for c in f.claims]
    return Estimate(
        first.event,
        first.subject.side,
        actor,
        first.subject.civilian,
        first.kind,
        low,
        best,
        high,
        tuple(dict.fromkeys(ids)),
        ". ".join(notes) + ".",
    )


def _range(
    totals: list[Figure],
    figs: list[Figure],
    floor: Floor | None,
    best: int | None,
    notes: list[str],
    policy: Policy,
) -> tuple[int | None, int | None]:
    """R4: low, the lowest credible total raised to the incidents' floor (never above best);
    high, the highest figure anyone claims (the incidents' sum counting as one)."""
    credible = [f.low for f in totals if f.cls in policy.credible]
    low = min(credible) if credible else None
    low_txt = f"low {low} is the lowest credible figure" if low is not None else ""
    if floor is not None and best is not None and floor.value > best:
        low = best if low is None else min(low, best)
        low_txt = (
            f"low {low}; the credible incidents and running counts come to {floor.value}, "
            "more than best: FLAGGED, the totals may count less than the event"
        )
    elif floor is not None and (low is None or floor.value > low):
        low = floor.value
        low_txt = f"low {low} is the floor of the credible incidents and running counts"
    wide = [f for f in figs if f.scope in ("total", "cumulative")]
    top = max(wide, key=lambda f: f.top) if wide else None
    summed = incidents_high(figs, figs[0].claim.kind in policy.additive_kinds)
    if top is not None and (summed is None or top.top >= summed):
        high: int | None = top.top
        open_txt = " (open-ended, its stated minimum)" if top.high is None else ""
        high_txt = f"high {high} is the highest figure claimed, by {top.who}{open_txt}"
    else:
        high = summed
        high_txt = f"high {high} is what the incidents come to at most, as claimed"
    notes.append(f"{policy.rule['range']}: {low_txt or 'no credible figure for low'}; {high_txt}")
    return low, high


def _breakdown_notes(live: list[Claim], policy: Policy) -> list[str]:
    """R5: for each claimant giving a side total and parts (per actor), do the parts add up?"""
    parts: dict[str, list[Claim]] = defaultdict(list)
    for c in live:
        if (
            c.subject.actor
            and c.stance != "deny"
            and c.value.low is not None
            and c.scope == "total"
        ):
            parts[name(c)].append(c)
    notes = []
    for total in live:
        mine = parts.get(name(total), [])
        if (
            not mine
            or total.subject.actor
            or total.value.low is None
            or total.scope != "total"
            or total.stance == "deny"
        ):
            continue
        s = sum(p.value.low or 0 for p in mine)
        terms = "+".join(f"{p.value.low} {p.subject.actor}" for p in mine)
        t_low, t_high = total.value.low, total.value.high
        if t_low <= s <= (t_high or t_low) or (t_high is None and s >= t_low):
            verdict = f"adds up to its total {t_low}"
        elif s < t_low:
            verdict = f"is {s}, less than its total {t_low} (partial breakdown)"
        else:
            verdict = f"is {s}, more than its total {t_low}: FLAGGED, does not add up"
        notes.append(
            f"{policy.rule['breakdown']}: {who(total)}'s breakdown {terms} "
            f"{verdict}; the parts are not added to the total"
        )
    return notes
