"""Exports read the ledger a batch of events at a time (real SQLite and PostgreSQL): the batches
give the same events in the same order as ``list_events``, and an export's memory does not grow
with the ledger."""

from __future__ import annotations

import io
import json
import tracemalloc
from dataclasses import replace
from pathlib import Path

import pytest

from fogofwar.export import export, stream
from fogofwar.export.stream import documents, event_batches
from fogofwar.ledger import EventFilter, Ledger, ingest, list_events
from fogofwar.ledger.synthetic import extraction
from fogofwar.model import Extraction


def _with_dateless(x: Extraction, every: int) -> Extraction:
    """Some events without a date (they come last, by id) and some sharing a start day."""
    events = tuple(replace(e, date=None) if i % every == 0 else e for i, e in enumerate(x.events))
    return replace(x, events=events)


@pytest.mark.parametrize("batch", [1, 3, 1000])
def test_event_batches_give_list_events_in_order(db_url: str, batch: int) -> None:
    ledger = Ledger(db_url)
    ingest(ledger, _with_dateless(extraction(0, 25, 2), every=4))
    for flt in (EventFilter(), EventFilter(country="Mali"), EventFilter(date_from="2015-01-01")):
        got = [e for page in event_batches(ledger, flt, batch) for e in page]
        assert [e.id for e in got] == [e.id for e in list_events(ledger, flt)]
    assert any(e.date is None for e in list_events(ledger))


def test_documents_once_each_for_the_matching_events(db_url: str) -> None:
    ledger = Ledger(db_url)
    ingest(ledger, extraction(0, 12, 2))
    flt = EventFilter(country="Syria")
    docs = [d.id for d in documents(ledger, flt, batch=2)]
    assert sorted(docs) == docs and len(set(docs)) == len(docs)
    assert set(docs) == {e.document for e in list_events(ledger, flt)}


def test_json_export_reimports_on_every_backend(db_url: str) -> None:
    ledger = Ledger(db_url)
    ingest(ledger, extraction(0, 7, 4))
    buf = io.StringIO()
    from fogofwar.export import json as json_export

    json_export.write(ledger, buf)
    data = json.loads(buf.getvalue())
    assert len(data["events"]) == 7 and len(data["claims"]) == 28
    assert {f["event"] for f in data["fatalities"]} == {e["id"] for e in data["events"]}
    fresh = Ledger.memory()
    ingest(fresh, Extraction.from_dict(data))
    assert [e.id for e in list_events(fresh)] == [e["id"] for e in data["events"]]


def _peak(ledger: Ledger, fmt: str, path: str) -> int:
    tracemalloc.start()
    try:
        export(ledger, fmt, path)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_export_memory_does_not_grow_with_the_ledger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Four times the events, about the same peak: one batch is held at a time (a whole ledger
    in memory would make the peak grow about fourfold). Batches of 20 events keep it quick."""
    pytest.importorskip("pyarrow")
    monkeypatch.setattr(stream, "BATCH", 20)
    formats = ("ucdp-csv", "acled-csv", "geojson", "json", "parquet")
    ledger = Ledger(f"sqlite:///{tmp_path / 'l.sqlite'}")
    ingest(ledger, extraction(0, 80, 6))
    export(ledger, "acled-csv", str(tmp_path / "warm"))  # imports and caches, once
    small = {fmt: _peak(ledger, fmt, str(tmp_path / f"a.{fmt}")) for fmt in formats}
    ingest(ledger, extraction(80, 320, 6))
    for fmt in formats:
        large = _peak(ledger, fmt, str(tmp_path / f"b.{fmt}"))
        assert large < 1.5 * small[fmt], (fmt, small[fmt], large)
