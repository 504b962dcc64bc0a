"""The read endpoints on real ledgers: filters, paging with cursor and page, totals, the event,
its claims with evidence, estimates with reasons, claims by id, sources, streamed exports."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from api_support import EXAMPLE_EVENT, example_extraction, fill, fill_synthetic
from fastapi.testclient import TestClient

from fogofwar.ledger import EventFilter, Ledger, ingest, list_events
from fogofwar.model import Extraction
from fogofwar.reconcile import load_policy, reconcile
from fogofwar.serve import create_app


@pytest.fixture
def many(tmp_path: Path) -> str:
    return fill_synthetic(fill(f"sqlite:///{tmp_path / 'many.sqlite'}"), 30)


def all_pages(c: TestClient, query: str, limit: int) -> tuple[list[str], set[int]]:
    ids, totals, cursor = [], set(), None
    while True:
        url = f"/api/events?{query}&limit={limit}" + (f"&cursor={cursor}" if cursor else "")
        got = c.get(url).json()
        totals.add(got["total"])
        ids += [e["id"] for e in got["events"]]
        assert len(got["events"]) <= limit
        cursor = got["next_cursor"]
        if cursor is None:
            return ids, totals


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_cursor_paging_visits_every_match_once_in_date_order(
    backend: str, many: str, request: pytest.FixtureRequest
) -> None:
    url = many if backend == "sqlite" else fill_synthetic(request.getfixturevalue("pg_url"), 30)
    with TestClient(create_app(url)) as c:
        ids, totals = all_pages(c, "from=2012-01-01", 7)
        dates = [c.get(f"/api/events/{i}").json()["event"]["date"]["start"] for i in ids]
    with Ledger(url) as ledger:
        expected = [e.id for e in list_events(ledger, EventFilter(date_from="2012-01-01"))]
    assert sorted(ids) == sorted(expected) and len(ids) == len(set(ids))
    assert totals == {len(expected)} and dates == sorted(dates)


def test_page_numbers_and_filters(many: str) -> None:
    with Ledger(many) as ledger:
        everything = list_events(ledger)
    mali = [e for e in everything if e.place and e.place.country == "Mali"]
    with TestClient(create_app(many)) as c:
        got = c.get("/api/events?country=MALI&limit=2&page=1").json()
        assert got["total"] == len(mali) and len(got["events"]) == min(2, len(mali))
        second = c.get("/api/events?country=MALI&limit=2&page=2").json()["events"]
        assert not {e["id"] for e in second} & {e["id"] for e in got["events"]}
        assert c.get("/api/events?q=ANÉFIS").json()["events"][0]["id"] == EXAMPLE_EVENT
        sieges = c.get("/api/events?kind=siege&limit=500").json()
        assert sieges["total"] == sum(e.kind == "siege" for e in everything)
        box = c.get("/api/events?bbox=0,17,1,18.5&limit=500").json()["events"]
        assert EXAMPLE_EVENT in {e["id"] for e in box}
        assert all(0 <= e["place"]["lon"] <= 1 and 17 <= e["place"]["lat"] <= 18.5 for e in box)
        actor = c.get("/api/events?actor=gatia").json()["events"]
        assert [e["id"] for e in actor] == [EXAMPLE_EVENT]
        war = c.get("/api/events?war=mali war&from=2014-07&to=2014-07").json()["events"]
        assert EXAMPLE_EVENT in {e["id"] for e in war}
        assert c.get("/api/events?to=2014-07-10&q=anéfis").json()["total"] == 0


def test_event_claims_estimates_and_claim(client: TestClient) -> None:
    detail = client.get(f"/api/events/{EXAMPLE_EVENT}").json()
    event = detail["event"]
    assert {s["side"] for s in event["sides"]} == {1, 2}
    assert any(s["commanders"] for s in event["sides"])
    claims = client.get(f"/api/events/{EXAMPLE_EVENT}/claims").json()
    assert claims["total"] == detail["claims"] == len(claims["claims"]) > 0
    first = claims["claims"][0]
    assert first["evidence"] and first["evidence"][0]["text"]
    assert client.get(f"/api/claims/{first['id']}").json()["claim"] == first
    ests = client.get(f"/api/events/{EXAMPLE_EVENT}/estimates").json()["estimates"]
    assert ests and all(e["reason"] and isinstance(e["basis"], list) for e in ests)
    claim_ids = {c["id"] for c in claims["claims"]}
    assert all(set(e["basis"]) <= claim_ids for e in ests)


def test_sources_list_and_one_source(client: TestClient) -> None:
    listing = client.get("/api/sources?limit=100").json()
    assert listing["total"] == len(listing["sources"]) > 1
    top = listing["sources"][0]
    one = client.get(f"/api/sources/{top['claimant']}?limit=2").json()
    assert one["source"] == top and one["total"] == top["claims"]
    seen, cursor = [], None
    while True:
        page = client.get(
            f"/api/sources/{top['claimant']}?limit=2" + (f"&cursor={cursor}" if cursor else "")
        ).json()
        seen += page["claims"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == top["claims"]
    assert {c["claimant"]["name"] for c in seen} == {top["claimant"]}


def test_exports_stream_each_format(client: TestClient) -> None:
    got = client.get("/api/export?format=json")
    assert got.headers["content-type"].startswith("application/json")
    assert [e["id"] for e in got.json()["events"]] == [EXAMPLE_EVENT]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export?format=acled-csv").text)))
    assert [r["event_id_cnty"] for r in rows] == [EXAMPLE_EVENT]
    ged = list(csv.DictReader(io.StringIO(client.get("/api/export?format=ucdp-csv").text)))
    assert ged[0]["relid"] == EXAMPLE_EVENT
    geo = json.loads(client.get("/api/export?format=geojson&country=mali").text)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 1
    none = json.loads(client.get("/api/export?format=geojson&country=Peru").text)
    assert none["features"] == []
    parquet = client.get("/api/export?format=parquet")
    assert parquet.status_code == 200 and parquet.content[:4] == b"PAR1"


def test_cached_estimates_and_rows_follow_a_new_revision(example_db: str) -> None:
    """Estimates and ACLED/GED rows are cached per event; a revision stored by another writer
    must show at once."""
    with TestClient(create_app(example_db)) as c:
        before = c.get(f"/api/events/{EXAMPLE_EVENT}/estimates").json()["estimates"]
        acled_before = c.get("/api/acled/read").json()["data"][0]["fatalities"]
        revised = revision_with_killed_doubled()
        with Ledger(example_db) as ledger:
            ingest(ledger, revised)
            expected = [
                e.to_dict()
                for e in reconcile(list(revised.claims), load_policy(), events=revised.events)
            ]
        after = c.get(f"/api/events/{EXAMPLE_EVENT}/estimates").json()["estimates"]
        acled_after = c.get("/api/acled/read").json()["data"][0]["fatalities"]
    assert after == expected and after != before
    assert acled_after != acled_before


def revision_with_killed_doubled() -> Extraction:
    x = example_extraction()
    doc = replace(x.documents[0], id="f" * 64, text=x.documents[0].text + "\nrevised")
    events = tuple(replace(e, document=doc.id) for e in x.events)
    claims = tuple(
        replace(c, value=replace(c.value, low=c.value.low * 2, high=(c.value.high or 0) * 2))
        if c.kind == "killed" and c.value.low
        else c
        for c in x.claims
    )
    return Extraction((doc,), events, claims)
