"""One error catalogue: every failure a user can meet, with a stable code and a one-line message.

Codes by range (each code belongs to one class; ``tests/test_errors.py`` checks they are unique):
E1xx input documents, E2xx command usage, E3xx ledger, E31x reconciliation policy, E4xx the
extraction format, E5xx the language model, E6xx the HTTP server, E7xx wikitext and dumps,
E8xx dataset imports (UCDP GED, ACLED).
"""

from __future__ import annotations

from typing import Any


class FogofwarError(Exception):
    """Base of every error fogofwar reports to a person; ``str(err)`` is one line."""

    code = "E000"

    def __init__(self, message: str, *, origin: str | None = None) -> None:
        self.origin = origin
        self.message = " ".join(message.split())
        super().__init__(f"{origin}: {self.message}" if origin else self.message)

    def to_dict(self) -> dict[str, Any]:
        """The one JSON error shape: ``{"error": {"code", "message", "origin"}}``."""
        return {"error": {"code": self.code, "message": self.message, "origin": self.origin}}


class InputError(FogofwarError):
    """An input file cannot be read as a document (missing, empty, binary, wrong encoding, huge)."""

    code = "E100"


class EmptyInput(InputError):
    code = "E101"


class BinaryInput(InputError):
    code = "E102"


class EncodingError(InputError):
    code = "E103"


class InputTooLarge(InputError):
    code = "E104"


class NotAnArticle(InputError):
    """The text has none of the article shape's landmarks (title, infobox, prose)."""

    code = "E105"


class UsageError(FogofwarError):
    """A command was called with arguments that cannot work together."""

    code = "E200"


class LedgerError(FogofwarError):
    """A ledger problem worth one line to the user (bad URL, unknown event, unreadable file)."""

    code = "E300"


class PolicyError(FogofwarError, ValueError):
    """A policy file that cannot be used, with a one-line reason."""

    code = "E310"


class SchemaError(FogofwarError):
    """A document does not follow the extraction format; the message says where and why."""

    code = "E400"


class ModelMissing(FogofwarError):
    """The spaCy English pipeline the extractor needs is not installed."""

    code = "E500"


class DatasetError(FogofwarError):
    """A UCDP GED or ACLED file that cannot be imported (unreadable, columns missing, a bad row);
    nothing of it is stored."""

    code = "E800"


class DatasetColumnsMissing(DatasetError):
    code = "E801"


class DatasetRowError(DatasetError):
    code = "E802"
