"""The ledger: documents, events and claims in SQLite (default) or PostgreSQL."""

from fogofwar.errors import LedgerError
from fogofwar.ledger.analysis import SourceProfile, claim_groups, estimates, source_profiles
from fogofwar.ledger.ingest import IngestResult, fingerprint, ingest, ingest_document, split
from fogofwar.ledger.query import (
    EventFilter,
    RevisionChange,
    counts,
    event_claims,
    extract,
    get_event,
    list_events,
    revision_changes,
)
from fogofwar.ledger.store import Ledger, default_path, default_url

__all__ = [
    "EventFilter",
    "IngestResult",
    "Ledger",
    "LedgerError",
    "RevisionChange",
    "SourceProfile",
    "claim_groups",
    "counts",
    "default_path",
    "default_url",
    "estimates",
    "event_claims",
    "extract",
    "fingerprint",
    "get_event",
    "ingest",
    "ingest_document",
    "list_events",
    "revision_changes",
    "source_profiles",
    "split",
]
