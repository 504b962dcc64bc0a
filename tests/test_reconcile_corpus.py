"""Corpus-wide checks of the reconciliation on what the real extractor finds in every
``benchmarks/dev`` article (extracted once for this module: about a minute on one core)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from fogofwar.extract import extract_documents
from fogofwar.model import Claim, Estimate, Extraction
from fogofwar.read import read_path
from fogofwar.reconcile import load_policy, reconcile, superseded

DEV = sorted((Path(__file__).resolve().parents[1] / "benchmarks" / "dev").glob("*.txt"))


@pytest.fixture(scope="module")
def dev(nlp: Any) -> tuple[Extraction, list[Estimate]]:
    x = extract_documents((read_path(p) for p in DEV), nlp)
    return x, reconcile(x.claims, load_policy(), events=x.events)


def _live_groups(claims: tuple[Claim, ...]) -> dict[tuple[Any, ...], list[Claim]]:
    gone = superseded(claims)
    groups: dict[tuple[Any, ...], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.id not in gone:
            groups[(c.event, c.subject.side, c.subject.civilian, c.kind)].append(c)
    return groups


def test_reconcile_corpus_no_best_from_an_incident_while_a_total_exists(
    dev: tuple[Extraction, list[Estimate]],
) -> None:
    x, ests = dev
    assert len(DEV) >= 30 and ests
    by_id = {c.id: c for c in x.claims}
    groups = _live_groups(x.claims)
    checked = 0
    for e in ests:
        if e.actor is not None or e.best is None:
            continue
        live = groups[(e.event, e.side, e.civilian, e.kind)]
        has_total = any(
            c.scope == "total" and c.value.low is not None and c.stance != "deny" for c in live
        )
        if has_total:
            checked += 1
            source = by_id[e.basis[0]]
            assert source.scope == "total", (e.event, e.side, e.kind, e.best, source.scope)
            assert "no event total" not in e.reason
    assert checked >= 50  # the check saw a good part of the corpus


def test_reconcile_corpus_one_side_estimate_and_a_sane_range(
    dev: tuple[Extraction, list[Estimate]],
) -> None:
    _, ests = dev
    seen: set[tuple[Any, ...]] = set()
    for e in ests:
        if e.actor is None:
            key = (e.event, e.side, e.civilian, e.kind)
            assert key not in seen  # one estimate per event x side x kind
            seen.add(key)
        if e.low is not None and e.best is not None:
            assert e.low <= e.best, e
        if e.best is not None and e.high is not None:
            assert e.best <= e.high, e
        assert e.reason.endswith(".")
