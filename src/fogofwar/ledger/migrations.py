"""Versioned schema migrations, applied in order when a ledger is opened.

Each migration is a function of a connection inside one transaction; the version table records
the ones applied. Concurrent openers are serialised (an advisory lock on PostgreSQL, an immediate
write transaction on SQLite), so two processes opening a fresh ledger do not both migrate it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, bindparam, inspect, select, text, update

from fogofwar.ledger import derived, lineage, schema, served, terms

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


def _add_columns(conn: Connection, table: str, columns: tuple[tuple[str, str], ...]) -> None:
    have = {c["name"] for c in inspect(conn).get_columns(table)}
    for name, kind in columns:
        if name not in have:
            conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {name} {kind}"))


def _folded(value: str | None) -> str | None:
    return terms.fold(value) if value else None


def _v5_lineages_and_search(conn: Connection) -> None:
    """Key lineages on page id or title (never origin) and repair the ones keyed on origin;
    store normalised country, war and actor names with indexes, and the search vocabulary."""
    _add_columns(conn, "documents", (("lineage_key", "TEXT"),))
    _add_columns(conn, "events", (("country_norm", "TEXT"), ("part_of_norm", "TEXT")))
    for name, table, cols in (
        ("ix_documents_lineage_key", "documents", "lineage_key"),
        ("ix_events_country_norm", "events", "country_norm, current"),
        ("ix_events_part_of_norm", "events", "part_of_norm"),
    ):
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({cols})"))
    schema.search_terms.create(conn, checkfirst=True)
    lineage.rebuild(conn)
    e = schema.events.c
    rows = [
        {"b_pk": pk, "b_country": _folded(country), "b_war": _folded(part_of)}
        for pk, country, part_of in conn.execute(select(e.pk, e.country, e.part_of))
    ]
    if rows:
        conn.execute(
            update(schema.events)
            .where(e.pk == bindparam("b_pk"))
            .values(country_norm=bindparam("b_country"), part_of_norm=bindparam("b_war")),
            rows,
        )
    a = schema.event_actors.c
    for (name,) in conn.execute(select(a.name).distinct()).all():
        if terms.fold(name) != name:
            conn.execute(
                update(schema.event_actors).where(a.name == name).values(name=terms.fold(name))
            )
    terms.add_search_terms(conn, "actor", conn.execute(select(a.name).distinct()).scalars())
    terms.add_search_terms(conn, "war", conn.execute(select(e.part_of_norm).distinct()).scalars())


def _v6_stored_estimates(conn: Connection) -> None:
    """Store each event's estimates (ledger/derived.py) and derive them for every current event;
    index events by country and dates together (the server's filters)."""
    schema.event_estimates.create(conn, checkfirst=True)
    conn.execute(
        text(
            "CREATE INDEX IF NOT EXISTS ix_events_country_dates "
            "ON events (country_norm, current, date_start, date_end)"
        )
    )
    derived.backfill(conn)


def _v7_drop_redundant_country_index(conn: Connection) -> None:
    """Drop ``ix_events_country_norm`` (country_norm, current): ``ix_events_country_dates``
    begins with the same two columns, and every country search uses it instead (EXPLAIN QUERY
    PLAN, tests/ledger/test_indexes.py); one index fewer to write on every ingest."""
    conn.execute(text("DROP INDEX IF EXISTS ix_events_country_norm"))


ORDER_INDEXES = {  # the lists' order (ledger.search.sort_key), alone and within a country
    "ix_events_order": "coalesce(date_start, '9999-99-99')",  # not led by current: an
    # index led by it draws the planner away from the war and actor indexes
    "ix_events_country_order": "country_norm, current, coalesce(date_start, '9999-99-99')",
}


def _v8_stored_answers(conn: Connection) -> None:
    """Store each current event row's answers (ledger/served.py: the events-list body, the ACLED
    and GED rows) and make them for every current event; add the change stamp; index events in
    the lists' order (start date, undated last), alone and by country, so that a first page
    reads its rows in order instead of sorting every match."""
    schema.event_rows.create(conn, checkfirst=True)
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_event_rows_event ON event_rows (event)"))
    for name, cols in ORDER_INDEXES.items():
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON events ({cols})"))
    served.create_stamp(conn)
    served.backfill(conn)


MIGRATIONS: tuple[tuple[int, Migration], ...] = (
    (1, _v1_initial),
    (2, _v2_claims_kind_index),
    (3, _v3_claims_scope),
    (4, _v4_document_revisions),
    (5, _v5_lineages_and_search),
    (6, _v6_stored_estimates),
    (7, _v7_drop_redundant_country_index),
    (8, _v8_stored_answers),
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
    if applied and current_version(conn) >= 8:
        served.bump(conn)  # a migration may change what is served (lineages, estimates)
    return applied
