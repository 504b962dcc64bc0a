"""Real databases for ledger tests: SQLite files and a real PostgreSQL server.

PostgreSQL: ``$FOGOFWAR_TEST_PG_URL`` (set by ``scripts/postgres.sh run ...``) names a server;
when unset, the session starts a throwaway one with ``scripts/postgres.sh`` (which installs the
Debian package if needed). Each test gets its own fresh database. Nothing is skipped silently:
``FOGOFWAR_TEST_SKIP_PG=1`` is the only way to run without PostgreSQL.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import make_url

from fogofwar.model import Extraction

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a running PostgreSQL server (its ``fogofwar`` database)."""
    if os.environ.get("FOGOFWAR_TEST_PG_URL"):
        yield os.environ["FOGOFWAR_TEST_PG_URL"]
        return
    if os.environ.get("FOGOFWAR_TEST_SKIP_PG") == "1":
        pytest.skip("FOGOFWAR_TEST_SKIP_PG=1: PostgreSQL tests explicitly disabled")
    pgdir = f"/tmp/fogofwar-pg-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "FOGOFWAR_PG_PORT": str(_free_port())}
    script = str(ROOT / "scripts" / "postgres.sh")
    got = subprocess.run([script, "start", pgdir], env=env, capture_output=True, text=True)
    if got.returncode != 0:
        pytest.fail(f"cannot start PostgreSQL: {got.stderr.strip()}")
    try:
        yield got.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run([script, "stop", pgdir], env=env, capture_output=True)


def _pg_database(server: str) -> Iterator[str]:
    name = f"fw_test_{uuid.uuid4().hex[:12]}"
    admin = make_url(server).set(database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database."""
    yield from _pg_database(pg_server)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh ledger URL on each backend: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    else:
        yield from _pg_database(request.getfixturevalue("pg_server"))


@pytest.fixture
def anefis() -> Extraction:
    """The hand-made extraction of the worked example."""
    return Extraction.from_dict(json.loads((DATA / "anefis.extraction.json").read_text("utf-8")))
