"""The JSON API under ``/api/``: events, claims, estimates, sources, exports, documents."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse
from sqlalchemy import select

from fogofwar.errors import InvalidParameters, LedgerError, NotFound
from fogofwar.ledger import EventFilter, Ledger, event_claims, get_event
from fogofwar.ledger import schema as t
from fogofwar.ledger.history import event_history
from fogofwar.ledger.search import event_detail
from fogofwar.model import Claim, Event
from fogofwar.reconcile import Policy
from fogofwar.serve import schemas
from fogofwar.serve.auth import require_read
from fogofwar.serve.query import (
    Hit,
    decode_cursor,
    encode_cursor,
    off_loop,
    parse_bbox,
    rows_page,
)
from fogofwar.serve.responses import Encoded, FastJSON
from fogofwar.serve.sources import profiles

router = APIRouter(
    prefix="/api", dependencies=[Depends(require_read)], responses=schemas.errors(401, 422)
)

ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Limit = Annotated[int, Query(ge=1, le=500, description="items per page (1-500)")]
Cursor = Annotated[str | None, Query(description="next_cursor of the page before")]


def state(request: Request) -> tuple[Ledger, Policy]:
    return request.app.state.ledger, request.app.state.policy


async def event_search(
    country: Annotated[str | None, Query(description="country name, exact, any case")] = None,
    date_from: Annotated[
        str | None, Query(alias="from", pattern=ISO_DATE, description="events ending on/after")
    ] = None,
    date_to: Annotated[
        str | None, Query(alias="to", pattern=ISO_DATE, description="events starting on/before")
    ] = None,
    actor: Annotated[str | None, Query(description="actor name or alias (substring)")] = None,
    war: Annotated[str | None, Query(description="war the event is part of (substring)")] = None,
    kind: Annotated[str | None, Query(description="event kind: battle, siege, ...")] = None,
    bbox: Annotated[
        str | None, Query(description="min_lon,min_lat,max_lon,max_lat", examples=["-5,10,5,20"])
    ] = None,
    q: Annotated[str | None, Query(description="words in the title or place name")] = None,
) -> EventFilter:
    """The event filters every listing shares (the ledger's own ``EventFilter``)."""
    return EventFilter(
        country=country or None,
        date_from=date_from,
        date_to=date_to,
        actor=actor,
        war=war,
        kind=kind or None,
        bbox=parse_bbox(bbox) if bbox else None,
        text=q or None,
    )


@router.get("", summary="What the ledger holds", tags=["ledger"])
def index(request: Request) -> schemas.Index:
    """Rows per table (counted once while the ledger is unchanged) and whether the server
    takes writes."""
    settings = request.app.state.settings
    return schemas.Index(
        ledger=schemas.Counts(**request.app.state.derived.counts()),
        writable=settings.token is not None,
        read_token_required=settings.read_token is not None,
    )


@router.get(
    "/events",
    summary="Events, filtered and paged",
    tags=["events"],
    response_model=schemas.EventList,
    responses=schemas.errors(400),
)
async def events(
    request: Request,
    flt: Annotated[EventFilter, Depends(event_search)],
    limit: Limit = 50,
    cursor: Cursor = None,
    page: Annotated[int | None, Query(ge=1, le=100_000, description="1-based page")] = None,
) -> FastJSON:
    """Current events by start date. Page with ``cursor`` (the ``next_cursor`` of the page
    before) or with ``page``; ``total`` counts every match."""
    if cursor and page:
        raise InvalidParameters("give cursor or page, not both")
    offset = (page - 1) * limit if page else 0
    derived = request.app.state.derived

    def listing(hits: list[Hit]) -> list[Encoded]:
        return [derived.event_body(h) for h in hits]

    def answer() -> FastJSON:
        ledger = request.app.state.ledger
        found = rows_page(ledger, derived, "listing", flt, limit, listing, cursor, offset)
        return FastJSON(  # schemas.EventList, each event's body as stored
            {
                "total": found.total,
                "limit": limit,
                "next_cursor": found.next_cursor,
                "events": found.rows,
            }
        )

    return await off_loop(flt, answer)


def no_event(event_id: str) -> NotFound:
    return NotFound(f"no event {event_id!r} in the ledger (see /api/events)")


def find_event(ledger: Ledger, event_id: str) -> Event:
    try:
        return get_event(ledger, event_id)
    except LedgerError:
        raise no_event(event_id) from None


@router.get(
    "/events/{event_id}",
    summary="One event",
    tags=["events"],
    response_model=schemas.EventDetail,
    responses=schemas.errors(404),
)
async def event(request: Request, event_id: str) -> FastJSON:
    """The event with its sides, actors, commanders, result and related events."""
    found = event_detail(request.app.state.ledger, event_id)
    if found is None:
        raise no_event(event_id)
    doc_id, title, origin, revision_no = found.document
    return FastJSON(  # schemas.EventDetail
        {
            "event": found.event.to_dict(),
            "document": {"id": doc_id, "title": title, "origin": origin,
                         "revision_no": revision_no},
            "claims": found.claims,
        }
    )  # fmt: skip


def _claims_of(request: Request, event_id: str) -> list[Claim]:
    ledger, _ = state(request)
    ev = find_event(ledger, event_id)
    return event_claims(ledger, [ev.id])[ev.id]


@router.get(
    "/events/{event_id}/claims",
    summary="Every current claim about an event, with its evidence",
    tags=["events"],
    responses=schemas.errors(404),
)
def claims(request: Request, event_id: str) -> schemas.ClaimList:
    found = _claims_of(request, event_id)
    return schemas.ClaimList(event=event_id, total=len(found), claims=[c.to_dict() for c in found])


@router.get(
    "/events/{event_id}/estimates",
    summary="Low / best / high per side and kind, with the reason and the claims used",
    tags=["events"],
    response_model=schemas.EstimateList,
    responses=schemas.errors(404),
)
async def estimates(request: Request, event_id: str) -> FastJSON:
    policy, derived = request.app.state.policy, request.app.state.derived
    stored: Any = derived.stored_estimates(event_id)  # one read when the ledger has them
    if stored is None:
        found = derived.estimates(find_event(request.app.state.ledger, event_id))
        stored = [e.to_dict() for e in found]
    return FastJSON({"event": event_id, "policy": policy.name, "estimates": stored})


@router.get(
    "/events/{event_id}/history",
    summary="When each figure appeared, changed and disappeared across the page's revisions",
    tags=["events"],
    responses=schemas.errors(404),
)
def history(request: Request, event_id: str) -> schemas.EventHistoryOut:
    ledger, _ = state(request)
    find_event(ledger, event_id)
    return schemas.EventHistoryOut(**event_history(ledger, event_id).to_dict())


@router.get(
    "/claims/{claim_id:path}",
    summary="One claim (ids look like EVENT/HASH)",
    tags=["claims"],
    responses=schemas.errors(404),
)
def claim(request: Request, claim_id: str) -> schemas.ClaimDetail:
    c = t.claims.c
    with request.app.state.ledger.read() as conn:
        row = conn.execute(
            select(c.body, c.document).where(c.id == claim_id, c.current.is_(True)).limit(1)
        ).first()
    if row is None:
        raise NotFound(f"no current claim {claim_id!r} (see /api/events/EVENT/claims)")
    return schemas.ClaimDetail(claim=Claim.from_dict(row.body).to_dict(), document=row.document)


@router.get("/sources", summary="Every claimant, most claims first", tags=["sources"])
def sources(
    request: Request,
    limit: Limit = 50,
    page: Annotated[int, Query(ge=1, le=100_000, description="1-based page")] = 1,
) -> schemas.SourceList:
    """Per claimant: claims, events, and the median ratio of its figures about its adversaries'
    losses to the reconciled best."""
    every = profiles(request.app)
    chunk = every[(page - 1) * limit : page * limit]
    return schemas.SourceList(
        total=len(every), limit=limit, page=page, sources=[p.to_dict() for p in chunk]
    )


@router.get(
    "/sources/{name}",
    summary="One claimant's profile and its claims across events",
    tags=["sources"],
    responses=schemas.errors(400, 404),
)
def source(
    request: Request, name: str, limit: Limit = 50, cursor: Cursor = None
) -> schemas.SourceDetail:
    profile = next((p for p in profiles(request.app) if p.claimant == name), None)
    if profile is None:
        raise NotFound(f"no claimant {name!r} in the ledger (see /api/sources)")
    c = t.claims.c
    q = select(c.pk, c.body).where(c.claimant == name, c.current.is_(True))
    if cursor:
        _, after = decode_cursor(cursor)
        q = q.where(c.pk > after)
    with request.app.state.ledger.read() as conn:
        rows = conn.execute(q.order_by(c.pk).limit(limit + 1)).all()
    more, rows = len(rows) > limit, rows[:limit]
    body: list[dict[str, Any]] = [Claim.from_dict(r.body).to_dict() for r in rows]
    return schemas.SourceDetail(
        source=profile.to_dict(),
        total=profile.claims,
        limit=limit,
        next_cursor=encode_cursor("", rows[-1].pk) if more and rows else None,
        claims=body,
    )


MEDIA = {
    "json": "application/json",
    "ucdp-csv": "text/csv; charset=utf-8",
    "acled-csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
}
SUFFIX = {"json": "json", "ucdp-csv": "csv", "acled-csv": "csv", "geojson": "geojson"}


@router.get(
    "/export",
    summary="The ledger (filtered) in a field format, streamed",
    tags=["export"],
    response_class=StreamingResponse,
    responses={
        200: {"content": {m: {} for m in MEDIA.values()}, "description": "the export"},
        **schemas.errors(400),
    },
)
def export_ledger(
    request: Request,
    format: Annotated[Literal["json", "ucdp-csv", "acled-csv", "geojson", "parquet"], Query()],
    country: Annotated[str | None, Query(description="country name, exact, any case")] = None,
    date_from: Annotated[str | None, Query(alias="from", pattern=ISO_DATE)] = None,
    date_to: Annotated[str | None, Query(alias="to", pattern=ISO_DATE)] = None,
    actor: Annotated[str | None, Query()] = None,
    war: Annotated[str | None, Query()] = None,
) -> StreamingResponse:
    """What ``fogofwar export --format F`` writes, with the same filters."""
    from fogofwar.export import export

    ledger, policy = state(request)
    flt = EventFilter(country=country, date_from=date_from, date_to=date_to, actor=actor, war=war)
    spool = tempfile.NamedTemporaryFile(prefix="fogofwar-export-", delete=False)  # noqa: SIM115
    spool.close()
    try:
        export(ledger, format, spool.name, flt, policy)
    except BaseException:
        os.unlink(spool.name)
        raise

    def chunks() -> Iterator[bytes]:
        try:
            with open(spool.name, "rb") as f:
                while block := f.read(64 * 1024):
                    yield block
        finally:
            os.unlink(spool.name)

    name = f"fogofwar.{SUFFIX.get(format, format)}"
    return StreamingResponse(
        chunks(),
        media_type=MEDIA[format],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
