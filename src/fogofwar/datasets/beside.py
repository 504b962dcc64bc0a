"""Dataset claims beside the article claims of one event: one line for ``fogofwar show``."""

from __future__ import annotations

from collections import defaultdict

from fogofwar.datasets.acled import SOURCE as ACLED
from fogofwar.datasets.ucdp import SOURCE as UCDP
from fogofwar.export.common import fatalities
from fogofwar.model import Claim, Event
from fogofwar.reconcile import Policy, reconcile

SOURCES = (UCDP, ACLED)


def _whose(c: Claim) -> str:
    s = c.subject
    return "civilians" if s.civilian else f"side {s.side}" if s.side is not None else "no side"


def beside_lines(claims: list[Claim], policy: Policy, event: Event) -> list[str]:
    """Per dataset among the claims: its rows' killed figures by side, and the fatality estimate
    of the event's other (article) claims without it; empty if no dataset speaks of the event."""
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.claimant and c.claimant.name in SOURCES and c.kind == "killed":
            by_source[c.claimant.name].append(c)
    if not by_source:
        return []
    others = [c for c in claims if not (c.claimant and c.claimant.name in SOURCES)]
    parts = [
        e
        for e in reconcile(others, policy, events=[event])
        if e.kind == "killed" and e.actor is None
    ]
    f = fatalities(parts)
    articles = f"low {f.low} best {f.best} high {f.high}" if parts else "no killed estimate"
    lines = []
    for source, own in by_source.items():
        sides: dict[str, int] = defaultdict(int)
        for c in own:
            sides[_whose(c)] += c.value.low or 0
        rows = len({c.evidence[0].section for c in own if c.evidence})
        split = ", ".join(f"{k} {v}" for k, v in sides.items())
        lines.append(
            f"{source}: {sum(sides.values())} killed in {rows} rows ({split}) | "
            f"the other sources' claims: killed {articles}"
        )
    return lines
