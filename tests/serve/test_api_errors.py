"""One error shape for every error, with the right status: pinned for 400, 401, 403, 404, 405,
413 and 422, from the library, the router and validation alike."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from fogofwar import errors
from fogofwar.serve import create_app


def assert_error(got: Any, status: int, code: str) -> None:
    assert got.status_code == status, got.text
    body = got.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    assert body["error"]["code"] == code, body
    assert body["error"]["message"] and "\n" not in body["error"]["message"]


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/events/no-such-event", 404, errors.NotFound.code),
        ("/api/events/no-such-event/claims", 404, errors.NotFound.code),
        ("/api/events/no-such-event/estimates", 404, errors.NotFound.code),
        ("/api/claims/no/such", 404, errors.NotFound.code),
        ("/api/sources/nobody", 404, errors.NotFound.code),
        ("/no/such/path", 404, errors.NotFound.code),
        ("/api/events?limit=0", 422, errors.InvalidParameters.code),
        ("/api/events?limit=abc", 422, errors.InvalidParameters.code),
        ("/api/events?from=July", 422, errors.InvalidParameters.code),
        ("/api/events?bbox=1,2,3", 422, errors.InvalidParameters.code),
        ("/api/events?bbox=10,0,5,1", 422, errors.InvalidParameters.code),
        ("/api/events?page=1&cursor=x", 422, errors.InvalidParameters.code),
        ("/api/events?cursor=not-a-cursor", 400, errors.BadRequest.code),
        ("/api/export?format=xlsx", 422, errors.InvalidParameters.code),
        ("/api/acled/read?_format=csv", 422, errors.InvalidParameters.code),
        ("/api/acled/read?event_date=July", 422, "E605"),
        ("/api/acled/read?event_date_where=LIKE", 422, "E605"),
        ("/api/acled/read?fields=event_id_cnty|nonsense", 422, errors.InvalidParameters.code),
        ("/api/gedevents/25.1?Country=432", 422, errors.InvalidParameters.code),
        ("/api/gedevents/25.1?Geography=north", 422, errors.InvalidParameters.code),
        ("/api/gedevents/25.1?pagesize=5000", 422, errors.InvalidParameters.code),
    ],
)
def test_read_errors(client: TestClient, path: str, status: int, code: str) -> None:
    assert_error(client.get(path), status, code)


def test_method_not_allowed(client: TestClient) -> None:
    got = client.delete("/api/events")
    assert_error(got, 405, errors.MethodNotAllowed.code)
    assert got.headers["allow"] == "GET"


def test_write_to_a_read_only_server_is_forbidden(client: TestClient) -> None:
    assert_error(client.post("/api/documents", content=b"= T =\n"), 403, "E606")


def test_write_errors(example_db: str) -> None:
    app = create_app(example_db, token="w", max_body=1000)
    auth = {"Authorization": "Bearer w"}
    with TestClient(app) as c:
        assert_error(c.post("/api/documents", content=b"= T =\n"), 401, "E602")
        got = c.post("/api/documents", content=b"x", headers={"Authorization": "Bearer bad"})
        assert_error(got, 401, "E602")
        assert got.headers["www-authenticate"] == "Bearer"
        assert_error(c.post("/api/documents", content=b"a" * 1001, headers=auth), 413, "E604")
        assert_error(c.post("/api/documents", content=b"\x00\x01bin", headers=auth), 400, "E601")
        assert_error(c.post("/api/documents", content=b"  \n", headers=auth), 400, "E601")
        assert_error(c.post("/api/documents", content=b"\xff\xfe= T", headers=auth), 400, "E601")


def test_read_token_errors(example_db: str) -> None:
    with TestClient(create_app(example_db, read_token="r")) as c:
        for path in ("/api/events", "/api/acled/read", "/acled/read", "/api/gedevents/1"):
            assert_error(c.get(path), 401, "E602")
        got = c.post("/oauth/token", data={"grant_type": "password", "password": "wrong"})
        assert_error(got, 401, "E602")
        got = c.post("/oauth/token", data={"grant_type": "refresh_token", "refresh_token": "x"})
        assert_error(got, 401, "E602")
        assert_error(c.post("/oauth/token", data={}), 422, "E605")
