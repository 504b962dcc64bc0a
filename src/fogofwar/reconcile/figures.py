"""Claims -> figures: who is speaking about whose losses (the claimant class), which statements
a later revision replaced (R1), and a claimant's actor figures rolled up into its side (R5)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from fogofwar.model import Claim
from fogofwar.reconcile.align import country_in
from fogofwar.reconcile.policy import Policy

LABELS = {
    "independent": "independent",
    "own_admitted": "own admitted loss",
    "partisan_corroborated": "partisan, corroborated",
    "unaligned": "no side",
    "unattributed": "unattributed",
    "partisan": "partisan",
}
# (event id, folded claimant name) -> (side, why): claimants R2 finds aligned with a side
Aligned = Mapping[tuple[str, str], tuple[int, str]]


@dataclass(frozen=True)
class Figure:
    """One claimant's number for a side (or its civilians): one claim, or the sum of the claimant's
    figures for the side's actors."""

    claims: tuple[Claim, ...]
    low: int
    high: int | None
    cls: str
    corroborators: tuple[str, ...] = ()
    aligned: str | None = None  # why R2 put this claimant on a side
    speaks_for: int | None = None  # the claimant's side: its own, or the one R2 aligned it with
    rolled: bool = False  # the sum of the claimant's figures for the side's actors

    @property
    def claim(self) -> Claim:
        return self.claims[-1]

    @property
    def scope(self) -> str:
        return self.claim.scope

    @property
    def corroborated(self) -> bool:
        return bool(self.corroborators)

    @property
    def who(self) -> str:
        return who(self.claim)

    @property
    def top(self) -> int:
        return self.high if self.high is not None else self.low

    def show(self) -> str:
        if self.rolled:
            parts = " + ".join(f"{span(c)} {c.subject.actor}" for c in self.claims)
            return f"{self.who} {_interval(self.low, self.high)} ({parts})"
        return f"{self.who} {span(self.claim)}"

    def label(self) -> str:
        by = f", corroborated by {', '.join(self.corroborators)}" if self.corroborators else ""
        return LABELS[self.cls].replace(", corroborated", "") + by


def who(c: Claim) -> str:
    return c.claimant.name if c.claimant else "the text itself"


def name(c: Claim) -> str:
    return c.claimant.name.casefold() if c.claimant else ""


def _interval(low: int | None, high: int | None) -> str:
    return f"{low}" if high == low else f"{low}+" if high is None else f"{low}-{high}"


def span(c: Claim) -> str:
    num = _interval(c.value.low, c.value.high)
    return f"{c.value.words!r} ({num})" if c.value.words else num


def classify(claim: Claim, policy: Policy, aligned_side: int | None = None) -> str:
    """The claimant class of a claim about losses (see CLASSES); ``aligned_side`` is the side R2
    found a claimant of no side aligned with."""
    who_, subj = claim.claimant, claim.subject
    if who_ is None:
        return "unattributed"
    side = who_.side if who_.side is not None else aligned_side
    if side is not None and subj.civilian:
        return "partisan" if policy.civilian_by_sides == "partisan" else "unaligned"
    if side is not None and subj.side is not None:
        if side == subj.side:
            return "own_admitted"
        return "partisan" if policy.partisan else "unaligned"
    if side is None and who_.kind in policy.independent_kinds:
        return "independent"
    return "unaligned"


def in_statement_order(claims: list[Claim]) -> list[Claim]:
    """Claims in the order their statements were made, as far as the text tells: by the place of
    their last evidence (an infobox figure restated by a later, revised statement is that
    statement)."""
    return sorted(claims, key=lambda c: max((e.start for e in c.evidence), default=0))


def _family(c: Claim) -> str:
    """Revisions replace statements of the same family: event-wide counts, or one incident."""
    return "incident" if c.scope == "incident" else "event"


def voice(c: Claim, policy: Policy) -> str:
    """Who is speaking, for revisions and corroboration: the claimant's name, except that the
    officials of one state speak with one voice ("Ruritania", "Ruritanian officials")."""
    who_ = c.claimant
    if who_ is None:
        return ""
    if who_.kind in policy.one_voice_kinds:
        country = country_in(who_.name)
        if country:
            return f"state:{country}"
    return who_.name.casefold()


def replaces(new: Claim, old: Claim, policy: Policy) -> bool:
    """Whether revision ``new`` replaces ``old``: the same voice about the same losses, whether
    or not either names an actor of the side."""
    a, b = new.subject.actor, old.subject.actor
    return (
        old.stance in ("assert", "revise")
        and _family(old) == _family(new)
        and (a is None or b is None or a.casefold() == b.casefold())
        and voice(old, policy) == voice(new, policy)
    )


def revised(claims: list[Claim], policy: Policy) -> tuple[list[Claim], dict[str, Claim]]:
    """R1: the live claims, in statement order, and withdrawn claim id -> the revision that
    replaces it. A revision replaces the same voice's plain statements wherever the text puts
    them (an infobox may give the revised figure before the prose tells the first one), and
    its earlier revisions."""
    ordered = in_statement_order(claims)
    if not policy.revision:
        return ordered, {}
    by_voice: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(ordered):
        by_voice[voice(c, policy)].append(i)
    withdrawn: dict[str, Claim] = {}
    for positions in by_voice.values():
        revisions = [i for i in positions if ordered[i].stance == "revise"]
        for i in positions:
            old = ordered[i]
            later = [
                j
                for j in revisions
                if j != i
                and (old.stance == "assert" or j > i)
                and replaces(ordered[j], old, policy)
            ]
            if later:
                withdrawn[old.id] = ordered[later[-1]]
    return [c for c in ordered if c.id not in withdrawn], withdrawn


def figures(
    live: list[Claim], policy: Policy, aligned: Aligned, roll_up: bool = True
) -> list[Figure]:
    """The figures of one side's (or civilians') live claims of one kind, denials left out;
    a claimant's event-wide actor figures roll up into one side figure unless it gives one (its
    largest figure for each actor: its smaller ones are taken for parts of it)."""
    out: list[Figure] = []
    rolled: dict[tuple[str, str], dict[str, Claim]] = defaultdict(dict)
    has_side_figure = {(name(c), c.scope) for c in live if c.subject.actor is None}
    for c in live:
        if c.stance == "deny" or c.value.low is None or c.scope == "other":
            continue
        if roll_up and c.subject.actor and c.scope != "incident":
            if (name(c), c.scope) not in has_side_figure:
                mine = rolled[(name(c), c.scope)]
                actor = c.subject.actor.casefold()
                if actor not in mine or (c.value.low or 0) > (mine[actor].value.low or 0):
                    mine[actor] = c
            continue
        out.append(_figure((c,), policy, aligned))
    for parts in rolled.values():
        out.append(_figure(tuple(parts.values()), policy, aligned, rolled=True))
    return _corroborate(out, policy)


def _figure(
    claims: tuple[Claim, ...], policy: Policy, aligned: Aligned, rolled: bool = False
) -> Figure:
    c = claims[-1]
    side, why = aligned.get((c.event, name(c)), (None, None))
    low = sum(x.value.low or 0 for x in claims)
    highs = [x.value.high for x in claims]
    high = None if any(h is None for h in highs) else sum(h or 0 for h in highs)
    own = c.claimant.side if c.claimant else None
    return Figure(
        claims,
        low,
        high,
        classify(c, policy, side),
        aligned=why,
        speaks_for=own or side,
        rolled=rolled,
    )


def _corroborate(figs: list[Figure], policy: Policy) -> list[Figure]:
    """A figure that an independent source or the losing side itself also gives (the same
    interval, the same scope, another voice) is corroborated; a partisan one then counts as
    "partisan_corroborated". One pass over the figures, indexed by interval."""
    confirming: dict[tuple[int, int | None, str], list[tuple[str, Figure]]] = defaultdict(list)
    for f in figs:
        if f.cls in ("independent", "own_admitted"):
            confirming[(f.low, f.high, f.scope)].append((voice(f.claim, policy), f))
    out = []
    for f in figs:
        mine = voice(f.claim, policy)
        others = [o for v, o in confirming.get((f.low, f.high, f.scope), ()) if v != mine]
        if not others:
            out.append(f)
            continue
        cls = "partisan_corroborated" if f.cls == "partisan" else f.cls
        names = tuple(dict.fromkeys(o.who for o in others))
        out.append(Figure(f.claims, f.low, f.high, cls, names, f.aligned, f.speaks_for, f.rolled))
    return out
