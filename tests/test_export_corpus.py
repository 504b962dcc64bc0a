"""The exports against the ledger on every event of the 73 in-repo corpus articles
(``tests/data/corpus.extraction.json.gz``, see ``tests/data/PROVENANCE.md``): every format writes
every event, with the one fatality estimate `fogofwar estimates` gives, unknown blank, dates as
dates and each format's own codes."""

from __future__ import annotations

import csv
import gzip
import json
import re
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from fogofwar.export import export
from fogofwar.export.places import is_water
from fogofwar.ledger import Ledger, estimates, ingest, list_events
from fogofwar.model import Estimate, Event, Extraction
from fogofwar.schema import validate_extraction

CORPUS = Path(__file__).parent / "data" / "corpus.extraction.json.gz"
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# (code, most days) of FIELD-NOTES.md §2.2 (UCDP date_prec) and §3.4 (ACLED time_precision)
UCDP_DAYS = ((1, 1), (2, 6), (3, 7), (4, 31), (5, 366))
ACLED_DAYS = ((1, 1), (2, 7), (3, 31))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Ledger:
    db = tmp_path_factory.mktemp("corpus") / "ledger.sqlite"
    ledger = Ledger(f"sqlite:///{db}")
    ingest(ledger, Extraction.from_dict(json.loads(gzip.decompress(CORPUS.read_bytes()))))
    return ledger


@pytest.fixture(scope="module")
def out(corpus: Ledger, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every format written once: csv rows by event id, geojson features, json, parquet rows."""
    d = tmp_path_factory.mktemp("exports")
    for fmt in ("ucdp-csv", "acled-csv", "geojson", "json", "parquet"):
        export(corpus, fmt, str(d / fmt))
    pq = pytest.importorskip("pyarrow.parquet")
    ucdp = list(csv.DictReader((d / "ucdp-csv").open(encoding="utf-8")))
    acled = list(csv.DictReader((d / "acled-csv").open(encoding="utf-8")))
    return {
        "ucdp": {r["id"]: r for r in ucdp},
        "ucdp_rows": len(ucdp),
        "acled": {r["event_id_cnty"]: r for r in acled},
        "acled_rows": len(acled),
        "geojson": json.loads((d / "geojson").read_text("utf-8")),
        "json": json.loads((d / "json").read_text("utf-8")),
        "parquet": pq.read_table(str(d / "parquet")).to_pylist(),
    }


@pytest.fixture(scope="module")
def events(corpus: Ledger) -> dict[str, Event]:
    return {e.id: e for e in list_events(corpus)}


@pytest.fixture(scope="module")
def killed(corpus: Ledger) -> dict[str, list[Estimate]]:
    """`fogofwar estimates`' side-level killed estimates, by event."""
    by_event: dict[str, list[Estimate]] = defaultdict(list)
    for e in estimates(corpus):
        if e.kind == "killed" and e.actor is None:
            by_event[e.event].append(e)
    return by_event


def _cell(v: int | None) -> str:
    return "" if v is None else str(v)


def _sum(values: list[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def test_every_format_writes_every_event(out: dict[str, Any], events: dict[str, Event]) -> None:
    assert len(events) == 73
    assert out["ucdp_rows"] == out["acled_rows"] == len(events)
    assert set(out["ucdp"]) == set(out["acled"]) == set(events)
    assert {f["properties"]["id"] for f in out["geojson"]["features"]} == set(events)
    assert len(out["geojson"]["features"]) == len(events)
    assert {e["id"] for e in out["json"]["events"]} == set(events)
    assert {r["event_id"] for r in out["parquet"]} == set(events)


def test_one_fatality_estimate_per_event_in_every_format(
    out: dict[str, Any], events: dict[str, Event], killed: dict[str, list[Estimate]]
) -> None:
    """Each format's event figure is the sum of the event's side-level killed estimates."""
    features = {f["properties"]["id"]: f["properties"] for f in out["geojson"]["features"]}
    fatalities = {f["event"]: f for f in out["json"]["fatalities"]}
    parquet = {r["event_id"]: r for r in out["parquet"]}
    for event_id in events:
        parts = killed.get(event_id, [])
        best = _sum([e.best for e in parts])
        low = _sum([e.low for e in parts])
        high = None if any(e.high is None for e in parts) else _sum([e.high for e in parts])
        u = out["ucdp"][event_id]
        assert (u["low"], u["best"], u["high"]) == (_cell(low), _cell(best), _cell(high)), event_id
        assert out["acled"][event_id]["fatalities"] == _cell(best), event_id
        assert features[event_id]["killed_best"] == best, event_id
        assert (features[event_id]["killed_low"], features[event_id]["killed_high"]) == (low, high)
        assert (fatalities[event_id]["best"], fatalities[event_id]["high"]) == (best, high)
        assert parquet[event_id]["fatalities_best"] == best, event_id


def test_ucdp_deaths_are_each_sides_estimate_and_add_up_to_best(
    out: dict[str, Any], killed: dict[str, list[Estimate]]
) -> None:
    for event_id, row in out["ucdp"].items():
        parts = killed.get(event_id, [])
        sides = {row["side_a"]: "deaths_a", row["side_b"]: "deaths_b"}
        assert len(sides) == 2 or not row["side_a"], event_id
        civilians = _sum([e.best for e in parts if e.civilian])
        assert row["deaths_civilians"] == _cell(civilians), event_id
        cells = [row[k] for k in ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")]
        known = [int(c) for c in cells if c]
        assert row["best"] == (str(sum(known)) if known else ""), event_id
        fighters = sorted(_cell(_sum([e.best for e in parts if not e.civilian and e.side == s]))
                          for s in (1, 2))  # fmt: skip
        assert sorted((row["deaths_a"], row["deaths_b"])) == fighters, event_id


def test_unknown_counts_are_blank_never_zero(
    out: dict[str, Any], killed: dict[str, list[Estimate]]
) -> None:
    """A 0 in a deaths column is only ever an estimate of 0; no estimate is a blank cell."""
    zeros_backed = {(e.event, 0) for parts in killed.values() for e in parts if e.best == 0}
    for event_id, row in out["ucdp"].items():
        for col in ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "low"):
            if row[col] == "0":
                assert (event_id, 0) in zeros_backed, (event_id, col)
        if not killed.get(event_id):
            assert row["best"] == row["deaths_a"] == row["deaths_b"] == "", event_id
            assert out["acled"][event_id]["fatalities"] == "", event_id
    assert any(not killed.get(e) for e in out["ucdp"])  # the corpus has events without any


def test_dates_are_always_iso_days_or_blank(out: dict[str, Any], events: dict[str, Event]) -> None:
    for event_id, row in out["ucdp"].items():
        for value in (row["date_start"], row["date_end"], out["acled"][event_id]["event_date"]):
            assert value == "" or ISO_DAY.match(value), (event_id, value)
        span = events[event_id].date
        if span and span.start and len(span.start) < 10:  # a month or a year: its first day
            first = span.start + "-01" * ((10 - len(span.start)) // 3)
            assert row["date_start"] == first, event_id
    partial = [e for e in events.values() if e.date and e.date.start and len(e.date.start) < 10]
    assert partial  # the corpus has such dates ("1991-11", "0604")


def _days(row: dict[str, str]) -> int | None:
    if not row["date_start"] or not row["date_end"]:
        return None
    start, end = date.fromisoformat(row["date_start"]), date.fromisoformat(row["date_end"])
    return (end - start).days + 1


def test_date_precision_codes_follow_the_span(out: dict[str, Any]) -> None:
    """UCDP date_prec 1 day, 2 two to six days, 3 a week, 4 a month, 5 a year; ACLED
    time_precision 1 day, 2 a week, 3 a month (FIELD-NOTES.md §2.2, §3.4)."""
    multi_day = 0
    for event_id, row in out["ucdp"].items():
        days, acled = _days(row), out["acled"][event_id]["time_precision"]
        if days is None:
            assert row["date_prec"] == acled == "", event_id
            continue
        ucdp_code = next((c for c, most in UCDP_DAYS if days <= most), None)
        acled_code = next((c for c, most in ACLED_DAYS if days <= most), None)
        assert row["date_prec"] == _cell(ucdp_code), event_id
        assert acled == _cell(acled_code), event_id
        multi_day += days > 1
        assert days == 1 or acled != "1", event_id
    assert multi_day > 50


def test_place_precision_codes(out: dict[str, Any], events: dict[str, Event]) -> None:
    """where_prec 7 means water or airspace; ACLED geo_precision 1-3 from where_prec 1-5."""
    for event_id, row in out["ucdp"].items():
        place = events[event_id].place
        if row["where_prec"] == "7":
            assert place is not None and is_water(place.name), event_id
        geo = out["acled"][event_id]["geo_precision"]
        expected = {"1": "1", "2": "2", "3": "3", "4": "3", "5": "3"}.get(row["where_prec"], "")
        assert geo == expected, event_id
    assert any(e.place and e.place.precision == 7 for e in events.values())


def test_actor_codes_where_the_names_tell(out: dict[str, Any]) -> None:
    coded = 0
    for event_id, row in out["acled"].items():
        i1, i2 = row["inter1"], row["inter2"]
        if i1 and i2:
            low, high = sorted((int(i1), int(i2)))
            assert row["interaction"] == str(low * 10 + high), event_id
            coded += 1
        else:
            assert row["interaction"] == "", event_id
        tov = out["ucdp"][event_id]["type_of_violence"]
        if "1" in (i1, i2) and "7" not in (i1, i2) and i1 and i2 and "8" not in (i1, i2):
            assert tov == "1", event_id
    assert coded > 40
    assert sum(1 for r in out["ucdp"].values() if r["type_of_violence"]) > 40


def test_json_export_follows_the_extraction_schema(out: dict[str, Any]) -> None:
    validate_extraction(out["json"])  # raises SchemaError naming the first problem


def test_json_and_parquet_carry_the_estimates(corpus: Ledger, out: dict[str, Any]) -> None:
    def key(d: dict[str, Any]) -> str:
        return json.dumps(d, sort_keys=True)

    want = [e.to_dict() for e in estimates(corpus)]
    assert sorted(out["json"]["estimates"], key=key) == sorted(want, key=key)
    groups = {(e.event, e.side, e.actor, e.civilian, e.kind): e for e in estimates(corpus)}
    with_estimate = 0
    for r in out["parquet"]:
        if r["claim_id"] is None:
            continue
        est = groups.get((r["event_id"], r["side"], r["actor"], r["civilian"], r["kind"]))
        got = (r["estimate_low"], r["estimate_best"], r["estimate_high"])
        assert got == ((est.low, est.best, est.high) if est else (None, None, None))
        with_estimate += est is not None
    assert with_estimate > 1000


def test_geojson_keeps_events_without_coordinates_as_null_geometry(
    corpus: Ledger, out: dict[str, Any], tmp_path: Path
) -> None:
    features = out["geojson"]["features"]
    unlocated = [f for f in features if f["geometry"] is None]
    assert unlocated and all(f["type"] == "Feature" for f in features)
    for f in features:
        if f["geometry"] is not None:
            lon, lat = f["geometry"]["coordinates"]
            assert -180 <= lon <= 180 and -90 <= lat <= 90
    result = export(corpus, "geojson", str(tmp_path / "x.geojson"))
    assert result.notes == (
        f"{len(unlocated)} of {len(features)} events have no coordinates: "
        "written with a null geometry",
    )
