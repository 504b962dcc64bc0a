"""ACLED-style CSV: ACLED's columns and its single conservative fatality figure."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from typing import TextIO

from fogofwar.export.common import Bundle, year
from fogofwar.model import Estimate

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


def conservative(e: Estimate) -> int:
    """ACLED's figure: the most conservative credible one (low), else best, else 0."""
    if e.low is not None:
        return e.low
    return e.best or 0


def fatalities(b: Bundle) -> int:
    """Sum over sides and civilians of the side-level killed estimates' conservative figures."""
    return sum(conservative(e) for e in b.estimates if e.kind == "killed" and e.actor is None)


def row(b: Bundle, stamp: int) -> dict[str, object]:
    ev, place = b.event, b.event.place
    a1, a2 = b.actors(1), b.actors(2)
    etype, sub = EVENT_TYPES.get(ev.kind, ("Battles", "Armed clash"))
    prec = place.precision if place and place.precision else None
    d = ev.date
    notes = "; ".join(
        f"{e.kind} side {e.side if not e.civilian else 'civilians'}: "
        f"low {e.low} best {e.best} high {e.high}"
        for e in b.estimates
        if e.actor is None
    )
    return {
        "event_id_cnty": ev.id,
        "event_date": d.start if d and d.start else "",
        "year": year(ev),
        "time_precision": {"day": 1, "week": 2, "month": 3, "year": 3}.get(d.precision or "", "")
        if d
        else "",
        "disorder_type": "Political violence",
        "event_type": etype,
        "sub_event_type": sub,
        "actor1": a1[0] if a1 else "",
        "assoc_actor_1": "; ".join(a1[1:]),
        "actor2": a2[0] if a2 else "",
        "assoc_actor_2": "; ".join(a2[1:]),
        "civilian_targeting": "Civilian targeting" if etype.startswith("Violence") else "",
        "country": (place.country or "") if place else "",
        "admin1": (place.admin1 or "") if place else "",
        "location": place.name if place else "",
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "geo_precision": "" if prec is None else 1 if prec == 1 else 2 if prec == 2 else 3,
        "source": "; ".join(b.claimants()),
        "notes": notes,
        "fatalities": fatalities(b),
        "timestamp": stamp,
    }


def write(bundles: list[Bundle], out: TextIO) -> int:
    """Write one row per event; returns rows."""
    stamp = int(datetime.now(UTC).timestamp())
    w = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
    w.writeheader()
    for b in bundles:
        w.writerow(row(b, stamp))
    return len(bundles)
