"""One error catalogue: every failure a user can meet, with a stable code and a one-line message."""

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
