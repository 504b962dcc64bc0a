"""Event search for the server: the ledger's one query layer (``fogofwar.ledger.query``'s
filters, ``fogofwar.ledger.search``'s paging) behind an opaque cursor, and the parameters that
only HTTP clients send (a bounding box as text)."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from starlette.concurrency import run_in_threadpool

from fogofwar.errors import BadRequest, InvalidParameters
from fogofwar.ledger import EventFilter, Ledger
from fogofwar.ledger.search import Hit, event_page
from fogofwar.ledger.served import Kind
from fogofwar.serve.responses import Encoded

if TYPE_CHECKING:
    from fogofwar.serve.cache import Derived

__all__ = [
    "Hit",
    "Page",
    "RowsPage",
    "decode_cursor",
    "encode_cursor",
    "off_loop",
    "parse_bbox",
    "rows_page",
    "search",
]
T = TypeVar("T")


@dataclass(frozen=True)
class Page:
    hits: list[Hit]
    total: int
    next_cursor: str | None


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """``min_lon,min_lat,max_lon,max_lat`` as four numbers, or an InvalidParameters error."""
    try:
        parts = tuple(float(x) for x in text.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4 or not all(-180 <= parts[i] <= 180 for i in (0, 2)):
        raise InvalidParameters(
            f"bbox {text!r}: give min_lon,min_lat,max_lon,max_lat (four numbers)"
        )
    lon0, lat0, lon1, lat1 = parts
    if not (-90 <= lat0 <= 90 and -90 <= lat1 <= 90) or lon0 > lon1 or lat0 > lat1:
        raise InvalidParameters(f"bbox {text!r}: latitudes within ±90, min before max")
    return (lon0, lat0, lon1, lat1)


def encode_cursor(key: str, pk: int) -> str:
    raw = json.dumps([key, pk], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, int]:
    """The (sort key, row) a cursor stands for, or a BadRequest error."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key, pk = json.loads(raw)
        if isinstance(key, str) and isinstance(pk, int) and not isinstance(pk, bool):
            return key, pk
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        pass
    raise BadRequest(f"cursor {cursor[:40]!r} is not one this server gave out")


def search(
    ledger: Ledger,
    flt: EventFilter,
    limit: int,
    cursor: str | None = None,
    offset: int = 0,
    known: MutableMapping[int, Hit] | None = None,
) -> Page:
    """The ``limit`` events after ``cursor`` (or after ``offset`` rows), by start date;
    ``known``: events already read, by row (``event_page``)."""
    after = decode_cursor(cursor) if cursor else None
    found = event_page(ledger, flt, limit, after, offset, known)
    nxt = encode_cursor(*found.next_key) if found.next_key else None
    return Page(found.hits, found.total, nxt)


@dataclass(frozen=True)
class RowsPage:
    rows: list[Encoded]
    total: int
    next_cursor: str | None


def rows_page(
    ledger: Ledger,
    derived: Derived,
    kind: Kind,
    flt: EventFilter,
    limit: int,
    make: Callable[[list[Hit]], list[Encoded]],
    cursor: str | None = None,
    offset: int = 0,
) -> RowsPage:
    """The ``limit`` events after ``cursor`` (or ``offset`` rows) as their stored answers of
    this kind (``fogofwar.ledger.served``: one read); when the page has rows without one (made
    with another policy), ``make`` makes them from the page's events."""
    after = decode_cursor(cursor) if cursor else None
    stored = derived.stored_page(kind, flt, limit, after, offset)
    if stored is not None:
        nxt = encode_cursor(*stored.next_key) if stored.next_key else None
        return RowsPage(stored.rows, stored.total, nxt)
    found = search(ledger, flt, limit, cursor, offset, derived.hits)
    return RowsPage(make(found.hits), found.total, found.next_cursor)


async def off_loop(flt: EventFilter, work: Callable[[], T]) -> T:
    """``work()``, in a worker thread when the filter makes it slow (words in the title or
    place: a scan of every current event), so that it never holds up the event loop."""
    if flt.text:
        return await run_in_threadpool(work)
    return work()
