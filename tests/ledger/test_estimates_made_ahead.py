"""Estimates made where a document is extracted (``derived.rows_alone``, on a dump worker) and
only inserted by the writer: the same rows as ``refresh`` derives, used only when no other
current document shares the event, on SQLite and the real PostgreSQL."""

from __future__ import annotations

import dataclasses
from typing import Any

from dump_helpers import MULTI
from sqlalchemy import select

from fogofwar.bulk import ingest_dump
from fogofwar.bulk.units import extract_revision, is_candidate
from fogofwar.ledger import Ledger, derived, ingest_document
from fogofwar.ledger import schema as t
from fogofwar.ledger.synthetic import document
from fogofwar.model import Extraction
from fogofwar.read.dumps import iter_revisions


def _estimates(ledger: Ledger) -> dict[str, tuple[Any, ...]]:
    with ledger.read() as conn:
        return {r.event: tuple(r) for r in conn.execute(select(t.event_estimates))}


def _parts(extraction: Extraction) -> tuple[Any, list[Any], list[Any]]:
    (doc,) = extraction.documents
    return doc, list(extraction.events), list(extraction.claims)


def _marked(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with a claimant no derivation gives: shows whether they were stored as made."""
    return [{**r, "claimants": ["made ahead"]} for r in rows]


def _sharing(extraction: Extraction, event_id: str) -> Extraction:
    """Another page's document whose event has the id ``event_id`` (another lineage)."""
    (doc,), (ev,) = extraction.documents, extraction.events
    ev2 = dataclasses.replace(ev, id=event_id)
    claims = [dataclasses.replace(c, event=event_id, id=f"{c.id}-b") for c in extraction.claims]
    return Extraction((doc,), (ev2,), tuple(claims))


def test_rows_made_ahead_equal_what_refresh_stores_for_dump_pages(
    db_url: str, tmp_path: Any
) -> None:
    with Ledger(db_url) as ledger:
        report = ingest_dump(ledger, MULTI)  # in-process: rows made ahead, then inserted
        assert report.errors == [] and report.added == 8
        made_ahead = _estimates(ledger)
    with Ledger(f"sqlite:///{tmp_path / 'refreshed.sqlite'}") as ledger:
        for rev in iter_revisions(MULTI):
            if is_candidate(rev):
                ingest_document(ledger, *extract_revision(rev, str(MULTI)))
        refreshed = _estimates(ledger)
    assert len(made_ahead) == 8
    assert made_ahead == refreshed


def test_rows_made_ahead_are_stored_as_made_when_the_event_is_the_documents_alone(
    db_url: str,
) -> None:
    doc, events, claims = _parts(document(5, claims=12))
    rows = derived.rows_alone(events, claims)
    assert [r["claims"] for r in rows] == [12]
    with Ledger(db_url) as ledger:
        ingest_document(ledger, doc, events, claims, estimates=_marked(rows))
        assert _estimates(ledger)["syn-5"][_col("claimants")] == ["made ahead"]


def test_rows_made_ahead_are_rederived_when_another_document_shares_the_event(
    db_url: str,
) -> None:
    first = document(5, claims=12)
    other = _sharing(document(6, claims=9), "syn-5")
    doc, events, claims = _parts(other)
    with Ledger(db_url) as ledger:
        ingest_document(ledger, *_parts(first))
        ingest_document(
            ledger, doc, events, claims, estimates=_marked(derived.rows_alone(events, claims))
        )
        row = _estimates(ledger)["syn-5"]
    assert row[_col("claims")] == 21  # both documents' claims, not the 9 made ahead
    assert row[_col("claimants")] != ["made ahead"]


def test_rows_made_with_another_policy_are_rederived(db_url: str) -> None:
    doc, events, claims = _parts(document(8, claims=10))
    rows = [{**r, "policy": "another-policy"} for r in _marked(derived.rows_alone(events, claims))]
    with Ledger(db_url) as ledger:
        ingest_document(ledger, doc, events, claims, estimates=rows)
        row = _estimates(ledger)["syn-8"]
    assert row[_col("claimants")] != ["made ahead"] and row[_col("claims")] == 10


def _col(name: str) -> int:
    return [c.name for c in t.event_estimates.columns].index(name)
