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


class DumpError(InputError):
    """A MediaWiki XML dump (or its multistream index) cannot be read; nothing of the page that
    failed is stored, the pages before it are."""

    code = "E750"


class DumpXMLError(DumpError):
    """The dump is not well-formed XML, or not a MediaWiki export."""

    code = "E751"


class DumpTruncated(DumpError):
    """The dump ends early: a bz2 stream without its end marker, or XML cut off mid-page."""

    code = "E752"


class DumpIndexMissing(DumpError):
    """A multistream index was asked for (``--index``) and cannot be found or read."""

    code = "E753"


class DumpIndexError(DumpError):
    """A multistream index that does not fit its dump (an offset that starts no bz2 stream)."""

    code = "E754"


class WikitextError(InputError):
    """Wikitext that cannot be rendered (nested too deeply for the parser, say)."""

    code = "E700"


class InputFormatError(UsageError):
    """An ``--input-format`` that is not one of auto, text, wikitext."""

    code = "E701"


class ClusterError(FogofwarError):
    """The Dask scheduler given with ``--scheduler`` cannot be reached."""

    code = "E755"


class LedgerMissing(LedgerError):
    """A read command was pointed at a ledger that does not exist (no file, no tables)."""

    code = "E301"


class LedgerOutdated(LedgerError):
    """The ledger's schema is older (or newer) than this fogofwar's: run ``fogofwar migrate``."""

    code = "E302"


class LedgerReadOnly(LedgerError):
    """A write was attempted on a ledger opened for reading."""

    code = "E303"


class FilterError(UsageError):
    """An event filter that cannot be read (a date that is not a date, a malformed country)."""

    code = "E210"


class ServeError(FogofwarError):
    """An HTTP request the server cannot answer; ``status`` is the HTTP status it maps to."""

    code = "E600"
    status = 500


class BadRequest(ServeError):
    """A request whose body or parameters cannot be used (also a body that is not an article)."""

    code = "E601"
    status = 400


class Unauthorized(ServeError):
    """No valid bearer token (or UCDP access token) for a request that needs one."""

    code = "E602"
    status = 401


class NotFound(ServeError):
    """No such event, claim, source or page."""

    code = "E603"
    status = 404


class BodyTooLarge(ServeError):
    """A request body above the server's size limit."""

    code = "E604"
    status = 413


class InvalidParameters(ServeError):
    """Parameters that fail validation (wrong type, out of range, unknown value)."""

    code = "E605"
    status = 422


class ReadOnlyServer(ServeError):
    """A write to a server started without a write token."""

    code = "E606"
    status = 403


class MethodNotAllowed(ServeError):
    code = "E607"
    status = 405


class DatasetError(FogofwarError):
    """A UCDP GED or ACLED file that cannot be imported (unreadable, columns missing, a bad row);
    nothing of it is stored."""

    code = "E800"


class DatasetColumnsMissing(DatasetError):
    code = "E801"


class DatasetRowError(DatasetError):
    code = "E802"
