"""Property-based tests of the API against its own OpenAPI schema (schemathesis): generated
requests for every operation, every response checked against the schema (status documented,
body shape, content type, undocumented statuses, no server error). Bounded: a few examples per
operation."""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from api_support import fill
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from fogofwar.serve import create_app


def _app() -> FastAPI:
    """The read-only server on a fresh ledger (in a new temporary directory) with the worked
    example; the schema is loaded at collection time, once per test process."""
    db = Path(tempfile.mkdtemp(prefix="fogofwar-schemathesis-")) / "ledger.sqlite"
    return create_app(fill(f"sqlite:///{db}"))


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api_conforms_to_its_schema(case: schemathesis.Case) -> None:
    # Every check but "schema-valid request accepted": a few rules are not JSON Schema (a cursor
    # must be one this server gave out, bbox minimum before maximum, cursor or page, not both),
    # so such requests rightly get 400/422; tests/serve/test_api_errors.py pins those answers.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
