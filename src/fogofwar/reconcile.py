"""Claims -> estimates: low / best / high with a reason naming each rule of the policy."""

from __future__ import annotations

import functools
import tomllib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from fogofwar.errors import PolicyError
from fogofwar.model import NUMERIC_KINDS, Claim, Estimate

CLASSES = (
    "independent",
    "own_admitted",
    "partisan_corroborated",
    "unaligned",
    "unattributed",
    "partisan",
)
LABELS = {
    "independent": "independent",
    "own_admitted": "own admitted loss",
    "partisan_corroborated": "partisan, corroborated",
    "unaligned": "no side",
    "unattributed": "unattributed",
    "partisan": "partisan",
}


@dataclass(frozen=True)
class Policy:
    """The reconciliation policy (see ``data/policy.toml``)."""

    name: str
    independent_kinds: frozenset[str]
    civilian_by_sides: str
    revision: bool
    partisan: bool
    tiers: tuple[frozenset[str], ...]
    prefer_corroborated: bool
    among_equals: str
    credible: frozenset[str]
    breakdown: bool
    rule: dict[str, str]


def load_policy(path: str | Path | None = None) -> Policy:
    """The policy from a TOML file, or the shipped default."""
    if path is None:
        return _default_policy()
    return _load(path)


@functools.cache
def _default_policy() -> Policy:
    return _load(None)


def _load(path: str | Path | None) -> Policy:
    try:
        if path is None:
            raw = resources.files("fogofwar").joinpath("data/policy.toml").read_text("utf-8")
        else:
            raw = Path(path).read_text("utf-8")
        data = tomllib.loads(raw)
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"{path}: cannot read policy: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{path}: not valid TOML: {exc}") from None
    return _policy(data, str(path or "default policy"))


def _policy(d: dict[str, Any], where: str) -> Policy:
    rules, classes = d.get("rules", {}), d.get("classes", {})
    try:
        tiers = tuple(frozenset(tier) for tier in rules["best"]["tiers"])
        credible = frozenset(rules["range"]["credible"])
        names = {
            key: str(rules.get(key, {}).get("name", key))
            for key in ("revision", "partisan", "best", "range", "breakdown", "no_claim")
        }
        policy = Policy(
            name=str(d.get("name", "custom")),
            independent_kinds=frozenset(classes.get("independent_kinds", [])),
            civilian_by_sides=str(classes.get("civilian_claims_by_sides", "unaligned")),
            revision=bool(rules["revision"].get("enabled", True)),
            partisan=bool(rules["partisan"].get("enabled", True)),
            tiers=tiers,
            prefer_corroborated=bool(rules["best"].get("prefer_corroborated", True)),
            among_equals=str(rules["best"].get("among_equals", "lowest")),
            credible=credible,
            breakdown=bool(rules.get("breakdown", {}).get("enabled", True)),
            rule=names,
        )
    except (KeyError, TypeError) as exc:
        raise PolicyError(f"{where}: missing or malformed policy entry {exc}") from None
    unknown = set().union(*tiers, credible) - set(CLASSES)
    if unknown:
        raise PolicyError(
            f"{where}: unknown claimant class {sorted(unknown)[0]!r}; known: {', '.join(CLASSES)}"
        )
    if policy.among_equals not in ("lowest", "highest"):
        raise PolicyError(f"{where}: among_equals must be 'lowest' or 'highest'")
    return policy


@dataclass(frozen=True)
class Figure:
    """One claim as a number for reconciliation."""

    claim: Claim
    low: int
    high: int | None
    cls: str
    corroborators: tuple[str, ...]

    @property
    def corroborated(self) -> bool:
        return bool(self.corroborators)

    @property
    def who(self) -> str:
        return self.claim.claimant.name if self.claim.claimant else "the text itself"

    @property
    def top(self) -> int:
        return self.high if self.high is not None else self.low

    def show(self) -> str:
        words = f" ({self.claim.value.words!r})" if self.claim.value.words else ""
        span = (
            f"{self.low}"
            if self.high == self.low
            else f"{self.low}+"
            if self.high is None
            else f"{self.low}-{self.high}"
        )
        return f"{self.who} {span}{words}"


def classify(claim: Claim, policy: Policy) -> str:
    """The claimant class of a claim about losses (see CLASSES)."""
    who, subj = claim.claimant, claim.subject
    if who is None:
        return "unattributed"
    if who.side is not None and subj.civilian:
        return "partisan" if policy.civilian_by_sides == "partisan" else "unaligned"
    if who.side is not None and subj.side is not None:
        if who.side == subj.side:
            return "own_admitted"
        return "partisan" if policy.partisan else "unaligned"
    if who.side is None and who.kind in policy.independent_kinds:
        return "independent"
    return "unaligned"


def _label(f: Figure) -> str:
    by = f", corroborated by {', '.join(f.corroborators)}" if f.corroborators else ""
    return LABELS[f.cls].replace(", corroborated", "") + by


def _key(c: Claim) -> tuple[str, int | None, str | None, bool, str]:
    return (c.event, c.subject.side, c.subject.actor, c.subject.civilian, c.kind)


def _name(c: Claim) -> str:
    return c.claimant.name.casefold() if c.claimant else ""


def in_statement_order(claims: list[Claim]) -> list[Claim]:
    """Claims in the order their statements were made, as far as the text tells: by the place of
    their last evidence (an infobox figure restated by a later, revised statement is that
    statement)."""
    return sorted(claims, key=lambda c: max((e.start for e in c.evidence), default=0))


def _revised(claims: list[Claim], policy: Policy) -> tuple[list[Claim], list[str]]:
    """R1: drop statements a claimant later revised; returns the live claims and notes."""
    if not policy.revision:
        return claims, []
    claims = in_statement_order(claims)
    live, notes = list(claims), []
    for i, c in enumerate(claims):
        if c.stance != "revise":
            continue
        for old in claims[:i]:
            if old in live and old.stance in ("assert", "revise") and _name(old) == _name(c):
                live.remove(old)
                verb = "keeps" if _span(c) == _span(old) else "replaces"
                notes.append(
                    f"{policy.rule['revision']}: {_who(c)}'s revised statement "
                    f"{_span(c)} {verb} its earlier {_span(old)} ({old.id} withdrawn)"
                )
    return live, notes


def _who(c: Claim) -> str:
    return c.claimant.name if c.claimant else "the text itself"


def _span(c: Claim) -> str:
    v = c.value
    num = f"{v.low}" if v.high == v.low else f"{v.low}+" if v.high is None else f"{v.low}-{v.high}"
    return f"{v.words!r} ({num})" if v.words else num


def _figures(claims: list[Claim], policy: Policy) -> list[Figure]:
    out = []
    for c in claims:
        if c.stance == "deny" or c.value.low is None:
            continue
        cls = classify(c, policy)
        corroborators = [
            o
            for o in claims
            if o is not c
            and _name(o) != _name(c)
            and (o.value.low, o.value.high) == (c.value.low, c.value.high)
            and classify(o, policy) in ("independent", "own_admitted")
        ]
        if cls == "partisan" and corroborators:
            cls = "partisan_corroborated"
        names = tuple(dict.fromkeys(_who(o) for o in corroborators))
        out.append(Figure(c, c.value.low, c.value.high, cls, names))
    return out


def _estimate(claims: list[Claim], policy: Policy) -> Estimate | None:
    """Low / best / high for claims sharing event, subject and kind."""
    live, notes = _revised(claims, policy)
    denials = [c for c in live if c.stance == "deny"]
    figures = _figures(live, policy)
    if not figures:
        return None  # R6
    partisan = [f for f in figures if f.cls == "partisan"]
    if partisan:
        notes.append(
            f"{policy.rule['partisan']}: "
            + "; ".join(
                f"{f.show()} is a side-{f.claim.claimant.side if f.claim.claimant else '?'} "
                f"claim about its adversary's losses, so it may set high but not best"
                for f in partisan
            )
        )
    best, basis_best = None, []
    for tier in policy.tiers:
        pool = [f for f in figures if f.cls in tier]
        if not pool:
            continue
        chosen = pool
        note = ""
        if policy.prefer_corroborated and any(f.corroborated for f in pool):
            chosen = [f for f in pool if f.corroborated]
            note = " (corroborated figures preferred)"
        pick = min if policy.among_equals == "lowest" else max
        top = pick(chosen, key=lambda f: f.low)
        best, basis_best = top.low, [top]
        listed = ", ".join(f"{f.show()} [{_label(f)}]" for f in pool)
        if len(pool) > 1:
            notes.append(
                f"{policy.rule['best']}: best {best} from {top.who}, the "
                f"{policy.among_equals} of the most reliable figures{note}: {listed}"
            )
        else:
            notes.append(
                f"{policy.rule['best']}: best {best} from {listed}, the most reliable "
                "figure available"
            )
        break
    if best is None:
        notes.append(
            f"{policy.rule['best']}: no figure reliable enough for best (only partisan claims)"
        )
    credible = [f for f in figures if f.cls in policy.credible]
    low = min((f.low for f in credible), default=None)
    high_f = max(figures, key=lambda f: f.top)
    high = high_f.top
    low_txt = (
        f"low {low} is the lowest credible figure"
        if low is not None
        else "no credible figure for low"
    )
    open_txt = " (open-ended, its stated minimum)" if high_f.high is None else ""
    notes.append(
        f"{policy.rule['range']}: {low_txt}; high {high} is the highest figure "
        f"claimed, by {high_f.who}{open_txt}"
    )
    if best is not None and low is not None and best < low:
        low = best
    if denials:
        notes.append("denied by " + ", ".join(_who(c) for c in denials))
    first = claims[0]
    basis = tuple(dict.fromkeys([f.claim.id for f in basis_best] + [f.claim.id for f in figures]))
    return Estimate(
        first.event,
        first.subject.side,
        first.subject.actor,
        first.subject.civilian,
        first.kind,
        low,
        best,
        high,
        basis,
        ". ".join(notes) + ".",
    )


def _breakdown_notes(group: list[Claim], parts: list[Claim], policy: Policy) -> list[str]:
    """R5: for each claimant giving a total and parts, do the parts add up?"""
    notes = []
    for total in group:
        mine = [
            p
            for p in parts
            if _name(p) == _name(total) and p.stance != "deny" and p.value.low is not None
        ]
        if not mine or total.value.low is None:
            continue
        s = sum(p.value.low or 0 for p in mine)
        terms = "+".join(f"{p.value.low} {p.subject.actor}" for p in mine)
        if total.value.low <= s <= (total.value.high or total.value.low) or (
            total.value.high is None and s >= total.value.low
        ):
            verdict = f"adds up to its total {total.value.low}"
        elif s < total.value.low:
            verdict = f"is {s}, less than its total {total.value.low} (partial breakdown)"
        else:
            verdict = f"is {s}, more than its total {total.value.low}: FLAGGED, does not add up"
        notes.append(
            f"{policy.rule['breakdown']}: {_who(total)}'s breakdown {terms} "
            f"{verdict}; the parts are not added to the total"
        )
    return notes


def superseded(claims: Iterable[Claim], policy: Policy | None = None) -> dict[str, str]:
    """R1: claim id -> id of the same claimant's later revision that replaces it."""
    policy = policy or load_policy()
    groups: dict[tuple[str, int | None, str | None, bool, str], list[Claim]] = defaultdict(list)
    for c in claims:
        groups[_key(c)].append(c)
    out: dict[str, str] = {}
    for group in groups.values():
        group = in_statement_order(group)
        live, _ = _revised(group, policy)
        for old in group:
            if old not in live:
                later = [
                    c
                    for c in group[group.index(old) + 1 :]
                    if c.stance == "revise" and _name(c) == _name(old)
                ]
                out[old.id] = later[-1].id if later else "?"
    return out


def reconcile(claims: Iterable[Claim], policy: Policy | None = None) -> list[Estimate]:
    """Estimates for every event x subject x numeric kind that has claims (R6: none otherwise)."""
    policy = policy or load_policy()
    groups: dict[tuple[str, int | None, str | None, bool, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind in NUMERIC_KINDS:
            groups[_key(c)].append(c)
    out = []
    for key, group in groups.items():
        est = _estimate(group, policy)
        if est is None:
            continue
        if key[2] is None and policy.breakdown:
            parts = [
                c
                for k, g in groups.items()
                if k[2] is not None and (k[0], k[1], k[3], k[4]) == (key[0], key[1], key[3], key[4])
                for c in g
            ]
            extra = _breakdown_notes(_revised(group, policy)[0], parts, policy)
            if extra:
                est = Estimate(
                    est.event,
                    est.side,
                    est.actor,
                    est.civilian,
                    est.kind,
                    est.low,
                    est.best,
                    est.high,
                    est.basis,
                    est.reason[:-1] + ". " + ". ".join(extra) + ".",
                )
        out.append(est)
    return sorted(out, key=lambda e: (e.event, e.civilian, e.side or 0, e.actor or "", e.kind))
