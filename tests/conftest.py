"""Shared fixtures: the spaCy pipeline loaded once per session, the worked example and its
reference, and a helper that runs the real ``fogofwar`` command in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from fogofwar.extract import extract_document, load_nlp
from fogofwar.model import Claim, Document, Event, Extraction
from fogofwar.read import read_path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
ANEFIS = DATA / "anefis.txt"
ANEFIS_GOLD = DATA / "anefis.gold.json"

RunCli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The English pipeline, loaded once (``load_nlp`` caches it for in-process extraction too)."""
    return load_nlp()


@pytest.fixture(scope="session")
def anefis_doc() -> Document:
    return read_path(ANEFIS)


@pytest.fixture(scope="session")
def anefis_result(anefis_doc: Document, nlp: Any) -> tuple[Event, list[Claim]]:
    return extract_document(anefis_doc, nlp)


@pytest.fixture(scope="session")
def anefis_extraction(anefis_doc: Document, anefis_result: tuple[Event, list[Claim]]) -> Extraction:
    event, claims = anefis_result
    return Extraction((anefis_doc,), (event,), tuple(claims))


@pytest.fixture(scope="session")
def anefis_gold() -> dict[str, Any]:
    gold: dict[str, Any] = json.loads(ANEFIS_GOLD.read_text(encoding="utf-8"))
    return gold


def _run_cli(
    args: Sequence[str | Path],
    *,
    stdin: bytes | None = None,
    cwd: Path | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "FOGOFWAR_DEBUG"}
    proc = subprocess.run(
        [sys.executable, "-m", "fogofwar", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
        check=False,
    )
    return subprocess.CompletedProcess(
        proc.args,
        proc.returncode,
        proc.stdout.decode("utf-8"),
        proc.stderr.decode("utf-8", errors="replace"),
    )


@pytest.fixture(scope="session")
def run_cli() -> RunCli:
    """``run_cli(["extract", path], stdin=b"...")``: the real command, as a user runs it."""
    return _run_cli


@pytest.fixture(scope="session")
def anefis_cli_json(run_cli: RunCli) -> dict[str, Any]:
    """What ``fogofwar extract tests/data/anefis.txt`` prints (the real command's JSON)."""
    proc = run_cli(["extract", ANEFIS])
    assert proc.returncode == 0, proc.stderr
    out: dict[str, Any] = json.loads(proc.stdout)
    return out
