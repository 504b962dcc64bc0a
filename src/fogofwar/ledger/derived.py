"""Each event's estimates, stored beside its claims: what ``reconcile`` gives for the event's
current claims under the default policy, the claimants' names and the exports' one fatality
figure. They are written in the transaction that changes the event's claims (an ingest), for
every event a ledger already holds by migration 6, and read by the server instead of
reconciling on every request.

A row is only used with the policy it was made with: ``policy`` holds a digest of the policy
and of this fogofwar's version, and a reader with another policy (or a ledger derived by an
older fogofwar) reconciles instead. Opening the ledger for writing re-derives such stale rows.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Text, cast, delete, select, text

from fogofwar import __version__
from fogofwar.ledger import schema as t
from fogofwar.model import Claim, Estimate, Event
from fogofwar.reconcile import Policy, load_policy, reconcile

CHUNK = 200  # events reconciled per read: a few thousand claims in memory


@dataclass(frozen=True)
class Derived:
    """What one event's current claims reconcile to (see the module docstring)."""

    event: str
    claims: int
    claimants: tuple[str, ...]
    estimates: tuple[Estimate, ...]
    fatalities: tuple[int | None, int | None, int | None]  # low, best, high


def _plain(value: Any) -> Any:
    if isinstance(value, frozenset | set):
        return sorted(map(str, value))
    if isinstance(value, re.Pattern):
        return [value.pattern, int(value.flags)]
    raise TypeError(type(value).__name__)


_DIGESTS: dict[int, tuple[Policy, str]] = {}  # id(policy) -> (policy, digest): policies are
# frozen, and a server asks for its policy's digest on every request


def policy_digest(policy: Policy) -> str:
    """A key of everything an estimate depends on besides the claims: the policy's contents and
    this fogofwar's version (its rules)."""
    known = _DIGESTS.get(id(policy))
    if known is not None and known[0] is policy:
        return known[1]
    body = json.dumps(
        [__version__, dataclasses.asdict(policy)], sort_keys=True, default=_plain
    ).encode()
    digest = hashlib.sha256(body).hexdigest()
    if len(_DIGESTS) > 64:
        _DIGESTS.clear()
    _DIGESTS[id(policy)] = (policy, digest)
    return digest


def estimate_from_dict(d: dict[str, Any]) -> Estimate:
    return Estimate(**{**d, "basis": tuple(d["basis"])})


def derive(event: Event, claims: Sequence[Claim], policy: Policy) -> Derived:
    """The event's estimates, claimants and fatality figure, as the exports compute them."""
    from fogofwar.export.common import Bundle  # the exports' rules (export depends on ledger)

    found = Bundle(event, tuple(claims), tuple(reconcile(claims, policy, events=[event])))
    f = found.fatalities()
    return Derived(
        event.id, len(claims), tuple(found.claimants()), found.estimates, (f.low, f.best, f.high)
    )


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _current(conn: Connection, ids: Sequence[str]) -> list[tuple[Event, list[Claim]]]:
    """Each id's first current event (by row, as ``iter_estimates`` takes it) and the current
    claims with that id in document order (as ``event_claims`` reads them)."""
    e, c = t.events.c, t.claims.c
    first: dict[str, Event] = {}
    rows = conn.execute(select(e.id, e.body).where(e.id.in_(ids), e.current).order_by(e.id, e.pk))
    for event_id, body in rows:
        first.setdefault(event_id, Event.from_dict(body))
    claims: dict[str, list[Claim]] = {i: [] for i in first}
    rows = conn.execute(
        select(c.event, c.body).where(c.event.in_(ids), c.current).order_by(c.document, c.seq)
    )
    for event_id, body in rows:
        if event_id in claims:
            claims[event_id].append(Claim.from_dict(body))
    return [(ev, claims[i]) for i, ev in first.items()]


def _lock(conn: Connection, ids: Sequence[str]) -> None:
    """On PostgreSQL, hold each event id until the transaction ends (in one order, so writers
    never deadlock): two documents of one event id ingested at once derive it one after the
    other, the second seeing the first's claims. SQLite writers are serialised already."""
    if conn.dialect.name != "postgresql":
        return
    for event_id in ids:
        key = hashlib.sha256(f"event:{event_id}".encode()).digest()[:8]
        lock = text("SELECT pg_advisory_xact_lock(:k)")
        conn.execute(lock, {"k": int.from_bytes(key, "big", signed=True)})


def refresh(
    conn: Connection,
    event_ids: Iterable[str],
    policy: Policy | None = None,
    *,
    lock: bool = True,
    answers: bool = True,
) -> int:
    """Re-derive these events from their current claims in the caller's transaction (an id
    with no current event loses its row); returns the rows written. ``lock=False`` under the
    migration lock (a backfill would hold one advisory lock per event). ``answers``: also
    rewrite the events' stored answers (``ledger.served``) and add one to the change stamp,
    last (migrations before 8, which made them, say False)."""
    from fogofwar.ledger import served

    pol = policy or load_policy()
    digest, written = policy_digest(pol), 0
    for chunk in _chunks(sorted(set(event_ids))):
        if lock:
            _lock(conn, chunk)
        rows = [_row(derive(ev, claims, pol), digest) for ev, claims in _current(conn, chunk)]
        conn.execute(delete(t.event_estimates).where(t.event_estimates.c.event.in_(chunk)))
        if rows:
            conn.execute(t.event_estimates.insert(), rows)
        if answers:
            served.write(conn, chunk)
        written += len(rows)
    if answers:
        served.bump(conn)
    return written


def side_level(estimates: Iterable[Estimate]) -> tuple[Estimate, ...]:
    """The estimates of whole sides (and civilians, and an unknown side), without their basis
    and reason: what ``Summary.sides`` keeps."""
    return tuple(dataclasses.replace(e, basis=(), reason="") for e in estimates if e.actor is None)


def _row(d: Derived, digest: str) -> dict[str, Any]:
    low, best, high = d.fatalities
    return {
        "event": d.event,
        "policy": digest,
        "claims": d.claims,
        "fatalities_low": low,
        "fatalities_best": best,
        "fatalities_high": high,
        "claimants": list(d.claimants),
        "sides": [
            [e.kind, e.side, e.civilian, e.low, e.best, e.high] for e in side_level(d.estimates)
        ],
        "estimates": [e.to_dict() for e in d.estimates],
    }


def backfill(conn: Connection) -> int:
    """Derive every current event of the ledger (migration 6), a chunk at a time."""
    e, last, written = t.events.c, "", 0
    while True:
        ids = list(
            conn.execute(
                select(e.id).where(e.current, e.id > last).distinct().order_by(e.id).limit(CHUNK)
            ).scalars()
        )
        if not ids:
            return written
        written += refresh(conn, ids, lock=False, answers=False)  # before migration 8
        last = ids[-1]


def refresh_stale(conn: Connection, *, answers: bool = True) -> int:
    """Re-derive the rows made with another default policy or fogofwar version (``answers``:
    as ``refresh``)."""
    digest, s, written = policy_digest(load_policy()), t.event_estimates.c, 0
    while True:
        ids = list(conn.execute(select(s.event).where(s.policy != digest).limit(CHUNK)).scalars())
        if not ids:
            return written
        written += refresh(conn, ids, lock=False, answers=answers)


def stored(conn: Connection, event_ids: Iterable[str], policy: Policy) -> dict[str, Derived]:
    """The stored rows of these events made with ``policy`` (others are left out: reconcile)."""
    s, digest, out = t.event_estimates.c, policy_digest(policy), {}
    for chunk in _chunks(sorted(set(event_ids))):
        rows = conn.execute(select(t.event_estimates).where(s.event.in_(chunk), s.policy == digest))
        for r in rows:
            out[r.event] = Derived(
                r.event,
                r.claims,
                tuple(r.claimants),
                tuple(estimate_from_dict(x) for x in r.estimates),
                (r.fatalities_low, r.fatalities_best, r.fatalities_high),
            )
    return out


_new = object.__new__


def side_estimate(
    event: str, kind: str, side: int | None, civilian: bool, low: Any, best: Any, high: Any
) -> Estimate:
    """``Estimate(event, side, None, civilian, kind, low, best, high, (), "")``, built without
    the frozen dataclass's ``__init__`` (a guarded ``__setattr__`` per field): the server
    builds some twenty of these per event it lists as ACLED or GED rows."""
    e = _new(Estimate)
    e.__dict__.update(
        event=event, side=side, actor=None, civilian=civilian, kind=kind,
        low=low, best=best, high=high, basis=(), reason="",
    )  # fmt: skip
    return e


@dataclass(frozen=True)
class Summary:
    """An event's stored row without the full estimates: the side-level ones (``side_level``),
    the claimants and the fatality figure, which is all a row of the field's formats needs."""

    event: str
    claims: int
    claimants: tuple[str, ...]
    sides: tuple[Estimate, ...]
    fatalities: tuple[int | None, int | None, int | None]


def summaries(conn: Connection, event_ids: Iterable[str], policy: Policy) -> dict[str, Summary]:
    """The stored summaries of these events made with ``policy`` (others are left out)."""
    s, digest, out = t.event_estimates.c, policy_digest(policy), {}
    cols = (s.event, s.claims, s.claimants, s.sides, s.fatalities_low, s.fatalities_best)
    for chunk in _chunks(sorted(set(event_ids))):
        rows = conn.execute(
            select(*cols, s.fatalities_high).where(s.event.in_(chunk), s.policy == digest)
        )
        for r in rows:
            sides = tuple(side_estimate(r.event, *side) for side in r.sides)
            out[r.event] = Summary(
                r.event,
                r.claims,
                tuple(r.claimants),
                sides,
                (r.fatalities_low, r.fatalities_best, r.fatalities_high),
            )
    return out


def stored_estimate_dicts(
    conn: Connection, event_id: str, policy: Policy
) -> list[dict[str, Any]] | None:
    """The stored estimates of one event as ``Estimate.to_dict()`` gives them, as stored (no
    objects built), or None when none were stored with ``policy``."""
    s = t.event_estimates.c
    q = select(s.estimates).where(s.event == event_id, s.policy == policy_digest(policy))
    found = conn.execute(q).scalar()
    return None if found is None else list(found)


def stored_estimates_json(conn: Connection, event_id: str, policy: Policy) -> str | None:
    """The stored estimates of one event as the JSON text stored (a list of
    ``Estimate.to_dict()``), or None when none were stored with ``policy``."""
    s = t.event_estimates.c
    q = select(cast(s.estimates, Text)).where(
        s.event == event_id, s.policy == policy_digest(policy)
    )
    found = conn.execute(q).scalar()
    return None if found is None else str(found)


def rows_alone(
    events: Sequence[Event], claims: Sequence[Claim], policy: Policy | None = None
) -> list[dict[str, Any]]:
    """The rows ``refresh`` would write for these events if these claims (one document's, in
    its order) were their only current ones: made where the document is extracted (a dump
    worker), so that the one writer only inserts them (``ingest_document(estimates=...)``).
    Events and claims go through JSON first, as ``refresh`` reads them back from the ledger."""
    pol = policy or load_policy()
    digest = policy_digest(pol)
    first: dict[str, Event] = {}
    for ev in events:
        first.setdefault(ev.id, Event.from_dict(json.loads(json.dumps(ev.to_dict()))))
    found: dict[str, list[Claim]] = {i: [] for i in first}
    for claim in claims:
        if claim.event in found:
            found[claim.event].append(Claim.from_dict(json.loads(json.dumps(claim.to_dict()))))
    return [_row(derive(first[i], found[i], pol), digest) for i in sorted(first)]


def lock_events(conn: Connection, ids: Sequence[str]) -> None:
    """Hold these events until the transaction ends, as ``refresh`` does (PostgreSQL only)."""
    _lock(conn, sorted(set(ids)))
