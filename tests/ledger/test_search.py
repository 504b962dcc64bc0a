"""ledger.search.event_page: keyset pages in (start date, row) order with the total, and the
``known`` hits a server keeps (an event row never changes; a revision's old row drops out by
the filter, not by the cache)."""

from __future__ import annotations

import dataclasses

from fogofwar.ledger import EventFilter, Ledger, ingest, list_events
from fogofwar.ledger.search import Hit, event_page
from fogofwar.ledger.synthetic import document, extraction


def test_search_pages_visit_every_match_once_in_order(db_url: str) -> None:
    with Ledger(db_url) as ledger:
        ingest(ledger, extraction(0, 23, claims=2))
        seen, after = [], None
        while True:
            page = event_page(ledger, EventFilter(), 5, after)
            assert page.total == 23
            seen += page.hits
            if page.next_key is None:
                break
            after = page.next_key
        want = sorted(list_events(ledger), key=lambda e: (e.date.start if e.date else "", e.id))
    assert len(seen) == 23 == len({h.pk for h in seen})
    assert [h.event.date.start for h in seen if h.event.date] == [
        e.date.start for e in want if e.date
    ]


def test_search_known_hits_are_used_and_filled(db_url: str) -> None:
    with Ledger(db_url) as ledger:
        ingest(ledger, extraction(0, 4, claims=2))
        known: dict[int, Hit] = {}
        first = event_page(ledger, EventFilter(), 10, known=known)
        assert set(known) == {h.pk for h in first.hits}
        pk = first.hits[0].pk
        known[pk] = marked = dataclasses.replace(first.hits[0], ingested_at="from the cache")
        again = event_page(ledger, EventFilter(), 10, known=known)
        assert again.hits[0] is marked and again.hits[1:] == first.hits[1:]


def test_search_known_hits_never_bring_back_a_replaced_revision(db_url: str) -> None:
    one = document(5, claims=3)
    (doc,), (ev,) = one.documents, one.events
    doc2 = dataclasses.replace(doc, id="e" * 64, text=doc.text + " again")
    two = dataclasses.replace(
        one, documents=(doc2,), events=(dataclasses.replace(ev, document=doc2.id),)
    )
    with Ledger(db_url) as ledger:
        ingest(ledger, one)
        known: dict[int, Hit] = {}
        (old,) = event_page(ledger, EventFilter(), 10, known=known).hits
        ingest(ledger, two)
        (new,) = event_page(ledger, EventFilter(), 10, known=known).hits
    assert new.pk != old.pk and new.event.document == doc2.id


def test_search_total_is_every_match_on_any_page(db_url: str) -> None:
    """The first page counts in its own query; pages after a key or past the end count apart:
    every page gives the same total."""
    with Ledger(db_url) as ledger:
        for i in range(7):
            ingest(ledger, document(i, 3))
        flt = EventFilter(date_from="1900")
        want = len(list_events(ledger, flt))
        first = event_page(ledger, flt, 3)
        assert first.next_key is not None
        after = event_page(ledger, flt, 3, after=first.next_key)
        pages = [first, after, event_page(ledger, flt, 3, offset=3)]
        pages.append(event_page(ledger, flt, 3, offset=50))
    assert [p.total for p in pages] == [want] * 4 and want == 7
    assert pages[3].hits == [] and len(pages[2].hits) == 3
