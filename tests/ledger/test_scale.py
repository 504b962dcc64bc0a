"""Scale: estimates and sources stream event by event; the filters go through indexes."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from sqlalchemy import event, text

from fogofwar.ledger import (
    EventFilter,
    Ledger,
    estimates,
    event_claims,
    ingest,
    iter_estimates,
    iter_event_claims,
    list_events,
    query,
)
from fogofwar.ledger.query import _filtered
from fogofwar.ledger.synthetic import document
from fogofwar.model import Event, Extraction
from fogofwar.reconcile import load_policy, reconcile


def _dateless(x: Extraction) -> Extraction:
    return dataclasses.replace(x, events=(dataclasses.replace(x.events[0], date=None),))


@pytest.fixture
def ledger(db_url: str) -> Iterator[Ledger]:
    with Ledger(db_url) as led:
        for i in range(23):
            x = document(i, 8)
            ingest(led, _dateless(x) if i % 7 == 0 else x)
        yield led


def test_scale_pages_give_every_event_once_in_order(ledger: Ledger) -> None:
    paged = [ev.id for ev, _claims in iter_event_claims(ledger, batch=4)]
    assert paged == [ev.id for ev in list_events(ledger)]
    assert len(paged) == 23
    flt = EventFilter(date_from="2015-01-01")
    assert [ev.id for ev, _ in iter_event_claims(ledger, flt, batch=2)] == [
        ev.id for ev in list_events(ledger, flt)
    ]


def test_scale_streamed_estimates_equal_reconciling_everything_at_once(ledger: Ledger) -> None:
    events = list_events(ledger)
    by_event = event_claims(ledger, [e.id for e in events])
    at_once = reconcile([c for e in events for c in by_event[e.id]], load_policy(), events=events)
    assert estimates(ledger) == at_once


def test_scale_estimates_read_one_page_before_the_first_result(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(query, "BATCH", 5)
    claim_reads: list[str] = []

    @event.listens_for(ledger.engine, "before_cursor_execute")
    def count(_conn: object, _cur: object, statement: str, *_args: object) -> None:
        if "FROM claims" in statement:
            claim_reads.append(statement)

    stream = iter_estimates(ledger)
    next(stream)
    assert len(claim_reads) == 1  # the first page of events only, not the ledger
    rest = list(stream)
    assert len(claim_reads) == 5 and rest  # 23 events, five pages


def _plan(ledger: Ledger, flt: EventFilter) -> str:
    with ledger.read() as conn:
        sql = str(
            _filtered(flt).compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
        )
        if ledger.dialect == "sqlite":
            rows = conn.execute(text("EXPLAIN QUERY PLAN " + sql)).all()
            return "\n".join(str(r[-1]) for r in rows)
        conn.execute(text("SET LOCAL enable_seqscan = off"))  # tiny tables: show what it can
        return "\n".join(r[0] for r in conn.execute(text("EXPLAIN " + sql)))


@pytest.mark.parametrize(
    "flt, index",
    [
        # either index that leads with the country (migration 6 adds country + dates)
        (EventFilter(country="mali"), "ix_events_country_"),
        (EventFilter(actor="army 1"), "ix_event_actors_name"),
        (EventFilter(war="civil war"), "ix_events_part_of_norm"),
    ],
    ids=["country", "actor", "war"],
)
def test_scale_filters_use_indexes(ledger: Ledger, flt: EventFilter, index: str) -> None:
    plan = _plan(ledger, flt)
    assert index in plan, plan
    assert "SCAN events" not in plan and "Seq Scan on events" not in plan, plan
    assert "SCAN event_actors" not in plan and "Seq Scan on event_actors" not in plan, plan


@pytest.mark.parametrize(
    "flt",
    [
        EventFilter(country="MALI"),
        EventFilter(country="ML"),
        EventFilter(actor="ARMY 1"),
        EventFilter(war="civil"),
        EventFilter(date_from="2016", date_to="2019-06"),
    ],
)
def test_scale_indexed_filters_match_what_they_say(ledger: Ledger, flt: EventFilter) -> None:
    got = list_events(ledger, flt)
    every = list_events(ledger)

    def wanted(e: Event) -> bool:
        if flt.country:
            return e.place is not None and e.place.country == "Mali"
        if flt.actor:
            return any("army 1" in a.name.lower() for s in e.sides for a in s.actors)
        if flt.war:
            return "civil" in (e.part_of or "").lower()
        if e.date is None or e.date.start is None:
            return False
        end = e.date.end or e.date.start
        return end >= "2016-01-01" and e.date.start <= "2019-06-30"

    assert got == [e for e in every if wanted(e)]
    assert got
