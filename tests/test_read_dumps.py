"""The dump reader on real exports: versions 0.8-0.11, with and without <siteinfo>, one and many
revisions per page, bz2 and multistream; bad input ends in one clear error."""

from __future__ import annotations

import bz2
import tracemalloc
from pathlib import Path

import pytest

from fogofwar.errors import DumpError, DumpIndexError, DumpIndexMissing, DumpTruncated, DumpXMLError
from fogofwar.read.dumps import (
    find_index,
    is_dump,
    iter_revisions,
    read_index,
    span_revisions,
    stream_spans,
)

DUMPS = Path(__file__).parent / "data" / "dumps"
MULTI = DUMPS / "enwiki-wwii-excerpt-pages-articles-multistream.xml.bz2"
HISTORY = DUMPS / "korytsa-history-0.11.xml"


def test_export_08_with_many_revisions_per_page() -> None:
    revs = list(iter_revisions(DUMPS / "mwxml-dump.xml"))
    assert [(r.page_id, r.title, r.ns, r.revision_id) for r in revs] == [
        ("1", "Foo", 0, "1"),
        ("1", "Foo", 0, "2"),
        ("2", "Bar", 1, "3"),
    ]
    assert revs[0].editor == "Gen0cide" and revs[1].editor == "222.152.210.109"
    assert revs[1].timestamp == "2004-08-10T09:04:08Z"
    assert revs[1].text == "Revision 2 text"


def test_export_010_with_siteinfo() -> None:
    (rev,) = iter_revisions(DUMPS / "pywikibot-article-pear-0.10.xml")
    assert (rev.page_id, rev.title, rev.revision_id) == ("24278", "Pear", "638548877")
    assert rev.editor == "ClueBot NG" and rev.text.startswith("{{")


def test_export_011_history() -> None:
    revs = list(iter_revisions(HISTORY))
    assert {r.page_id for r in revs} == {"42414114"}
    assert [r.revision_id for r in revs] == ["902502420", "902600001", "902700002", "902800003"]
    assert revs[2].editor == "192.0.2.7"
    assert revs[0].text == revs[3].text != revs[1].text


def test_bz2_without_siteinfo() -> None:
    revs = list(iter_revisions(DUMPS / "gensim-enwiki-table-markup.xml.bz2"))
    assert len(revs) == 5 and revs[0].title == "Constructive vote of no confidence"
    assert all(r.text and r.revision_id for r in revs)


def test_multistream_spans_give_the_pages_of_the_whole_file() -> None:
    index = find_index(MULTI)
    assert index is not None
    spans = stream_spans(MULTI, index)
    assert len(spans) == 5
    by_span = [r.page_id for s in spans for r in span_revisions(MULTI, s)]
    whole = [r.page_id for r in iter_revisions(MULTI)]
    assert by_span == whole == [p for s in spans for p in s.page_ids]
    assert sum(r.redirect for r in iter_revisions(MULTI)) == 1


def test_detection_by_content() -> None:
    assert is_dump(MULTI) and is_dump(HISTORY) and is_dump(DUMPS / "mwxml-dump.xml")
    assert not is_dump(DUMPS / "enwiki-wwii-excerpt-pages-articles-multistream-index.txt.bz2")
    assert not is_dump(Path(__file__).parent / "data" / "anefis.txt")
    assert not is_dump(DUMPS)


def test_truncated_bz2_keeps_the_pages_before_and_says_so(tmp_path: Path) -> None:
    cut = tmp_path / "cut.xml.bz2"
    data = bz2.compress((DUMPS / "mwxml-dump.xml").read_bytes())
    cut.write_bytes(data[: len(data) - 40])
    with pytest.raises(DumpTruncated, match="end-of-stream marker"):
        list(iter_revisions(cut))


def test_truncated_xml_yields_only_whole_pages(tmp_path: Path) -> None:
    text = HISTORY.read_text("utf-8")
    cut = tmp_path / "cut.xml"
    cut.write_text(text[: text.index("902700002")], "utf-8")  # inside the third revision
    got = []
    with pytest.raises(DumpTruncated, match="0 complete pages"):
        got.extend(iter_revisions(cut))
    assert [r.revision_id for r in got] == ["902502420", "902600001"]


def test_bad_xml_names_the_place(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    text = (DUMPS / "mwxml-dump.xml").read_text("utf-8")
    bad.write_text(text.replace("<title>Bar</title>", "<title>Bar</titel>"), "utf-8")
    got = []
    with pytest.raises(DumpXMLError, match=r"bad XML at line \d+, column \d+.*after 1 complete"):
        got.extend(iter_revisions(bad))
    assert [r.revision_id for r in got] == ["1", "2"]
    assert "\n" not in str(DumpXMLError("x\ny"))


def test_not_a_mediawiki_export(tmp_path: Path) -> None:
    other = tmp_path / "other.xml"
    other.write_text("<rss><channel/></rss>", "utf-8")
    with pytest.raises(DumpXMLError, match="root element is <rss>"):
        list(iter_revisions(other))


def test_missing_and_wrong_index(tmp_path: Path) -> None:
    with pytest.raises(DumpIndexMissing):
        read_index(tmp_path / "nope-index.txt.bz2")
    wrong = tmp_path / "wrong-index.txt.bz2"
    wrong.write_bytes(bz2.compress(b"365:54917946:Battle\n"))
    (span,) = stream_spans(MULTI, wrong)
    with pytest.raises(DumpIndexError, match="not the start of a bz2 stream"):
        list(span_revisions(MULTI, span))
    past = tmp_path / "past-index.txt.bz2"
    past.write_bytes(bz2.compress(b"99999999:1:X\n"))
    with pytest.raises(DumpIndexError, match="past the end"):
        stream_spans(MULTI, past)
    assert issubclass(DumpIndexMissing, DumpError)


def _scaled_dump(path: Path, copies: int) -> Path:
    """The history sample's page repeated ``copies`` times under new page ids, as bz2."""
    text = HISTORY.read_text("utf-8")
    head, rest = text.split("<page>", 1)
    page, tail = "<page>" + rest.rsplit("</page>", 1)[0] + "</page>\n", rest.rsplit("</page>", 1)[1]
    with bz2.open(path, "wt", encoding="utf-8") as f:
        f.write(head)
        for i in range(copies):
            f.write(page.replace("<id>42414114</id>", f"<id>{10_000_000 + i}</id>", 1))
        f.write(tail)
    return path


def _peak(path: Path) -> tuple[int, int]:
    tracemalloc.start()
    n = sum(1 for _ in iter_revisions(path))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return n, peak


def test_memory_stays_flat_for_a_ten_times_larger_dump(tmp_path: Path) -> None:
    n1, small = _peak(_scaled_dump(tmp_path / "x1.xml.bz2", 40))
    n10, large = _peak(_scaled_dump(tmp_path / "x10.xml.bz2", 400))
    assert (n1, n10) == (160, 1600)
    assert large < 1.5 * small, (small, large)
