"""Opening a ledger: database URLs, engines, transactions and schema migration."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import orjson
from sqlalchemy import Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.pool import StaticPool

from fogofwar.errors import LedgerError, LedgerMissing, LedgerOutdated, LedgerReadOnly
from fogofwar.ledger import derived, migrations


def default_path() -> Path:
    """The default SQLite ledger file: ``$XDG_DATA_HOME/fogofwar/ledger.sqlite``."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "fogofwar" / "ledger.sqlite"


def default_url() -> str:
    """``$FOGOFWAR_DB`` if set, else the default SQLite file."""
    return os.environ.get("FOGOFWAR_DB") or f"sqlite:///{default_path()}"


def normalise_url(url: str) -> str:
    """A SQLAlchemy URL from a user's ``--db``: a file path, ``sqlite:///...`` or ``postgresql://``."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser()}"
    scheme = url.split("://", 1)[0]
    if scheme in ("postgresql", "postgres"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if scheme in ("sqlite", "postgresql+psycopg"):
        return url
    raise LedgerError(
        f"unsupported database URL {safe_url(url)!r}: use a file path, "
        "sqlite:///FILE or postgresql://USER@HOST/DB"
    )


def safe_url(url: str) -> str:
    """The URL with any password masked, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


_DIGITS = bytes.maketrans(b"123456789", b"000000000")
_LONG_NUMBER = b"0" * 19  # 19 digits in a row: maybe an integer past 64 bits


def json_loads(text: str | bytes) -> Any:
    """A JSON column's value: orjson where it reads exactly as the standard library does (it
    turns integers past 64 bits into floats, and refuses NaN), else the standard library."""
    raw = text.encode() if isinstance(text, str) else bytes(text)
    if _LONG_NUMBER not in raw.translate(_DIGITS):
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError:
            pass
    return json.loads(raw)


def _sqlite_engine(url: str, read_only: bool) -> Engine:
    parsed = make_url(url)
    memory = parsed.database in (None, "", ":memory:")
    if memory:
        engine = create_engine(
            "sqlite://",
            poolclass=StaticPool,
            connect_args={"check_same_thread": False},
            json_deserializer=json_loads,
        )
    elif read_only:
        path = Path(str(parsed.database)).expanduser()
        if not path.is_file():
            raise LedgerMissing(
                f"no ledger at {path}: create one with `fogofwar ingest FILE... --db {path}` "
                f"or `fogofwar migrate --db {path}`"
            )
        uri = f"sqlite:///file:{quote(str(path.resolve()))}?mode=ro&uri=true"
        engine = create_engine(
            uri,
            connect_args={"timeout": 60, "check_same_thread": False},
            json_deserializer=json_loads,
        )
    else:
        Path(str(parsed.database)).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 60}, json_deserializer=json_loads)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # let us issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout=60000")
        if not memory and not read_only:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("write") else "BEGIN")

    return engine


def _engine(url: str, read_only: bool) -> Engine:
    if url.startswith("sqlite"):
        return _sqlite_engine(url, read_only)
    if read_only:  # every transaction READ ONLY: the server refuses any write
        return create_engine(
            url,
            pool_pre_ping=True,
            execution_options={"postgresql_readonly": True},
            json_deserializer=json_loads,
        )
    return create_engine(url, pool_pre_ping=True, json_deserializer=json_loads)


class Ledger:
    """A ledger database. ``Ledger(url)`` opens it for writing, creating and migrating it as
    needed; ``Ledger(url, read_only=True)`` opens an existing, up-to-date ledger for reading
    only (what the read commands do); ``Ledger.memory()`` for tests."""

    def __init__(
        self, url: str | None = None, *, migrate: bool = True, read_only: bool = False
    ) -> None:
        self.url = normalise_url(url or default_url())
        self.read_only = read_only
        self.applied: list[int] = []  # the migrations this opening applied
        try:
            self.engine = _engine(self.url, read_only)
        except (ArgumentError, NoSuchModuleError, ValueError) as exc:
            raise LedgerError(f"bad database URL {safe_url(self.url)!r}: {exc}") from None
        except OSError as exc:
            raise LedgerError(f"cannot open ledger {safe_url(self.url)}: {exc}") from None
        try:
            if read_only:
                self._check_version()
            elif migrate:
                self.applied = self.migrate()
        except DBAPIError as exc:
            self.engine.dispose()
            raise LedgerError(self._cannot_open(exc)) from None
        except LedgerError:
            self.engine.dispose()
            raise

    @classmethod
    def memory(cls) -> Ledger:
        """An empty in-memory SQLite ledger."""
        return cls("sqlite://")

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self, target: int = migrations.LATEST) -> list[int]:
        """Apply pending schema migrations; returns the versions applied."""
        with self.write() as conn:
            found = migrations.current_version(conn)
            if found > migrations.LATEST:
                raise LedgerOutdated(self._newer(found))
            applied = migrations.migrate(conn, target)
            if target >= 6:  # estimates made by another fogofwar or default policy
                derived.refresh_stale(conn, answers=migrations.current_version(conn) >= 8)
            return applied

    def version(self) -> int:
        with self.read() as conn:
            return migrations.current_version(conn)

    def _check_version(self) -> None:
        found, where = self.version(), safe_url(self.url)
        if found == 0:
            raise LedgerMissing(
                f"{where} is not a fogofwar ledger (no schema): create one with "
                f"`fogofwar ingest FILE... --db {where}` or `fogofwar migrate --db {where}`"
            )
        if found < migrations.LATEST:
            raise LedgerOutdated(
                f"ledger {where} has schema version {found}, this fogofwar reads version "
                f"{migrations.LATEST}: run `fogofwar migrate --db {where}` (or ingest into it)"
            )
        if found > migrations.LATEST:
            raise LedgerOutdated(self._newer(found))

    def _newer(self, found: int) -> str:
        return (
            f"ledger {safe_url(self.url)} has schema version {found}, newer than this "
            f"fogofwar ({migrations.LATEST}): upgrade fogofwar"
        )

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A connection in a write transaction (BEGIN IMMEDIATE on SQLite), committed on exit."""
        if self.read_only:
            raise LedgerReadOnly(f"ledger {safe_url(self.url)} is open for reading only")
        with self.engine.connect() as conn:
            conn.info["write"] = True
            try:
                with conn.begin():
                    yield conn
            finally:
                conn.info.pop("write", None)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection in a read transaction."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def _cannot_open(self, exc: DBAPIError) -> str:
        first = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else "error"
        return f"cannot open ledger {safe_url(self.url)}: {first}"

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
