"""The web page: server-rendered HTML over the ledger (events, an event, a source, a war).

Thin: each page asks the library (``fogofwar.ledger``, ``fogofwar.reconcile``) for its data, hands
it to ``fogofwar.serve.pages`` to shape and to a Jinja2 template (autoescaped) to render. The
app provides ``app.state.ledger`` (a ``Ledger``) and ``app.state.policy`` (a ``Policy``). Assets
(CSS, a little JavaScript, the world outline) ship in the package and are served under
``/assets/``: no CDN, works offline.
"""

from __future__ import annotations

import base64
import binascii
import hmac
from importlib import resources
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader

from fogofwar.errors import FilterError
from fogofwar.ledger import (
    EventFilter,
    Ledger,
    event_claims,
    extract,
    fingerprint,
    list_events,
    revision_changes,
)
from fogofwar.ledger.history import event_history
from fogofwar.ledger.query import claimant_claims
from fogofwar.model import Claim, Extraction
from fogofwar.reconcile import Policy, reconcile
from fogofwar.serve import pages
from fogofwar.serve.query import search

router = APIRouter(include_in_schema=False)

ASSET_TYPES = {".css": "text/css", ".js": "text/javascript", ".json": "application/json"}
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
PER_PAGE = 50

_env = Environment(
    loader=PackageLoader("fogofwar.serve", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["value"] = pages.format_value
_env.globals["alignments"] = pages.ALIGNMENTS


def _render(
    name: str, status: int = 200, headers: dict[str, str] | None = None, **context: Any
) -> HTMLResponse:
    html = _env.get_template(name).render(**context)
    return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS | (headers or {}))


def _given_token(request: Request) -> str | None:
    """The password of HTTP Basic credentials (what a browser asks for), or a bearer token."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer":
        return value.strip() or None
    if scheme.lower() == "basic":
        try:
            return base64.b64decode(value.strip(), validate=True).decode().partition(":")[2]
        except (binascii.Error, UnicodeDecodeError):
            return None
    return None


def _locked(request: Request) -> HTMLResponse | None:
    """With a read token set, pages need it (the browser asks: any user name, the token as the
    password); None when the request may read."""
    settings = getattr(request.app.state, "settings", None)
    wanted = getattr(settings, "read_token", None)
    if wanted is None:
        return None
    given = _given_token(request)
    if given is not None and hmac.compare_digest(given.encode(), str(wanted).encode()):
        return None
    return _render(
        "error.html",
        401,
        {"WWW-Authenticate": 'Basic realm="fogofwar", charset="UTF-8"'},
        title="Read token needed",
        message="This server needs its read token: give it as the password (any user name).",
    )


def _not_found(what: str) -> HTMLResponse:
    return _render("error.html", 404, title="Not found", message=what)


def _state(request: Request) -> tuple[Ledger, Policy]:
    return request.app.state.ledger, request.app.state.policy


@router.get("/", response_class=HTMLResponse)
def events_page(
    request: Request,
    country: str = "",
    date_from: str = Query("", alias="from"),
    date_to: str = Query("", alias="to"),
    actor: str = "",
    war: str = "",
    kind: str = "",
    q: str = "",
    page: int = Query(1, ge=1),
) -> HTMLResponse:
    """Events matching the filters (all of them), by date, a page at a time (the API's search:
    SQL filters and offset paging)."""
    if locked := _locked(request):
        return locked
    ledger, policy = _state(request)
    form = {"country": country, "from": date_from, "to": date_to, "actor": actor, "war": war}
    form |= {"kind": kind, "q": q}
    problem = pages.bad_dates(date_from, date_to)
    if problem:
        return _render("events.html", 400, title="Events", form=form, error=problem, listing=None)
    try:
        wanted = EventFilter(
            country=country.strip() or None,
            date_from=date_from.strip() or None,
            date_to=date_to.strip() or None,
            actor=actor.strip() or None,
            war=war.strip() or None,
            kind=kind.strip() or None,
            text=q.strip() or None,
        )
    except FilterError as exc:
        error = exc.message
        return _render("events.html", 400, title="Events", form=form, error=error, listing=None)
    found = search(ledger, wanted, PER_PAGE, offset=(page - 1) * PER_PAGE)
    listing = pages.Listing.of([h.event for h in found.hits], found.total, page, PER_PAGE, form)
    claims = event_claims(ledger, [e.id for e in listing.events])
    estimates = reconcile((c for cs in claims.values() for c in cs), policy, events=listing.events)
    return _render(
        "events.html",
        title="Events",
        form=form,
        error=None,
        listing=listing,
        counts={i: len(cs) for i, cs in claims.items()},
        killed=pages.killed_best(estimates),
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    """One event: who fought, the estimates and why, the claim spread, claims and evidence."""
    if locked := _locked(request):
        return locked
    ledger, policy = _state(request)
    found = extract(ledger, EventFilter(ids=(event_id,)), include_text=True)
    if not found.events:
        return _not_found(f"No event {event_id!r} in this ledger.")
    view = pages.event_view(found, policy, withdrawn_by_revisions(ledger, event_id, found))
    history = event_history(ledger, event_id)
    changed = history.changed() if len(history.revisions) > 1 else []
    return _render("event.html", title=view.event.title, v=view, history=history, changed=changed)


def withdrawn_by_revisions(
    ledger: Ledger, event_id: str, found: Extraction
) -> list[tuple[Claim, int]]:
    """Claims later revisions of the event's document withdrew (and that no current claim
    restates), each with the revision number that withdrew it."""
    seen = {fingerprint(c) for c in found.claims}
    out = []
    for change in revision_changes(ledger, event_id):
        for c in change.withdrawn:
            if (key := fingerprint(c)) not in seen:
                seen.add(key)
                out.append((c, change.revision_no))
    return out


@router.get("/sources/{name:path}", response_class=HTMLResponse)
def source_page(request: Request, name: str) -> HTMLResponse:
    """One claimant: its claims across events and its figures against the reconciled best."""
    if locked := _locked(request):
        return locked
    ledger, policy = _state(request)
    mine = claimant_claims(ledger, name)
    if not mine:
        return _not_found(f"No claims by {name!r} in this ledger.")
    ids = tuple(dict.fromkeys(c.event for c in mine))
    events = list_events(ledger, EventFilter(ids=ids))
    by_event = event_claims(ledger, ids)
    estimates = reconcile((c for cs in by_event.values() for c in cs), policy, events=events)
    view = pages.source_view(name, mine, events, estimates, policy)
    return _render("source.html", title=name, v=view)


@router.get("/wars/{name:path}", response_class=HTMLResponse)
def war_page(request: Request, name: str) -> HTMLResponse:
    """The events of one war (``part_of``): a timeline, a map, a table."""
    if locked := _locked(request):
        return locked
    ledger, _policy = _state(request)
    events = [
        e
        for e in list_events(ledger, EventFilter(war=name))
        if (e.part_of or "").casefold() == name.casefold()
    ]
    if not events:
        return _not_found(f"No events are part of {name!r} in this ledger.")
    return _render("war.html", title=events[0].part_of or name, v=pages.war_view(events))


@router.get("/assets/{name}")
def asset(name: str) -> Response:
    """A file shipped in ``fogofwar/serve/static`` (CSS, JavaScript, the world outline)."""
    suffix = name[name.rfind(".") :] if "." in name else ""
    media = ASSET_TYPES.get(suffix)
    item = resources.files("fogofwar.serve").joinpath("static", name)
    if media is None or "/" in name or name.startswith(".") or not item.is_file():
        return _not_found(f"No asset {name!r}.")
    return Response(
        item.read_bytes(),
        media_type=media,
        headers={"Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff"},
    )
