"""Ledger-wide analysis: estimates recomputed from claims, and source profiles."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from fogofwar.ledger.query import EventFilter, claims_by_claimant, event_claims, list_events
from fogofwar.ledger.store import Ledger
from fogofwar.model import NUMERIC_KINDS, Claim, Estimate
from fogofwar.reconcile import Policy, load_policy, reconcile


def estimates(
    ledger: Ledger, flt: EventFilter | None = None, policy: Policy | None = None
) -> list[Estimate]:
    """Estimates for the matching events, recomputed from their current claims."""
    events = list_events(ledger, flt)
    by_event = event_claims(ledger, [e.id for e in events])
    return reconcile(
        (c for e in events for c in by_event[e.id]), policy or load_policy(), events=events
    )


@dataclass(frozen=True)
class SourceProfile:
    """One claimant across the ledger."""

    claimant: str
    kinds: tuple[str, ...]
    sides: tuple[int, ...]
    claims: int
    events: int
    compared: int  # figures about adversaries' losses with a reconciled best to compare to
    median_ratio: float | None  # median of claimed figure / reconciled best

    def to_dict(self) -> dict[str, Any]:
        return {
            "claimant": self.claimant,
            "kinds": list(self.kinds),
            "sides": list(self.sides),
            "claims": self.claims,
            "events": self.events,
            "compared": self.compared,
            "median_ratio": self.median_ratio,
        }


def _group(c: Claim) -> tuple[str, int | None, str | None, bool, str]:
    return (c.event, c.subject.side, c.subject.actor, c.subject.civilian, c.kind)


def source_profiles(ledger: Ledger, policy: Policy | None = None) -> list[SourceProfile]:
    """Per claimant: claims, events, and the median ratio of its figures about its adversaries'
    losses to the reconciled best (above 1: it claims more than the ledger's best)."""
    by_claimant = claims_by_claimant(ledger)
    all_claims = [c for group in by_claimant.values() for c in group]
    best = {
        (e.event, e.side, e.actor, e.civilian, e.kind): e.best
        for e in reconcile(all_claims, policy or load_policy())
    }
    out = []
    for name, claims in by_claimant.items():
        if name is None:
            continue
        ratios = []
        for c in claims:
            who = c.claimant
            if (
                who is None
                or who.side is None
                or c.subject.side is None
                or c.subject.side == who.side
                or c.kind not in NUMERIC_KINDS
                or c.value.low is None
                or c.stance == "deny"
            ):
                continue
            ref = best.get(_group(c))
            if ref:
                ratios.append(c.value.low / ref)
        kinds: dict[str, None] = {}
        sides: dict[int, None] = {}
        for c in claims:
            if c.claimant is not None:
                kinds[c.claimant.kind] = None
                if c.claimant.side is not None:
                    sides[c.claimant.side] = None
        out.append(
            SourceProfile(
                name,
                tuple(kinds),
                tuple(sorted(sides)),
                len(claims),
                len({c.event for c in claims}),
                len(ratios),
                round(statistics.median(ratios), 3) if ratios else None,
            )
        )
    return sorted(out, key=lambda p: (-p.claims, p.claimant))


def claim_groups(claims: list[Claim]) -> dict[tuple[str, str], list[Claim]]:
    """Claims grouped by (kind, whose): for display."""
    out: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        s = c.subject
        whose = (
            "civilians"
            if s.civilian
            else f"side {s.side}"
            if s.side is not None
            else "unknown side"
        )
        if s.actor:
            whose += f" ({s.actor})"
        out[(c.kind, whose)].append(c)
    return dict(out)
