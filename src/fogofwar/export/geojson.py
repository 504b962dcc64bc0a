"""GeoJSON (RFC 7946): one Point per event whose coordinates are known."""

from __future__ import annotations

import json
from typing import Any, TextIO

from fogofwar.export.common import Bundle, date_prec, total


def feature(b: Bundle) -> dict[str, Any] | None:
    place = b.event.place
    if place is None or place.lat is None or place.lon is None:
        return None
    killed = [e for e in b.estimates if e.kind == "killed" and e.actor is None]
    ev = b.event
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": {
            "id": ev.id,
            "title": ev.title,
            "kind": ev.kind,
            "place": place.name,
            "country": place.country,
            "where_prec": place.precision,
            "date_start": ev.date.start if ev.date else None,
            "date_end": ev.date.end if ev.date else None,
            "date_prec": date_prec(ev),
            "part_of": ev.part_of,
            "result": ev.result,
            "claims": len(b.claims),
            "killed_low": total(list(killed), "low") if killed else None,
            "killed_best": total(list(killed), "best") if killed else None,
            "killed_high": total(list(killed), "high") if killed else None,
        },
    }


def write(bundles: list[Bundle], out: TextIO) -> int:
    """Write a FeatureCollection; returns the number of features."""
    feats = [f for f in (feature(b) for b in bundles) if f is not None]
    json.dump({"type": "FeatureCollection", "features": feats}, out, ensure_ascii=False)
    out.write("\n")
    return len(feats)
