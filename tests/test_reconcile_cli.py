"""The commands hand the claims' events to the reconciliation, so R2 can tell aligned sources:
the worked example through the real ``fogofwar`` command and a real SQLite ledger."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

ANEFIS = Path(__file__).parent / "data" / "anefis.txt"
RunCli = Callable[..., subprocess.CompletedProcess[str]]


def _side2_killed(ests: list[dict[str, Any]]) -> dict[str, Any]:
    [e] = [e for e in ests if (e["side"], e["actor"], e["kind"]) == (2, None, "killed")]
    return e


def test_reconcile_cli_estimates_and_show_apply_the_alignment_rule(
    run_cli: RunCli, tmp_path: Path
) -> None:
    db = tmp_path / "ledger.sqlite"
    assert run_cli(["ingest", ANEFIS, "--db", db]).returncode == 0
    proc = run_cli(["estimates", "battle-of-anefis-2014", "--format", "json", "--db", db])
    assert proc.returncode == 0, proc.stderr
    killed = _side2_killed(json.loads(proc.stdout)["estimates"])
    assert 4 <= killed["best"] <= 37
    assert "R2 aligned: Malian newspaper Le Temoin speaks for Mali" in killed["reason"]
    proc = run_cli(["show", "battle-of-anefis-2014", "--format", "json", "--db", db])
    assert proc.returncode == 0, proc.stderr
    shown = _side2_killed(json.loads(proc.stdout)["estimates"])
    assert shown["best"] == killed["best"] and "R2 aligned" in shown["reason"]
