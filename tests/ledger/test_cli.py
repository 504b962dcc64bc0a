"""The ledger commands end to end through argparse, on a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fogofwar.cli import main

DATA = Path(__file__).parents[1] / "data"
ANEFIS = str(DATA / "anefis.extraction.json")
EV = "battle-of-anefis-2014"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    monkeypatch.setenv("FOGOFWAR_DB", url)
    assert main(["ingest", ANEFIS]) == 0
    return url


def test_cli_ingest_reports_added_then_unchanged(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["ingest", ANEFIS, "--db", db]) == 0
    assert capsys.readouterr().out.startswith("unchanged   Battle of Anéfis (2014)")


def test_cli_ingest_bad_file_is_one_line_and_nonzero(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    capsys.readouterr()
    assert main(["ingest", str(bad), ANEFIS]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(
        f"fogofwar: error: {bad}: cannot read extraction JSON"
    )


def test_cli_estimates_json_shape(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["estimates", EV, "--format", "json"]) == 0
    ests = json.loads(capsys.readouterr().out)["estimates"]
    assert {"event", "side", "actor", "kind", "low", "best", "high", "basis", "reason"} <= set(
        ests[0]
    )
    assert any(e["side"] == 2 and e["kind"] == "killed" and e["best"] == 37 for e in ests)


def test_cli_sources_json_median_ratio(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["sources", "--format", "json"]) == 0
    by_name = {s["claimant"]: s for s in json.loads(capsys.readouterr().out)["sources"]}
    assert by_name["loyalists"]["median_ratio"] == 11.5  # 111/37 and hundreds(200)/10
    assert by_name["MAA"]["median_ratio"] == round(14 / 37, 3)
    assert by_name["MNLA"]["claims"] == 9


@pytest.mark.parametrize(
    "flags, found",
    [
        ([], True),
        (["--country", "mali"], True),
        (["--country", "Syria"], False),
        (["--from", "2014-07-01", "--to", "2014-07-31"], True),
        (["--from", "2015-01-01"], False),
        (["--actor", "national movement"], True),
        (["--actor", "wagner"], False),
        (["--war", "mali war"], True),
    ],
)
def test_cli_events_filters(
    db: str, capsys: pytest.CaptureFixture[str], flags: list[str], found: bool
) -> None:
    capsys.readouterr()
    assert main(["events", "--format", "json", *flags]) == 0
    ids = [e["id"] for e in json.loads(capsys.readouterr().out)["events"]]
    assert ids == ([EV] if found else [])


def test_cli_show_groups_claims_with_evidence(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["show", EV]) == 0
    out = capsys.readouterr().out
    assert "side 1: MAA-Loyalist, GATIA, CM-FPR II; commanders:" in out and "Bojan (killed)" in out
    assert "  killed, side 2 (MNLA):" in out
    assert '"37 killed (per Mali)" (Infobox, ' in out
    assert "Malian Army denies" in out
    assert f"{EV}/c01: 35 -- MNLA asserts on 2014-07-11 [replaced by {EV}/c10]" in out
    assert "estimates:" in out and "R1 revision" in out


def test_cli_show_unknown_event_is_one_line(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["show", "battle-of-nowhere"]) == 1
    assert capsys.readouterr().err == (
        "fogofwar: error: unknown event 'battle-of-nowhere' (see `fogofwar events`)\n"
    )


def test_cli_bad_db_url_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", "mysql://x/y"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unsupported database URL 'mysql://x/y'" in err


def test_cli_help_shows_default_ledger_path(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", "/srv/data")
    with pytest.raises(SystemExit):
        main(["ingest", "--help"])
    assert "/srv/data/fogofwar/ledger.sqlite" in " ".join(capsys.readouterr().out.split())


def test_cli_export_formats_to_files(db: str, tmp_path: Path) -> None:
    for fmt, name in (
        ("json", "x.json"),
        ("ucdp-csv", "x.csv"),
        ("acled-csv", "a.csv"),
        ("geojson", "x.geojson"),
        ("parquet", "x.parquet"),
    ):
        assert main(["export", "--format", fmt, "-o", str(tmp_path / name)]) == 0
        assert (tmp_path / name).stat().st_size > 0
    assert (
        main(
            [
                "export",
                "--format",
                "ucdp-csv",
                "-o",
                str(tmp_path / "none.csv"),
                "--country",
                "Syria",
            ]
        )
        == 0
    )
    assert (tmp_path / "none.csv").read_text().count("\n") == 1  # header only


def test_cli_estimates_with_policy_file(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "p.toml"
    bad.write_text("[rules]\n")
    assert main(["estimates", "--policy", str(bad)]) == 1
    assert "missing or malformed policy entry" in capsys.readouterr().err


def test_cli_show_tells_what_a_revision_added_and_withdrew(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(Path(ANEFIS).read_text("utf-8"))
    doc = data["documents"][0]
    doc["text"] += "\nEdited."
    doc["id"] = "f" * 64
    for ev in data["events"]:
        ev["document"] = doc["id"]
    data["claims"] = [c for c in data["claims"] if c["id"] != f"{EV}/c09"]  # the "per Mali" 37
    revised = tmp_path / "revised.json"
    revised.write_text(json.dumps(data))
    capsys.readouterr()
    assert main(["ingest", str(revised)]) == 0
    assert capsys.readouterr().out.startswith("revision 2  Battle of Anéfis (2014)")
    assert main(["show", EV]) == 0
    out = capsys.readouterr().out
    assert "revision 2 (ffffffffffff) against be03d4420a7e:" in out
    assert f"  withdrawn {EV}/c09: 37 -- Mali asserts" in out
    assert main(["show", EV, "--format", "json"]) == 0
    [rev] = json.loads(capsys.readouterr().out)["revisions"]
    assert [c["id"] for c in rev["withdrawn"]] == [f"{EV}/c09"] and rev["added"] == []


def test_cli_commands_reachable_from_fogofwar_main(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from fogofwar.cli import main as fogofwar_main

    capsys.readouterr()
    assert fogofwar_main(["events", "--format", "json"]) == 0
    assert [e["id"] for e in json.loads(capsys.readouterr().out)["events"]] == [EV]
    assert fogofwar_main(["show", "nowhere"]) == 1


def test_cli_ingest_and_estimates_on_postgresql(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", ANEFIS, "--db", pg_url]) == 0
    capsys.readouterr()
    assert main(["estimates", EV, "--format", "json", "--db", pg_url]) == 0
    ests = json.loads(capsys.readouterr().out)["estimates"]
    assert any(e["side"] == 2 and e["kind"] == "killed" and e["best"] == 37 for e in ests)
    assert main(["events", "--actor", "GATIA", "--format", "json", "--db", pg_url]) == 0
    assert len(json.loads(capsys.readouterr().out)["events"]) == 1


def test_cli_ingest_one_bad_document_spares_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fogofwar.ledger import Ledger, counts
    from fogofwar.ledger.synthetic import extraction

    data = extraction(0, 3, 10).to_dict(include_text=True)
    data["claims"][15]["value"]["low"] = 10**30  # document 1 cannot be stored
    path = tmp_path / "three.json"
    path.write_text(json.dumps(data))
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    assert main(["ingest", str(path), "--db", url]) == 1
    out, err = capsys.readouterr()
    assert out.count("added") == 2
    assert err.count("\n") == 1 and "synthetic/syn/1.txt: cannot store" in err
    with Ledger(url) as ledger:
        assert counts(ledger) == {"documents": 2, "events": 2, "claims": 20, "current_claims": 20}
