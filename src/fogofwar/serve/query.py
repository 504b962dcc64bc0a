"""Event search for the server: the ledger's filters plus kind, bounding box and text, paged by
an opaque cursor (keyset: start date, row) or by page number, with the total count."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select, tuple_

from fogofwar.errors import BadRequest, InvalidParameters
from fogofwar.ledger import Ledger
from fogofwar.ledger import schema as t
from fogofwar.model import Event

NO_DATE = "9999-99-99"  # sorts undated events last


@dataclass(frozen=True)
class Search:
    """Which events. Dates are ISO (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) and select events
    overlapping [date_from, date_to]; ``bbox`` is (min lon, min lat, max lon, max lat)."""

    country: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    actor: str | None = None
    war: str | None = None
    kind: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    q: str | None = None
    countries: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    """One matching event, its row key and when its document was stored."""

    event: Event
    pk: int
    ingested_at: str


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


def period_end(date: str) -> str:
    """The last key of an ISO period for string comparison: 2014 -> 2014-99-99."""
    return date + "-99" * ((10 - len(date)) // 3)


def _conditions(s: Search) -> list[ColumnElement[bool]]:
    e = t.events.c
    where: list[ColumnElement[bool]] = [e.current.is_(True)]
    if s.country:
        where.append(func.lower(e.country) == s.country.lower())
    if s.countries:
        where.append(func.lower(e.country).in_([c.lower() for c in s.countries]))
    if s.date_from:
        where.append(func.coalesce(e.date_end, e.date_start) >= s.date_from)
    if s.date_to:
        where.append(e.date_start <= period_end(s.date_to))
    if s.war:
        where.append(func.lower(e.part_of).contains(s.war.lower(), autoescape=True))
    if s.kind:
        where.append(e.kind == s.kind.lower())
    if s.actor:
        sub = select(t.event_actors.c.event_pk).where(
            t.event_actors.c.name.contains(s.actor.lower(), autoescape=True)
        )
        where.append(e.pk.in_(sub))
    if s.bbox:
        lon0, lat0, lon1, lat1 = s.bbox
        where.append(and_(e.lon.between(lon0, lon1), e.lat.between(lat0, lat1)))
    if s.q:
        needle = s.q.lower()
        where.append(
            or_(
                func.lower(e.title).contains(needle, autoescape=True),
                func.lower(e.place_name).contains(needle, autoescape=True),
            )
        )
    return where


def _sort_key() -> ColumnElement[Any]:
    return func.coalesce(t.events.c.date_start, NO_DATE)


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
    ledger: Ledger, s: Search, limit: int, cursor: str | None = None, offset: int = 0
) -> Page:
    """The ``limit`` events after ``cursor`` (or after ``offset`` rows), by start date."""
    e = t.events.c
    keys = select(e.pk, _sort_key().label("k")).where(*_conditions(s))
    if cursor:
        key, pk = decode_cursor(cursor)
        keys = keys.where(tuple_(_sort_key(), e.pk) > tuple_(key, pk))
    keys = keys.order_by(_sort_key(), e.pk).limit(limit + 1).offset(offset)
    count = select(func.count()).select_from(t.events).where(*_conditions(s))
    with ledger.read() as conn:  # the sort carries keys only; bodies are read for one page
        rows = conn.execute(keys).all()
        bodies = {
            r.pk: r
            for r in conn.execute(
                select(e.pk, e.body, t.documents.c.ingested_at)
                .join(t.documents, t.documents.c.id == e.document)
                .where(e.pk.in_([r.pk for r in rows[:limit]]))
            )
        }
        total = int(conn.execute(count).scalar() or 0)
    more = len(rows) > limit
    rows = rows[:limit]
    hits = [Hit(Event.from_dict(bodies[r.pk].body), r.pk, bodies[r.pk].ingested_at) for r in rows]
    last = rows[-1] if rows else None
    next_cursor = encode_cursor(last.k, last.pk) if more and last is not None else None
    return Page(hits, total, next_cursor)
