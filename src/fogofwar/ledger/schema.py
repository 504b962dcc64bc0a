"""The ledger's tables (SQLAlchemy Core): documents, events, their actors, and claims."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

schema_version = Table(
    "fogofwar_schema",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", String(40), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),  # sha256 of the bytes
    Column("title", Text, nullable=False),
    Column("origin", Text, nullable=False),
    Column("format", String(40), nullable=False),
    Column("language", String(16), nullable=False),
    Column("revision", Text),
    Column("page_id", String(64)),  # migration 4: a wiki page id, the lineage key when present
    Column("revision_timestamp", String(40)),  # migration 4
    Column("editor", Text),  # migration 4
    Column("lineage", String(64), nullable=False),  # id of the first revision
    Column("lineage_key", Text),  # migration 5: "page:ID" or "title:normalised title" (terms.py)
    Column("revision_no", Integer, nullable=False),
    Column("current", Boolean, nullable=False),
    Column("ingested_at", String(40), nullable=False),
    Column("layout", JSON, nullable=False),  # sections and infobox
    Column("text", Text, nullable=False),
    UniqueConstraint("lineage", "revision_no", name="uq_documents_lineage_revision"),
)
Index("ix_documents_title", documents.c.title)
Index("ix_documents_origin", documents.c.origin)
Index("ix_documents_page_id", documents.c.page_id)
Index("ix_documents_lineage_key", documents.c.lineage_key)

events = Table(
    "events",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(200), nullable=False),
    Column("document", String(64), ForeignKey("documents.id"), nullable=False),
    Column("current", Boolean, nullable=False),
    Column("title", Text, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("date_precision", String(8)),
    Column("place_name", Text),
    Column("country", Text),
    Column("admin1", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("where_prec", Integer),
    Column("part_of", Text),
    Column("result", Text),
    Column("country_norm", Text),  # migration 5: terms.fold(country), what --country compares
    Column("part_of_norm", Text),  # migration 5: terms.fold(part_of), what --war searches
    Column("body", JSON, nullable=False),  # the full Event.to_dict()
    UniqueConstraint("document", "id", name="uq_events_document_id"),
)
Index("ix_events_id_current", events.c.id, events.c.current)
Index("ix_events_date", events.c.date_start, events.c.date_end)
Index("ix_events_country", events.c.country)
# ix_events_country_norm (country_norm, current), from migration 5, was dropped by migration 7:
# ix_events_country_dates below begins with the same columns
Index("ix_events_part_of_norm", events.c.part_of_norm)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_pk", Integer, ForeignKey("events.pk"), nullable=False),
    Column("side", Integer, nullable=False),
    Column("name", Text, nullable=False),  # actor name or alias, terms.fold()ed (migration 5)
)
Index("ix_event_actors_name", event_actors.c.name)
Index("ix_event_actors_event", event_actors.c.event_pk)

# migration 5: each distinct actor name and war once, so a substring search scans the
# vocabulary, not every event; the match then goes through the name indexes above.
search_terms = Table(
    "search_terms",
    metadata,
    Column("field", String(16), primary_key=True),  # actor | war
    Column("term", Text, primary_key=True),  # terms.fold()ed
)

claims = Table(
    "claims",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(200), nullable=False),
    Column("event", String(200), nullable=False),
    Column("document", String(64), ForeignKey("documents.id"), nullable=False),
    Column("current", Boolean, nullable=False),
    Column("seq", Integer, nullable=False),  # order within the document
    Column("kind", String(40), nullable=False),
    Column("side", Integer),
    Column("actor", Text),
    Column("civilian", Boolean, nullable=False),
    Column("low", Integer),
    Column("high", Integer),
    Column("words", Text),
    Column("claimant", Text),
    Column("claimant_side", Integer),
    Column("claimant_kind", String(40)),
    Column("stance", String(16), nullable=False),
    Column("said_on", String(32)),
    Column("scope", String(16)),  # total | incident | cumulative | other (migration 3)
    Column("fingerprint", String(64), nullable=False),  # content key for revision diffs
    Column("body", JSON, nullable=False),  # the full Claim.to_dict()
    UniqueConstraint("document", "id", name="uq_claims_document_id"),
)
Index("ix_claims_event_current", claims.c.event, claims.c.current)
Index("ix_claims_claimant", claims.c.claimant)
Index("ix_claims_document", claims.c.document)

# migration 6: what each current event's claims reconcile to under the default policy, stored
# in the transaction that changed them (ledger/derived.py), so readers do not reconcile.
event_estimates = Table(
    "event_estimates",
    metadata,
    Column("event", String(200), primary_key=True),  # the event id
    # derived.policy_digest() it was made with; not indexed: every row has the same one, and an
    # index on it leads the planner away from the primary key
    Column("policy", String(64), nullable=False),
    Column("claims", Integer, nullable=False),  # current claims of the event
    Column("fatalities_low", Integer),  # the exports' one fatality estimate (export/common.py)
    Column("fatalities_best", Integer),
    Column("fatalities_high", Integer),
    Column("claimants", JSON, nullable=False),  # their claimants' names, first-said order
    # the side-level estimates as [kind, side, civilian, low, best, high]: what the ACLED and
    # GED rows read, small enough to read 50 at a time
    Column("sides", JSON, nullable=False),
    Column("estimates", JSON, nullable=False),  # [Estimate.to_dict()], reconcile's order; last,
    # so that reading the columns before it does not read it
)
Index(
    "ix_events_country_dates",
    events.c.country_norm,
    events.c.current,
    events.c.date_start,
    events.c.date_end,
)

# migration 8: each current event row's answers as the HTTP API gives them, as JSON text
# (ledger/served.py): the events-list body, the ACLED row and the GED row, made from the
# event's stored estimates in the transaction that writes those
event_rows = Table(
    "event_rows",
    metadata,
    Column("pk", Integer, ForeignKey("events.pk"), primary_key=True),  # the event row
    Column("event", String(200), nullable=False),  # its id: rows are rewritten by event id
    Column("policy", String(64), nullable=False),  # the digest of the estimates they came from
    Column("listing", Text, nullable=False),  # Event.to_dict()
    Column("acled", Text, nullable=False),  # export.api_rows.acled_json
    Column("ged", Text, nullable=False),  # export.api_rows.ged_json
)
Index("ix_event_rows_event", event_rows.c.event)

# migration 8: one row, a counter every write that changes what is served adds one to (the
# server's caches are kept while it is unchanged)
ledger_state = Table(
    "ledger_state",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("changes", Integer, nullable=False),
)
