"""``GET /api/events/{id}/history``: a figure's changes across a page's revisions, over HTTP."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from fogofwar.bulk import ingest_dump
from fogofwar.ledger import Ledger, list_events
from fogofwar.serve import create_app

HISTORY = Path(__file__).resolve().parents[1] / "data" / "dumps" / "korytsa-history-0.11.xml"


def test_history_of_a_figure_over_http(tmp_path: Path) -> None:
    db = str(tmp_path / "ledger.sqlite")
    with Ledger(db) as ledger:
        assert ingest_dump(ledger, HISTORY).errors == []
        (event,) = list_events(ledger)
    with TestClient(create_app(db)) as client:
        got = client.get(f"/api/events/{event.id}/history")
        missing = client.get("/api/events/no-such-event/history")
    assert got.status_code == 200
    body = got.json()
    assert [r["revision"] for r in body["revisions"]] == [
        "902502420",
        "902600001",
        "902700002",
        "902800003",
    ]
    (killed,) = [
        f
        for f in body["figures"]
        if f["kind"] == "killed" and f["subject"]["side"] == 2 and not f["claimant"]
    ]
    assert [(s["change"], s["value"]) for s in killed["steps"]] == [
        ("appeared", "624"),
        ("changed", "700"),
        ("changed", "624"),
    ]
    assert missing.status_code == 404 and missing.json()["error"]["code"].startswith("E6")


def test_event_page_lists_the_figures_that_changed(tmp_path: Path) -> None:
    db = str(tmp_path / "ledger.sqlite")
    with Ledger(db) as ledger:
        assert ingest_dump(ledger, HISTORY).errors == []
        (event,) = list_events(ledger)
    with TestClient(create_app(db)) as client:
        page = client.get(f"/events/{event.id}").text
    assert "Revision history" in page
    assert "killed side 2" in page and "rev 902600001, 2019-07-01" in page
    assert 'class="step removed"' in page  # the injured figure a revision dropped
