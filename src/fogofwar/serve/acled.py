"""ACLED-compatible reading: ``GET /api/acled/read`` (and the older ``/acled/read``) with ACLED's
parameters and envelope, and ``POST /oauth/token`` (the password grant ACLED's clients use).

Rows are ``fogofwar.export.acled_csv.row``: the same mapping as the ACLED CSV export."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from pydantic import BaseModel

from fogofwar.errors import InvalidParameters, Unauthorized
from fogofwar.export import acled_csv, api_rows
from fogofwar.export.common import Bundle
from fogofwar.ledger import EventFilter
from fogofwar.serve import schemas
from fogofwar.serve.auth import TOKEN_LIFETIME, require_read, same
from fogofwar.serve.cache import Derived
from fogofwar.serve.query import Hit, rows_page
from fogofwar.serve.responses import Encoded, FastJSON, decoded

router = APIRouter(tags=["ACLED-compatible"], responses=schemas.errors(401, 422))

DAY = r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
EVENT_DATE = f"^{DAY}(\\|{DAY})?$"
DATE_OPERATOR = "^(=|>|<|>=|<=|BETWEEN|between)$"
_FIELD = "(" + "|".join(acled_csv.COLUMNS) + ")"
FIELD_LIST = f"^{_FIELD}(\\|{_FIELD})*$"


class AcledPage(BaseModel):
    status: int = 200
    success: bool = True
    count: int
    total_count: int | None = None
    data: list[dict[str, Any]]


class OAuthToken(BaseModel):
    token_type: str = "Bearer"
    expires_in: int
    access_token: str
    refresh_token: str


def date_range(event_date: str | None, where: str | None) -> tuple[str | None, str | None]:
    """ACLED's ``event_date`` with ``event_date_where``: ``FROM|TO`` is a range (BETWEEN), one
    day is compared with =, >, >=, < or <= (BETWEEN with one day: that day)."""
    if not event_date:
        return None, None
    low, _, high = event_date.partition("|")
    if high:
        return low, high
    op = (where or "=").upper()
    bounds = {"=": (low, low), "BETWEEN": (low, low), ">": (low, None), ">=": (low, None),
              "<": (None, low), "<=": (None, low)}  # fmt: skip
    return bounds[op]


def acled_row(b: Bundle, hit: Hit) -> dict[str, Any]:
    """The export's ACLED row with JSON types (``export.api_rows.acled_json``), ``timestamp``
    when the hit's document was stored."""
    return api_rows.acled_json(b, hit.ingested_at)


def _fields(text: str | None) -> list[str] | None:
    if not text:
        return None
    names = [f.strip() for f in text.split("|") if f.strip()]
    unknown = [f for f in names if f not in acled_csv.COLUMNS]
    if unknown:
        raise InvalidParameters(f"unknown ACLED field(s) {', '.join(unknown)}")
    return names


@router.get(
    "/api/acled/read",
    summary="Events as ACLED rows",
    dependencies=[Depends(require_read)],
    response_model=AcledPage,
    responses=schemas.errors(400),
)
@router.get("/acled/read", include_in_schema=False, dependencies=[Depends(require_read)])
async def read(
    request: Request,
    country: Annotated[str | None, Query(description="country name; A:OR:country=B")] = None,
    event_date: Annotated[
        str | None, Query(pattern=EVENT_DATE, description="YYYY-MM-DD, or FROM|TO")
    ] = None,
    event_date_where: Annotated[
        str | None, Query(pattern=DATE_OPERATOR, description="=, >, <, >=, <= or BETWEEN")
    ] = None,
    fields: Annotated[
        str | None, Query(pattern=FIELD_LIST, description="pipe-separated field names")
    ] = None,
    limit: Annotated[int, Query(ge=0, le=5000, description="rows (0: ACLED's 5000)")] = 5000,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    format_: Annotated[str, Query(alias="_format", pattern="^json$")] = "json",
    with_total: Annotated[bool, Query()] = False,
    key: Annotated[str | None, Query(description="legacy, ignored")] = None,
    email: Annotated[str | None, Query(description="legacy, ignored")] = None,
) -> FastJSON:
    """ACLED's ``/acled/read``: ``{"status": 200, "success": true, "count": N, "data": [...]}``."""
    size = limit or 5000
    names = _fields(fields)
    countries = tuple(c.strip() for c in (country or "").split(":OR:country=") if c.strip())
    low, high = date_range(event_date, event_date_where)
    flt = EventFilter(date_from=low, date_to=high, countries=countries)
    derived: Derived = request.app.state.derived

    def make(hits: list[Hit]) -> list[Encoded]:
        return derived.encoded_rows("acled", hits, acled_row)

    found = rows_page(
        request.app.state.ledger, derived, "acled", flt, size, make, offset=(page - 1) * size
    )
    data: list[Any] = found.rows
    if names:
        data = [{k: r[k] for k in names} for r in map(decoded, found.rows)]
    body: dict[str, Any] = {"status": 200, "success": True, "count": len(data), "data": data}
    if with_total:
        body["total_count"] = found.total
    return FastJSON(body)  # rows are built typed: no second validation of every field


@router.post("/oauth/token", summary="OAuth password grant (ACLED's clients)")
def token(
    request: Request,
    grant_type: Annotated[str, Form(pattern="^(password|refresh_token)$")],
    client_id: Annotated[str | None, Form()] = None,
    username: Annotated[str | None, Form()] = None,
    password: Annotated[str | None, Form()] = None,
    refresh_token: Annotated[str | None, Form()] = None,
) -> OAuthToken:
    """A bearer token for reads. With ``--read-token R`` the password must be R (any username);
    without one any credentials get a token (reads are public)."""
    read_token = request.app.state.settings.read_token
    issued = request.app.state.issued
    if grant_type == "refresh_token":
        if not (refresh_token and issued.valid(refresh_token, kind="refresh")):
            raise Unauthorized("unknown or expired refresh token")
    elif read_token is not None and not same(password, read_token):
        raise Unauthorized("wrong password: give the server's read token")
    access, refresh = issued.issue()
    return OAuthToken(expires_in=TOKEN_LIFETIME, access_token=access, refresh_token=refresh)
