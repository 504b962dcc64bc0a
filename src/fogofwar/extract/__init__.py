"""Extraction: documents -> events and attributed claims (infobox, prose, propositions)."""

from fogofwar.extract.event import event_slug
from fogofwar.extract.pipeline import (
    extract_document,
    extract_documents,
    extract_paths,
    load_nlp,
)

__all__ = ["event_slug", "extract_document", "extract_documents", "extract_paths", "load_nlp"]
