"""On a cluster, small streams of a multistream dump are packed into fewer units of
work (each unit costs the client and scheduler CPU the workers share), still enough of them
to share the work evenly, and a stream that cannot be read still costs only its own pages."""

from __future__ import annotations

import bz2
from pathlib import Path

from fogofwar.bulk.run import dump_units, pack
from fogofwar.bulk.units import SpanUnit, run_unit
from fogofwar.ledger import Ledger
from fogofwar.read.dumps import StreamSpan, iter_revisions

DUMPS = Path(__file__).resolve().parents[1] / "data" / "dumps"
MULTI = DUMPS / "enwiki-wwii-excerpt-pages-articles-multistream.xml.bz2"


def _spans(sizes: list[int]) -> list[StreamSpan]:
    out, start = [], 100
    for i, size in enumerate(sizes):
        out.append(StreamSpan(start, start + size, (str(i),)))
        start += size
    return out


def test_pack_joins_small_streams_and_leaves_large_and_the_last_ones_alone() -> None:
    spans = _spans([50, 10, 10, 10, 10, 40, 5, 5, 30, 10, 10, 10])  # 200 bytes
    groups = pack(spans, units=5, alone=2)
    assert sorted(s.start for g in groups for s in g) == [s.start for s in spans]  # each once
    assert all([s.start for s in g] == sorted(s.start for s in g) for g in groups)  # file order
    assert all(sum(s.end - s.start for s in g) <= 40 for g in groups if len(g) > 1)
    assert (spans[0],) in groups  # larger than a fifth of the dump: alone
    assert groups[-2:] == [(spans[6],), (spans[7],)]  # the two smallest: alone, last
    assert 5 <= len(groups) < len(spans)


def test_pack_keeps_enough_units_for_the_workers() -> None:
    spans = _spans([10] * 24)
    assert len(pack(spans, units=12, alone=0)) == 12
    assert len(pack(spans, units=12, alone=4)) == 14
    assert len(pack(spans, units=24, alone=0)) == 24  # as many units as streams: none joined
    assert pack([], units=4, alone=2) == []


def _one_page_streams(tmp_path: Path, copies: int = 3) -> Path:
    """The excerpt's pages re-written one page per bz2 stream, ``copies`` times (each copy
    under new page ids), with its index."""
    head = bz2.compress(b'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/">\n')
    parts, index, offset = [head], [], len(head)
    for copy in range(copies):
        for rev in iter_revisions(MULTI):
            page_id = str(int(rev.page_id) + copy * 10**9)
            page = (
                f"<page><title>{rev.title}</title><ns>{rev.ns}</ns><id>{page_id}</id>"
                f"<revision><id>{rev.revision_id}</id><text>{_escape(rev.text)}</text>"
                "</revision></page>\n"
            )
            stream = bz2.compress(page.encode())
            index.append(f"{offset}:{page_id}:t\n")
            parts.append(stream)
            offset += len(stream)
    parts.append(bz2.compress(b"</mediawiki>\n"))
    out = tmp_path / "single-multistream.xml.bz2"
    out.write_bytes(b"".join(parts))
    (tmp_path / "single-multistream-index.txt.bz2").write_bytes(
        bz2.compress("".join(index).encode())
    )
    return out


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_a_cluster_gets_packed_units_holding_every_page_once(tmp_path: Path) -> None:
    dump = _one_page_streams(tmp_path)
    with Ledger(f"sqlite:///{tmp_path / 'a.sqlite'}") as ledger:
        alone, _ = dump_units(ledger, dump, None)
        packed, expected = dump_units(ledger, dump, None, slots=1)
        alone_units, packed_units = list(alone), list(packed)
        assert expected == 30 and len(alone_units) == 30
        assert 6 <= len(packed_units) < 20
        got = [run_unit(u, str(dump)) for u in packed_units]
    assert sum(r.pages for r in got) == 30 and not any(r.errors for r in got)
    found = [o.page_id for r in got for o in r.outcomes if o.parts and o.estimates]
    assert len(found) == len(set(found)) == 24  # every conflict page once, ready to insert


def test_a_bad_stream_in_a_packed_unit_costs_only_its_own_pages(tmp_path: Path) -> None:
    dump = _one_page_streams(tmp_path)
    with Ledger(f"sqlite:///{tmp_path / 'a.sqlite'}") as ledger:
        (first, *_) = [u for u in dump_units(ledger, dump, None, slots=1)[0] if len(u.spans) > 1]
    assert isinstance(first, SpanUnit)
    data = bytearray(dump.read_bytes())
    bad = first.spans[0]
    data[bad.start + 20 : bad.start + 40] = b"\0" * 20  # that stream's bz2 is broken
    dump.write_bytes(bytes(data))
    got = run_unit(first, str(dump))
    assert len(got.errors) == 1
    assert got.pages == sum(len(s.page_ids) for s in first.spans[1:])
