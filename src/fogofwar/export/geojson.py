"""GeoJSON (RFC 7946): one Feature per event, a Point where its coordinates are known, else a
null geometry (valid GeoJSON: located nowhere, still counted); written event by event."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from fogofwar.export.common import Bundle, date_prec, day_span, iso, where_prec


def estimates(b: Bundle) -> list[dict[str, Any]]:
    """The event's estimates without their basis (claim ids), reason kept."""
    return [
        {k: v for k, v in e.to_dict().items() if k not in ("event", "basis")} for e in b.estimates
    ]


def feature(b: Bundle) -> dict[str, Any]:
    ev, place = b.event, b.event.place
    located = place is not None and place.lat is not None and place.lon is not None
    start, end = day_span(ev)
    f = b.fatalities()
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]}
        if located and place
        else None,
        "properties": {
            "id": ev.id,
            "title": ev.title,
            "kind": ev.kind,
            "place": place.name if place else None,
            "country": place.country if place else None,
            "where_prec": where_prec(place),
            "date_start": iso(start) or None,
            "date_end": iso(end) or None,
            "date_prec": date_prec(ev),
            "part_of": ev.part_of,
            "result": ev.result,
            "claims": len(b.claims),
            "killed_low": f.low,
            "killed_best": f.best,
            "killed_high": f.high,
            "estimates": estimates(b),
        },
    }


def write(bundles: Iterable[Bundle], out: TextIO) -> tuple[int, int]:
    """Write a FeatureCollection one feature at a time; returns (features, without a point)."""
    out.write('{"type": "FeatureCollection", "features": [')
    n = unlocated = 0
    for b in bundles:
        feat = feature(b)
        out.write(("," if n else "") + "\n" + json.dumps(feat, ensure_ascii=False))
        n += 1
        unlocated += feat["geometry"] is None
    out.write("\n]}\n")
    return n, unlocated
