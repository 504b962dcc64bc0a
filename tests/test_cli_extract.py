"""``fogofwar extract`` as a user runs it (``python -m fogofwar``): bad input gets one line on
standard error naming the file and the problem, never a traceback, and good files are not lost."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from samples import GARBAGE_LINES, PNG, PROSE_ONLY

from fogofwar.model import NUMERIC_KINDS
from fogofwar.schema import validate_extraction

ANEFIS = Path(__file__).resolve().parent / "data" / "anefis.txt"
RunCli = Callable[..., subprocess.CompletedProcess[str]]
GARBAGE_INFOBOX = GARBAGE_LINES + ("\nThe battle happened.\n")
BAD: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty"),
    "image.png": (PNG, "binary"),
    "nuls.txt": (b"= Title =\n" + b"\x00" * 64, "binary"),
    "latin1.txt": (
        "= Bataille =\n\nLes soldats français ont été tués.\n".encode("latin-1"),
        "UTF-8",
    ),
}


def _errors(stderr: str) -> list[str]:
    assert "Traceback" not in stderr
    return [line for line in stderr.splitlines() if line.strip()]


def _write_bad(tmp_path: Path) -> list[Path]:
    paths = []
    for name, (data, _) in BAD.items():
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def _big_file(tmp_path: Path) -> Path:
    path = tmp_path / "big.txt"
    line = b"The army said that 12 soldiers were killed in the fighting near the town. " * 40
    with path.open("wb") as f:
        f.write(b"= Battle of Bigness =\n\n")
        while f.tell() < 50 * 1024 * 1024:
            f.write(line + b"\n")
    return path


@pytest.mark.parametrize("name", sorted(BAD))
def test_cli_extract_bad_file_one_line_error(name: str, tmp_path: Path, run_cli: RunCli) -> None:
    (path,) = [p for p in _write_bad(tmp_path) if p.name == name]
    proc = run_cli(["extract", path])
    assert proc.returncode != 0
    (line,) = _errors(proc.stderr)
    assert str(path) in line
    assert BAD[name][1] in line
    out = json.loads(proc.stdout)
    validate_extraction(out)
    assert out["documents"] == [] and out["claims"] == []  # nothing partial


def test_cli_extract_50mb_file_one_line_error(tmp_path: Path, run_cli: RunCli) -> None:
    path = _big_file(tmp_path)
    proc = run_cli(["extract", path], timeout=120)
    assert proc.returncode != 0
    (line,) = _errors(proc.stderr)
    assert str(path) in line
    assert "50.0 MiB" in line and "limit" in line
    assert json.loads(proc.stdout)["documents"] == []


def test_cli_extract_max_bytes_option(tmp_path: Path, run_cli: RunCli) -> None:
    path = tmp_path / "prose.txt"
    path.write_text(PROSE_ONLY, encoding="utf-8")
    proc = run_cli(["extract", "--max-bytes", "50", path])
    assert proc.returncode != 0
    (line,) = _errors(proc.stderr)
    assert str(path) in line and "limit" in line


def test_cli_extract_missing_file(tmp_path: Path, run_cli: RunCli) -> None:
    proc = run_cli(["extract", tmp_path / "nope.txt"])
    assert proc.returncode != 0
    (line,) = _errors(proc.stderr)
    assert "nope.txt" in line and "no such file" in line


def test_cli_extract_prose_without_infobox_is_partial_result(
    tmp_path: Path, run_cli: RunCli
) -> None:
    path = tmp_path / "prose.txt"
    path.write_text(PROSE_ONLY, encoding="utf-8")
    proc = run_cli(["extract", path])
    assert proc.returncode == 0
    assert _errors(proc.stderr) == []
    out = json.loads(proc.stdout)
    validate_extraction(out)
    assert [e["title"] for e in out["events"]] == ["Battle of Nowhere"]
    figures = [c for c in out["claims"] if c["kind"] in NUMERIC_KINDS]
    assert sorted((c["kind"], c["value"]["low"]) for c in figures) == [
        ("injured", 30),
        ("killed", 12),
    ]
    assert all(ev["section"] != "infobox" for c in out["claims"] for ev in c["evidence"])


@pytest.fixture(scope="module")
def garbage_run(
    tmp_path_factory: pytest.TempPathFactory, run_cli: RunCli
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    path = tmp_path_factory.mktemp("garbage") / "garbage.txt"
    path.write_text(GARBAGE_INFOBOX, encoding="utf-8")
    return path, run_cli(["extract", path])


def test_cli_extract_garbage_infobox_no_traceback(
    garbage_run: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    path, proc = garbage_run
    errors = _errors(proc.stderr)
    if proc.returncode == 0:
        assert errors == []
        out = json.loads(proc.stdout)
        validate_extraction(out)
        assert out["events"][0]["date"] is None
    else:
        (line,) = errors
        assert str(path) in line


def test_cli_extract_garbage_infobox_no_absurd_values(
    garbage_run: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    _, proc = garbage_run
    _errors(proc.stderr)
    out: dict[str, Any] = json.loads(proc.stdout)
    # nothing may be read out of "10^999" (neither 10 nor 999)
    assert [
        (c["value"]["low"], c["evidence"][0]["text"])
        for c in out["claims"]
        if c["kind"] in NUMERIC_KINDS
    ] == []


@pytest.mark.parametrize("workers", [1, 2])
def test_cli_extract_many_files_lose_nothing(workers: int, tmp_path: Path, run_cli: RunCli) -> None:
    bad = _write_bad(tmp_path)
    prose = tmp_path / "prose.txt"
    prose.write_text(PROSE_ONLY, encoding="utf-8")
    files = [bad[0], ANEFIS, bad[1], prose, *bad[2:], _big_file(tmp_path)]
    proc = run_cli(["extract", "--workers", str(workers), *files], timeout=300)
    assert proc.returncode == 1
    errors = _errors(proc.stderr)
    failed = [p for p in files if p not in (ANEFIS, prose)]
    assert len(errors) == len(failed)
    for path, line in zip(failed, errors, strict=True):
        assert line.startswith(f"fogofwar: error: {path}: ")
    out = json.loads(proc.stdout)
    validate_extraction(out)
    assert [d["origin"] for d in out["documents"]] == [str(ANEFIS), str(prose)]
    assert [e["title"] for e in out["events"]] == ["Battle of Anéfis (2014)", "Battle of Nowhere"]
    per_event = {e["id"]: 0 for e in out["events"]}
    for claim in out["claims"]:
        per_event[claim["event"]] += 1
    assert all(n > 0 for n in per_event.values())


def test_cli_extract_stdin(run_cli: RunCli, anefis_cli_json: dict[str, Any]) -> None:
    proc = run_cli(["extract", "-"], stdin=ANEFIS.read_bytes())
    assert proc.returncode == 0
    assert _errors(proc.stderr) == []
    out = json.loads(proc.stdout)
    validate_extraction(out)
    assert out["documents"][0]["origin"] == "<stdin>"
    assert out["documents"][0]["id"] == anefis_cli_json["documents"][0]["id"]
    assert out["claims"] == anefis_cli_json["claims"]


@pytest.mark.parametrize("name", sorted(BAD))
def test_cli_extract_bad_stdin(name: str, run_cli: RunCli) -> None:
    proc = run_cli(["extract", "-"], stdin=BAD[name][0])
    assert proc.returncode != 0
    (line,) = _errors(proc.stderr)
    assert "<stdin>" in line and BAD[name][1] in line


def test_cli_extract_table_format(run_cli: RunCli) -> None:
    proc = run_cli(["extract", "--format", "table", ANEFIS])
    assert proc.returncode == 0
    assert _errors(proc.stderr) == []
    assert "Battle of Anéfis (2014)" in proc.stdout
    assert max(len(line) for line in proc.stdout.splitlines()) <= 100
