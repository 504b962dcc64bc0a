"""Consolidation: one figure found twice by one claimant (infobox and prose) becomes one claim
with both evidences; a "revised" figure is a revision only if it replaces another figure of the
same claimant about the same losses."""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from dataclasses import replace

from fogofwar.extract.attribution import same_claimant
from fogofwar.model import Claim, Evidence

_FAMILY = {
    "vehicles_destroyed": "vehicles",
    "vehicles_captured": "vehicles",
    "vehicles_lost": "vehicles",
}


def settle_revisions(claims: list[Claim]) -> list[Claim]:
    """A figure is a revision only if it replaces another, different figure of the same
    claimant about the same losses; otherwise it is a plain assertion.

    Only the claims about the same losses (kind family and side) with a claimant are looked at,
    and only for a revision: linear in the number of claims but for the revisions.
    """
    groups: dict[tuple[str, int | None], list[Claim]] = {}  # the same losses: kind family, side
    for c in claims:
        if c.claimant is not None:
            groups.setdefault((_FAMILY.get(c.kind, c.kind), c.subject.side), []).append(c)
    out: list[Claim] = []
    for claim in claims:
        if (
            claim.stance == "revise"
            and claim.value.truth is None
            and not (
                claim.claimant is not None
                and any(
                    e is not claim
                    and (e.value.low, e.value.high, e.value.words)
                    != (claim.value.low, claim.value.high, claim.value.words)
                    and same_claimant(e.claimant, claim.claimant)
                    for e in groups.get(
                        (_FAMILY.get(claim.kind, claim.kind), claim.subject.side), ()
                    )
                )
            )
        ):
            claim = replace(claim, stance="assert")
        out.append(claim)
    return out


def merge_claims(claims: list[Claim]) -> list[Claim]:
    """One figure by one claimant found twice (infobox and prose) is one claim, two evidences.

    Each claim is merged into the first earlier claim that ``_same_claim`` takes for its twin.
    Near-linear in the number of claims: only claims of the same kind and words whose values
    ``_same_value`` can equate are tried (an index on kind, words, low and high), and the test
    "two items of one list" looks up the twin's evidence near the claim's in a sorted index
    instead of pairing every evidence of a twin that has gathered thousands.
    """
    merger = _Merger()
    for claim in claims:
        merger.add(claim)
    return merger.out


_LIST_WINDOW = 300  # as in _same_claim: evidences closer than this are two items of one list


class _Merger:
    """The claims merged so far, with the indexes that keep merging near-linear."""

    def __init__(self) -> None:
        self.out: list[Claim] = []
        self.by_value: dict[tuple[str, str | None, int | None, int | None], list[int]] = {}
        self.starts: list[dict[str, list[int]]] = []  # per claim: section -> sorted offsets
        self.more_than: list[Evidence | None] = []  # per claim: an evidence saying "more than"

    def add(self, claim: Claim) -> None:
        twin_at = next((i for i in self.candidates(claim) if self.is_twin(i, claim)), None)
        if twin_at is None:
            v = claim.value
            self.by_value.setdefault((claim.kind, v.words, v.low, v.high), []).append(len(self.out))
            self.out.append(claim)
            self.starts.append({})
            self.more_than.append(None)
            self.remember(len(self.out) - 1, claim)
            return
        twin = self.out[twin_at]
        stance = "revise" if "revise" in (twin.stance, claim.stance) else twin.stance
        subject = twin.subject if twin.subject.side is not None else claim.subject
        self.out[twin_at] = replace(
            twin, evidence=twin.evidence + claim.evidence, stance=stance, subject=subject
        )
        self.remember(twin_at, claim)

    def is_twin(self, i: int, claim: Claim) -> bool:
        if self.near(i, claim):
            return False  # _same_claim: two items of one list, however alike
        # every evidence of out[i] is far from the claim's, so all that _same_claim can still
        # read from them is whether one says "more than": a twin of thousands of evidences is
        # tested with that one alone
        twin = self.out[i]
        if len(twin.evidence) > 4:
            witness = self.more_than[i]
            twin = replace(twin, evidence=() if witness is None else (witness,))
        return _same_claim(twin, claim)

    def near(self, i: int, claim: Claim) -> bool:
        for eb in claim.evidence:
            offsets = self.starts[i].get(eb.section)
            if not offsets:
                continue
            if eb.section == "infobox":
                return True
            j = bisect_right(offsets, eb.start - _LIST_WINDOW)
            if j < len(offsets) and offsets[j] < eb.start + _LIST_WINDOW:
                return True
        return False

    def remember(self, i: int, claim: Claim) -> None:
        for e in claim.evidence:
            offsets = self.starts[i].setdefault(e.section, [])
            if offsets and e.start < offsets[-1]:
                insort(offsets, e.start)
            else:
                offsets.append(e.start)
        if self.more_than[i] is None and _said_more_than(claim):
            self.more_than[i] = next(
                e for e in claim.evidence if _said_more_than(replace(claim, evidence=(e,)))
            )

    def candidates(self, claim: Claim) -> list[int]:
        v = claim.value
        keys = [(claim.kind, v.words, v.low, v.high)]
        if v.words is None and v.low is not None:  # an exact figure and an open one, see
            if v.high is None:  # _same_value: "19+" restates 19, "more than 440" 440
                keys += [(claim.kind, None, v.low, v.low), (claim.kind, None, v.low - 1, v.low - 1)]
            elif v.high == v.low:
                keys += [(claim.kind, None, v.low, None), (claim.kind, None, v.low + 1, None)]
        found = [i for key in keys for i in self.by_value.get(key, ())]
        return sorted(set(found)) if len(keys) > 1 else found


def _same_claim(a: Claim, b: Claim) -> bool:
    if a.kind != b.kind or a.value.words != b.value.words or not _same_value(a, b):
        return False
    if a.value.what and b.value.what and a.value.what.lower() != b.value.what.lower():
        return False
    if any(
        ea.section == eb.section == "infobox"
        or (ea.section == eb.section and abs(ea.start - eb.start) < 300)
        for ea in a.evidence
        for eb in b.evidence
    ):
        return False  # two items of one list are two claims, however alike
    if a.subject.civilian != b.subject.civilian and not (
        (_open(a) or _open(b)) and _in_infobox(a) != _in_infobox(b)
    ):
        return False  # "39 people were killed" may restate the infobox's "39 civilians killed"
    if a.subject.side != b.subject.side and not (a.subject.side is None or b.subject.side is None):
        return False  # a figure whose side the prose leaves open may be the infobox's
    if a.stance != b.stance and {a.stance, b.stance} != {"assert", "revise"}:
        return False  # a revision restates the figure; a denial or corroboration stays apart
    if a.value.low is None and a.value.words is not None and a.value.truth is not None:
        return False  # propositions are kept apart
    return same_claimant(a.claimant, b.claimant)


def _open(claim: Claim) -> bool:
    """Whose losses the text leaves open: no side, and nothing saying civilians."""
    return claim.subject.side is None and not claim.subject.civilian


def _in_infobox(claim: Claim) -> bool:
    return any(e.section == "infobox" for e in claim.evidence)


def _same_value(a: Claim, b: Claim) -> bool:
    """Equal intervals, or one figure stated open and the other exact: "19+" restates 19 and
    "more than 440" (441+) restates 440, but "19+" does not restate 18."""
    va, vb = a.value, b.value
    if (va.low, va.high) == (vb.low, vb.high):
        return True
    if va.low is None or vb.low is None or (va.high is not None and vb.high is not None):
        return False
    exact, open_ = (a, b) if va.high is not None else (b, a)
    low = exact.value.low or 0
    if exact.value.high != low or open_.value.words is not None:
        return False
    return open_.value.low == low or (open_.value.low == low + 1 and _said_more_than(open_))


def _said_more_than(claim: Claim) -> bool:
    return any(
        re.search(r"\b(?:more\s+than|over|above|in\s+excess\s+of)\b", e.text, re.IGNORECASE)
        for e in claim.evidence
    )
