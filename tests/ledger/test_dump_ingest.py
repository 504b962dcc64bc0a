"""Dump ingest in-process on real SQLite and PostgreSQL: conflict pages stored with their wiki
ids, the others counted; re-runs skip what is held; a broken dump keeps only whole pages."""

from __future__ import annotations

import bz2
import shutil
from pathlib import Path

import pytest
from dump_helpers import CONFLICT_PAGES, DUMPS, HISTORY, INDEX, MULTI, n_claims, stored

from fogofwar.bulk import ingest_dump
from fogofwar.cli import main
from fogofwar.ledger import Ledger
from fogofwar.ledger.history import held_revisions
from fogofwar.read.dumps import stream_spans


def test_multistream_dump_stores_conflict_pages_with_their_wiki_ids(db_url: str) -> None:
    with Ledger(db_url) as ledger:
        report = ingest_dump(ledger, MULTI)
        assert report.errors == []
        assert (report.pages, report.revisions, report.not_conflict) == (10, 10, 2)
        assert report.added == 8
        rows = stored(ledger)
        assert {r[0] for r in rows} == CONFLICT_PAGES
        korytsa = next(r for r in rows if r[0] == "42414114")
        assert korytsa == (
            "42414114",
            "902502420",
            "2019-06-19T08:35:37Z",
            "213.169.33.98",
            "Battle of Korytsa",
        )
        assert n_claims(ledger) > 0
        assert held_revisions(ledger, ["42414114", "1"]) == {("42414114", "902502420")}


def test_rerun_skips_held_revisions_and_stores_nothing_twice(db_url: str) -> None:
    with Ledger(db_url) as ledger:
        ingest_dump(ledger, HISTORY)
        before, claims = stored(ledger), n_claims(ledger)
        again = ingest_dump(ledger, HISTORY)
        assert (again.held, again.stored, again.errors) == (4, 0, [])
        assert stored(ledger) == before and n_claims(ledger) == claims
        multi = ingest_dump(ledger, MULTI)  # Korytsa's first revision is held already
        assert (multi.held, multi.added) == (1, 7)


def test_interrupted_run_resumes_where_it_stopped(db_url: str, tmp_path: Path) -> None:
    class Stop(Exception):
        pass

    seen = []

    def stop_after_two(result: object) -> None:
        seen.append(result)
        if len(seen) == 2:
            raise Stop

    with Ledger(db_url) as ledger:
        with pytest.raises(Stop):
            ingest_dump(ledger, MULTI, on_result=stop_after_two)
        assert 0 < len(stored(ledger)) < 8
        report = ingest_dump(ledger, MULTI)
        assert report.held == 4 and report.added == 4
        assert {r[0] for r in stored(ledger)} == CONFLICT_PAGES


def test_truncated_dump_keeps_only_whole_pages(db_url: str, tmp_path: Path) -> None:
    cut = tmp_path / "history.xml.bz2"
    data = bz2.compress(HISTORY.read_bytes())
    cut.write_bytes(data[: len(data) * 3 // 4])
    with Ledger(db_url) as ledger:
        report = ingest_dump(ledger, cut)
        assert len(report.errors) == 1 and "end-of-stream marker" in report.errors[0]
        partial = stored(ledger)
        assert report.stored == len(partial) < 4
        full = ingest_dump(ledger, HISTORY)
        assert full.errors == [] and full.held == len(partial)
        assert len(stored(ledger)) == 4


def test_missing_index_is_one_error_and_nothing_stored(tmp_path: Path) -> None:
    with Ledger(f"sqlite:///{tmp_path / 'l.sqlite'}") as ledger:
        report = ingest_dump(ledger, MULTI, index=tmp_path / "missing-index.txt.bz2")
        assert len(report.errors) == 1
        assert "no such multistream index" in report.errors[0]
        assert stored(ledger) == []


def test_cli_ingest_detects_dumps_and_mixes_them_with_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "ledger.sqlite")
    plain = tmp_path / "export.xml"
    shutil.copyfile(HISTORY, plain)
    assert main(["ingest", str(plain), "--db", db]) == 0
    out = capsys.readouterr().out
    assert "1 pages, 4 revisions read" in out and "1 new pages and 3 revisions" in out
    assert main(["ingest", str(plain), "--db", db]) == 0
    assert "4 already in the ledger" in capsys.readouterr().out
    cut = tmp_path / "cut.xml"
    cut.write_text(HISTORY.read_text("utf-8")[:3000], "utf-8")
    assert main(["ingest", str(cut), "--db", db, "-q"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("fogofwar: error: ") and "complete pages" in err[0]
    assert main(["ingest", str(DUMPS / "mwxml-dump.xml"), "--workers", "0", "--db", db]) == 1
    assert "--workers must be at least 1" in capsys.readouterr().err


def _with_broken_stream(tmp_path: Path, which: int) -> Path:
    """The multistream excerpt with one stream's second page made bad XML (offsets re-counted)."""
    data = MULTI.read_bytes()
    spans = stream_spans(MULTI, INDEX)
    header, closing = data[: spans[0].start], b""
    parts, index, offset = [header], [], len(header)
    for i, span in enumerate(spans):
        chunk = data[span.start : span.end]
        if span is spans[-1]:  # the last span holds the closing stream too
            dec = bz2.BZ2Decompressor()
            dec.decompress(chunk)
            closing, chunk = dec.unused_data, chunk[: len(chunk) - len(dec.unused_data)]
        if i == which:
            xml = bz2.decompress(chunk)
            cut = xml.index(b"</title>", xml.index(b"</page>"))
            chunk = bz2.compress(xml[:cut] + b"</titel>" + xml[cut + 8 :])
        index += [f"{offset}:{page}:title\n" for page in span.page_ids]
        parts.append(chunk)
        offset += len(chunk)
    out = tmp_path / "broken-multistream.xml.bz2"
    out.write_bytes(b"".join([*parts, closing]))
    out.with_name("broken-multistream-index.txt.bz2").write_bytes(
        bz2.compress("".join(index).encode())
    )
    return out


def test_bad_xml_in_one_stream_loses_only_that_page(tmp_path: Path) -> None:
    broken = _with_broken_stream(tmp_path, 1)  # Lagarde, then Ptolemaida broken
    with Ledger(f"sqlite:///{tmp_path / 'l.sqlite'}") as ledger:
        report = ingest_dump(ledger, broken)
        assert len(report.errors) == 1 and "@3091: bad XML at line " in report.errors[0]
        assert "after 1 complete pages" in report.errors[0]
        assert {r[0] for r in stored(ledger)} == CONFLICT_PAGES - {"31940542"}
