"""What every export needs: events with their current claims and estimates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fogofwar.ledger import EventFilter, Ledger, event_claims, list_events
from fogofwar.model import Claim, Estimate, Event
from fogofwar.reconcile import Policy, load_policy, reconcile


@dataclass(frozen=True)
class Bundle:
    """One event with its current claims and its estimates."""

    event: Event
    claims: tuple[Claim, ...]
    estimates: tuple[Estimate, ...]

    def killed(self, side: int | None, civilian: bool = False) -> Estimate | None:
        """The side-level (no actor) killed estimate for a side or for civilians."""
        for e in self.estimates:
            if (
                e.kind == "killed"
                and e.actor is None
                and e.civilian == civilian
                and (civilian or e.side == side)
            ):
                return e
        return None

    def sides(self) -> list[int]:
        return sorted({s.side for s in self.event.sides})

    def actors(self, side: int) -> list[str]:
        return [a.name for s in self.event.sides if s.side == side for a in s.actors]

    def claimants(self) -> list[str]:
        return list(dict.fromkeys(c.claimant.name for c in self.claims if c.claimant))


def bundles(
    ledger: Ledger, flt: EventFilter | None = None, policy: Policy | None = None
) -> list[Bundle]:
    """Bundles for the matching current events."""
    pol = policy or load_policy()
    events = list_events(ledger, flt)
    by_event = event_claims(ledger, [e.id for e in events])
    return [
        Bundle(e, tuple(by_event[e.id]), tuple(reconcile(by_event[e.id], pol, events=[e])))
        for e in events
    ]


def date_prec(event: Event) -> int | None:
    """UCDP date_prec: 1 day, 2 span of 2-6 days, 3 week, 4 month, 5 year (or longer span)."""
    d = event.date
    if d is None or d.precision is None:
        return None
    if d.precision == "day":
        try:
            days = (
                date.fromisoformat(d.end or d.start or "") - date.fromisoformat(d.start or "")
            ).days + 1
        except ValueError:
            return 1
        return 1 if days <= 1 else 2 if days <= 6 else 3 if days <= 7 else 4 if days <= 31 else 5
    return {"week": 3, "month": 4, "year": 5}[d.precision]


def year(event: Event) -> str:
    return (event.date.start or "")[:4] if event.date and event.date.start else ""


def total(parts: list[Estimate | None], attr: str) -> int:
    """Sum of an attribute over estimates, unknowns as zero."""
    return sum(getattr(e, attr) or 0 for e in parts if e is not None)
