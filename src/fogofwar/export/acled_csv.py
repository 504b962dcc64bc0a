"""ACLED-style CSV: ACLED's columns, one row per event, the event's one fatality estimate."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TextIO

from fogofwar.export import actors
from fogofwar.export.common import (
    Bundle,
    blank,
    day_span,
    geo_precision,
    iso,
    time_precision,
    year,
)

COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

EVENT_TYPES = {
    "massacre": ("Violence against civilians", "Attack"),
    "attack": ("Battles", "Armed clash"),
    "ambush": ("Battles", "Armed clash"),
    "siege": ("Battles", "Armed clash"),
    "offensive": ("Battles", "Armed clash"),
}


def _notes(b: Bundle) -> str:
    """The span of days and every side-level estimate: ACLED keeps disputes in its notes."""
    start, end = day_span(b.event)
    span = f"{iso(start)} to {iso(end) or 'ongoing'}" if start and end != start else ""
    ests = [
        f"{e.kind} {'civilians' if e.civilian else f'side {e.side}'}: "
        f"low {blank(e.low)} best {blank(e.best)} high {blank(e.high)}"
        for e in b.estimates
        if e.actor is None
    ]
    return "; ".join(([f"dates {span}"] if span else []) + ests)


def _actors(b: Bundle) -> dict[str, object]:
    a1, a2 = b.actors(1), b.actors(2)
    inter1, inter2 = actors.side_code(b.event, 1), actors.side_code(b.event, 2)
    return {
        "actor1": a1[0] if a1 else "",
        "assoc_actor_1": "; ".join(a1[1:]),
        "inter1": blank(inter1),
        "actor2": a2[0] if a2 else "",
        "assoc_actor_2": "; ".join(a2[1:]),
        "inter2": blank(inter2),
        "interaction": blank(actors.interaction(inter1, inter2)),
    }


def row(b: Bundle, stamp: int) -> dict[str, object]:
    """The ACLED row of one event: its first day as ``event_date``, the span's precision, the
    event's one fatality estimate (its best) as ``fatalities``; unknown is blank."""
    ev, place = b.event, b.event.place
    etype, sub = EVENT_TYPES.get(ev.kind, ("Battles", "Armed clash"))
    if actors.CIVILIANS in (actors.side_code(ev, 1), actors.side_code(ev, 2)):
        etype, sub = "Violence against civilians", "Attack"
    start, _ = day_span(ev)
    return {
        "event_id_cnty": ev.id,
        "event_date": iso(start),
        "year": blank(year(ev)),
        "time_precision": blank(time_precision(ev)),
        "disorder_type": "Political violence",
        "event_type": etype,
        "sub_event_type": sub,
        **_actors(b),
        "civilian_targeting": "Civilian targeting" if etype.startswith("Violence") else "",
        "country": (place.country or "") if place else "",
        "admin1": (place.admin1 or "") if place else "",
        "location": place.name if place else "",
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "geo_precision": blank(geo_precision(place)),
        "source": "; ".join(b.claimants()),
        "notes": _notes(b),
        "fatalities": blank(b.fatalities().best),
        "timestamp": stamp,
    }


def write(bundles: Iterable[Bundle], out: TextIO) -> int:
    """Write one row per event, every event; returns rows."""
    stamp = int(datetime.now(UTC).timestamp())
    w = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
    w.writeheader()
    n = 0
    for b in bundles:
        w.writerow(row(b, stamp))
        n += 1
    return n
