"""R6 scope: which figures may give `best` (the event's totals), and the floors that distinct
incidents and running counts set (DESIGN.md, "Reconciliation" 6)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from fogofwar.reconcile.figures import Figure
from fogofwar.reconcile.policy import Policy


@dataclass(frozen=True)
class Floor:
    """A lower bound from incidents or a running count: its value, the figures it rests on, and
    how a person can check it."""

    value: int
    figures: tuple[Figure, ...]
    says: str


def incident_key(f: Figure) -> tuple[str, ...]:
    """Figures taken for one incident: said on the same date, or undated and of the same number
    (two reports of one strike; two strikes of equal toll count once, which keeps the floor a
    floor)."""
    c = f.claim
    if c.said_on:
        return ("date", c.said_on)
    return ("number", str(f.low), str(f.high))


def pick(figs: Iterable[Figure], policy: Policy) -> Figure:
    """Among figures of equal standing, the lower (or higher, as the policy says)."""
    choose = min if policy.among_equals == "lowest" else max
    return choose(figs, key=lambda f: f.low)


def by_rank(figs: list[Figure], policy: Policy) -> Figure:
    """The figure of the first tier that has one (among equals as the policy says)."""
    for tier in policy.tiers:
        pool = [f for f in figs if f.cls in tier]
        if pool:
            return pick(pool, policy)
    return pick(figs, policy)


def incidents_floor(
    figs: list[Figure],
    allowed: frozenset[str],
    choose: Callable[[list[Figure]], Figure],
    additive: bool,
) -> Floor | None:
    """The sum of distinct incidents, each counted once (one figure per incident, chosen by
    ``choose``) from the claimant classes ``allowed``; for a kind that does not add up, the
    largest of them."""
    groups: dict[tuple[str, ...], list[Figure]] = defaultdict(list)
    for f in figs:
        if f.scope == "incident" and f.cls in allowed and f.claim.stance != "corroborate":
            groups[incident_key(f)].append(f)
    if not groups:
        return None
    chosen = tuple(choose(g) for g in groups.values())
    n = len(chosen)
    if not additive:
        top = max(chosen, key=lambda f: f.low)
        return Floor(top.low, (top,), f"the largest of {n} incident figure(s) is {top.show()}")
    total = sum(f.low for f in chosen)
    terms = " + ".join(f.show() for f in chosen)
    if n == 1:
        return Floor(total, chosen, f"1 incident ({terms}) counts {total}")
    return Floor(total, chosen, f"{n} distinct incidents ({terms}) add up to {total}")


def running_floor(figs: list[Figure], allowed: frozenset[str]) -> Floor | None:
    """The latest running count ("as of ...") from the claimant classes ``allowed``."""
    pool = [f for f in figs if f.scope == "cumulative" and f.cls in allowed]
    if not pool:
        return None
    latest = max(
        pool,
        key=lambda f: (f.claim.said_on or "", max((e.start for e in f.claim.evidence), default=0)),
    )
    return Floor(latest.low, (latest,), f"the latest running count is {latest.show()}")


def floor_of(
    figs: list[Figure], allowed: frozenset[str], policy: Policy, lowest: bool
) -> Floor | None:
    """The higher of the incidents' sum and the latest running count: both are floors."""
    choose: Callable[[list[Figure]], Figure] = (
        (lambda g: min(g, key=lambda f: f.low)) if lowest else (lambda g: by_rank(g, policy))
    )
    additive = bool(figs) and figs[0].claim.kind in policy.additive_kinds
    incidents = incidents_floor(figs, allowed, choose, additive)
    floors = [x for x in (incidents, running_floor(figs, allowed)) if x]
    return max(floors, key=lambda x: x.value) if floors else None


def incidents_high(figs: list[Figure], additive: bool) -> int | None:
    """The most anyone claims over the incidents: the sum of each incident's highest figure
    (the largest of them for a kind that does not add up)."""
    groups: dict[tuple[str, ...], int] = defaultdict(int)
    for f in figs:
        if f.scope == "incident":
            key = incident_key(f)
            groups[key] = max(groups[key], f.top)
    if not groups:
        return None
    return sum(groups.values()) if additive else max(groups.values())
