"""Source profiles: each claimant across the ledger, read event by event in bounded memory.

One claimant written several ways is one profile: names that differ only in case, spacing or
accents ("government sources" / "Government sources"), and, where one event names both, a
surname and the full name it ends ("Prigozhin" / "Yevgeny Prigozhin") or an abbreviation and
the name it abbreviates ("SOHR" / "Syrian Observatory for Human Rights"). A short form found
with two different long forms is left alone.

Kinds are the extraction's. A claimant the extraction calls a ``party`` (one of the sides) but
could place on no side is shown as ``unknown``: a party is a side, and nothing said which.
Side numbers are per event, so a profile does not list them: it counts the events in which the
claimant spoke for a side.
"""

from __future__ import annotations

import re
import statistics
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from fogofwar.ledger.query import iter_event_claims
from fogofwar.ledger.store import Ledger
from fogofwar.ledger.terms import fold
from fogofwar.model import NUMERIC_KINDS, Claim, Estimate
from fogofwar.reconcile import Policy, load_policy, reconcile


@dataclass(frozen=True)
class SourceProfile:
    """One claimant across the ledger."""

    claimant: str  # its most frequent spelling
    kinds: tuple[str, ...]  # what the extraction says it is, most claims first
    claims: int
    events: int
    aligned_events: int  # events in which it spoke for one of the sides
    compared: int  # figures about adversaries' losses with a reconciled best to compare to
    median_ratio: float | None  # median of claimed figure / reconciled best
    aliases: tuple[str, ...] = ()  # the other spellings merged into it

    def to_dict(self) -> dict[str, Any]:
        return {
            "claimant": self.claimant,
            "kinds": list(self.kinds),
            "claims": self.claims,
            "events": self.events,
            "aligned_events": self.aligned_events,
            "compared": self.compared,
            "median_ratio": self.median_ratio,
            "aliases": list(self.aliases),
        }


@dataclass
class _Tally:
    spellings: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    claims: int = 0
    events: int = 0
    aligned_events: int = 0
    ratios: array[float] = field(default_factory=lambda: array("d"))

    def merge(self, other: _Tally) -> None:
        self.spellings.update(other.spellings)
        self.kinds.update(other.kinds)
        self.claims += other.claims
        self.events += other.events
        self.aligned_events += other.aligned_events
        self.ratios.extend(other.ratios)


_SMALL_WORDS = frozenset({"of", "for", "the", "and", "in", "on", "de", "du", "des", "la", "al"})


def _initials(name: str) -> str:
    words = re.findall(r"[^\W_]+", name)
    return "".join(w[0] for w in words if w.lower() not in _SMALL_WORDS).upper()


@dataclass(frozen=True)
class Name:
    """One claimant name as one event writes it: its folded key, a spelling, its kinds."""

    key: str
    spelling: str
    kinds: frozenset[str]


def short_forms(names: Iterable[Name]) -> dict[str, str]:
    """Within one event: each short form's key -> the key of the one long form it stands for.

    A person's surname stands for the full name it ends ("Prigozhin" -> "Yevgeny Prigozhin");
    a name written in capitals for the one name of a body it abbreviates ("SOHR" -> "Syrian
    Observatory for Human Rights")."""
    every = list(names)
    out: dict[str, str] = {}
    for short in every:
        if " " in short.key:
            continue
        longer = {n.key for n in every if " " in n.key and _stands_for(short, n)}
        if len(longer) == 1:
            out[short.key] = longer.pop()
    return out


def _stands_for(short: Name, long: Name) -> bool:
    if "person" in long.kinds:
        return long.key.rsplit(" ", 1)[1] == short.key
    acronym = short.spelling.isupper() and len(short.key) >= 2
    return acronym and _initials(long.key) == short.key.upper()


def _shown_kind(claim: Claim) -> str:
    who = claim.claimant
    assert who is not None
    return "unknown" if who.kind == "party" and who.side is None else who.kind


def _ratio(claim: Claim, best: dict[tuple[Any, ...], int | None]) -> float | None:
    """The claimed figure over the reconciled best, for a figure about an adversary's losses."""
    who, s, v = claim.claimant, claim.subject, claim.value
    if (
        who is None
        or who.side is None
        or s.side is None
        or s.side == who.side
        or claim.kind not in NUMERIC_KINDS
        or v.low is None
        or claim.stance == "deny"
    ):
        return None
    ref = best.get((s.side, s.actor, s.civilian, claim.kind))
    if ref is None:  # the actor's figure rolled up into its side's estimate
        ref = best.get((s.side, None, s.civilian, claim.kind))
    return v.low / ref if ref else None


class SourceTally:
    """Profiles accumulated event by event; ``profiles()`` merges the spellings at the end."""

    def __init__(self) -> None:
        self.by_key: dict[str, _Tally] = defaultdict(_Tally)
        self.links: dict[str, Counter[str]] = defaultdict(Counter)  # short -> long forms

    def add_event(self, claims: list[Claim], estimates: list[Estimate]) -> None:
        spoken = [(c, c.claimant) for c in claims if c.claimant is not None]
        names: dict[str, Name] = {}
        for _c, who in spoken:
            key = fold(who.name)
            known = names.get(key)
            kinds = (known.kinds if known else frozenset()) | {who.kind}
            names[key] = Name(key, known.spelling if known else who.name, kinds)
        local = short_forms(names.values())
        for short, long in local.items():
            self.links[short][long] += 1
        best = {(e.side, e.actor, e.civilian, e.kind): e.best for e in estimates}
        seen: set[str] = set()
        aligned: set[str] = set()
        for c, who in spoken:
            key = fold(who.name)
            key = local.get(key, key)
            tally = self.by_key[key]
            tally.spellings[who.name] += 1
            tally.kinds[_shown_kind(c)] += 1
            tally.claims += 1
            ratio = _ratio(c, best)
            if ratio is not None:
                tally.ratios.append(ratio)
            if key not in seen:
                seen.add(key)
                tally.events += 1
            if who.side is not None and key not in aligned:
                aligned.add(key)
                tally.aligned_events += 1

    def profiles(self) -> list[SourceProfile]:
        merged = dict(self.by_key)
        for short, longs in self.links.items():
            target = self._resolve(short)
            if len(longs) != 1 or target == short or short not in merged or target not in merged:
                continue
            if _compatible(merged[short].kinds, merged[target].kinds):
                merged[target].merge(merged.pop(short))
        found = (_profile(key, t) for key, t in merged.items())
        return sorted(found, key=lambda p: (-p.claims, p.claimant))

    def _resolve(self, key: str) -> str:
        for _ in range(4):  # a short form of a short form, never round in circles
            longs = self.links.get(key)
            if not longs or len(longs) != 1:
                return key
            key = next(iter(longs))
        return key


_INDEPENDENT = frozenset({"media", "ngo", "intergovernmental"})


def _compatible(a: Counter[str], b: Counter[str]) -> bool:
    """Whether two claimants' kinds allow them to be one: a news agency is not an army that
    shares its abbreviation in another event."""
    known_a, known_b = set(a) - {"unknown"}, set(b) - {"unknown"}
    if not known_a or not known_b:
        return True
    return bool(known_a & _INDEPENDENT) == bool(known_b & _INDEPENDENT)


def _profile(key: str, t: _Tally) -> SourceProfile:
    spellings = [name for name, _n in sorted(t.spellings.items(), key=lambda x: (-x[1], x[0]))]
    own = [name for name in spellings if fold(name) == key]
    spellings = own[:1] + [name for name in spellings if name not in own[:1]]
    kinds = [k for k, _n in t.kinds.most_common() if k != "unknown"] or ["unknown"]
    ratios = list(t.ratios)
    return SourceProfile(
        claimant=spellings[0],
        kinds=tuple(kinds),
        claims=t.claims,
        events=t.events,
        aligned_events=t.aligned_events,
        compared=len(ratios),
        median_ratio=round(statistics.median(ratios), 3) if ratios else None,
        aliases=tuple(spellings[1:]),
    )


def source_profiles(ledger: Ledger, policy: Policy | None = None) -> list[SourceProfile]:
    """Per claimant: claims, events, events spoken for a side, and the median ratio of its
    figures about its adversaries' losses to the reconciled best (above 1: it claims more than
    the ledger's best). Reads and reconciles one event at a time."""
    policy = policy or load_policy()
    tally = SourceTally()
    for event, claims in iter_event_claims(ledger):
        tally.add_event(claims, reconcile(claims, policy, events=[event]))
    return tally.profiles()
