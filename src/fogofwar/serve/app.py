"""The FastAPI application: the ledger and policy on ``app.state``, routers, one error shape."""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import fastapi_offline
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import event
from sqlalchemy.pool import StaticPool
from starlette.exceptions import HTTPException as StarletteHTTPException

from fogofwar import __version__
from fogofwar.errors import (
    BadRequest,
    BodyTooLarge,
    FogofwarError,
    InvalidParameters,
    MethodNotAllowed,
    NotFound,
    ServeError,
    Unauthorized,
)
from fogofwar.ledger import Ledger
from fogofwar.reconcile import Policy, load_policy
from fogofwar.serve.auth import IssuedTokens
from fogofwar.serve.cache import Derived

DEFAULT_MAX_BODY = 2 * 1024 * 1024
"""Largest request body accepted by default (an article; real ones are well under 1 MB)."""

DOCS_ASSETS = Path(fastapi_offline.__file__).parent / "static"
"""Swagger UI and ReDoc bundles shipped by the fastapi-offline package (MIT; Swagger UI Apache-2.0,
ReDoc MIT): the docs pages load nothing from a CDN."""

DESCRIPTION = """\
The fogofwar ledger: events, every claim about them by a named source (with its stance and the
words it came from), and low / best / high estimates with their reasons.

Reads are public unless the server was started with `--read-token`; writes
(`POST /api/documents`) need the `--token` as a bearer token. Every error answers
`{"error": {"code": "E6xx", "message": "..."}}`.
"""

STATUS_ERRORS: dict[int, type[ServeError]] = {
    400: BadRequest,
    401: Unauthorized,
    404: NotFound,
    405: MethodNotAllowed,
    413: BodyTooLarge,
    422: InvalidParameters,
}


@dataclass(frozen=True)
class Settings:
    """What the server was started with: the write token, the read token, the body limit."""

    token: str | None = None
    read_token: str | None = None
    max_body: int = DEFAULT_MAX_BODY


def error_response(
    status: int, code: str, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    """The one error shape: ``{"error": {"code": ..., "message": ...}}``."""
    extra = dict(headers or {})
    if status == 401:
        extra.setdefault("WWW-Authenticate", "Bearer")
    return JSONResponse(
        {"error": {"code": code, "message": message}}, status_code=status, headers=extra or None
    )


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "invalid parameters: " + "; ".join(parts)


def install_error_handlers(app: FastAPI) -> None:
    """Every error, from the library, the router or validation, in the one shape."""

    @app.exception_handler(FogofwarError)
    async def _domain(_request: Request, exc: FogofwarError) -> JSONResponse:
        status = exc.status if isinstance(exc, ServeError) else 400
        return error_response(status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, InvalidParameters.code, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        cls = STATUS_ERRORS.get(exc.status_code, ServeError)
        message = str(exc.detail)
        if exc.status_code in (404, 405):
            message = f"{message}: {request.method} {request.url.path} (see /docs)"
        return error_response(exc.status_code, cls.code, message, exc.headers)

    @app.exception_handler(Exception)
    async def _internal(_request: Request, exc: Exception) -> JSONResponse:
        return error_response(500, ServeError.code, f"internal error ({type(exc).__name__})")


def make_read_only(ledger: Ledger) -> None:
    """Every later connection of the ledger refuses writes (SQLite query_only, PostgreSQL
    read-only transactions)."""

    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        if ledger.dialect == "sqlite":
            cur.execute("PRAGMA query_only=ON")
        else:
            cur.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            dbapi_conn.commit()
        cur.close()

    if isinstance(ledger.engine.pool, StaticPool):  # one shared in-memory connection
        with ledger.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA query_only=ON")
        return
    ledger.engine.dispose()  # the migration's connection may write: drop it
    event.listen(ledger.engine, "connect", _on_connect)


def open_ledger(db: str | None, *, writable: bool) -> Ledger:
    """The ledger (created and migrated if new), read-only unless the server takes writes."""
    ledger = Ledger(db)
    if not writable:
        make_read_only(ledger)
    return ledger


def mount_docs(app: FastAPI) -> None:
    """``/docs`` (Swagger UI) and ``/redoc`` from the packaged assets, no CDN."""
    app.mount("/docs/assets", StaticFiles(directory=DOCS_ASSETS), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def swagger() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="fogofwar API",
            swagger_js_url="/docs/assets/swagger-ui-bundle.js",
            swagger_css_url="/docs/assets/swagger-ui.css",
            swagger_favicon_url="/docs/assets/favicon.png",
        )

    @app.get("/redoc", include_in_schema=False)
    async def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url="/openapi.json",
            title="fogofwar API",
            redoc_js_url="/docs/assets/redoc.standalone.js",
            redoc_favicon_url="/docs/assets/favicon.png",
            with_google_fonts=False,
        )


def include_routers(app: FastAPI) -> None:
    """The API routers, and the web pages when that module is installed."""
    from fogofwar.serve import acled, api, documents, ucdp

    app.include_router(api.router)
    app.include_router(documents.router)
    app.include_router(acled.router)
    app.include_router(ucdp.router)
    try:
        from fogofwar.serve import web
    except ModuleNotFoundError as exc:
        if exc.name != "fogofwar.serve.web":
            raise
    else:
        app.include_router(web.router)


def create_app(
    db: str | None = None,
    *,
    token: str | None = None,
    read_token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    policy: Policy | None = None,
    secret: bytes | None = None,
) -> FastAPI:
    """The fogofwar server on the ledger at ``db`` (default: ``$FOGOFWAR_DB`` or the default file).

    ``token``: bearer token for writes (none: read-only). ``read_token``: needed for reads too.
    ``secret``: signs the OAuth tokens it issues (worker processes of one server share it).
    """
    ledger = open_ledger(db, writable=token is not None)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        ledger.close()

    app = FastAPI(
        title="fogofwar",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.ledger = ledger
    app.state.policy = policy or load_policy()
    app.state.settings = Settings(token or None, read_token or None, max_body)
    app.state.issued = IssuedTokens(secret) if secret else IssuedTokens()
    app.state.derived = Derived(ledger, app.state.policy)
    install_error_handlers(app)
    mount_docs(app)
    include_routers(app)
    return app


WORKER_CONFIG = "FOGOFWAR_SERVE_CONFIG"
"""The environment variable through which ``fogofwar serve --workers N`` hands its settings to
the worker processes uvicorn starts (each builds its own app with ``app_from_environment``)."""


def worker_config(
    db: str | None,
    *,
    token: str | None,
    read_token: str | None,
    max_body: int,
    policy: str | None,
) -> str:
    """The settings of one server as the JSON its workers read, with a fresh token secret."""
    return json.dumps(
        {"db": db, "token": token, "read_token": read_token, "max_body": max_body,
         "policy": policy, "secret": secrets.token_hex(32)}
    )  # fmt: skip


def app_from_environment() -> FastAPI:
    """The app of one worker process, from ``$FOGOFWAR_SERVE_CONFIG`` (see ``worker_config``)."""
    cfg = json.loads(os.environ[WORKER_CONFIG])
    return create_app(
        cfg["db"],
        token=cfg["token"],
        read_token=cfg["read_token"],
        max_body=cfg["max_body"],
        policy=load_policy(cfg["policy"]),
        secret=bytes.fromhex(cfg["secret"]),
    )
