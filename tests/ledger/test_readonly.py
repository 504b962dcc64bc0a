"""Read commands open a ledger read-only: they never create, migrate or change one; bad
filters are usage errors. Only ``ingest`` and ``migrate`` write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from fogofwar.cli import main
from fogofwar.errors import FilterError, LedgerMissing, LedgerOutdated, LedgerReadOnly
from fogofwar.ledger import EventFilter, Ledger, ingest
from fogofwar.ledger.migrations import LATEST
from fogofwar.model import Extraction

ANEFIS = str(Path(__file__).parents[1] / "data" / "anefis.extraction.json")
EV = "battle-of-anefis-2014"
READS = (
    ["events"],
    ["show", EV],
    ["estimates"],
    ["sources"],
    ["export", "--format", "json"],
)


@pytest.mark.parametrize("command", READS, ids=lambda c: c[0])
def test_readonly_missing_sqlite_ledger_is_an_error_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    where = tmp_path / "no" / "such" / "dir" / "x.sqlite"
    assert main([*command, "--db", str(where)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"no ledger at {where}" in err and "fogofwar migrate" in err
    assert not (tmp_path / "no").exists()


def test_readonly_empty_postgresql_database_is_not_made_a_ledger(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["events", "--db", pg_url]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not a fogofwar ledger" in err
    with Ledger(pg_url, migrate=False) as raw:
        assert inspect(raw.engine).get_table_names() == []


def _old_ledger(url: str, anefis: Extraction) -> None:
    with Ledger(url) as ledger:
        ingest(ledger, anefis)
        with ledger.write() as conn:  # as a fogofwar of schema version 4 left it
            conn.execute(text("DELETE FROM fogofwar_schema WHERE version >= 5"))


def test_readonly_outdated_ledger_asks_for_migrate_and_stays_as_it_is(
    db_url: str, anefis: Extraction, capsys: pytest.CaptureFixture[str]
) -> None:
    _old_ledger(db_url, anefis)
    for command in READS:
        assert main([*command, "--db", db_url]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "schema version 4" in err
        assert "run `fogofwar migrate --db" in err
    with Ledger(db_url, migrate=False) as raw:
        assert raw.version() == 4
    assert main(["migrate", "--db", db_url]) == 0
    assert f"schema version 4 -> {LATEST} (applied 5, 6, 7, 8)" in capsys.readouterr().out
    assert main(["events", "--db", db_url, "--format", "json"]) == 0
    assert [e["id"] for e in json.loads(capsys.readouterr().out)["events"]] == [EV]
    assert main(["migrate", "--db", db_url]) == 0
    assert "already at schema version" in capsys.readouterr().out


def test_readonly_migrate_creates_a_new_ledger(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where = tmp_path / "new" / "ledger.sqlite"
    assert main(["migrate", "--db", str(where)]) == 0
    assert f"created at schema version {LATEST}" in capsys.readouterr().out
    assert main(["events", "--db", str(where), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"events": []}


def test_readonly_connections_refuse_writes(db_url: str) -> None:
    Ledger(db_url).close()
    with Ledger(db_url, read_only=True) as ledger:
        with pytest.raises(LedgerReadOnly), ledger.write():
            pass
        with pytest.raises(DBAPIError, match=r"read-only|readonly"), ledger.read() as conn:
            conn.execute(text("CREATE TABLE intruder (a INTEGER)"))
    with Ledger(db_url, migrate=False) as raw:
        assert "intruder" not in inspect(raw.engine).get_table_names()


def test_readonly_library_errors_are_typed(tmp_path: Path) -> None:
    with pytest.raises(LedgerMissing):
        Ledger(str(tmp_path / "x.sqlite"), read_only=True)
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    with Ledger(url, migrate=False) as old:
        old.migrate(target=3)
    with pytest.raises(LedgerOutdated, match="schema version 3"):
        Ledger(url, read_only=True)


def test_readonly_newer_ledger_than_fogofwar_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    with Ledger(url) as ledger, ledger.write() as conn:
        conn.execute(text(f"INSERT INTO fogofwar_schema VALUES ({LATEST + 1}, 'later')"))
    for read_only in (True, False):
        with pytest.raises(LedgerOutdated, match="newer than this fogofwar"):
            Ledger(url, read_only=read_only)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    monkeypatch.setenv("FOGOFWAR_DB", url)
    assert main(["ingest", ANEFIS]) == 0
    return url


@pytest.mark.parametrize(
    "flags, words",
    [
        (["--from", "June"], "--from 'June' is not a date: use YYYY-MM-DD, YYYY-MM or YYYY"),
        (["--to", "2014-13-01"], "--to '2014-13-01' is not a date"),
        (["--from", "2014-02-30"], "--from '2014-02-30' is not a date"),
        (["--from", "2015", "--to", "2014"], "--from 2015 is after --to 2014"),
        (["--country", "123"], "--country '123' is not a country"),
        (["--country", "XQ"], "--country 'XQ': no country has this ISO code"),
        (["--actor", "  "], "--actor is empty"),
    ],
)
def test_readonly_bad_filters_are_usage_errors(
    db: str, capsys: pytest.CaptureFixture[str], flags: list[str], words: str
) -> None:
    capsys.readouterr()
    for command in (["events"], ["export", "--format", "json"]):
        assert main([*command, *flags]) == 2
        out, err = capsys.readouterr()
        assert out == "" and err.startswith(f"fogofwar: error: {words}") and err.count("\n") == 1


@pytest.mark.parametrize(
    "flags",
    [
        ["--from", "2014", "--to", "2014"],
        ["--from", "2014-07", "--to", "2014-07"],
        ["--to", "2014-07-11"],
        ["--country", "ML"],
        ["--country", "mli"],
        ["--country", "  MALI "],
        ["--actor", "LIBÉRATION OF"],
        ["--actor", "gatia"],
    ],
)
def test_readonly_filters_in_the_forms_people_write(
    db: str, capsys: pytest.CaptureFixture[str], flags: list[str]
) -> None:
    capsys.readouterr()
    assert main(["events", "--format", "json", *flags]) == 0
    assert [e["id"] for e in json.loads(capsys.readouterr().out)["events"]] == [EV]


def test_readonly_event_filter_rejects_bad_dates_from_python() -> None:
    with pytest.raises(FilterError):
        EventFilter(date_from="June")
    assert EventFilter(date_to="2016-02").date_to == "2016-02-29"


def test_readonly_bad_filter_is_a_usage_error_before_the_ledger_is_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "none.sqlite")
    assert main(["events", "--from", "June", "--db", missing]) == 2
    assert "--from 'June' is not a date" in capsys.readouterr().err
