"""Revision history of an event's figures from a multi-revision dump, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fogofwar.bulk import ingest_dump
from fogofwar.cli import main
from fogofwar.errors import LedgerError
from fogofwar.ledger import Ledger, list_events
from fogofwar.ledger.history import FigureHistory, event_history

HISTORY = Path(__file__).resolve().parents[1] / "data" / "dumps" / "korytsa-history-0.11.xml"
REVS = ["902502420", "902600001", "902700002", "902800003"]


def figure(figures: tuple[FigureHistory, ...], kind: str, side: int) -> FigureHistory:
    (found,) = [f for f in figures if f.kind == kind and f.side == side and not f.claimant]
    return found


def steps(f: FigureHistory) -> list[tuple[str, str | None, str | None]]:
    return [(s.change, s.value, s.revision.revision) for s in f.steps]


def reversed_revisions(tmp_path: Path) -> Path:
    """The same page with its revisions listed newest first (as some exports give them)."""
    text = HISTORY.read_text("utf-8")
    head, *revs = re.split(r"(?=<revision>)", text)
    last, tail = revs[-1].split("</page>", 1)
    revs[-1] = last
    out = tmp_path / "reversed.xml"
    out.write_text(head + "".join(reversed(revs)) + "</page>" + tail, "utf-8")
    return out


@pytest.mark.parametrize("order", ["oldest first", "newest first"])
def test_figures_appear_change_and_disappear_by_revision(
    db_url: str, tmp_path: Path, order: str
) -> None:
    dump = HISTORY if order == "oldest first" else reversed_revisions(tmp_path)
    with Ledger(db_url) as ledger:
        assert ingest_dump(ledger, dump).errors == []
        (event,) = list_events(ledger)
        history = event_history(ledger, event.id)
    assert [r.revision for r in history.revisions] == REVS
    killed = figure(history.figures, "killed", 2)
    assert steps(killed) == [
        ("appeared", "624", REVS[0]),
        ("changed", "700", REVS[1]),
        ("changed", "624", REVS[3]),
    ]
    injured = figure(history.figures, "injured", 2)
    assert steps(injured) == [
        ("appeared", "2348", REVS[0]),
        ("removed", None, REVS[2]),
        ("reappeared", "2348", REVS[3]),
    ]
    assert injured.line() == (
        "injured side 2: 2348 (rev 902502420, 2019-06-19, by 213.169.33.98) -> removed "
        "(rev 902700002, 2019-08-01, by 192.0.2.7) -> 2348 (rev 902800003, 2019-09-01, "
        "by ExampleEditor)"
    )
    unchanged = [f for f in history.figures if f not in history.changed()]
    assert unchanged and all(len(f.steps) == 1 for f in unchanged)


def test_history_command_text_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "l.sqlite")
    assert main(["ingest", str(HISTORY), "--db", db, "-q"]) == 0
    with Ledger(db) as ledger:
        (event,) = list_events(ledger)
    capsys.readouterr()
    assert main(["history", event.id, "--db", db]) == 0
    text = capsys.readouterr().out.splitlines()
    assert text[0].startswith(f"{event.id}: 4 revisions (rev 902502420, 2019-06-19")
    assert any(line.strip().startswith("killed side 2: 624 (rev 902502420") for line in text)
    assert not any(line.strip().startswith("captured") for line in text)  # never changed
    assert main(["history", event.id, "--db", db, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["event"] == event.id and len(data["revisions"]) == 4
    killed = next(f for f in data["figures"] if f["label"] == "killed side 2")
    assert [s["value"] for s in killed["steps"]] == ["624", "700", "624"]
    assert killed["steps"][1]["editor"] == "ExampleEditor"
    assert main(["history", "no-such-event", "--db", db]) == 1
    assert "unknown event 'no-such-event'" in capsys.readouterr().err


def test_unknown_event(tmp_path: Path) -> None:
    with Ledger(str(tmp_path / "l.sqlite")) as ledger, pytest.raises(LedgerError):
        event_history(ledger, "nothing")
