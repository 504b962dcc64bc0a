"""The ledger: documents, events and claims in SQLite (default) or PostgreSQL."""

from fogofwar.errors import LedgerError
from fogofwar.ledger.analysis import claim_groups, estimates, iter_estimates
from fogofwar.ledger.ingest import IngestResult, fingerprint, ingest, ingest_document, split
from fogofwar.ledger.query import (
    EventFilter,
    RevisionChange,
    counts,
    document_texts,
    event_claims,
    extract,
    get_event,
    iter_event_claims,
    list_events,
    revision_changes,
)
from fogofwar.ledger.sources import SourceProfile, source_profiles
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
    "document_texts",
    "estimates",
    "event_claims",
    "extract",
    "fingerprint",
    "get_event",
    "ingest",
    "ingest_document",
    "iter_estimates",
    "iter_event_claims",
    "list_events",
    "revision_changes",
    "source_profiles",
    "split",
]
