"""The data model of fogofwar: documents, events, claims and estimates (DESIGN.md, "Data model").

Plain frozen dataclasses with ``to_dict`` / ``from_dict`` that give the JSON field names of the
extraction format. Nothing else lives here: ``vocab`` (fixed vocabularies), ``document`` (what the
readers produce), ``event`` (when, where, who) and ``claim`` (claims, extractions, estimates).
"""

from __future__ import annotations

from fogofwar.model.claim import (
    Claim,
    Claimant,
    Estimate,
    Evidence,
    Extraction,
    Subject,
    Value,
)
from fogofwar.model.document import (
    Citation,
    CitationMark,
    Document,
    InfoboxEntry,
    Section,
    SourceSpan,
)
from fogofwar.model.event import (
    Actor,
    Commander,
    DateSpan,
    Event,
    Place,
    RelatedEvent,
    Side,
)
from fogofwar.model.vocab import (
    CLAIMANT_KINDS,
    FORMAT_VERSION,
    NUMERIC_KINDS,
    PROPOSITION_KINDS,
    SCOPES,
    STANCES,
    Precision,
    Scope,
    Stance,
)

__all__ = [
    "CLAIMANT_KINDS",
    "FORMAT_VERSION",
    "NUMERIC_KINDS",
    "PROPOSITION_KINDS",
    "SCOPES",
    "STANCES",
    "Actor",
    "Citation",
    "CitationMark",
    "Claim",
    "Claimant",
    "Commander",
    "DateSpan",
    "Document",
    "Estimate",
    "Event",
    "Evidence",
    "Extraction",
    "InfoboxEntry",
    "Place",
    "Precision",
    "RelatedEvent",
    "Scope",
    "Section",
    "Side",
    "SourceSpan",
    "Stance",
    "Subject",
    "Value",
]
