"""Stored answers (ledger/served.py, migration 8): each current event row's events-list body,
ACLED row and GED row are what the exports' rules compute from the event's current claims, on
SQLite and the real PostgreSQL, after ingests, revisions, dump workers' estimates, the backfill
of an older ledger and re-derivation; the change stamp moves with every change served."""

from __future__ import annotations

import dataclasses
import gzip
import json
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, text, update

from fogofwar.export import api_rows
from fogofwar.export.common import bundles
from fogofwar.ledger import Ledger, derived, ingest, ingest_document, served, split
from fogofwar.ledger import schema as t
from fogofwar.ledger.search import EventFilter, count, event_page, stored_page
from fogofwar.ledger.synthetic import document
from fogofwar.model import Extraction

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus.extraction.json.gz"


def _computed(ledger: Ledger) -> dict[int, dict[str, Any]]:
    """Every current event row's answers made now from fully reconciled bundles (the
    exports' own), by row."""
    by_id = {b.event.id: b for b in bundles(ledger)}
    hits = event_page(ledger, EventFilter(), 100_000).hits
    return {
        h.pk: {
            "event": h.event.id,
            "listing": h.event.to_dict(),
            "acled": api_rows.acled_json(by_id[h.event.id], h.ingested_at),
            "ged": api_rows.ged_json(by_id[h.event.id], h.pk),
        }
        for h in hits
    }


def _stored(ledger: Ledger) -> dict[int, dict[str, Any]]:
    r = t.event_rows.c
    with ledger.read() as conn:
        rows = conn.execute(select(r.pk, r.event, r.listing, r.acled, r.ged)).all()
    return {
        pk: {"event": ev, "listing": json.loads(li), "acled": json.loads(ac), "ged": json.loads(gd)}
        for pk, ev, li, ac, gd in rows
    }


def _revision(
    extraction: Extraction, keep: int, event_id: str | None = None, doc_id: str = "e" * 64
) -> Extraction:
    """A later revision of the one document: new text, only the first ``keep`` claims."""
    (doc,), (ev,) = extraction.documents, extraction.events
    doc2 = dataclasses.replace(doc, id=doc_id, text=doc.text + " revised")
    ev2 = dataclasses.replace(ev, document=doc2.id, id=event_id or ev.id)
    claims = [
        dataclasses.replace(c, event=ev2.id, id=c.id.replace(ev.id, ev2.id))
        for c in extraction.claims[:keep]
    ]
    return Extraction((doc2,), (ev2,), tuple(claims))


def test_served_rows_equal_what_is_computed_corpus(db_url: str, anefis: Extraction) -> None:
    corpus = Extraction.from_dict(json.loads(gzip.decompress(CORPUS.read_bytes())))
    with Ledger(db_url) as ledger:
        ingest(ledger, corpus)
        ingest(ledger, anefis)
        want = _computed(ledger)
        assert len(want) >= len({e.id for e in corpus.events})
        assert any(w["acled"]["fatalities"] for w in want.values())
        assert _stored(ledger) == want


def test_served_rows_follow_a_revision_and_a_renamed_event(db_url: str) -> None:
    first = document(5, claims=40)
    with Ledger(db_url) as ledger:
        ingest(ledger, first)
        before = _stored(ledger)
        ingest(ledger, _revision(first, keep=10))
        after = _stored(ledger)
        assert after == _computed(ledger) and set(after).isdisjoint(before)
        renamed = _revision(first, keep=10, event_id="syn-5-renamed", doc_id="d" * 64)
        ingest(ledger, renamed)
        assert [r["event"] for r in _stored(ledger).values()] == ["syn-5-renamed"]
        assert _stored(ledger) == _computed(ledger)


def test_served_rows_of_a_dump_workers_estimates(db_url: str) -> None:
    ((doc, events, claims),) = split(document(9, claims=30))
    rows = derived.rows_alone(events, claims)
    with Ledger(db_url) as ledger:
        ingest_document(ledger, doc, events, claims, estimates=rows)
        assert _stored(ledger) == _computed(ledger) != {}


def test_served_rows_of_a_dump_workers_answers_and_their_revision(db_url: str) -> None:
    """Answers made beside the estimates (``served.answers_alone``, by a dump worker) are
    finished with the row id and the store time by the writer: the same rows as made after;
    a later revision's made-ahead answers replace the earlier revision's rows."""
    first = document(9, claims=30)
    with Ledger(db_url) as ledger:
        for extraction in (first, _revision(first, keep=12)):
            ((doc, events, claims),) = split(extraction)
            rows = derived.rows_alone(events, claims)
            made = served.answers_alone(events, rows)
            assert set(made) == {ev.id for ev in events}
            ingest_document(ledger, doc, events, claims, estimates=rows, answers=made)
            stored = _stored(ledger)
            assert stored == _computed(ledger) != {} and len(stored) == 1


def test_served_rows_are_backfilled_by_migration_8(db_url: str, anefis: Extraction) -> None:
    with Ledger(db_url) as ledger:
        ingest(ledger, anefis)
        ingest(ledger, document(2, claims=30))
        want = _stored(ledger)
        with ledger.write() as conn:  # back to a version-7 ledger holding the same claims
            conn.execute(text("DROP TABLE event_rows"))
            conn.execute(text("DROP TABLE ledger_state"))
            conn.execute(delete(t.schema_version).where(t.schema_version.c.version >= 8))
    with Ledger(db_url) as ledger:
        assert ledger.applied == [8]
        assert _stored(ledger) == want == _computed(ledger)
        with ledger.read() as conn:
            assert served.stamp(conn) > 0


def test_served_rows_and_stamp_follow_a_re_derivation(db_url: str, anefis: Extraction) -> None:
    with Ledger(db_url) as ledger:
        ingest(ledger, anefis)
        want = _stored(ledger)
        with ledger.write() as conn:  # as an older fogofwar left them
            conn.execute(update(t.event_estimates).values(policy="made-by-an-older-fogofwar"))
            conn.execute(update(t.event_rows).values(acled="{}", policy="older"))
            before = served.stamp(conn)
    with Ledger(db_url) as ledger:  # opening for writing re-derives them
        assert _stored(ledger) == want
        with ledger.read() as conn:
            assert served.stamp(conn) > before


def test_served_page_reads_the_stored_rows_in_the_searchs_order(db_url: str) -> None:
    with Ledger(db_url) as ledger:
        for i in range(12):
            ingest(ledger, document(i, claims=3))
        flt = EventFilter(country="Mali")
        want = event_page(ledger, flt, 100).hits
        assert want, "the filter selects something"
        with ledger.read() as conn:
            got = stored_page(conn, flt, "ged", 100)
            assert count(conn, flt) == len(want) == len(got)
            first = stored_page(conn, flt, "listing", 2)
            after = stored_page(conn, flt, "listing", 100, (first[1].key, first[1].pk))
    assert [r.pk for r in got] == [h.pk for h in want]
    assert [json.loads(str(r.json))["id"] for r in got] == [h.pk for h in want]
    assert [r.pk for r in first[:2] + after] == [h.pk for h in want]


def test_stamp_moves_with_a_revision_that_is_not_current(db_url: str) -> None:
    first = document(4, claims=5)
    older = _revision(first, keep=5)
    (doc,) = older.documents
    with Ledger(db_url) as ledger:
        ingest(ledger, dataclasses.replace(first, documents=(
            dataclasses.replace(first.documents[0], revision_timestamp="2020-01-02T00:00:00Z"),
        )))  # fmt: skip
        with ledger.read() as conn:
            before = served.stamp(conn)
        stale = dataclasses.replace(doc, revision_timestamp="2019-01-01T00:00:00Z")
        (result,) = ingest(ledger, dataclasses.replace(older, documents=(stale,)))
        assert not result.current
        with ledger.read() as conn:
            assert served.stamp(conn) > before
