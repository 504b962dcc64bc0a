"""How a dump's work is laid out for Dask: stream spans longest first, and a local cluster whose
workers are warmed up before the first unit and run without the cluster's chatty defaults."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fogofwar.bulk import WorkResult, dask_client, dump_units, ingest_dump
from fogofwar.bulk.units import SpanUnit
from fogofwar.ledger import Ledger
from fogofwar.read.dumps import stream_spans

DUMPS = Path(__file__).resolve().parents[1] / "data" / "dumps"
MULTI = DUMPS / "enwiki-wwii-excerpt-pages-articles-multistream.xml.bz2"
INDEX = DUMPS / "enwiki-wwii-excerpt-pages-articles-multistream-index.txt.bz2"


def test_stream_spans_come_longest_first_and_all_of_them(tmp_path: Path) -> None:
    with Ledger(f"sqlite:///{tmp_path / 'l.sqlite'}") as ledger:
        units, expected = dump_units(ledger, MULTI, None)
        spans = [s for u in units if isinstance(u, SpanUnit) for s in u.spans]
    lengths = [s.end - s.start for s in spans]
    assert len(set(lengths)) > 2, "the fixture's streams differ in length"
    assert lengths == sorted(lengths, reverse=True)
    assert sorted(spans, key=lambda s: s.start) == stream_spans(MULTI, INDEX)  # all, once each
    assert expected == sum(len(s.page_ids) for s in spans) == 10


def _worker_state() -> dict[str, Any]:
    """What a worker has loaded and how its cluster is set, read inside the worker."""
    import dask

    from fogofwar.extract import load_nlp
    from fogofwar.extract.places import _cities

    return {
        "nlp": load_nlp.cache_info().currsize,
        "gazetteer": _cities.cache_info().currsize,
        "profiler": dask.config.get("distributed.worker.profile.enabled"),
        "saturation": dask.config.get("distributed.scheduler.worker-saturation"),
    }


@pytest.fixture(scope="module")
def local_client() -> Iterator[Any]:
    with dask_client(2, None) as client:
        yield client


def test_local_cluster_workers_are_warm_and_quiet_before_any_unit(local_client: Any) -> None:
    states = local_client.run(_worker_state)
    assert len(states) == 2
    for state in states.values():
        assert state == {"nlp": 1, "gazetteer": 1, "profiler": False, "saturation": 1.0}


def test_a_worker_holds_one_unit_at_a_time_the_rest_wait_on_the_scheduler(
    local_client: Any, tmp_path: Path
) -> None:
    """No unit waits behind another on a busy worker while the other worker could take it."""
    seen: list[list[int]] = []

    def look(_result: WorkResult) -> None:
        seen.append([len(keys) for keys in local_client.processing().values()])

    with Ledger(f"sqlite:///{tmp_path / 'l.sqlite'}") as ledger:
        report = ingest_dump(ledger, MULTI, client=local_client, on_result=look)
    assert report.errors == [] and report.added == 8
    assert len(seen) == 5 and max(max(counts) for counts in seen) == 1
