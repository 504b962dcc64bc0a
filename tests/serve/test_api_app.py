"""The application skeleton: the ledger on app.state, read-only unless a token is set, docs
offline, the CLI command."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError

from fogofwar.cli import build_parser, main
from fogofwar.ledger import Ledger, counts
from fogofwar.serve import create_app


def test_app_state_holds_the_ledger_and_policy(example_db: str) -> None:
    app = create_app(example_db)
    assert isinstance(app.state.ledger, Ledger)
    assert app.state.policy.name
    with TestClient(app) as c:
        got = c.get("/api").json()
    assert got["ledger"]["events"] == 1 and got["writable"] is False


def test_without_a_token_the_ledger_refuses_writes(example_db: str) -> None:
    ledger = create_app(example_db).state.ledger
    before = counts(ledger)["claims"]
    with pytest.raises(OperationalError, match=r"readonly|read-only"), ledger.read() as conn:
        conn.exec_driver_sql("DELETE FROM claims")
    with Ledger(example_db) as other:
        assert counts(other)["claims"] == before > 0


def test_postgresql_ledger_is_read_only_too(pg_url: str) -> None:
    ledger = create_app(pg_url).state.ledger
    with pytest.raises(Exception, match="read-only"), ledger.read() as conn:
        conn.exec_driver_sql("CREATE TABLE x (a int)")
    ledger.close()


def test_with_a_token_the_ledger_takes_writes(example_db: str) -> None:
    ledger = create_app(example_db, token="t").state.ledger
    with ledger.write() as conn:
        conn.exec_driver_sql("UPDATE claims SET said_on = said_on")


def test_docs_page_loads_only_packaged_assets(client: TestClient) -> None:
    for page in ("/docs", "/redoc"):
        html = client.get(page).text
        assert "openapi.json" in html
        assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html), page
        for asset in re.findall(r"""(?:src|href)=["']?([^"' >]+)""", html):
            got = client.get(asset)
            assert got.status_code == 200 and len(got.content) > 1000, asset
    assert client.get("/openapi.json").json()["info"]["title"] == "fogofwar"


def test_serve_command_is_registered_with_its_options() -> None:
    args = build_parser().parse_args(["serve", "--port", "8123", "--read-token", "r"])
    assert args.port == 8123 and args.read_token == "r" and args.host == "127.0.0.1"


def test_the_serve_command_serves_the_ledger(example_db: str) -> None:
    """The real ``fogofwar serve`` process: read-only on the given ledger, then stopped."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = Path(sys.executable).parent / "fogofwar"
    proc = subprocess.Popen(
        [str(exe), "serve", "--db", example_db, "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(300):
            try:
                got = httpx.get(f"http://127.0.0.1:{port}/api", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            raise AssertionError("fogofwar serve did not start")
        assert got.json()["ledger"]["events"] == 1 and got.json()["writable"] is False
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "read-only" in err and f"http://127.0.0.1:{port}/" in err


def test_serve_command_rejects_a_bad_port() -> None:
    assert main(["serve", "--port", "70000"]) == 2  # a usage error, like every other command
