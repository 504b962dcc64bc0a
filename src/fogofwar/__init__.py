"""fogofwar: a ledger of who claimed what about armed conflict."""

from fogofwar.model import (
    FORMAT_VERSION,
    Claim,
    Claimant,
    DateSpan,
    Document,
    Estimate,
    Event,
    Evidence,
    Extraction,
    Place,
    Side,
    Subject,
    Value,
)

__version__ = "0.1.0"

__all__ = [
    "FORMAT_VERSION",
    "Claim",
    "Claimant",
    "DateSpan",
    "Document",
    "Estimate",
    "Event",
    "Evidence",
    "Extraction",
    "Place",
    "Side",
    "Subject",
    "Value",
    "__version__",
]
