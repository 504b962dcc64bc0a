"""The lists answer the ledger's stored answers (``fogofwar.ledger.served``): the same bodies
as the ones the server makes itself (another policy), on SQLite and the real PostgreSQL;
totals, counts and caches follow every change to the ledger, from any process; a slow text
search runs off the event loop."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from api_support import fill, fill_synthetic
from fastapi.testclient import TestClient
from sqlalchemy import update

from fogofwar.ledger import EventFilter, Ledger, ingest
from fogofwar.ledger import schema as t
from fogofwar.ledger.synthetic import document
from fogofwar.serve import create_app
from fogofwar.serve.query import off_loop

LISTS = (
    "/api/events?limit=7",
    "/api/events?country=Mali&limit=500",
    "/api/events?from=2014&to=2018&limit=5&page=2",
    "/api/acled/read?limit=9&page=2&_format=json&with_total=true",
    "/api/acled/read?country=Mali:OR:country=Syria&fields=event_id_cnty|fatalities&_format=json",
    "/api/gedevents/25.1?pagesize=6&page=1",
    "/api/gedevents/25.1?Country=Syria&pagesize=500",
)


@pytest.fixture(params=["sqlite", "postgresql"])
def many(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'many.sqlite'}"
    else:
        url = request.getfixturevalue("pg_url")
    return fill_synthetic(fill(url), 30)


def test_stored_answers_equal_the_ones_the_server_makes(many: str) -> None:
    with TestClient(create_app(many)) as stored:
        want = [stored.get(path).json() for path in LISTS]
    with Ledger(many) as ledger, ledger.write() as conn:  # nothing stored for this policy
        conn.execute(update(t.event_rows).values(policy="another"))
    with TestClient(create_app(many)) as made:
        got = [made.get(path).json() for path in LISTS]
    assert all(w.get("events") or w.get("data") or w.get("Result") for w in want)
    assert got == want


def test_the_events_list_answers_the_stored_body(example_db: str) -> None:
    with TestClient(create_app(example_db)) as c:
        (before,) = c.get("/api/events").json()["events"]
        with Ledger(example_db) as ledger, ledger.write() as conn:
            conn.execute(update(t.event_rows).values(listing='{"id": "as stored"}'))
        (after,) = c.get("/api/events").json()["events"]
    assert before["id"] != "as stored" and after == {"id": "as stored"}


def test_totals_and_counts_follow_an_ingest_by_another_process(example_db: str) -> None:
    with TestClient(create_app(example_db)) as c:
        first = c.get("/api").json()["ledger"], c.get("/api/events?limit=1").json()["total"]
        ged = c.get("/api/gedevents/25.1?pagesize=1").json()["TotalCount"]
        with Ledger(example_db) as other:  # as `fogofwar ingest` in another process
            ingest(other, document(1, 5))
            ingest(other, document(2, 5))
        second = c.get("/api").json()["ledger"], c.get("/api/events?limit=1").json()["total"]
        ged_after = c.get("/api/gedevents/25.1?pagesize=1").json()["TotalCount"]
    assert first[1] == ged == 1 and second[1] == ged_after == 3
    assert second[0]["documents"] == first[0]["documents"] + 2
    assert second[0]["claims"] == first[0]["claims"] + 10


def test_a_text_search_runs_off_the_event_loop() -> None:
    async def where(flt: EventFilter) -> int:
        return await off_loop(flt, threading.get_ident)

    loop_thread = threading.get_ident()
    assert asyncio.run(where(EventFilter(text="battle"))) != loop_thread
    assert asyncio.run(where(EventFilter(country="Mali"))) == loop_thread
