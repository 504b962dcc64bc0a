"""UCDP GED-style CSV: one row per event, GED 23.1 column names, killed estimates as deaths."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from fogofwar.export import actors
from fogofwar.export.common import (
    Bundle,
    blank,
    date_prec,
    day_span,
    iso,
    where_prec,
    year,
)
from fogofwar.model import Estimate

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


def sides_ab(b: Bundle) -> tuple[int, int]:
    """Which infobox side is GED's side_a: side 1, unless only side 2 is a state's forces (in
    state-based violence GED's side_a is the government)."""
    one, two = actors.side_code(b.event, 1), actors.side_code(b.event, 2)
    return (2, 1) if two == actors.STATE and one != actors.STATE else (1, 2)


def _best(parts: list[Estimate]) -> int | None:
    bests = [e.best for e in parts if e.best is not None]
    return sum(bests) if bests else None


def _deaths(b: Bundle, a: int, bb: int) -> dict[str, object]:
    """The deaths columns (each a sum of known bests: the parts of the event's one fatality
    estimate, which is best/low/high). Unknown is blank."""
    f = b.fatalities()
    return {
        "deaths_a": blank(_best(b.killed_of(a))),
        "deaths_b": blank(_best(b.killed_of(bb))),
        "deaths_civilians": blank(_best(b.killed_of(civilian=True))),
        "deaths_unknown": blank(_best(b.killed_of(None))),
        "best": blank(f.best),
        "low": blank(f.low),
        "high": blank(f.high),
    }


def row(b: Bundle) -> dict[str, object]:
    """The GED row of one event; columns fogofwar cannot know stay empty."""
    ev, place = b.event, b.event.place
    a, bb = sides_ab(b)
    side_a, side_b = ", ".join(b.actors(a)), ", ".join(b.actors(bb))
    located = place is not None and place.lat is not None and place.lon is not None
    start, end = day_span(ev)
    return {
        "id": ev.id,
        "relid": ev.id,
        "year": blank(year(ev)),
        "type_of_violence": blank(actors.type_of_violence(ev)),
        "conflict_name": ev.part_of or "",
        "dyad_name": f"{side_a} - {side_b}" if side_a and side_b else "",
        "side_a": side_a,
        "side_b": side_b,
        "number_of_sources": len(b.claimants()),
        "source_article": ev.title,
        "source_headline": ev.title,
        "source_original": ";".join(b.claimants()),
        "where_prec": blank(where_prec(place)),
        "where_coordinates": place.name if place else "",
        "where_description": place.name if place else "",
        "adm_1": (place.admin1 or "") if place else "",
        "latitude": place.lat if located and place else "",
        "longitude": place.lon if located and place else "",
        "geom_wkt": f"POINT ({place.lon} {place.lat})" if located and place else "",
        "country": (place.country or "") if place else "",
        "event_clarity": 1,
        "date_prec": blank(date_prec(ev)),
        "date_start": iso(start),
        "date_end": iso(end),
        **_deaths(b, a, bb),
    }


def write(bundles: Iterable[Bundle], out: TextIO) -> int:
    """Write one row per event, every event (unknown deaths blank); returns rows."""
    w = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
    w.writeheader()
    n = 0
    for b in bundles:
        w.writerow(row(b))
        n += 1
    return n
