"""UCDP GED-style CSV: one row per event, GED 23.1 column names, killed estimates as deaths."""

from __future__ import annotations

import csv
from typing import TextIO

from fogofwar.export.common import Bundle, date_prec, total, year

COLUMNS: tuple[str, ...] = (
    "id",
    "relid",
    "year",
    "active_year",
    "code_status",
    "type_of_violence",
    "conflict_dset_id",
    "conflict_new_id",
    "conflict_name",
    "dyad_dset_id",
    "dyad_new_id",
    "dyad_name",
    "side_a_dset_id",
    "side_a_new_id",
    "side_a",
    "side_b_dset_id",
    "side_b_new_id",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "priogrid_gid",
    "country",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "gwnoa",
    "gwnob",
)


def row(b: Bundle) -> dict[str, object]:
    """The GED row of one event; columns fogofwar cannot know stay empty."""
    ev, place = b.event, b.event.place
    side_a, side_b = ", ".join(b.actors(1)), ", ".join(b.actors(2))
    est_a, est_b, est_c = b.killed(1), b.killed(2), b.killed(None, civilian=True)
    unknown = [
        e
        for e in b.estimates
        if e.kind == "killed" and e.actor is None and not e.civilian and e.side not in (1, 2)
    ]
    parts = [est_a, est_b, est_c, *unknown]
    lon_lat = place and place.lat is not None and place.lon is not None
    return {
        "id": ev.id,
        "relid": ev.id,
        "year": year(ev),
        "active_year": "",
        "code_status": "",
        "type_of_violence": "",
        "conflict_name": ev.part_of or "",
        "dyad_name": f"{side_a} - {side_b}" if side_a and side_b else "",
        "side_a": side_a,
        "side_b": side_b,
        "number_of_sources": len(b.claimants()),
        "source_article": ev.title,
        "source_headline": ev.title,
        "source_original": ";".join(b.claimants()),
        "where_prec": place.precision if place and place.precision else "",
        "where_coordinates": place.name if place else "",
        "where_description": place.name if place else "",
        "adm_1": (place.admin1 or "") if place else "",
        "latitude": place.lat if lon_lat and place else "",
        "longitude": place.lon if lon_lat and place else "",
        "geom_wkt": f"POINT ({place.lon} {place.lat})" if lon_lat and place else "",
        "country": (place.country or "") if place else "",
        "event_clarity": 1,
        "date_prec": date_prec(ev) or "",
        "date_start": ev.date.start if ev.date and ev.date.start else "",
        "date_end": (ev.date.end or ev.date.start) if ev.date and ev.date.start else "",
        "deaths_a": est_a.best or 0 if est_a else 0,
        "deaths_b": est_b.best or 0 if est_b else 0,
        "deaths_civilians": est_c.best or 0 if est_c else 0,
        "deaths_unknown": total(list(unknown), "best"),
        "best": total(parts, "best"),
        "low": total(parts, "low"),
        "high": sum((e.high or e.best or 0) for e in parts if e is not None),
    }


def write(bundles: list[Bundle], out: TextIO) -> int:
    """Write one row per event that has a killed estimate (UCDP counts deaths); returns rows."""
    w = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
    w.writeheader()
    n = 0
    for b in bundles:
        if any(e.kind == "killed" for e in b.estimates):
            w.writerow(row(b))
            n += 1
    return n
