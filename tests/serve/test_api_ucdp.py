"""The UCDP-compatible endpoint, paged the way UCDP's documented clients page: request page 0,
then follow the absolute NextPageUrl until it is "" (over real HTTP, with the access token
header); rows carry GED's fields with GED's JSON types."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from api_support import EXAMPLE_EVENT, fill, fill_synthetic, live_server

from fogofwar.export import ucdp_csv
from fogofwar.ledger import EventFilter, Ledger, list_events
from fogofwar.serve import create_app

INTEGER_FIELDS = ("id", "year", "where_prec", "date_prec", "best", "low", "high", "deaths_b")
UNKNOWN_COUNTS = ("deaths_a", "deaths_civilians", "deaths_unknown")  # null, never a silent 0


def follow(url: str, headers: dict[str, str]) -> tuple[list[dict[str, object]], list[dict]]:
    rows, envelopes = [], []
    while url:
        got = httpx.get(url, headers=headers, timeout=30)
        assert got.status_code == 200, got.text
        page = got.json()
        envelopes.append(page)
        rows += page["Result"]
        url = page["NextPageUrl"]
    return rows, envelopes


@pytest.fixture
def ledger_url(tmp_path: Path) -> str:
    return fill_synthetic(fill(f"sqlite:///{tmp_path / 'ged.sqlite'}"), 23)


def test_paging_by_next_page_url_visits_every_event_once(ledger_url: str) -> None:
    with Ledger(ledger_url) as ledger:
        expected = {e.id for e in list_events(ledger, EventFilter(date_from="2012-01-01"))}
    app = create_app(ledger_url, read_token="ucdp-token")
    with live_server(app) as base:
        start = f"{base}/api/gedevents/25.1?pagesize=5&page=0&StartDate=2012-01-01"
        rows, pages = follow(start, {"x-ucdp-access-token": "ucdp-token"})
        refused = httpx.get(start, timeout=30)
    assert refused.status_code == 401
    assert sorted(r["relid"] for r in rows) == sorted(expected)  # type: ignore[type-var]
    total = len(expected)
    assert {p["TotalCount"] for p in pages} == {total}
    assert {p["TotalPages"] for p in pages} == {len(pages)} == {-(-total // 5)}
    assert pages[0]["PreviousPageUrl"] == "" and pages[-1]["NextPageUrl"] == ""
    assert all(p["NextPageUrl"].startswith(base + "/api/gedevents/25.1?") for p in pages[:-1])
    assert all(len(p["Result"]) == 5 for p in pages[:-1])


def test_rows_have_ged_fields_and_types(ledger_url: str) -> None:
    with live_server(create_app(ledger_url)) as base:
        page = httpx.get(
            f"{base}/api/gedevents/25.1",
            params={
                "Country": "Mali",
                "StartDate": "2014-07-01",
                "EndDate": "2014-07-31",
                "Geography": "17 0,18.5 1",
            },
            timeout=30,
        ).json()
    row = next(r for r in page["Result"] if r["relid"] == EXAMPLE_EVENT)
    assert list(row) == list(ucdp_csv.COLUMNS)
    for name in INTEGER_FIELDS:
        assert type(row[name]) is int, name
    for name in UNKNOWN_COUNTS:  # the worked example has no estimate of these
        assert row[name] is None, name
    assert isinstance(row["latitude"], float) and isinstance(row["longitude"], float)
    assert row["date_start"] == "2014-07-11T00:00:00" and row["country"] == "Mali"
    assert row["low"] <= row["best"] <= row["high"]
    assert all(r["country"] == "Mali" for r in page["Result"])
