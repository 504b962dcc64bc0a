"""One page of matching events at a time, with the total: keyset paging on (start date, row)
(undated events last) or an offset, for the HTTP API and the web page.

The sort carries keys only (on SQLite the ``events (country_norm, current, date_start,
date_end)`` index covers the country and date filters); bodies are read for one page. The
first page's query counts the matches too (a window over the sorted keys)."""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    String,
    bindparam,
    func,
    literal_column,
    select,
    tuple_,
)

from fogofwar.ledger import schema as t
from fogofwar.ledger import served
from fogofwar.ledger.query import EventFilter, bound_conditions, conditions, filter_params
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
    """The start date, undated last; written out as the ``ix_events_*_order`` indexes have it
    (migration 8), so that the planner walks them in order instead of sorting."""
    return func.coalesce(t.events.c.date_start, literal_column(f"'{NO_DATE}'"))


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
    total_col = func.count().over().label("total")  # every match, before LIMIT and OFFSET
    keys = select(e.pk, sort_key().label("k"), total_col).where(*where)
    if after is not None:
        keys = keys.where(tuple_(sort_key(), e.pk) > tuple_(*after))
    keys = keys.order_by(sort_key(), e.pk).limit(limit + 1).offset(offset)
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
        if rows and after is None:
            total = int(rows[0].total)
        else:  # a page past the end, or after a key (the window counts from the key): count
            count = select(func.count()).select_from(t.events).where(*where)
            total = int(conn.execute(count).scalar() or 0)
    hits = [mine[r.pk] for r in rows]
    last = (str(rows[-1].k), int(rows[-1].pk)) if more and rows else None
    return EventPage(hits, total, last)


@dataclass(frozen=True)
class StoredRow:
    """One matching event row, its sort key, and its stored answer (None if it has none)."""

    pk: int
    key: str
    json: str | None
    policy: str | None


_STATEMENTS: dict[tuple[Any, ...], Any] = {}  # by kind and filter shape: made once each, so
# that a request neither builds its statement nor computes its cache key (they are memoized)


def _statement(key: tuple[Any, ...], make: Callable[[], Any]) -> Any:
    found = _STATEMENTS.get(key)
    if found is None:
        found = _STATEMENTS[key] = make()
    return found


def _page_statement(params: dict[str, Any], kind: served.Kind, after: bool) -> Any:
    e, r = t.events.c, t.event_rows.c
    keys = select(e.pk, sort_key().label("k")).where(*bound_conditions(params))
    if after:
        keys = keys.where(
            tuple_(sort_key(), e.pk)
            > tuple_(bindparam("p_key", type_=String), bindparam("p_pk", type_=Integer))
        )
    found = (
        keys.order_by(sort_key(), e.pk)
        .limit(bindparam("p_limit", type_=Integer))
        .offset(bindparam("p_offset", type_=Integer))
        .subquery()
    )
    return (
        select(found.c.pk, found.c.k, r[kind], r.policy)
        .outerjoin(t.event_rows, r.pk == found.c.pk)
        .order_by(found.c.k, found.c.pk)
    )


def stored_page(
    conn: Connection,
    flt: EventFilter,
    kind: served.Kind,
    limit: int,
    after: Key | None = None,
    offset: int = 0,
) -> list[StoredRow]:
    """Up to ``limit + 1`` matching current event rows after the key ``after`` (or ``offset``
    rows), by start date then row (``event_page``'s order), each with its stored answer of
    this kind: the sort reads keys only, the answers are read for the page."""
    params = filter_params(flt)
    key = ("page", kind, frozenset(params), after is not None)
    q = _statement(key, lambda: _page_statement(params, kind, after is not None))
    values = {**params, "p_limit": limit + 1, "p_offset": offset}
    if after is not None:
        values |= {"p_key": after[0], "p_pk": after[1]}
    return [
        StoredRow(int(pk), str(k), body, policy) for pk, k, body, policy in conn.execute(q, values)
    ]


def count(conn: Connection, flt: EventFilter) -> int:
    """How many current event rows match."""
    params = filter_params(flt)
    q = _statement(
        ("count", frozenset(params)),
        lambda: select(func.count()).select_from(t.events).where(*bound_conditions(params)),
    )
    return int(conn.execute(q, params).scalar() or 0)


@dataclass(frozen=True)
class EventDetail:
    """One current event, its document (id, title, origin, revision number) and how many
    current claims it has."""

    event: Event
    document: tuple[str, str, str, int]
    claims: int


def event_detail(ledger: Ledger, event_id: str) -> EventDetail | None:
    """The current event with this id (the one ``get_event`` gives), with its document and its
    count of current claims (stored with its estimates), in one read; None if there is none."""
    e, d, s, c = t.events.c, t.documents.c, t.event_estimates.c, t.claims.c
    q = (
        select(e.body, d.id, d.title, d.origin, d.revision_no, s.claims)
        .join(t.documents, d.id == e.document)
        .outerjoin(t.event_estimates, s.event == e.id)
        .where(e.id == event_id, e.current)
        .order_by(e.date_start.is_(None), e.date_start, e.id)
        .limit(1)
    )
    with ledger.read() as conn:
        row = conn.execute(q).first()
        if row is None:
            return None
        claims = row.claims
        if claims is None:  # not derived (yet): count them
            count = select(func.count()).where(c.event == event_id, c.current.is_(True))
            claims = conn.execute(count).scalar()
    doc = (str(row.id), str(row.title), str(row.origin), int(row.revision_no))
    return EventDetail(Event.from_dict(row.body), doc, int(claims or 0))
