"""Reading the ledger: events with filters, their claims, revision differences, whole extracts."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Connection,
    Select,
    bindparam,
    func,
    or_,
    select,
    tuple_,
)

from fogofwar.errors import FilterError, LedgerError
from fogofwar.ledger import schema as t
from fogofwar.ledger import terms
from fogofwar.ledger.store import Ledger
from fogofwar.model import Claim, Document, Event, Extraction

BATCH = 200  # events per page when streaming: a few thousand claims at 20-60 claims an event


Box = tuple[float, float, float, float]  # min lon, min lat, max lon, max lat


@dataclass(frozen=True)
class EventFilter:
    """Which events: country (a name in any case, or an ISO code), date bounds (events that
    overlap them; ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), actor name or alias and war (part
    of; substrings in any case, accents ignored); event ids; kind; a bounding box; words in the
    title or place name (``text``); and any of several countries (``countries``, names as
    the field's clients send them). The CLI, the exports and the HTTP API all filter with it.
    A filter that cannot be read raises FilterError."""

    country: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    actor: str | None = None
    war: str | None = None
    ids: tuple[str, ...] = ()
    kind: str | None = None
    bbox: Box | None = None
    text: str | None = None
    countries: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        start = _bound("--from", self.date_from, last=False)
        end = _bound("--to", self.date_to, last=True)
        if start and end and start > end:
            raise FilterError(f"--from {self.date_from} is after --to {self.date_to}")
        if self.country is not None:
            terms.country_term(self.country)
        for name in ("actor", "war"):
            value = getattr(self, name)
            if value is not None and not terms.fold(value):
                raise FilterError(f"--{name} is empty: give a name or part of one")
        object.__setattr__(self, "date_from", start)
        object.__setattr__(self, "date_to", end)


_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _bound(option: str, value: str | None, *, last: bool) -> str | None:
    """An ISO date bound: ``2014`` is 2014-01-01 as a start, 2014-12-31 as an end."""
    if value is None:
        return None
    found = _DATE.fullmatch(value.strip())
    try:
        if not found:
            raise ValueError
        year, month, day = int(found[1]), found[2], found[3]
        if day:
            return date(year, int(month), int(day)).isoformat()
        if month:
            first = date(year, int(month), 1)
            days = calendar.monthrange(year, first.month)[1]
            return (first.replace(day=days) if last else first).isoformat()
        return date(year, 12, 31).isoformat() if last else date(year, 1, 1).isoformat()
    except ValueError:
        raise FilterError(
            f"{option} {value!r} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY"
        ) from None


@dataclass(frozen=True)
class RevisionChange:
    """What one revision of a document changed in an event's claims against the one before."""

    document: str
    title: str
    revision_no: int
    previous: str
    added: tuple[Claim, ...] = field(default_factory=tuple)
    withdrawn: tuple[Claim, ...] = field(default_factory=tuple)


def filter_params(flt: EventFilter) -> dict[str, Any]:
    """The filter's values by parameter name, only the ones it sets (``conditions`` binds
    them under these names; a statement made for one filter serves another with the same
    names, given its values)."""
    out: dict[str, Any] = {}
    if flt.ids:
        out["f_ids"] = list(flt.ids)
    if flt.country:
        out["f_country"] = terms.country_term(flt.country)
    if flt.countries:
        out["f_countries"] = sorted({_country(c) for c in flt.countries})
    if flt.date_from:
        out["f_from"] = flt.date_from
    if flt.date_to:
        out["f_to"] = flt.date_to
    if flt.war:
        out["f_war"] = _like(terms.fold(flt.war))
    if flt.actor:
        out["f_actor"] = _like(terms.fold(flt.actor))
    if flt.kind:
        out["f_kind"] = flt.kind.strip().lower()
    if flt.bbox:
        out["f_lon0"], out["f_lat0"], out["f_lon1"], out["f_lat1"] = flt.bbox
    if flt.text:
        out["f_text"] = _like(flt.text.lower())
    return out


def _like(text: str) -> str:
    """A LIKE pattern for ``text`` anywhere (escaped with ``/``, as ``contains(autoescape)``)."""
    return "%" + text.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"


def conditions(flt: EventFilter) -> list[ColumnElement[bool]]:
    """The filter as SQL conditions on current ``events`` rows, each on an indexed column where
    one serves (normalised country and war, actor names through the search vocabulary)."""
    return bound_conditions(filter_params(flt))


def bound_conditions(params: dict[str, Any]) -> list[ColumnElement[bool]]:
    """``conditions`` of the filter with these ``filter_params``, each value a named
    parameter."""
    e = t.events.c
    p: dict[str, BindParameter[Any]] = {
        k: bindparam(k, v, expanding=isinstance(v, list)) for k, v in params.items()
    }
    where: list[ColumnElement[bool]] = [e.current.is_(True)]
    if "f_ids" in p:
        where.append(e.id.in_(p["f_ids"]))
    if "f_country" in p:
        where.append(e.country_norm == p["f_country"])
    if "f_countries" in p:
        where.append(e.country_norm.in_(p["f_countries"]))
    if "f_from" in p:
        where.append(func.coalesce(e.date_end, e.date_start) >= p["f_from"])
    if "f_to" in p:
        where.append(e.date_start <= p["f_to"])
    if "f_war" in p:
        where.append(e.part_of_norm.in_(_terms_like("war", p["f_war"])))
    if "f_actor" in p:
        named = t.event_actors.c.name.in_(_terms_like("actor", p["f_actor"]))
        where.append(e.pk.in_(select(t.event_actors.c.event_pk).where(named)))
    if "f_kind" in p:
        where.append(e.kind == p["f_kind"])
    if "f_lon0" in p:
        where.append(e.lon.between(p["f_lon0"], p["f_lon1"]))
        where.append(e.lat.between(p["f_lat0"], p["f_lat1"]))
    if "f_text" in p:
        title, place = func.lower(e.title), func.lower(e.place_name)
        text = p["f_text"]
        where.append(or_(title.like(text, escape="/"), place.like(text, escape="/")))
    return where


def _country(name: str) -> str:
    """A client's country name as stored; what cannot be a country matches nothing."""
    try:
        return terms.country_term(name)
    except FilterError:
        return terms.fold(name)


def _filtered(flt: EventFilter) -> Select[tuple[object]]:
    e = t.events.c
    q = select(t.events.c.body).where(*conditions(flt))
    return q.order_by(e.date_start.is_(None), e.date_start, e.id)


def _terms_like(field: str, pattern: BindParameter[Any]) -> Select[tuple[str]]:
    """The stored names matching the LIKE ``pattern``: a scan of the vocabulary, not of every
    event."""
    s = t.search_terms.c
    return select(s.term).where(s.field == field, s.term.like(pattern, escape="/"))


def list_events(
    ledger: Ledger, flt: EventFilter | None = None, limit: int | None = None
) -> list[Event]:
    """Current events matching the filter, by start date."""
    q = _filtered(flt or EventFilter())
    if limit is not None:
        q = q.limit(limit)
    with ledger.read() as conn:
        return [Event.from_dict(row[0]) for row in conn.execute(q)]  # type: ignore[arg-type]


def get_event(ledger: Ledger, event_id: str) -> Event:
    """The current event with this id, or a LedgerError naming it."""
    found = list_events(ledger, EventFilter(ids=(event_id,)), limit=1)
    if not found:
        raise LedgerError(f"unknown event {event_id!r} (see `fogofwar events`)")
    return found[0]


def _claims(conn: Connection, event_ids: Iterable[str], current: bool = True) -> list[Claim]:
    c = t.claims.c
    q = select(c.body).where(c.event.in_(list(event_ids)))
    if current:
        q = q.where(c.current)
    return [Claim.from_dict(row[0]) for row in conn.execute(q.order_by(c.document, c.seq))]


def event_claims(ledger: Ledger, event_ids: Sequence[str]) -> dict[str, list[Claim]]:
    """Current claims of these events, grouped by event id, in document order."""
    out: dict[str, list[Claim]] = {i: [] for i in event_ids}
    with ledger.read() as conn:
        for start in range(0, len(event_ids), 500):
            for claim in _claims(conn, event_ids[start : start + 500]):
                out[claim.event].append(claim)
    return out


def claimant_claims(ledger: Ledger, claimant: str) -> list[Claim]:
    """The current claims of one claimant (its name as stored), through the claimant index."""
    c = t.claims.c
    q = select(c.body).where(c.claimant == claimant, c.current).order_by(c.event, c.seq)
    with ledger.read() as conn:
        return [Claim.from_dict(row[0]) for row in conn.execute(q)]


def event_pages(
    ledger: Ledger,
    flt: EventFilter | None = None,
    batch: int | None = None,
    *,
    by_id: bool = False,
) -> Iterator[list[Event]]:
    """The matching current events in ``list_events``' order (or by id), ``batch`` (default
    BATCH) at a time: each page is read after the last by its sort key, so memory holds one
    page whatever the size of the ledger."""
    batch = batch or BATCH
    e = t.events.c
    base = _filtered(flt or EventFilter()).add_columns(e.date_start, e.id, e.pk).order_by(None)
    if by_id:
        yield from _pages(ledger, base, (e.id, e.pk), batch)
        return
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
        if rows:
            yield [Event.from_dict(r[0]) for r in rows]
        if len(rows) < batch:
            return
        last = tuple(rows[-1][-len(key) :])


def iter_event_claims(
    ledger: Ledger,
    flt: EventFilter | None = None,
    batch: int | None = None,
    *,
    by_id: bool = False,
) -> Iterator[tuple[Event, list[Claim]]]:
    """Each matching event with its current claims, one page of events in memory at a time."""
    for events in event_pages(ledger, flt, batch, by_id=by_id):
        by_event = event_claims(ledger, [ev.id for ev in events])
        for ev in events:
            yield ev, by_event[ev.id]


def revision_changes(ledger: Ledger, event_id: str) -> list[RevisionChange]:
    """For each later revision of a document about this event: claims added and withdrawn."""
    d, c = t.documents.c, t.claims.c
    out = []
    with ledger.read() as conn:
        docs = select(t.events.c.document).where(t.events.c.id == event_id)
        lineages = conn.execute(select(d.lineage).where(d.id.in_(docs)).distinct()).scalars()
        for lineage in list(lineages):
            revs = conn.execute(
                select(d.id, d.title, d.revision_no)
                .where(d.lineage == lineage)
                .order_by(d.revision_no)
            ).all()
            for (prev_id, _pt, _pn), (doc_id, title, no) in pairwise(revs):

                def load(doc: str) -> dict[str, Claim]:
                    rows = conn.execute(
                        select(c.fingerprint, c.body)
                        .where(c.document == doc, c.event == event_id)
                        .order_by(c.seq)
                    )
                    return {fp: Claim.from_dict(body) for fp, body in rows}

                before, after = load(prev_id), load(doc_id)
                out.append(
                    RevisionChange(
                        doc_id,
                        title,
                        no,
                        prev_id,
                        tuple(v for k, v in after.items() if k not in before),
                        tuple(v for k, v in before.items() if k not in after),
                    )
                )
    return out


def extract(
    ledger: Ledger, flt: EventFilter | None = None, include_text: bool = True
) -> Extraction:
    """The current documents, events and claims matching the filter, as an Extraction."""
    events = list_events(ledger, flt)
    by_event = event_claims(ledger, [e.id for e in events])
    doc_ids = sorted({e.document for e in events})
    docs: list[Document] = []
    d = t.documents.c
    with ledger.read() as conn:
        for start in range(0, len(doc_ids), 500):
            chunk = doc_ids[start : start + 500]
            rows = conn.execute(
                select(
                    d.id, d.title, d.origin, d.format, d.language, d.revision, d.layout, d.text
                ).where(d.id.in_(chunk))
            )
            for r in rows:
                docs.append(
                    Document.from_dict(
                        {
                            "id": r.id,
                            "title": r.title,
                            "origin": r.origin,
                            "format": r.format,
                            "language": r.language,
                            "revision": r.revision,
                            "text": r.text if include_text else "",
                            **r.layout,
                        }
                    )
                )
    claims = [cl for e in events for cl in by_event[e.id] if cl.event == e.id]
    seen: set[tuple[str, str]] = set()
    unique = []
    for cl in claims:  # an event id shared by two documents lists its claims once
        key = (cl.event, cl.id)
        if key not in seen:
            seen.add(key)
            unique.append(cl)
    return Extraction(tuple(sorted(docs, key=lambda x: x.id)), tuple(events), tuple(unique))


def document_texts(ledger: Ledger, doc_ids: Iterable[str]) -> dict[str, str]:
    """The stored text of each of these documents (for evidence in its sentence)."""
    wanted, d = sorted(set(doc_ids)), t.documents.c
    out: dict[str, str] = {}
    with ledger.read() as conn:
        for start in range(0, len(wanted), 500):
            rows = conn.execute(select(d.id, d.text).where(d.id.in_(wanted[start : start + 500])))
            out.update({str(i): str(text) for i, text in rows})
    return out


def counts(ledger: Ledger) -> dict[str, int]:
    """Rows per table (all revisions) and current claims."""
    with ledger.read() as conn:
        out = {
            name: int(conn.execute(select(func.count()).select_from(tab)).scalar() or 0)
            for name, tab in (
                ("documents", t.documents),
                ("events", t.events),
                ("claims", t.claims),
            )
        }
        out["current_claims"] = int(
            conn.execute(
                select(func.count()).select_from(t.claims).where(t.claims.c.current)
            ).scalar()
            or 0
        )
    return out
