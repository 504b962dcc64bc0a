"""Writes: POST /api/documents extracts and stores an article in one transaction behind the
token; without a valid token, or with a bad body, nothing is stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from api_support import DATA, EXAMPLE_EVENT
from fastapi.testclient import TestClient

from fogofwar.ledger import Ledger, counts, get_event
from fogofwar.serve import create_app

ARTICLE = (DATA / "anefis.txt").read_bytes()


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    return str(request.getfixturevalue("pg_url"))


def stored(url: str) -> dict[str, int]:
    with Ledger(url) as ledger:
        return counts(ledger)


def test_post_stores_the_article_and_answers_the_event_id(empty_db: str) -> None:
    with TestClient(create_app(empty_db, token="w")) as c:
        got = c.post(
            "/api/documents",
            content=ARTICLE,
            headers={"Authorization": "Bearer w", "Content-Type": "text/plain"},
        )
        assert got.status_code == 201, got.text
        body = got.json()
        assert body["event"] == EXAMPLE_EVENT and body["status"] == "added"
        assert c.get(f"/api/events/{body['event']}").json()["claims"] == body["claims"] > 0
        again = c.post("/api/documents", content=ARTICLE, headers={"Authorization": "Bearer w"})
        assert again.json()["status"] == "unchanged"
    with Ledger(empty_db) as ledger:
        assert get_event(ledger, EXAMPLE_EVENT).document == body["document"]
        assert counts(ledger)["documents"] == 1


@pytest.mark.parametrize(
    ("headers", "body", "status"),
    [
        ({}, ARTICLE, 401),
        ({"Authorization": "Bearer nope"}, ARTICLE, 401),
        ({"Authorization": "Basic dzp3"}, ARTICLE, 401),
        ({"Authorization": "Bearer w"}, ARTICLE + b"x" * 200_000, 413),
        ({"Authorization": "Bearer w"}, b"\x00" * 100, 400),
    ],
)
def test_refused_writes_store_nothing(
    empty_db: str, headers: dict[str, str], body: bytes, status: int
) -> None:
    before = stored(empty_db)
    with TestClient(create_app(empty_db, token="w", max_body=len(ARTICLE) + 10)) as c:
        assert c.post("/api/documents", content=body, headers=headers).status_code == status
    assert stored(empty_db) == before


def test_read_only_server_stores_nothing(empty_db: str) -> None:
    with TestClient(create_app(empty_db)) as c:
        got = c.post("/api/documents", content=ARTICLE, headers={"Authorization": "Bearer w"})
        assert got.status_code == 403
    assert stored(empty_db)["documents"] == 0


def test_write_token_comes_from_the_option_else_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fogofwar.cli import build_parser
    from fogofwar.cli.serve import write_token

    monkeypatch.delenv("FOGOFWAR_TOKEN", raising=False)
    assert write_token(build_parser().parse_args(["serve"])) is None
    monkeypatch.setenv("FOGOFWAR_TOKEN", "from-env")
    assert write_token(build_parser().parse_args(["serve"])) == "from-env"
    assert write_token(build_parser().parse_args(["serve", "--token", "t"])) == "t"
