"""What people read: show (no unknowns printed, codes explained, evidence in its sentence),
sources (one claimant however written, honest kinds, no cross-event side numbers), and ingest
(a progress bar on a terminal, plain lines otherwise)."""

from __future__ import annotations

import dataclasses
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from fogofwar.cli import main
from fogofwar.ledger import Ledger, ingest, source_profiles
from fogofwar.ledger.synthetic import document
from fogofwar.model import Claim, Claimant, Extraction, Subject, Value
from fogofwar.render import sentence_around

ROOT = Path(__file__).resolve().parents[2]
ANEFIS = ROOT / "tests" / "data" / "anefis.extraction.json"
EV = "battle-of-anefis-2014"


def _unknown_result(tmp_path: Path) -> Path:
    data = json.loads(ANEFIS.read_text("utf-8"))
    data["events"][0]["result"] = None
    data["events"][0]["part_of"] = None
    path = tmp_path / "anefis.json"
    path.write_text(json.dumps(data))
    return path


def test_show_leaves_unknowns_out_and_explains_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "x.sqlite")
    assert main(["ingest", "-q", str(_unknown_result(tmp_path)), "--db", db]) == 0
    assert main(["show", EV, "--db", db]) == 0
    out = capsys.readouterr().out
    assert "None" not in out
    assert "result:" not in out and "part of:" not in out
    assert "  date: 2014-07-11 (known to the day)" in out
    assert "UCDP where_prec 1: exact coordinates" in out


def test_show_gives_evidence_in_its_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "x.sqlite")
    assert main(["ingest", "-q", str(ANEFIS), "--db", db]) == 0
    assert main(["show", EV, "--db", db]) == 0
    out = capsys.readouterr().out
    assert '"forty-seven" (Aftermath, ' in out
    assert (
        "in: Malian newspaper Le Temoin stated that 111 rebels were killed, including "
        "forty-seven rebel MAA, thirty-seven MNLA, twenty-seven HCUA, and over 125 were injured."
    ) in out


def test_sentence_around_bounds_and_initials() -> None:
    text = "First one. The U.S. said 12 were killed on Monday. Next.\n- Killed: 5"
    at = text.index("12")
    assert sentence_around(text, at, at + 2) == "The U.S. said 12 were killed on Monday."
    at = text.index("5")
    assert sentence_around(text, at, at + 1) == "- Killed: 5"
    long = "word " * 300 + "37 killed " + "word " * 300 + "."
    at = long.index("37")
    got = sentence_around(long, at, at + 9)
    assert got is not None and got.startswith("…") and got.endswith("…") and "37 killed" in got
    assert len(got) <= 402
    assert sentence_around(text, 10, 5) is None


def _claim(ev: str, n: int, name: str, kind: str, side: int | None, about: int) -> Claim:
    return Claim(
        f"{ev}/x{n:03d}",
        ev,
        "killed",
        Subject(side=about),
        Value(10 + n, 10 + n),
        Claimant(name, side, kind),
    )


def _event(i: int, claims: list[tuple[str, str, int | None, int]]) -> Extraction:
    base = document(i, 0)
    ev = base.events[0].id
    made = tuple(_claim(ev, n, *c) for n, c in enumerate(claims))
    return dataclasses.replace(base, claims=made)


def _speakers_ledger(url: str) -> Ledger:
    ledger = Ledger(url)
    for x in (
        _event(
            1,
            [
                ("Prigozhin", "unknown", None, 1),
                ("Yevgeny Prigozhin", "person", None, 1),
                ("SOHR", "party", None, 2),
                ("Syrian Observatory for Human Rights", "ngo", None, 2),
                ("government sources", "government", 1, 2),
                ("Wagner", "party", 1, 2),
            ],
        ),
        _event(
            2,
            [
                ("Prigozhin", "person", None, 1),
                ("Government sources", "government", 2, 1),
                ("ISW", "party", None, 1),
                ("Wagner", "party", 2, 1),
                ("AFP", "media", None, 1),
            ],
        ),
        _event(
            3,
            [
                ("AFP", "government", 1, 2),
                ("Armed Forces of the Philippines", "government", 1, 2),
                ("Kim", "person", None, 1),  # no longer name ends in it
            ],
        ),
    ):
        ingest(ledger, x)
    return ledger


def test_sources_one_claimant_however_written(db_url: str) -> None:
    with _speakers_ledger(db_url) as ledger:
        by_name = {p.claimant: p for p in source_profiles(ledger)}
    prig = by_name["Yevgeny Prigozhin"]
    assert (prig.claims, prig.events, prig.aliases) == (3, 2, ("Prigozhin",))
    assert "Prigozhin" not in by_name
    gov = by_name["Government sources"]  # equally often: the first in code-point order
    assert (gov.claims, gov.events, gov.aliases) == (2, 2, ("government sources",))
    sohr = by_name["Syrian Observatory for Human Rights"]
    assert (sohr.claims, sohr.kinds, sohr.aliases) == (2, ("ngo",), ("SOHR",))
    # the news agency AFP of event 2 is not the armed forces abbreviated AFP in event 3
    assert by_name["AFP"].kinds == ("media",) and by_name["AFP"].claims == 1
    assert by_name["Armed Forces of the Philippines"].aliases == ("AFP",)
    assert by_name["Kim"].claims == 1


def test_sources_kinds_are_honest_and_sides_are_per_event(db_url: str) -> None:
    with _speakers_ledger(db_url) as ledger:
        by_name = {p.claimant: p for p in source_profiles(ledger)}
    assert by_name["ISW"].kinds == ("unknown",)  # "party", yet on no side: not known to be one
    wagner = by_name["Wagner"]  # side 1 in one event, side 2 in the other
    assert wagner.kinds == ("party",) and wagner.aligned_events == 2
    assert "sides" not in wagner.to_dict()


def test_sources_table_has_no_side_number_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 's.sqlite'}"
    _speakers_ledger(url).close()
    assert main(["sources", "--db", url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "claimant",
        "kind",
        "claims",
        "events",
        "for",
        "a",
        "side",
        "compared",
        "median",
        "ratio",
        "also",
        "written",
    ]
    wagner = next(line for line in lines if line.startswith("Wagner"))
    assert "1,2" not in wagner and wagner.split()[1:5] == ["party", "2", "2", "2"]


def _two_files(tmp_path: Path) -> list[str]:
    from fogofwar.ledger.synthetic import extraction

    paths = []
    for i in range(2):
        p = tmp_path / f"x{i}.json"
        p.write_text(json.dumps(extraction(i * 3, i * 3 + 3, 5).to_dict(include_text=True)))
        paths.append(str(p))
    return paths


def _ingest_cmd(tmp_path: Path) -> list[str]:
    db = str(tmp_path / "p.sqlite")
    return [sys.executable, "-m", "fogofwar", "ingest", "--db", db, *_two_files(tmp_path)]


def test_ingest_not_a_terminal_is_plain(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    got = subprocess.run(_ingest_cmd(tmp_path), capture_output=True, text=True, env=env)
    assert got.returncode == 0 and got.stderr == ""
    assert got.stdout.count("added") == 6 and "\x1b" not in got.stdout


def test_ingest_on_a_terminal_shows_a_progress_bar(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "TERM": "xterm", "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        _ingest_cmd(tmp_path), stdout=follower, stderr=follower, env=env, close_fds=True
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process is done
            break
        if not data:
            break
        chunks.append(data)
    assert proc.wait() == 0
    os.close(leader)
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert "storing" in screen and "6/6" in screen and "━" in screen
    assert screen.count("added") == 6
