"""UCDP-compatible reading: ``GET /api/gedevents/{version}`` with UCDP's paging (0-based
``page``, ``pagesize``), filters (``Country``, ``StartDate``, ``EndDate``, ``Geography``) and
envelope; rows are ``fogofwar.export.ucdp_csv.row`` (the GED CSV export's mapping) with GED's
JSON types."""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from fogofwar.errors import InvalidParameters
from fogofwar.export import api_rows
from fogofwar.export.common import Bundle
from fogofwar.ledger import EventFilter
from fogofwar.serve import schemas
from fogofwar.serve.auth import require_read
from fogofwar.serve.cache import Derived
from fogofwar.serve.query import Hit, rows_page
from fogofwar.serve.responses import Encoded, FastJSON

router = APIRouter(
    tags=["UCDP-compatible"],
    dependencies=[Depends(require_read)],
    responses=schemas.errors(401, 422),
)

DATE_ONLY = r"^\d{4}-\d{2}-\d{2}$"


class GedPage(BaseModel):
    TotalCount: int
    TotalPages: int
    PreviousPageUrl: str = Field(description='absolute URL of the page before; "" on the first')
    NextPageUrl: str = Field(description='absolute URL of the next page; "" on the last')
    Result: list[dict[str, Any]]


def parse_geography(text: str) -> tuple[float, float, float, float]:
    """UCDP's ``Geography=LAT1 LON1,LAT2 LON2`` (two corners) as a (lon, lat, lon, lat) box."""
    try:
        (lat1, lon1), (lat2, lon2) = (
            tuple(float(v) for v in corner.split()) for corner in text.split(",")
        )
    except ValueError:
        raise InvalidParameters(f"Geography {text!r}: give two corners 'LAT LON,LAT LON'") from None
    return (min(lon1, lon2), min(lat1, lat2), max(lon1, lon2), max(lat1, lat2))


def ged_row(b: Bundle, hit: Hit) -> dict[str, Any]:
    """The export's GED row with GED's JSON types (``export.api_rows.ged_json``), ``id`` the
    hit's row."""
    return api_rows.ged_json(b, hit.pk)


def _page_url(request: Request, page: int) -> str:
    """This request's absolute URL with another page number."""
    return str(request.url.include_query_params(page=page))


@router.get(
    "/api/gedevents/{version}",
    summary="Events as UCDP GED rows, paged like UCDP's API",
    response_model=GedPage,
    responses=schemas.errors(400),
)
async def gedevents(
    request: Request,
    version: str,
    pagesize: Annotated[int, Query(ge=1, le=1000, description="rows per page (max 1000)")] = 100,
    page: Annotated[int, Query(ge=0, le=1_000_000, description="0-based page")] = 0,
    country: Annotated[
        str | None, Query(alias="Country", description="country names, comma-separated")
    ] = None,
    start: Annotated[str | None, Query(alias="StartDate", pattern=DATE_ONLY)] = None,
    end: Annotated[str | None, Query(alias="EndDate", pattern=DATE_ONLY)] = None,
    geography: Annotated[
        str | None, Query(alias="Geography", description="'LAT LON,LAT LON' corners")
    ] = None,
) -> FastJSON:
    """``{TotalCount, TotalPages, PreviousPageUrl, NextPageUrl, Result}``; follow
    ``NextPageUrl`` until it is ``""``. ``version`` is accepted for compatibility: the ledger
    has one version, its current state. Country codes (Gleditsch-Ward) are not known to fogofwar:
    give country names."""
    names = tuple(c.strip() for c in (country or "").split(",") if c.strip())
    if any(n.isdigit() for n in names):
        raise InvalidParameters(
            "Country: fogofwar has no Gleditsch-Ward codes; give country names (Country=Mali)"
        )
    flt = EventFilter(
        date_from=start,
        date_to=end,
        countries=names,
        bbox=parse_geography(geography) if geography else None,
    )
    derived: Derived = request.app.state.derived

    def make(hits: list[Hit]) -> list[Encoded]:
        return derived.encoded_rows("ged", hits, ged_row)

    found = rows_page(
        request.app.state.ledger, derived, "ged", flt, pagesize, make, offset=page * pagesize
    )
    pages = math.ceil(found.total / pagesize)
    return FastJSON(  # rows are built typed: no second validation of every field
        {
            "TotalCount": found.total,
            "TotalPages": pages,
            "PreviousPageUrl": _page_url(request, page - 1) if page > 0 else "",
            "NextPageUrl": _page_url(request, page + 1) if page + 1 < pages else "",
            "Result": found.rows,
        }
    )
