from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from fogofwar.export import bundles, export
from fogofwar.export.acled_csv import COLUMNS as ACLED_COLUMNS
from fogofwar.export.ucdp_csv import COLUMNS as UCDP_COLUMNS
from fogofwar.ledger import EventFilter, Ledger, LedgerError, extract, ingest
from fogofwar.ledger.synthetic import extraction
from fogofwar.model import Extraction

DATA = Path(__file__).parent / "data"
GED_ROWS = DATA / "ucdp_ged_excerpt.csv"  # real GED rows (tests/data/PROVENANCE.md)


@pytest.fixture
def ledger() -> Ledger:
    led = Ledger.memory()
    x = Extraction.from_dict(json.loads((DATA / "anefis.extraction.json").read_text("utf-8")))
    ingest(led, x)
    return led


def _csv(ledger: Ledger, fmt: str, tmp_path: Path) -> list[dict[str, str]]:
    out = tmp_path / "out.csv"
    export(ledger, fmt, str(out))
    return list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))


def test_export_json_reimports_to_the_same_claims(ledger: Ledger, tmp_path: Path) -> None:
    ingest(ledger, extraction(0, 5, 20))
    out = tmp_path / "ledger.json"
    export(ledger, "json", str(out))
    data = json.loads(out.read_text("utf-8"))
    assert data["fogofwar"] == "1.0" and len(data["documents"]) == 6
    fresh = Ledger.memory()
    results = ingest(fresh, Extraction.from_dict(data))
    assert {r.status for r in results} == {"added"}
    again = tmp_path / "again.json"
    export(fresh, "json", str(again))
    assert json.loads(again.read_text("utf-8")) == data
    assert extract(fresh).claims == extract(ledger).claims


def test_export_ucdp_csv_uses_ged_columns(ledger: Ledger, tmp_path: Path) -> None:
    [row] = _csv(ledger, "ucdp-csv", tmp_path)
    assert tuple(row) == UCDP_COLUMNS and len(UCDP_COLUMNS) == 49
    # real GED rows share these column names
    header = next(csv.reader(GED_ROWS.open()))
    shared = {
        "id",
        "date_start",
        "date_end",
        "side_a",
        "side_b",
        "country",
        "adm_1",
        "adm_2",
        "deaths_a",
        "deaths_b",
        "deaths_civilians",
        "deaths_unknown",
        "low",
        "high",
    }
    assert shared <= set(header) and shared <= set(UCDP_COLUMNS)
    # side 1 has no best (only a partisan range): unknown is blank, never 0
    assert (row["deaths_a"], row["deaths_b"], row["deaths_civilians"]) == ("", "37", "")
    assert (row["low"], row["best"], row["high"]) == ("4", "37", "210")
    assert row["date_prec"] == "1" and row["where_prec"] == "1"
    assert row["side_b"] == "MNLA, MAA-Dissident, HCUA"
    assert row["geom_wkt"] == "POINT (0.5383 17.9431)"
    assert int(row["best"]) == sum(
        int(row[k] or 0) for k in ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")
    )


def test_export_acled_csv_fatalities_is_the_events_one_estimate(
    ledger: Ledger, tmp_path: Path
) -> None:
    [row] = _csv(ledger, "acled-csv", tmp_path)
    [ucdp] = _csv(ledger, "ucdp-csv", tmp_path)
    assert tuple(row) == ACLED_COLUMNS
    assert row["fatalities"] == ucdp["best"] == "37"  # one estimate per event, every format
    assert row["inter1"] == "3" and row["inter2"] == "" and row["interaction"] == ""
    assert row["actor1"] == "MAA-Loyalist" and row["assoc_actor_1"] == "GATIA; CM-FPR II"
    assert row["event_date"] == "2014-07-11" and row["time_precision"] == "1"
    assert "Le Temoin" in row["source"].split("; ")


def test_export_geojson_point_and_estimates(ledger: Ledger, tmp_path: Path) -> None:
    out = tmp_path / "x.geojson"
    export(ledger, "geojson", str(out))
    data = json.loads(out.read_text("utf-8"))
    [feat] = data["features"]
    assert data["type"] == "FeatureCollection"
    assert feat["geometry"] == {"type": "Point", "coordinates": [0.5383, 17.9431]}
    assert feat["properties"]["where_prec"] == 1 and feat["properties"]["killed_best"] == 37
    assert {e["kind"] for e in feat["properties"]["estimates"]} >= {"killed", "captured"}


def test_export_parquet_one_row_per_claim(ledger: Ledger, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "claims.parquet"
    assert export(ledger, "parquet", str(out)).rows == 22
    table = pq.read_table(str(out))
    assert table.num_rows == 22
    assert set(table.column("claimant").to_pylist()) >= {"MNLA", "Reuters", "Le Temoin"}


def test_export_filters_apply(ledger: Ledger) -> None:
    ingest(ledger, extraction(0, 30, 5))
    mali = list(bundles(ledger, EventFilter(country="mali")))
    assert mali and all(b.event.place and b.event.place.country == "Mali" for b in mali)
    assert len(list(bundles(ledger, EventFilter(date_from="2030-01-01")))) == 0


def test_export_unknown_format_and_parquet_to_stdout_fail(ledger: Ledger) -> None:
    with pytest.raises(LedgerError, match="unknown export format"):
        export(ledger, "xlsx")
    with pytest.raises(LedgerError, match="needs --output"):
        export(ledger, "parquet")
