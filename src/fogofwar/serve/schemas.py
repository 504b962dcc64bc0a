"""Response shapes of the JSON API, for the OpenAPI schema (bodies of events, claims and
estimates are the extraction format's, documented in ``fogofwar/data/extraction.schema.json``)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    code: str = Field(description="catalogue code, E6xx for the server (fogofwar.errors)")
    message: str = Field(description="one line saying what was wrong")


class ErrorBody(BaseModel):
    """The one error shape of every error answer."""

    error: ErrorDetail


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` entry documenting error statuses with the one error shape."""
    return {s: {"model": ErrorBody, "description": _WHAT[s]} for s in statuses}


_WHAT = {
    400: "bad request (a body that is not an article, a cursor not from this server)",
    401: "a token is needed (read token or write token)",
    403: "the server is read-only (started without --token)",
    404: "no such event, claim or source",
    413: "request body above the server's limit",
    422: "invalid parameters, or an article with nothing to extract",
}


class Counts(BaseModel):
    documents: int
    events: int
    claims: int
    current_claims: int


class Index(BaseModel):
    ledger: Counts
    writable: bool
    read_token_required: bool


class EventList(BaseModel):
    total: int = Field(description="events matching the filters, over all pages")
    limit: int
    next_cursor: str | None = Field(description="pass as ?cursor= for the next page; null: last")
    events: list[dict[str, Any]]


class DocumentRef(BaseModel):
    id: str
    title: str
    origin: str
    revision_no: int


class EventDetail(BaseModel):
    event: dict[str, Any] = Field(
        description="the event: date, place, sides with actors and "
        "commanders, result, related events"
    )
    document: DocumentRef
    claims: int = Field(description="current claims about the event")


class ClaimList(BaseModel):
    event: str
    total: int
    claims: list[dict[str, Any]] = Field(description="claims with their evidence")


class EstimateList(BaseModel):
    event: str
    policy: str
    estimates: list[dict[str, Any]] = Field(description="low/best/high with reason and basis")


class EventHistoryOut(BaseModel):
    event: str
    revisions: list[dict[str, Any]] = Field(description="revision id, timestamp, editor")
    figures: list[dict[str, Any]] = Field(
        description="each figure's steps: appeared, changed, removed, reappeared"
    )


class ClaimDetail(BaseModel):
    claim: dict[str, Any]
    document: str


class SourceList(BaseModel):
    total: int
    limit: int
    page: int
    sources: list[dict[str, Any]]


class SourceDetail(BaseModel):
    source: dict[str, Any] = Field(description="the claimant's profile (claims, events, ratio)")
    total: int
    limit: int
    next_cursor: str | None
    claims: list[dict[str, Any]]


class Ingested(BaseModel):
    document: str
    title: str
    status: str = Field(description="added, revision or unchanged")
    revision_no: int
    event: str = Field(description="the id of the event the article is about")
    events: list[str]
    claims: int
