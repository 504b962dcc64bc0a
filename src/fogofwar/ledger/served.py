"""What the server answers, stored (migration 8): for each current event row its events-list
body (``Event.to_dict()``), its ACLED row and its GED row as JSON text (``export.api_rows``),
made from the event's stored estimates (``ledger.derived``) in the transaction that writes
those. A page of the API's lists is then one indexed read of stored bytes
(``ledger.search.stored_page``).

And the ledger's change stamp (``stamp``): a counter that every write changing what is served
adds one to (an ingest, a re-derivation, a migration), so that a server keeps what it computed
(totals, counts) while it is unchanged, whichever process wrote."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import orjson
from sqlalchemy import Connection, bindparam, delete, insert, select, update

from fogofwar.ledger import schema as t
from fogofwar.model import Event

CHUNK = 200  # event ids per statement
Kind = Literal["listing", "acled", "ged"]


def to_json(value: Any) -> str:
    """``value`` as compact JSON text (integers beyond 64 bits through the standard library)."""
    try:
        return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()
    except orjson.JSONEncodeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def rows_of(
    pk: int, body: dict[str, Any], ingested_at: str, summary: dict[str, Any]
) -> dict[str, Any]:
    """The stored answers of one event row from its event body, when its document was stored
    and its event's stored estimates row (``event_estimates``: claimants, sides, fatalities)."""
    return finished(answers(body, summary), pk, ingested_at)


def answers(body: dict[str, Any], summary: dict[str, Any]) -> dict[str, Any]:
    """An event's answers before it has a row: its list body as JSON text, its ACLED row
    without ``timestamp`` and its GED row without ``id`` (``finished`` sets them)."""
    from fogofwar.export import api_rows  # the exports' rules (export depends on ledger)
    from fogofwar.ledger.derived import side_estimate

    event = Event.from_dict(body)
    sides = tuple(side_estimate(event.id, *side) for side in summary["sides"])
    figure = (summary["fatalities_low"], summary["fatalities_best"], summary["fatalities_high"])
    bundle = api_rows.summary_bundle(event, sides, tuple(summary["claimants"]), figure)
    return {
        "event": event.id,
        "policy": summary["policy"],
        "listing": to_json(event.to_dict()),
        "acled": api_rows.acled_json(bundle, None),
        "ged": api_rows.ged_json(bundle, None),
    }


def finished(made: dict[str, Any], pk: int, ingested_at: str) -> dict[str, Any]:
    """The ``event_rows`` row of event row ``pk`` from its ``answers``, its document stored at
    ``ingested_at``."""
    from fogofwar.export import api_rows

    return {
        "pk": pk,
        "event": made["event"],
        "policy": made["policy"],
        "listing": made["listing"],
        "acled": to_json(made["acled"] | {"timestamp": api_rows.unix_seconds(ingested_at)}),
        "ged": to_json(made["ged"] | {"id": pk}),
    }


def answers_alone(
    events: Sequence[Event], estimates: Sequence[dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """The ``answers`` of these events from their ``derived.rows_alone`` estimates, made
    where those are (a dump worker), so that the one writer only finishes and inserts them
    (``ingest_document(answers=...)``). Bodies go through JSON, as ``write`` reads them."""
    summaries = {row["event"]: row for row in estimates}
    made: dict[str, dict[str, Any]] = {}
    for ev in events:
        if ev.id in summaries and ev.id not in made:
            body = json.loads(json.dumps(ev.to_dict()))
            made[ev.id] = answers(body, summaries[ev.id])
    return made


def insert_finished(
    conn: Connection, rows: Sequence[dict[str, Any]], *, replace: bool = True
) -> None:
    """Replace the stored answers of these rows' events by these rows (``finished``);
    ``replace=False`` when the events never had rows before (nothing to delete)."""
    ids = sorted({row["event"] for row in rows}) if replace else []
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        conn.execute(_DELETE_ROWS, {"ids": chunk})
    if rows:
        conn.execute(insert(t.event_rows), list(rows))


_DELETE_ROWS = delete(t.event_rows).where(
    t.event_rows.c.event.in_(bindparam("ids", expanding=True))
)


def write(conn: Connection, event_ids: Iterable[str]) -> int:
    """Rewrite the stored answers of every row of these events from their stored estimates,
    in the caller's transaction (rows no longer current, or without estimates, lose theirs);
    returns the rows written."""
    e, d, s, r = t.events.c, t.documents.c, t.event_estimates.c, t.event_rows.c
    ids, written = sorted(set(event_ids)), 0
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        conn.execute(delete(t.event_rows).where(r.event.in_(chunk)))
        found = conn.execute(
            select(e.pk, e.body, d.ingested_at, s.policy, s.claimants, s.sides)
            .add_columns(s.fatalities_low, s.fatalities_best, s.fatalities_high)
            .join(t.documents, d.id == e.document)
            .join(t.event_estimates, s.event == e.id)
            .where(e.id.in_(chunk), e.current)
        ).mappings()
        rows = [rows_of(x["pk"], x["body"], x["ingested_at"], dict(x)) for x in found]
        if rows:
            conn.execute(insert(t.event_rows), rows)
        written += len(rows)
    return written


def backfill(conn: Connection) -> int:
    """Store the answers of every current event row (migration 8), a chunk of ids at a time."""
    e, last, written = t.events.c, "", 0
    while True:
        q = select(e.id).where(e.current, e.id > last).distinct().order_by(e.id).limit(CHUNK)
        ids = list(conn.execute(q).scalars())
        if not ids:
            return written
        written += write(conn, ids)
        last = ids[-1]


def bump(conn: Connection) -> None:
    """Add one to the change stamp, in the caller's transaction: its last statement on
    PostgreSQL, as the row stays locked until the transaction ends."""
    conn.execute(update(t.ledger_state).values(changes=t.ledger_state.c.changes + 1))


def create_stamp(conn: Connection) -> None:
    t.ledger_state.create(conn, checkfirst=True)
    if conn.execute(select(t.ledger_state.c.id)).first() is None:
        conn.execute(insert(t.ledger_state).values(id=1, changes=1))


_STAMP = select(t.ledger_state.c.changes)  # made once: its cache key is memoized


def stamp(conn: Connection) -> int:
    """The change stamp: it grows with every write that changes what is served."""
    return int(conn.execute(_STAMP).scalar() or 0)


def rows_for(conn: Connection, pks: Sequence[int], kind: Kind) -> dict[int, str]:
    """The stored answers of these event rows (tests compare them with what is computed)."""
    r = t.event_rows.c
    return dict(conn.execute(select(r.pk, r[kind]).where(r.pk.in_(list(pks)))).tuples().all())
