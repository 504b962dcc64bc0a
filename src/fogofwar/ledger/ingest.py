"""Storing extractions: one document per transaction, idempotent, revision-aware."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Connection, or_, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from fogofwar.errors import LedgerError
from fogofwar.ledger import schema as t
from fogofwar.ledger.store import Ledger
from fogofwar.model import Claim, Document, Event, Extraction

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
    ledger: Ledger, doc: Document, events: list[Event], claims: list[Claim], *, retries: int = 5
) -> IngestResult:
    """Store one document with its events and claims in one transaction, or nothing."""
    for attempt in range(retries):
        try:
            with ledger.write() as conn:
                return _store(conn, doc, events, claims)
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


def _existing(conn: Connection, doc_id: str) -> int | None:
    got = conn.execute(select(t.documents.c.revision_no).where(t.documents.c.id == doc_id))
    return got.scalar()


def _unchanged(conn: Connection, doc: Document) -> IngestResult:
    rev = _existing(conn, doc.id) or 1
    n_ev = conn.execute(select(t.events.c.pk).where(t.events.c.document == doc.id)).all()
    n_cl = conn.execute(select(t.claims.c.pk).where(t.claims.c.document == doc.id)).all()
    return IngestResult(doc.id, doc.title, "unchanged", rev, len(n_ev), len(n_cl))


def _lock_key(value: str) -> int:
    return int.from_bytes(hashlib.sha256(value.encode()).digest()[:8], "big", signed=True)


def _store(
    conn: Connection, doc: Document, events: list[Event], claims: list[Claim]
) -> IngestResult:
    if _existing(conn, doc.id) is not None:
        return _unchanged(conn, doc)
    if conn.dialect.name == "postgresql":  # serialise writers of the same title or origin
        for key in sorted({_lock_key("t:" + doc.title), _lock_key("o:" + doc.origin)}):
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})
        if _existing(conn, doc.id) is not None:
            return _unchanged(conn, doc)
    d = t.documents.c
    prev = conn.execute(
        select(d.lineage, d.revision_no)
        .where(d.current, or_(d.title == doc.title, d.origin == doc.origin))
        .order_by((d.title == doc.title).desc(), d.revision_no.desc())
        .limit(1)
    ).first()
    lineage, revision_no = (prev[0], prev[1] + 1) if prev else (doc.id, 1)
    if prev:
        old = select(d.id).where(d.lineage == lineage).scalar_subquery()
        conn.execute(update(t.documents).where(d.lineage == lineage).values(current=False))
        conn.execute(update(t.events).where(t.events.c.document.in_(old)).values(current=False))
        conn.execute(update(t.claims).where(t.claims.c.document.in_(old)).values(current=False))
    conn.execute(
        t.documents.insert().values(
            id=doc.id,
            title=doc.title,
            origin=doc.origin,
            format=doc.format,
            language=doc.language,
            revision=doc.revision,
            page_id=doc.page_id,
            revision_timestamp=doc.revision_timestamp,
            editor=doc.editor,
            lineage=lineage,
            revision_no=revision_no,
            current=True,
            ingested_at=datetime.now(UTC).isoformat(),
            text=doc.text,
            layout={k: v for k, v in doc.to_dict().items() if k in ("sections", "infobox")},
        )
    )
    if events:
        pks = conn.execute(
            t.events.insert().returning(t.events.c.pk, t.events.c.id, sort_by_parameter_order=True),
            [_event_row(ev) for ev in events],
        ).all()
        actors = [
            {"event_pk": pk, "side": side.side, "name": name.lower()}
            for (pk, _id), ev in zip(pks, events, strict=True)
            for side in ev.sides
            for actor in side.actors
            for name in (actor.name, *actor.aliases)
        ]
        if actors:
            conn.execute(t.event_actors.insert(), actors)
    if claims:
        conn.execute(t.claims.insert(), [_claim_row(c, doc.id, i) for i, c in enumerate(claims)])
    return IngestResult(
        doc.id, doc.title, "revision" if prev else "added", revision_no, len(events), len(claims)
    )


def _event_row(ev: Event) -> dict[str, Any]:
    date, place = ev.date, ev.place
    return {
        "id": ev.id,
        "document": ev.document,
        "current": True,
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
        "body": ev.to_dict(),
    }


def _claim_row(c: Claim, doc_id: str, seq: int) -> dict[str, Any]:
    return {
        "id": c.id,
        "event": c.event,
        "document": doc_id,
        "current": True,
        "seq": seq,
        **c.columns(),
        "fingerprint": fingerprint(c),
        "body": c.to_dict(),
    }
