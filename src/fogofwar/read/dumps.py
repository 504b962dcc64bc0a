"""Reader for MediaWiki XML dumps (``export-0.8`` to ``0.11``), streamed in constant memory.

A dump is ``<mediawiki>`` (with or without ``<siteinfo>``) holding ``<page>`` elements, each with
its ``<title>``, ``<ns>``, ``<id>`` and one or more ``<revision>`` (id, timestamp, contributor,
text). Plain ``.xml`` or bz2 (one stream or many). Elements are parsed incrementally and cleared
as soon as a revision is yielded, so memory stays flat however large the file is.

A *multistream* dump is a run of independent bz2 streams (a header with ``<siteinfo>``, then
streams of whole pages, then ``</mediawiki>``) with an index, ``...-index.txt.bz2``, of lines
``offset:page_id:title``. :func:`stream_spans` cuts the file at those offsets so each stream can
be read on its own (:func:`span_revisions`), by different processes at once.
"""

from __future__ import annotations

import bz2
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from fogofwar.errors import DumpError, DumpIndexError, DumpIndexMissing, DumpTruncated, DumpXMLError

CHUNK = 1 << 18
"""Bytes read, decompressed and parsed at a time."""

BZ2_MAGIC = b"BZh"
_CLOSING = b"</mediawiki>"


@dataclass(frozen=True)
class Revision:
    """One revision of one page as the dump gives it (ids are strings, as in the XML)."""

    page_id: str
    title: str
    ns: int
    revision_id: str | None
    timestamp: str | None  # ISO 8601 as in the dump (``2014-07-14T10:00:00Z``)
    editor: str | None  # the contributor's username, else its IP address
    text: str
    redirect: bool = False


@dataclass(frozen=True)
class StreamSpan:
    """Bytes ``[start, end)`` of a multistream dump: whole bz2 streams of whole pages."""

    start: int
    end: int
    page_ids: tuple[str, ...]


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _head(path: Path, size: int = 4096) -> bytes:
    """The first ``size`` bytes of the file's content, decompressed if it is bz2 (a bz2 block
    gives nothing until it is complete: read on, up to a few megabytes)."""
    with path.open("rb") as f:
        raw = f.read(size)
        if not raw.startswith(BZ2_MAGIC):
            return raw
        dec, out = bz2.BZ2Decompressor(), b""
        try:
            while raw and not out and f.tell() <= 4 * CHUNK:
                out = dec.decompress(raw, max_length=size)
                raw = f.read(64 * 1024) if not dec.eof else b""
        except OSError:
            return b""
        return out


def is_dump(path: str | Path) -> bool:
    """Whether the file is a MediaWiki XML export (plain or bz2), judged by its first bytes."""
    p = Path(path)
    if not p.is_file():
        return False
    try:
        head = _head(p).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2 :].lstrip()
    return head.startswith(b"<mediawiki")


def _file_chunks(path: Path) -> Iterator[bytes]:
    """The decompressed bytes of a plain or bz2 file (every bz2 stream, in order)."""
    with path.open("rb") as raw:
        first = raw.read(CHUNK)
        if not first.startswith(BZ2_MAGIC):
            chunk = first
            while chunk:
                yield chunk
                chunk = raw.read(CHUNK)
            return
        yield from _bz2_chunks(_reads(first, raw), str(path))


def _reads(first: bytes, raw: BinaryIO, limit: int | None = None) -> Iterator[bytes]:
    left = None if limit is None else limit - len(first)
    yield first
    while left is None or left > 0:
        chunk = raw.read(CHUNK if left is None else min(CHUNK, left))
        if not chunk:
            return
        if left is not None:
            left -= len(chunk)
        yield chunk


def _bz2_chunks(compressed: Iterable[bytes], origin: str) -> Iterator[bytes]:
    """Decompress consecutive bz2 streams (a multistream file is several), at most ``CHUNK``
    bytes at a time: a highly repetitive dump inflates a hundredfold."""
    dec = bz2.BZ2Decompressor()
    inside = False  # bytes of a stream were fed and its end marker not yet seen
    for chunk in compressed:
        data = chunk
        while True:
            try:
                out = dec.decompress(data, max_length=CHUNK)
            except OSError as exc:
                raise DumpError(f"not a bz2 stream: {exc}", origin=origin) from None
            if out:
                yield out
            if dec.eof:
                data, dec, inside = dec.unused_data, bz2.BZ2Decompressor(), False
                if not data:
                    break
            elif dec.needs_input:
                inside = True
                break
            else:
                data = b""
    if inside:
        raise DumpTruncated(
            "the bz2 data ends before its end-of-stream marker (truncated download?)",
            origin=origin,
        )


def iter_revisions(path: str | Path) -> Iterator[Revision]:
    """Every revision of every page of a dump file, in file order, in constant memory."""
    p = Path(path)
    try:
        yield from parse_revisions(_file_chunks(p), origin=str(p))
    except FileNotFoundError:
        raise DumpError("no such file", origin=str(p)) from None
    except PermissionError:
        raise DumpError("permission denied", origin=str(p)) from None


def parse_revisions(
    chunks: Iterable[bytes], *, origin: str, fragment: bool = False
) -> Iterator[Revision]:
    """Revisions from XML bytes fed piece by piece; ``fragment``: bare ``<page>`` elements (one
    stream of a multistream dump), parsed under a stand-in root."""
    parser: ET.XMLPullParser[Any] = ET.XMLPullParser(events=("start", "end"))
    state = _ParseState(origin, fragment)
    if fragment:
        parser.feed(b"<fragment>")
    try:
        for chunk in chunks:
            parser.feed(chunk)
            yield from state.consume(parser.read_events())
        if fragment:
            parser.feed(b"</fragment>")
            yield from state.consume(parser.read_events())
    except ET.ParseError as exc:
        line, column = exc.position
        raise DumpXMLError(
            f"bad XML at line {line}, column {column}: {_reason(exc)} "
            f"(after {state.pages} complete pages)",
            origin=origin,
        ) from None
    try:
        parser.close()
    except ET.ParseError:
        state.closed = False
    if not state.closed:
        raise DumpTruncated(
            f"the XML ends inside the dump, after {state.pages} complete pages", origin=origin
        )


def _reason(exc: ET.ParseError) -> str:
    return str(exc).split(":")[0]


class _ParseState:
    """Turns parser events into revisions, clearing every element once it has been read."""

    def __init__(self, origin: str, fragment: bool) -> None:
        self.origin = origin
        self.root: ET.Element | None = None
        self.page: ET.Element | None = None
        self.pages = 0
        self.closed = False
        self.fragment = fragment

    def consume(self, events: Iterable[Any]) -> Iterator[Revision]:
        for kind, elem in events:
            name = _local(elem.tag)
            if kind == "start":
                self._start(name, elem)
            elif name == "revision" and self.page is not None:
                yield _revision(self.page, elem)
                self.page.remove(elem)
            elif name == "page" and self.root is not None:
                self.pages += 1
                self.page = None
                self.root.clear()
            elif elem is self.root:
                self.closed = True

    def _start(self, name: str, elem: ET.Element) -> None:
        if self.root is None:
            expected = "fragment" if self.fragment else "mediawiki"
            if name != expected:
                raise DumpXMLError(
                    f"not a MediaWiki export: the root element is <{name}>", origin=self.origin
                )
            self.root = elem
        elif name == "page":
            self.page = elem


def _text_of(elem: ET.Element | None, name: str) -> str | None:
    if elem is None:
        return None
    for child in elem:
        if _local(child.tag) == name:
            return child.text or ""
    return None


def _child(elem: ET.Element, name: str) -> ET.Element | None:
    for child in elem:
        if _local(child.tag) == name:
            return child
    return None


def _revision(page: ET.Element, rev: ET.Element) -> Revision:
    contributor = _child(rev, "contributor")
    editor = _text_of(contributor, "username") or _text_of(contributor, "ip")
    ns = _text_of(page, "ns")
    return Revision(
        page_id=(_text_of(page, "id") or "").strip(),
        title=(_text_of(page, "title") or "").strip(),
        ns=int(ns) if ns and ns.strip().lstrip("-").isdigit() else 0,
        revision_id=(_text_of(rev, "id") or "").strip() or None,
        timestamp=(_text_of(rev, "timestamp") or "").strip() or None,
        editor=editor.strip() if editor else None,
        text=_text_of(rev, "text") or "",
        redirect=_child(page, "redirect") is not None,
    )


# -- multistream -------------------------------------------------------------------------------


def find_index(dump: str | Path) -> Path | None:
    """The ``-index.txt.bz2`` beside a ``...multistream.xml.bz2`` dump, if there is one."""
    p = Path(dump)
    for suffix in (".xml.bz2", ".bz2"):
        if p.name.endswith(suffix):
            candidate = p.with_name(p.name[: -len(suffix)] + "-index.txt.bz2")
            if candidate.is_file():
                return candidate
    return None


def read_index(index: str | Path) -> list[tuple[int, str]]:
    """``(offset, page_id)`` for each line ``offset:page_id:title`` of a multistream index."""
    p = Path(index)
    if not p.is_file():
        raise DumpIndexMissing("no such multistream index file", origin=str(p))
    opener = bz2.open if _is_bz2(p) else open
    out = []
    try:
        with opener(p, "rt", encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                offset, _, rest = line.partition(":")
                page_id = rest.partition(":")[0]
                if not offset.isdigit() or not page_id.strip():
                    raise DumpIndexError(
                        f"line {number} is not offset:page_id:title", origin=str(p)
                    )
                out.append((int(offset), page_id.strip()))
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise DumpIndexMissing(f"cannot read the index: {exc}", origin=str(p)) from None
    if not out:
        raise DumpIndexMissing("the index lists no pages", origin=str(p))
    return out


def _is_bz2(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(3) == BZ2_MAGIC


def stream_spans(dump: str | Path, index: str | Path) -> list[StreamSpan]:
    """The dump cut at its index's offsets: one span per stream of pages, in file order."""
    p = Path(dump)
    size = p.stat().st_size
    pages: dict[int, list[str]] = {}
    for offset, page_id in read_index(index):
        if offset >= size:
            raise DumpIndexError(
                f"index offset {offset} is past the end of the dump ({size} bytes)", origin=str(p)
            )
        pages.setdefault(offset, []).append(page_id)
    starts = sorted(pages)
    ends = [*starts[1:], size]
    return [StreamSpan(s, e, tuple(pages[s])) for s, e in zip(starts, ends, strict=True)]


def span_revisions(dump: str | Path, span: StreamSpan) -> Iterator[Revision]:
    """The revisions of the pages in one span, read and decompressed independently."""
    p = Path(dump)
    origin = f"{p}@{span.start}"
    with p.open("rb") as raw:
        raw.seek(span.start)
        first = raw.read(min(CHUNK, span.end - span.start))
        if not first.startswith(BZ2_MAGIC):
            raise DumpIndexError(
                f"index offset {span.start} is not the start of a bz2 stream", origin=str(p)
            )
        chunks = _drop_closing(_bz2_chunks(_reads(first, raw, span.end - span.start), origin))
        yield from parse_revisions(chunks, origin=origin, fragment=True)


def _drop_closing(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """The last stream of a multistream dump is ``</mediawiki>`` alone: not part of a page."""
    held = b""
    for chunk in chunks:
        if held:
            yield held
        held = chunk
    tail = held.rstrip()
    yield tail[: -len(_CLOSING)] if tail.endswith(_CLOSING) else held
