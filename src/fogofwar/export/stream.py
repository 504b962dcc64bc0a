"""Events, claims and estimates read from the ledger in batches, so an export's memory does not
grow with the ledger: one batch of events (and their claims) is in memory at a time."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select

from fogofwar.ledger import EventFilter, Ledger, event_claims
from fogofwar.ledger import schema as t
from fogofwar.ledger.query import _filtered, event_pages
from fogofwar.model import Claim, Document, Event

BATCH = 200  # events per read: a few thousand claims at the corpus' 20-60 claims per event


def event_batches(
    ledger: Ledger, flt: EventFilter | None = None, batch: int | None = None
) -> Iterator[list[Event]]:
    """The current events matching the filter in ``list_events``' order (by start date, dateless
    ones last), ``batch`` (default ``BATCH``) at a time: the ledger's own keyset paging."""
    return event_pages(ledger, flt, batch or BATCH)


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
