"""The real ``acled`` client from the package index (a test-only dependency) reads the ledger
through a loopback uvicorn server: OAuth password grant, then /api/acled/read.

The client reads ``ACLED_API_HOST`` when it is imported, so it runs in a subprocess with the
environment a user would set."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from api_support import EXAMPLE_EVENT, live_server
from fastapi.testclient import TestClient

from fogofwar.serve import create_app

CLIENT = """
import json, os, sys
from acled import AcledClient
from acled.auth import OAuthTokenAuth
OAuthTokenAuth.TOKEN_ENDPOINT = os.environ["TOKEN_ENDPOINT"]
client = AcledClient(auth_method="oauth", username="analyst@example.org",
                     password=os.environ["ACLED_PASSWORD"])
events = client.get_data(country="Mali", event_date="2014-07-01|2014-07-31",
                         query_params={"event_date_where": "BETWEEN"}, limit=10)
print(json.dumps([{k: str(v) for k, v in e.items()} for e in events]))
"""


def run_client(base: str, password: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "ACLED_API_HOST": f"{base}/api",
        "TOKEN_ENDPOINT": f"{base}/oauth/token",
        "ACLED_PASSWORD": password,
        "ACLED_MAX_RETRIES": "0",
    }
    return subprocess.run(
        [sys.executable, "-c", CLIENT], env=env, capture_output=True, text=True, timeout=120
    )


def expected_fatalities(c: TestClient, token: str) -> int:
    """ACLED's figure from the estimates endpoint: the event's one fatality estimate, the sum of
    the side-level killed bests (``fogofwar.export.common.fatalities``)."""
    got = c.get(
        f"/api/events/{EXAMPLE_EVENT}/estimates", headers={"Authorization": f"Bearer {token}"}
    )
    killed = [e for e in got.json()["estimates"] if e["kind"] == "killed" and e["actor"] is None]
    return sum(e["best"] for e in killed if e["best"] is not None)


@pytest.mark.parametrize("read_token", [None, "r3ad"])
def test_acled_client_reads_the_worked_example(example_db: str, read_token: str | None) -> None:
    app = create_app(example_db, read_token=read_token)
    with live_server(app) as base:
        got = run_client(base, read_token or "anything")
    assert got.returncode == 0, got.stderr[-2000:]
    events = json.loads(got.stdout)
    assert [e["event_id_cnty"] for e in events] == [EXAMPLE_EVENT]
    event = events[0]
    assert event["event_date"] == "2014-07-11" and event["country"] == "Mali"
    with TestClient(app) as c:
        fatalities = expected_fatalities(c, "r3ad")
    assert fatalities > 0 and event["fatalities"] == str(fatalities)


def test_acled_client_with_a_wrong_password_is_refused(example_db: str) -> None:
    with live_server(create_app(example_db, read_token="r3ad")) as base:
        got = run_client(base, "wrong")
    assert got.returncode != 0 and "401" in got.stderr
