"""One page of matching events at a time, with the total: keyset paging on (start date, row)
(undated events last) or an offset, for the HTTP API and the web page.

The sort carries keys only (on SQLite the ``events (country_norm, current, date_start,
date_end)`` index covers the country and date filters); bodies are read for one page."""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select, tuple_

from fogofwar.ledger import schema as t
from fogofwar.ledger.query import EventFilter, conditions
from fogofwar.ledger.store import Ledger
from fogofwar.model import Event

NO_DATE = "9999-99-99"  # sorts undated events last

Key = tuple[str, int]  # (start date or NO_DATE, row)


@dataclass(frozen=True)
class Hit:
    """One matching event, its row key and when its document was stored."""

    event: Event
    pk: int
    ingested_at: str


@dataclass(frozen=True)
class EventPage:
    hits: list[Hit]
    total: int
    next_key: Key | None  # the last hit's key when more follow


def sort_key() -> ColumnElement[Any]:
    return func.coalesce(t.events.c.date_start, NO_DATE)


def event_page(
    ledger: Ledger,
    flt: EventFilter,
    limit: int,
    after: Key | None = None,
    offset: int = 0,
    known: MutableMapping[int, Hit] | None = None,
) -> EventPage:
    """The ``limit`` matching events after the key ``after`` (or after ``offset`` rows), by
    start date then row, and how many match in all. ``known``: hits already read, by row (an
    event row's body never changes, only whether it is current, which the filter checks);
    rows read here are added to it."""
    e = t.events.c
    known = {} if known is None else known
    where = conditions(flt)
    keys = select(e.pk, sort_key().label("k")).where(*where)
    if after is not None:
        keys = keys.where(tuple_(sort_key(), e.pk) > tuple_(*after))
    keys = keys.order_by(sort_key(), e.pk).limit(limit + 1).offset(offset)
    count = select(func.count()).select_from(t.events).where(*where)
    with ledger.read() as conn:
        rows = conn.execute(keys).all()
        more, rows = len(rows) > limit, rows[:limit]
        mine = {r.pk: hit for r in rows if (hit := known.get(r.pk)) is not None}
        wanted = [r.pk for r in rows if r.pk not in mine]
        if wanted:
            for r in conn.execute(
                select(e.pk, e.body, t.documents.c.ingested_at)
                .join(t.documents, t.documents.c.id == e.document)
                .where(e.pk.in_(wanted))
            ):
                mine[r.pk] = known[r.pk] = Hit(Event.from_dict(r.body), r.pk, r.ingested_at)
        total = int(conn.execute(count).scalar() or 0)
    hits = [mine[r.pk] for r in rows]
    last = (str(rows[-1].k), int(rows[-1].pk)) if more and rows else None
    return EventPage(hits, total, last)
