"""``fogofwar serve --workers N``: several real server processes on one port, one ledger, and
OAuth tokens that every worker accepts (signed with the server's secret, not kept per process)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from fogofwar.cli import main
from fogofwar.serve.auth import IssuedTokens


def test_tokens_signed_with_one_secret_are_valid_for_every_holder() -> None:
    one, same, other = IssuedTokens(b"k" * 32), IssuedTokens(b"k" * 32), IssuedTokens(b"x" * 32)
    access, refresh = one.issue()
    assert same.valid(access) and same.valid(refresh, kind="refresh")
    assert not other.valid(access)
    assert not same.valid(refresh) and not same.valid(access, kind="refresh")
    kind, expiry, nonce, signature = access.split(".")
    assert not same.valid(f"{kind}.{int(expiry) + 1}.{nonce}.{signature}")  # tampered
    stale = f"access.{int(time.time()) - 1}.{nonce}"
    assert not same.valid(f"{stale}.{one._sign(stale)}")  # expired
    assert not same.valid("") and not same.valid("not.a.token")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_with_two_workers_shares_tokens_and_ledger(example_db: str) -> None:
    port = _port()
    exe = Path(sys.executable).parent / "fogofwar"
    command = ["serve", "--db", example_db, "--port", str(port), "--read-token", "R"]
    proc = subprocess.Popen(
        [str(exe), *command, "--workers", "2"],
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                httpx.get(f"{base}/api", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            raise AssertionError("fogofwar serve --workers 2 did not start")
        form = {"grant_type": "password", "username": "me", "password": "R"}
        token = httpx.post(f"{base}/oauth/token", data=form).json()["access_token"]
        auth = {"Authorization": f"Bearer {token}", "Connection": "close"}
        statuses = [  # a new connection each time: the workers take turns
            httpx.get(f"{base}/api/acled/read?_format=json", headers=auth).status_code
            for _ in range(30)
        ]
        assert statuses == [200] * 30
        assert httpx.get(f"{base}/api").status_code == 401
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=60)
    assert "2 worker processes" in err


def test_serve_rejects_a_bad_worker_count() -> None:
    assert main(["serve", "--workers", "0"]) == 2
