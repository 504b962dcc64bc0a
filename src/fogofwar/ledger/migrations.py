"""Versioned schema migrations, applied in order when a ledger is opened.

Each migration is a function of a connection inside one transaction; the version table records
the ones applied. Concurrent openers are serialised (an advisory lock on PostgreSQL, an immediate
write transaction on SQLite), so two processes opening a fresh ledger do not both migrate it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, inspect, select, text

from fogofwar.ledger import schema

Migration = Callable[[Connection], None]

_LOCK_KEY = 4_711_2014  # PostgreSQL advisory lock id for migrations


def _v1_initial(conn: Connection) -> None:
    """Create the documents, events, event_actors and claims tables."""
    tables = [schema.documents, schema.events, schema.event_actors, schema.claims]
    for table in tables:
        table.create(conn, checkfirst=True)


def _v2_claims_kind_index(conn: Connection) -> None:
    """Index claims by (claimant, kind) for source profiles."""
    conn.execute(
        text("CREATE INDEX IF NOT EXISTS ix_claims_claimant_kind ON claims (claimant, kind)")
    )


def _v3_claims_scope(conn: Connection) -> None:
    """Add the claim scope (total, incident, cumulative, other); older claims are totals."""
    if "scope" not in {c["name"] for c in inspect(conn).get_columns("claims")}:
        conn.execute(text("ALTER TABLE claims ADD COLUMN scope VARCHAR(16)"))
    conn.execute(text("UPDATE claims SET scope = 'total' WHERE scope IS NULL"))


def _v4_document_revisions(conn: Connection) -> None:
    """Add a source's page id, revision timestamp and editor to documents (wiki revisions)."""
    have = {c["name"] for c in inspect(conn).get_columns("documents")}
    for name, kind in (
        ("page_id", "VARCHAR(64)"),
        ("revision_timestamp", "VARCHAR(40)"),
        ("editor", "TEXT"),
    ):
        if name not in have:
            conn.execute(text(f"ALTER TABLE documents ADD COLUMN {name} {kind}"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_documents_page_id ON documents (page_id)"))


MIGRATIONS: tuple[tuple[int, Migration], ...] = (
    (1, _v1_initial),
    (2, _v2_claims_kind_index),
    (3, _v3_claims_scope),
    (4, _v4_document_revisions),
)
LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    """The highest applied migration, 0 for an empty database."""
    if not inspect(conn).has_table(schema.schema_version.name):
        return 0
    got = conn.execute(
        select(schema.schema_version.c.version)
        .order_by(schema.schema_version.c.version.desc())
        .limit(1)
    ).scalar()
    return int(got or 0)


def migrate(conn: Connection, target: int = LATEST) -> list[int]:
    """Apply the pending migrations up to ``target`` in the caller's transaction."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
    schema.schema_version.create(conn, checkfirst=True)
    done = current_version(conn)
    applied = []
    for version, step in MIGRATIONS:
        if done < version <= target:
            step(conn)
            conn.execute(
                schema.schema_version.insert().values(
                    version=version, applied_at=datetime.now(UTC).isoformat()
                )
            )
            applied.append(version)
    return applied
