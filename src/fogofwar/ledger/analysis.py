"""Ledger-wide analysis: estimates recomputed from the current claims, one event at a time."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from fogofwar.ledger.query import EventFilter, iter_event_claims
from fogofwar.ledger.sources import SourceProfile, source_profiles
from fogofwar.ledger.store import Ledger
from fogofwar.model import Claim, Estimate
from fogofwar.reconcile import Policy, load_policy, reconcile

__all__ = ["SourceProfile", "claim_groups", "estimates", "iter_estimates", "source_profiles"]


def iter_estimates(
    ledger: Ledger, flt: EventFilter | None = None, policy: Policy | None = None
) -> Iterator[Estimate]:
    """Estimates for the matching events by event id (as ``reconcile`` orders them), reconciled
    event by event as the claims are read: memory holds one page of events, whatever the size
    of the ledger."""
    policy = policy or load_policy()
    last = None
    for event, claims in iter_event_claims(ledger, flt, by_id=True):
        if event.id != last:  # an id two documents share: its claims were read together
            yield from reconcile(claims, policy, events=[event])
        last = event.id


def estimates(
    ledger: Ledger, flt: EventFilter | None = None, policy: Policy | None = None
) -> list[Estimate]:
    """Estimates for the matching events, recomputed from their current claims."""
    return list(iter_estimates(ledger, flt, policy))


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
