"""Extraction: documents -> events and attributed claims (infobox, prose, propositions)."""

from fogofwar.extract.pipeline import (
    event_slug,
    extract_document,
    extract_documents,
    extract_paths,
    load_nlp,
)

__all__ = ["event_slug", "extract_document", "extract_documents", "extract_paths", "load_nlp"]
