"""The commands with wikitext: ``extract --input-format``, ingest of a .wikitext file, ``show``
listing the cited sources."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from fogofwar.schema import validate_extraction

SAMPLE = Path(__file__).parent / "data" / "wikitext" / "made_up_battle.wikitext"
RunCli = Callable[..., subprocess.CompletedProcess[str]]


def test_extract_detects_wikitext_and_the_option_overrides(tmp_path: Path, run_cli: RunCli) -> None:
    as_txt = tmp_path / "battle.txt"  # wikitext under a plain-text name: found by its markup
    shutil.copy(SAMPLE, as_txt)
    auto = run_cli(["extract", as_txt])
    assert auto.returncode == 0, auto.stderr
    data = json.loads(auto.stdout)
    validate_extraction(data)
    assert data["documents"][0]["format"] == "wikitext"
    assert data["documents"][0]["title"] == "Battle of Somewhere"
    cited = [
        c for claim in data["claims"] for e in claim["evidence"] for c in e.get("citations", [])
    ]
    assert {c["work"] for c in cited} >= {"Reuters"}
    forced = run_cli(["extract", "--input-format", "text", SAMPLE])
    assert forced.returncode == 0, forced.stderr
    assert json.loads(forced.stdout)["documents"][0]["format"] == "plaintext-article"
    bad = run_cli(["extract", "--input-format", "html", SAMPLE])
    assert bad.returncode == 2 and "invalid choice" in bad.stderr


def test_ingest_and_show_list_the_sources(tmp_path: Path, run_cli: RunCli) -> None:
    db = tmp_path / "ledger.db"
    ingest = run_cli(["ingest", "--db", db, "--input-format", "wikitext", SAMPLE])
    assert ingest.returncode == 0, ingest.stderr
    show = run_cli(["show", "--db", db, "battle-of-somewhere-2014"])
    assert show.returncode == 0, show.stderr
    assert "cited: Reuters, “Fighting”, 2014-05-04, http://example.org/a" in show.stdout
    assert "35 -- Monitor asserts on 2015" in show.stdout  # said_on from its {{sfn}}
    as_json = json.loads(
        run_cli(["show", "--db", db, "battle-of-somewhere-2014", "--format", "json"]).stdout
    )
    evidence = [e for c in as_json["claims"] for e in c["evidence"]]
    assert all(e["source_start"] is not None for e in evidence)
