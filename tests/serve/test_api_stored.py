"""The server reads what the ledger stores (each event's estimates, claimants, fatalities) and
filters through the ledger's own query layer, so the API, the CLI and the exports agree."""

from __future__ import annotations

from pathlib import Path

import pytest
from api_support import EXAMPLE_EVENT, fill, fill_synthetic
from fastapi.testclient import TestClient
from sqlalchemy import update

from fogofwar.export.common import bundles
from fogofwar.ledger import EventFilter, Ledger, event_claims, list_events, served
from fogofwar.ledger import schema as t
from fogofwar.ledger.search import event_page
from fogofwar.reconcile import load_policy
from fogofwar.serve import create_app
from fogofwar.serve.acled import acled_row
from fogofwar.serve.ucdp import ged_row


@pytest.fixture
def many(tmp_path: Path) -> str:
    return fill_synthetic(fill(f"sqlite:///{tmp_path / 'many.sqlite'}"), 40)


def _tamper(url: str, event_id: str) -> None:
    """Change the stored estimates of one event, as only a stored read would show."""
    with Ledger(url) as ledger, ledger.write() as conn:
        conn.execute(
            update(t.event_estimates)
            .where(t.event_estimates.c.event == event_id)
            .values(estimates=[], claimants=["Stored Claimant"], fatalities_best=None)
        )
        served.write(conn, [event_id])  # the stored answers, made from the stored estimates


def test_api_serves_the_stored_estimates(example_db: str) -> None:
    with TestClient(create_app(example_db)) as c:
        assert c.get(f"/api/events/{EXAMPLE_EVENT}/estimates").json()["estimates"]
        _tamper(example_db, EXAMPLE_EVENT)
        assert c.get(f"/api/events/{EXAMPLE_EVENT}/estimates").json()["estimates"] == []
        (row,) = c.get("/api/acled/read?_format=json").json()["data"]
        assert row["source"] == "Stored Claimant" and row["fatalities"] is None


def test_api_with_another_policy_reconciles(example_db: str, tmp_path: Path) -> None:
    policy = tmp_path / "policy.toml"
    shipped = Path(load_policy.__code__.co_filename).parents[1] / "data" / "policy.toml"
    policy.write_text(shipped.read_text("utf-8").replace("lowest", "highest"), "utf-8")
    _tamper(example_db, EXAMPLE_EVENT)
    with TestClient(create_app(example_db, policy=load_policy(policy))) as c:
        assert c.get(f"/api/events/{EXAMPLE_EVENT}/estimates").json()["estimates"]
        (row,) = c.get("/api/acled/read?_format=json").json()["data"]
        assert row["source"] != "Stored Claimant" and row["fatalities"] is not None


def test_api_rows_are_the_rows_of_the_exports_bundles(many: str) -> None:
    """ACLED and GED rows from the stored summaries equal those made from fully reconciled
    bundles (the exports' own), field by field."""
    with Ledger(many) as ledger:
        hits = event_page(ledger, EventFilter(), 500).hits
        by_id = {b.event.id: b for b in bundles(ledger)}
    acled = [acled_row(by_id[h.event.id], h) for h in hits]
    ged = [ged_row(by_id[h.event.id], h) for h in hits]
    assert any(r["fatalities"] for r in acled)
    with TestClient(create_app(many)) as c:
        assert c.get("/api/acled/read?limit=500&_format=json").json()["data"] == acled
        assert c.get("/api/gedevents/25.1?pagesize=500").json()["Result"] == ged


@pytest.mark.parametrize(
    ("query", "flt"),
    [
        ("country=ML", EventFilter(country="ML")),  # ISO codes, as the CLI's --country
        ("country=m%C3%A1li", EventFilter(country="Mali")),  # accents folded
        ("kind=siege", EventFilter(kind="siege")),
        ("bbox=-5,10,5,20", EventFilter(bbox=(-5, 10, 5, 20))),
        ("q=syn%201", EventFilter(text="syn 1")),
        ("actor=army&from=2014", EventFilter(actor="army", date_from="2014")),
    ],
)
def test_api_filters_are_the_ledgers(many: str, query: str, flt: EventFilter) -> None:
    with Ledger(many) as ledger:
        want = sorted(e.id for e in list_events(ledger, flt))
    assert want, "the filter selects something"
    with TestClient(create_app(many)) as c:
        got = c.get(f"/api/events?{query}&limit=500").json()
    assert sorted(e["id"] for e in got["events"]) == want and got["total"] == len(want)


def test_api_bad_filter_is_one_error(many: str) -> None:
    with TestClient(create_app(many)) as c:
        got = c.get("/api/events?from=2014-02-30")
    assert got.status_code == 400
    assert got.json()["error"]["code"] == "E210" and "not a date" in got.json()["error"]["message"]


def test_acled_and_ged_take_several_countries(many: str) -> None:
    with Ledger(many) as ledger:
        two = EventFilter(countries=("Mali", "Syria"))
        want = sorted(e.id for e in list_events(ledger, two))
    assert want
    with TestClient(create_app(many)) as c:
        acled = c.get("/api/acled/read?country=Mali:OR:country=syria&_format=json").json()
        ged = c.get("/api/gedevents/25.1?Country=Mali,Syria&pagesize=500").json()
    assert sorted(r["event_id_cnty"] for r in acled["data"]) == want
    assert sorted(r["relid"] for r in ged["Result"]) == want


def test_event_counts_claims_with_or_without_a_stored_row(example_db: str) -> None:
    with TestClient(create_app(example_db)) as c:
        stored = c.get(f"/api/events/{EXAMPLE_EVENT}").json()["claims"]
        with Ledger(example_db) as ledger, ledger.write() as conn:
            conn.execute(t.event_estimates.delete())
        counted = c.get(f"/api/events/{EXAMPLE_EVENT}").json()["claims"]
        with Ledger(example_db) as ledger:
            want = len(event_claims(ledger, [EXAMPLE_EVENT])[EXAMPLE_EVENT])
    assert stored == counted == want > 0
