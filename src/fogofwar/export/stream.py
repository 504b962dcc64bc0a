"""Events, claims and estimates read from the ledger in batches, so an export's memory does not
grow with the ledger: one batch of events (and their claims) is in memory at a time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Select, select, tuple_

from fogofwar.ledger import EventFilter, Ledger, event_claims
from fogofwar.ledger import schema as t
from fogofwar.ledger.query import _filtered
from fogofwar.model import Claim, Document, Event

BATCH = 200  # events per read: a few thousand claims at the corpus' 20-60 claims per event


def event_batches(
    ledger: Ledger, flt: EventFilter | None = None, batch: int | None = None
) -> Iterator[list[Event]]:
    """The current events matching the filter in ``list_events``' order (by start date, dateless
    ones last), ``batch`` (default ``BATCH``) at a time, each page read after the last by its
    sort key."""
    batch = batch or BATCH
    e = t.events.c
    base = _filtered(flt or EventFilter()).add_columns(e.date_start, e.id, e.pk).order_by(None)
    dated = base.where(e.date_start.is_not(None))
    yield from _pages(ledger, dated, (e.date_start, e.id, e.pk), batch)
    yield from _pages(ledger, base.where(e.date_start.is_(None)), (e.id, e.pk), batch)


def _pages(
    ledger: Ledger, query: Select[Any], key: tuple[Any, ...], batch: int
) -> Iterator[list[Event]]:
    last: tuple[Any, ...] | None = None
    while True:
        q = query if last is None else query.where(tuple_(*key) > tuple_(*last))
        with ledger.read() as conn:
            rows = conn.execute(q.order_by(*key).limit(batch)).all()
        if not rows:
            return
        yield [Event.from_dict(r[0]) for r in rows]
        last = tuple(rows[-1][-len(key) :])
        if len(rows) < batch:
            return


def claim_batches(
    ledger: Ledger, flt: EventFilter | None = None, batch: int | None = None
) -> Iterator[list[tuple[Event, list[Claim]]]]:
    """Each batch of events with its current claims (``event_claims``: grouped by event id)."""
    for events in event_batches(ledger, flt, batch):
        by_event = event_claims(ledger, [ev.id for ev in events])
        yield [(ev, by_event[ev.id]) for ev in events]


def documents(
    ledger: Ledger, flt: EventFilter | None = None, batch: int = 50
) -> Iterator[Document]:
    """The documents of the matching current events, each once, by id, ``batch`` at a time."""
    d = t.documents.c
    wanted = _filtered(flt or EventFilter()).with_only_columns(t.events.c.document).order_by(None)
    cols = (d.id, d.title, d.origin, d.format, d.language, d.revision, d.layout, d.text)
    extra = (d.page_id, d.revision_timestamp, d.editor)
    last: str | None = None
    while True:
        q = select(*cols, *extra).where(d.id.in_(wanted)).order_by(d.id).limit(batch)
        if last is not None:
            q = q.where(d.id > last)
        with ledger.read() as conn:
            rows = conn.execute(q).all()
        for r in rows:
            yield Document.from_dict(
                {
                    "id": r.id,
                    "title": r.title,
                    "origin": r.origin,
                    "format": r.format,
                    "language": r.language,
                    "revision": r.revision,
                    "page_id": r.page_id,
                    "revision_timestamp": r.revision_timestamp,
                    "editor": r.editor,
                    "text": r.text,
                    **r.layout,
                }
            )
        if len(rows) < batch:
            return
        last = rows[-1].id
