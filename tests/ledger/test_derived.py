"""Stored estimates (ledger/derived.py, migration 6): always what ``reconcile`` gives for the
event's current claims, on SQLite and the real PostgreSQL, after ingests, revisions, the
backfill of an older ledger and a failed ingest."""

from __future__ import annotations

import dataclasses
import gzip
import json
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select, text, update

from fogofwar.errors import LedgerError
from fogofwar.export.common import bundles
from fogofwar.ledger import Ledger, derived, event_claims, ingest, ingest_document, list_events
from fogofwar.ledger import schema as t
from fogofwar.ledger.synthetic import document
from fogofwar.model import Extraction
from fogofwar.reconcile import load_policy, reconcile

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus.extraction.json.gz"


def _recomputed(ledger: Ledger) -> dict[str, derived.Derived]:
    """Every current event reconciled now, as the exports do (``bundles``)."""
    out = {}
    for b in bundles(ledger):
        f = b.fatalities()
        out[b.event.id] = derived.Derived(
            b.event.id, len(b.claims), tuple(b.claimants()), b.estimates, (f.low, f.best, f.high)
        )
    return out


def _stored(ledger: Ledger) -> dict[str, derived.Derived]:
    with ledger.read() as conn:
        ids = conn.execute(select(t.events.c.id).where(t.events.c.current)).scalars().all()
        return derived.stored(conn, ids, load_policy())


def _rows(ledger: Ledger) -> int:
    with ledger.read() as conn:
        return int(conn.execute(select(func.count()).select_from(t.event_estimates)).scalar() or 0)


def test_derived_stored_equals_reconcile_worked_example(db_url: str, anefis: Extraction) -> None:
    with Ledger(db_url) as ledger:
        ingest(ledger, anefis)
        stored, now = _stored(ledger), _recomputed(ledger)
        assert stored == now
        (ev,) = list_events(ledger)
        claims = event_claims(ledger, [ev.id])[ev.id]
        assert list(stored[ev.id].estimates) == reconcile(claims, load_policy(), events=[ev])
        assert stored[ev.id].estimates, "the worked example has estimates"


def test_derived_stored_equals_reconcile_corpus(db_url: str) -> None:
    corpus = Extraction.from_dict(json.loads(gzip.decompress(CORPUS.read_bytes())))
    with Ledger(db_url) as ledger:
        ingest(ledger, corpus)
        stored, now = _stored(ledger), _recomputed(ledger)
        assert len(stored) == len({e.id for e in corpus.events})
        assert stored == now
        with ledger.read() as conn:
            short = derived.summaries(conn, list(now), load_policy())
        assert {i: derived.side_level(d.estimates) for i, d in now.items()} == {
            i: s.sides for i, s in short.items()
        }
        assert {i: (d.claimants, d.fatalities) for i, d in now.items()} == {
            i: (s.claimants, s.fatalities) for i, s in short.items()
        }
        with ledger.read() as conn:
            for i, d in now.items():
                as_dicts = derived.stored_estimate_dicts(conn, i, load_policy())
                assert as_dicts == [e.to_dict() for e in d.estimates]


def _revision(extraction: Extraction, keep: int, event_id: str | None = None) -> Extraction:
    """A later revision of the one document: new text, only the first ``keep`` claims."""
    (doc,), (ev,) = extraction.documents, extraction.events
    doc2 = dataclasses.replace(doc, id="f" * 64, text=doc.text + " revised")
    ev2 = dataclasses.replace(ev, document=doc2.id, id=event_id or ev.id)
    claims = [
        dataclasses.replace(c, event=ev2.id, id=c.id.replace(ev.id, ev2.id))
        for c in extraction.claims[:keep]
    ]
    return Extraction((doc2,), (ev2,), tuple(claims))


def test_derived_follows_a_revision(db_url: str) -> None:
    first = document(7, claims=40)
    with Ledger(db_url) as ledger:
        ingest(ledger, first)
        before = _stored(ledger)["syn-7"]
        ingest(ledger, _revision(first, keep=10))
        after = _stored(ledger)
        assert after == _recomputed(ledger)
        assert after["syn-7"].claims == 10 and before.claims == 40


def test_derived_drops_an_event_a_revision_renames(db_url: str) -> None:
    first = document(3, claims=20)
    with Ledger(db_url) as ledger:
        ingest(ledger, first)
        ingest(ledger, _revision(first, keep=20, event_id="syn-3-renamed"))
        assert set(_stored(ledger)) == {"syn-3-renamed"}
        assert _rows(ledger) == 1
        assert _stored(ledger) == _recomputed(ledger)


def test_derived_backfills_an_older_ledger(db_url: str, anefis: Extraction) -> None:
    with Ledger(db_url) as ledger:
        ingest(ledger, anefis)
        ingest(ledger, document(1, claims=30))
        want = _stored(ledger)
        with ledger.write() as conn:  # back to a version-5 ledger holding the same claims
            conn.execute(text("DROP TABLE event_estimates"))
            conn.execute(delete(t.schema_version).where(t.schema_version.c.version >= 6))
    with Ledger(db_url) as ledger:
        assert ledger.applied == [6, 7, 8]
        assert _stored(ledger) == want == _recomputed(ledger)


def test_derived_stale_rows_are_refreshed_on_opening(db_url: str, anefis: Extraction) -> None:
    with Ledger(db_url) as ledger:
        ingest(ledger, anefis)
        with ledger.write() as conn:
            conn.execute(update(t.event_estimates).values(policy="made-by-an-older-fogofwar"))
        assert _stored(ledger) == {}  # a reader does not trust them
    with Ledger(db_url) as ledger:
        assert _stored(ledger) == _recomputed(ledger) != {}


def test_derived_another_policy_reads_nothing(tmp_path: Path, anefis: Extraction) -> None:
    custom = tmp_path / "policy.toml"
    default = Path(derived.__file__).parents[1] / "data" / "policy.toml"
    custom.write_text(default.read_text("utf-8").replace("lowest", "highest"), "utf-8")
    with Ledger(f"sqlite:///{tmp_path / 'l.sqlite'}") as ledger:
        ingest(ledger, anefis)
        with ledger.read() as conn:
            ids = [anefis.events[0].id]
            assert derived.stored(conn, ids, load_policy())
            assert derived.stored(conn, ids, load_policy(custom)) == {}


def test_derived_failed_ingest_stores_nothing(
    db_url: str, anefis: Extraction, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> list[object]:
        raise RuntimeError("reconcile failed")

    with Ledger(db_url) as ledger:
        ingest(ledger, document(1, claims=5))
        monkeypatch.setattr(derived, "reconcile", broken)
        (doc,), events, claims = anefis.documents, list(anefis.events), list(anefis.claims)
        with pytest.raises(RuntimeError):
            ingest_document(ledger, doc, events, claims)
        with ledger.read() as conn:
            assert conn.execute(select(func.count()).select_from(t.documents)).scalar() == 1
            assert conn.execute(select(func.count()).select_from(t.claims)).scalar() == 5
        assert _rows(ledger) == 1


def test_derived_refuses_a_claim_too_big_with_nothing_stored(db_url: str) -> None:
    bad = document(2, claims=3)
    huge = dataclasses.replace(
        bad.claims[0], value=dataclasses.replace(bad.claims[0].value, low=10**30)
    )
    with Ledger(db_url) as ledger:
        with pytest.raises(LedgerError):
            ingest(ledger, Extraction(bad.documents, bad.events, (huge, *bad.claims[1:])))
        assert _rows(ledger) == 0
