"""Storing extractions: one document per transaction, idempotent, revision-aware."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Connection, bindparam, case, delete, func, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from fogofwar.errors import LedgerError
from fogofwar.ledger import derived, lineage, served, terms
from fogofwar.ledger import schema as t
from fogofwar.ledger.store import Ledger
from fogofwar.model import Claim, Document, Event, Extraction
from fogofwar.reconcile import load_policy

Status = Literal["added", "revision", "unchanged"]


@dataclass(frozen=True)
class IngestResult:
    """What happened to one document: added, stored as a new revision, or already there."""

    document: str
    title: str
    status: Status
    revision_no: int
    events: int
    claims: int
    current: bool = True  # False: an older revision (by its timestamp) than the current one


def fingerprint(claim: Claim) -> str:
    """A content key of a claim (what, about whom, how much, by whom), ignoring ids and offsets."""
    d = claim.to_dict()
    key = [
        d["event"],
        d["kind"],
        d["subject"],
        d["value"],
        d["claimant"],
        d["stance"],
        d["said_on"],
    ]
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()


def split(extraction: Extraction) -> list[tuple[Document, list[Event], list[Claim]]]:
    """The extraction cut into one (document, events, claims) part per document."""
    event_doc = {e.id: e.document for e in extraction.events}
    events: dict[str, list[Event]] = defaultdict(list)
    claims: dict[str, list[Claim]] = defaultdict(list)
    for ev in extraction.events:
        events[ev.document].append(ev)
    for claim in extraction.claims:
        doc = event_doc.get(claim.event)
        if doc is None:
            raise LedgerError(f"claim {claim.id!r} refers to unknown event {claim.event!r}")
        claims[doc].append(claim)
    seen: set[tuple[str, str]] = set()
    for claim in extraction.claims:
        key = (event_doc[claim.event], claim.id)
        if key in seen:
            raise LedgerError(f"claim id {claim.id!r} appears twice in one document")
        seen.add(key)
    known = {d.id for d in extraction.documents}
    for doc_id in events:
        if doc_id not in known:
            raise LedgerError(f"event refers to unknown document {doc_id!r}")
    return [(d, events[d.id], claims[d.id]) for d in extraction.documents]


def ingest(ledger: Ledger, extraction: Extraction) -> list[IngestResult]:
    """Store every document of an extraction, each in its own transaction."""
    return [ingest_document(ledger, d, evs, cls) for d, evs, cls in split(extraction)]


def ingest_document(
    ledger: Ledger,
    doc: Document,
    events: list[Event],
    claims: list[Claim],
    *,
    retries: int = 5,
    estimates: Sequence[dict[str, Any]] | None = None,
    answers: Mapping[str, dict[str, Any]] | None = None,
) -> IngestResult:
    """Store one document with its events and claims in one transaction, or nothing.
    ``estimates``: ``derived.rows_alone(events, claims)``, made beforehand (by a dump worker);
    stored as they are when no other current document shares the events, else re-derived.
    ``answers``: ``served.answers_alone(events, estimates)``, made with them, stored with them."""
    prepared = _Prepared(estimates, answers) if estimates is not None else None
    for attempt in range(retries):
        try:
            with ledger.write() as conn:
                return _store(conn, doc, events, claims, prepared)
        except IntegrityError as exc:
            with ledger.read() as conn:
                if _existing(conn, doc.id) is not None:  # a concurrent ingest stored it first
                    return _unchanged(conn, doc)
            if attempt == retries - 1:
                raise LedgerError(f"{doc.origin}: cannot store: {_first_line(exc)}") from None
        except (DBAPIError, OverflowError) as exc:  # nothing of the document was kept
            raise LedgerError(f"{doc.origin}: cannot store: {_first_line(exc)}") from None
    raise AssertionError("unreachable")


def _first_line(exc: Exception) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).strip().splitlines()
    return lines[0] if lines else type(orig).__name__


_EXISTING = select(t.documents.c.revision_no).where(t.documents.c.id == bindparam("doc_id"))
"""Made once (as ``_LINEAGE``): a statement built per call costs its construction and cache
key again, a good part of what one document's store costs the single SQLite writer."""


def _existing(conn: Connection, doc_id: str) -> int | None:
    return conn.execute(_EXISTING, {"doc_id": doc_id}).scalar()


def _unchanged(conn: Connection, doc: Document) -> IngestResult:
    d = t.documents.c
    rev, current = conn.execute(select(d.revision_no, d.current).where(d.id == doc.id)).one()
    n_ev = conn.execute(select(func.count()).where(t.events.c.document == doc.id)).scalar()
    n_cl = conn.execute(select(func.count()).where(t.claims.c.document == doc.id)).scalar()
    return IngestResult(doc.id, doc.title, "unchanged", rev, n_ev or 0, n_cl or 0, bool(current))


def _lock_key(value: str) -> int:
    return int.from_bytes(hashlib.sha256(value.encode()).digest()[:8], "big", signed=True)


@dataclass(frozen=True)
class _Prepared:
    """What a dump worker made beforehand: estimates rows and, maybe, the events' answers."""

    estimates: Sequence[dict[str, Any]]
    answers: Mapping[str, dict[str, Any]] | None


def _store(
    conn: Connection,
    doc: Document,
    events: list[Event],
    claims: list[Claim],
    prepared: _Prepared | None = None,
) -> IngestResult:
    if _existing(conn, doc.id) is not None:
        return _unchanged(conn, doc)
    key = lineage.lineage_key(doc)
    if conn.dialect.name == "postgresql":  # serialise writers of the same lineage
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _lock_key(key)})
        if _existing(conn, doc.id) is not None:
            return _unchanged(conn, doc)
    d = t.documents.c
    prev, current = _lineage_state(conn, key)
    lineage_id, revision_no = (prev[0], prev[1] + 1) if prev else (doc.id, 1)
    is_current = current is None or lineage.replaces(doc.revision_timestamp, current[0])
    touched = {ev.id for ev in events} if is_current else set()  # events to re-derive
    if prev and is_current:  # the one current revision steps down; older ones already did
        old = select(d.id).where(d.lineage_key == key, d.current).scalar_subquery()
        stepping_down = select(t.events.c.id).where(t.events.c.document.in_(old))
        touched.update(conn.execute(stepping_down.where(t.events.c.current)).scalars())
        for table in (t.events, t.claims):
            stale = table.c.document.in_(old) & table.c.current
            conn.execute(update(table).where(stale).values(current=False))
        conn.execute(
            update(t.documents).where(d.lineage_key == key, d.current).values(current=False)
        )
    row = _document_row(doc, key, lineage_id, revision_no, is_current)
    conn.execute(t.documents.insert(), row)  # not .values(**row): that builds a new statement
    pks = _store_events(conn, events, is_current)
    if claims:
        rows = [_claim_row(c, doc.id, i, is_current) for i, c in enumerate(claims)]
        conn.execute(t.claims.insert(), rows)
    if prepared is not None and is_current:
        rows_at = _RowsAt(dict(zip((ev.id for ev in events), pks, strict=True)), row["ingested_at"])
        touched -= _store_estimates(conn, doc.id, prepared, rows_at)
    derived.refresh(conn, touched)  # in this transaction: all of it is stored, or nothing
    status: Status = "revision" if prev else "added"
    return IngestResult(
        doc.id, doc.title, status, revision_no, len(events), len(claims), is_current
    )


_d = t.documents.c
_LINEAGE = (
    select(
        _d.lineage,
        func.max(_d.revision_no),
        func.count(case((_d.current, 1))),
        func.max(case((_d.current, _d.revision_timestamp))),
    )
    .where(_d.lineage_key == bindparam("key"))
    .group_by(_d.lineage)
)


def _lineage_state(
    conn: Connection, key: str
) -> tuple[tuple[str, int] | None, tuple[str | None] | None]:
    """In one statement: the lineage of ``key`` with its last revision number (None if new),
    and the revision timestamp of its current document (None if it has none)."""
    got = conn.execute(_LINEAGE, {"key": key}).first()
    if got is None:
        return None, None
    return (got[0], got[1]), ((got[3],) if got[2] else None)


@dataclass(frozen=True)
class _RowsAt:
    """Where a document's event rows went: the row id of each event, when it was stored."""

    pk: dict[str, int]
    ingested_at: str


_e = t.events.c
_OTHERS = (  # another document's row of these events, a current one first
    select(_e.current)
    .where(_e.id.in_(bindparam("ids", expanding=True)), _e.document != bindparam("doc"))
    .order_by(_e.current.desc())
    .limit(1)
)
_DELETE_ESTIMATES = delete(t.event_estimates).where(
    t.event_estimates.c.event.in_(bindparam("ids", expanding=True))
)


def _store_estimates(conn: Connection, doc_id: str, prepared: _Prepared, at: _RowsAt) -> set[str]:
    """Store rows made by ``derived.rows_alone`` for a current document, if they hold: made
    with this policy and no other current document has their events (then ``refresh`` would
    derive the same rows). Returns the events stored, none if the rows do not hold."""
    rows = prepared.estimates
    ids = sorted({r["event"] for r in rows})
    digest = derived.policy_digest(load_policy())
    if not ids or not at.pk.keys() >= set(ids) or any(r["policy"] != digest for r in rows):
        return set()
    derived.lock_events(conn, ids)
    other = conn.execute(_OTHERS, {"ids": ids, "doc": doc_id}).first()
    if other is not None and other[0]:  # another current document has them: re-derive
        return set()
    earlier = other is not None  # an earlier revision's rows of them are to be replaced
    if earlier:
        conn.execute(_DELETE_ESTIMATES, {"ids": ids})
    conn.execute(t.event_estimates.insert(), list(rows))
    made = prepared.answers
    if made is not None and made.keys() == set(ids):  # the events' answers, finished here
        finished = [served.finished(made[i], at.pk[i], at.ingested_at) for i in ids]
        served.insert_finished(conn, finished, replace=earlier)
    else:  # from the rows just stored
        served.write(conn, ids)
    return set(ids)


def _document_row(
    doc: Document, key: str, lineage_id: str, revision_no: int, current: bool
) -> dict[str, Any]:
    return {
        "id": doc.id,
        "title": doc.title,
        "origin": doc.origin,
        "format": doc.format,
        "language": doc.language,
        "revision": doc.revision,
        "page_id": doc.page_id,
        "revision_timestamp": doc.revision_timestamp,
        "editor": doc.editor,
        "lineage": lineage_id,
        "lineage_key": key,
        "revision_no": revision_no,
        "current": current,
        "ingested_at": datetime.now(UTC).isoformat(),
        "text": doc.text,
        "layout": {k: v for k, v in doc.to_dict().items() if k in ("sections", "infobox")},
    }


def _store_events(conn: Connection, events: list[Event], current: bool) -> list[int]:
    """Insert the events' rows (with their actors and search terms); their row ids, in order."""
    if not events:
        return []
    pks = list(
        conn.execute(
            t.events.insert().returning(t.events.c.pk, sort_by_parameter_order=True),
            [_event_row(ev, current) for ev in events],
        ).scalars()
    )
    actors = [
        {"event_pk": pk, "side": side.side, "name": terms.fold(name)}
        for pk, ev in zip(pks, events, strict=True)
        for side in ev.sides
        for actor in side.actors
        for name in (actor.name, *actor.aliases)
    ]
    if actors:
        conn.execute(t.event_actors.insert(), actors)
    wars = (terms.fold(ev.part_of) for ev in events if ev.part_of)
    terms.add_search_term_pairs(  # actors and wars in one statement
        conn, [*(("actor", a["name"]) for a in actors), *(("war", w) for w in wars)]
    )
    return pks


def _event_row(ev: Event, current: bool) -> dict[str, Any]:
    date, place = ev.date, ev.place
    return {
        "id": ev.id,
        "document": ev.document,
        "current": current,
        "title": ev.title,
        "kind": ev.kind,
        "date_start": date.start if date else None,
        "date_end": (date.end or date.start) if date else None,
        "date_precision": date.precision if date else None,
        "place_name": place.name if place else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "where_prec": place.precision if place else None,
        "part_of": ev.part_of,
        "result": ev.result,
        "country_norm": terms.fold(place.country) if place and place.country else None,
        "part_of_norm": terms.fold(ev.part_of) if ev.part_of else None,
        "body": ev.to_dict(),
    }


def _claim_row(c: Claim, doc_id: str, seq: int, current: bool) -> dict[str, Any]:
    return {
        "id": c.id,
        "event": c.event,
        "document": doc_id,
        "current": current,
        "seq": seq,
        **c.columns(),
        "fingerprint": fingerprint(c),
        "body": c.to_dict(),
    }
