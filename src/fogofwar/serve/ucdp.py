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
from fogofwar.export import ucdp_csv
from fogofwar.export.common import Bundle
from fogofwar.ledger import EventFilter
from fogofwar.serve import schemas
from fogofwar.serve.auth import require_read
from fogofwar.serve.query import Hit, search
from fogofwar.serve.responses import FastJSON

router = APIRouter(
    tags=["UCDP-compatible"],
    dependencies=[Depends(require_read)],
    responses=schemas.errors(401, 422),
)

INTEGER = frozenset(
    ("year", "type_of_violence", "conflict_new_id", "dyad_new_id", "side_a_new_id",
     "side_b_new_id", "number_of_sources", "where_prec", "priogrid_gid", "country_id",
     "event_clarity", "date_prec", "deaths_a", "deaths_b", "deaths_civilians",
     "deaths_unknown", "best", "high", "low")
)  # fmt: skip
FLOAT = frozenset(("latitude", "longitude"))
NULLABLE_TEXT = frozenset(("gwnoa", "gwnob", "conflict_dset_id", "dyad_dset_id",
                           "side_a_dset_id", "side_b_dset_id"))  # fmt: skip
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
    """The export's GED row with GED's JSON types: ``id`` the ledger's integer row id,
    ``relid`` the event id, numbers as numbers, unknowns null, dates as ``YYYY-MM-DDT00:00:00``."""
    row: dict[str, Any] = {k: "" for k in ucdp_csv.COLUMNS} | ucdp_csv.row(b)
    for k in ucdp_csv.COLUMNS:
        v = row[k]
        if k in INTEGER or k in FLOAT:
            row[k] = None if v in ("", None) else (float if k in FLOAT else int)(str(v))
        elif k in NULLABLE_TEXT and v in ("", None):
            row[k] = None
        elif k in ("date_start", "date_end") and v:
            row[k] = f"{v}T00:00:00"
    row["id"], row["relid"] = hit.pk, b.event.id
    row["active_year"] = None
    return row


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
    known = request.app.state.derived.hits
    found = search(request.app.state.ledger, flt, pagesize, offset=page * pagesize, known=known)
    pages = math.ceil(found.total / pagesize)
    return FastJSON(  # rows are built typed: no second validation of every field
        {
            "TotalCount": found.total,
            "TotalPages": pages,
            "PreviousPageUrl": _page_url(request, page - 1) if page > 0 else "",
            "NextPageUrl": _page_url(request, page + 1) if page + 1 < pages else "",
            "Result": request.app.state.derived.encoded_rows("ged", found.hits, ged_row),
        }
    )
