from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from fogofwar.ledger import Ledger, LedgerError, default_url
from fogofwar.ledger.migrations import LATEST


def test_store_opens_new_ledger_at_latest_version(db_url: str) -> None:
    with Ledger(db_url) as ledger:
        assert ledger.version() == LATEST
        names = set(inspect(ledger.engine).get_table_names())
    assert {"documents", "events", "event_actors", "claims", "fogofwar_schema"} <= names


def test_store_reopening_applies_no_migration_twice(db_url: str) -> None:
    Ledger(db_url).close()
    with Ledger(db_url) as ledger:
        assert ledger.migrate() == []
        assert ledger.version() == LATEST


def test_store_migrates_an_older_ledger(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    with Ledger(url, migrate=False) as old:
        assert old.migrate(target=1) == [1]
        indexes = {i["name"] for i in inspect(old.engine).get_indexes("claims")}
        assert "ix_claims_claimant_kind" not in indexes
    with Ledger(url) as new:
        assert new.version() == LATEST
        indexes = {i["name"] for i in inspect(new.engine).get_indexes("claims")}
        assert "ix_claims_claimant_kind" in indexes


def test_store_plain_path_is_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "x.sqlite"
    with Ledger(str(path)) as ledger:
        assert ledger.dialect == "sqlite"
    assert path.exists()


def test_store_default_url_follows_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FOGOFWAR_DB", "postgresql://u@h/db")
    assert default_url() == "postgresql://u@h/db"
    monkeypatch.delenv("FOGOFWAR_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_url() == f"sqlite:///{tmp_path}/fogofwar/ledger.sqlite"


@pytest.mark.parametrize(
    "url, words",
    [
        ("foo://x", "unsupported database URL 'foo://x'"),
        ("postgresql://nobody@127.0.0.1:1/x", "cannot open ledger"),
        ("postgresql://u:secret@127.0.0.1:1/x", "***"),
    ],
)
def test_store_bad_url_is_one_line_error(url: str, words: str) -> None:
    with pytest.raises(LedgerError) as err:
        Ledger(url)
    assert words in str(err.value)
    assert "\n" not in str(err.value)
    assert "secret" not in str(err.value)


def test_store_unwritable_sqlite_path_is_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(LedgerError, match="cannot open ledger"):
        Ledger(str(tmp_path / "file" / "ledger.sqlite"))
