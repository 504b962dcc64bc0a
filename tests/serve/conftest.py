"""Fixtures for the server's tests: a real SQLite ledger holding the worked example, the app on
it, and (through tests/ledger/conftest.py) the real PostgreSQL server.

Shared by the API tests (test_api*.py) and the web tests (test_web*.py).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_support import ROOT, fill
from fastapi import FastAPI
from fastapi.testclient import TestClient

from fogofwar.serve import create_app

_spec = importlib.util.spec_from_file_location(
    "ledger_conftest", ROOT / "tests" / "ledger" / "conftest.py"
)
assert _spec and _spec.loader
_ledger_conftest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_ledger_conftest)
pg_server = _ledger_conftest.pg_server  # the real PostgreSQL server, one per session
pg_url = _ledger_conftest.pg_url  # a fresh database on it


@pytest.fixture
def example_db(tmp_path: Path) -> str:
    """A SQLite file ledger holding the worked example."""
    return fill(f"sqlite:///{tmp_path / 'ledger.sqlite'}")


@pytest.fixture
def app(example_db: str) -> FastAPI:
    """The read-only server on the worked example."""
    return create_app(example_db)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c
