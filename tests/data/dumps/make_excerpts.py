"""Build the dump fixtures of this folder from the real dumps in shared/corpus/wikitext/dumps/.

Run once by hand (``python tests/data/dumps/make_excerpts.py [SHARED_DUMPS_DIR]``); the outputs
are committed because CI's clone has no shared/ folder. Page XML is copied byte for byte from the
real dumps; the only made-up parts are the later revisions of the history sample (see there).
"""

from __future__ import annotations

import bz2
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpus/wikitext/dumps")
WWII = SHARED / "enwiki-wwii-battles-pages-articles-multistream.xml.bz2"
WWII_INDEX = SHARED / "enwiki-wwii-battles-pages-articles-multistream-index.txt.bz2"

# The eight shortest pages with a conflict infobox, a redirect and an article without one.
EXCERPT_PAGES = [
    "54917946",
    "42414114",
    "45094670",
    "31940542",
    "17199769",
    "12344567",
    "4150165",
    "846876",
]
OTHER_PAGES = ["11904183", "2170712"]  # Western Desert Campaign (a redirect), Operation Konrad
HISTORY_PAGE = "42414114"  # Battle of Korytsa
COPIES = ["mwxml-dump.xml", "pywikibot-article-pear-0.10.xml", "gensim-enwiki-table-markup.xml.bz2"]


def streams(path: Path) -> list[tuple[int, bytes, bytes]]:
    """(offset, compressed bytes, decompressed bytes) of each bz2 stream of a multistream file."""
    data, out, off = path.read_bytes(), [], 0
    while off < len(data):
        dec = bz2.BZ2Decompressor()
        text = dec.decompress(data[off:])
        end = len(data) - len(dec.unused_data)
        out.append((off, data[off:end], text))
        off = end
    return out


def raw_pages(path: Path) -> dict[str, bytes]:
    pages = {}
    for _, _, text in streams(path):
        for m in re.finditer(rb"  <page>.*?</page>\n", text, re.S):
            page_id = re.search(rb"</ns><id>(\d+)</id>", m.group(0))
            if page_id:
                pages[page_id.group(1).decode()] = m.group(0)
    return pages


def multistream_excerpt(pages: dict[str, bytes]) -> None:
    parts = streams(WWII)
    header, closing = parts[0][1], parts[-1][1]
    chosen = EXCERPT_PAGES[:4] + OTHER_PAGES + EXCERPT_PAGES[4:]
    body, index, offset = [header], [], len(header)
    for i in range(0, len(chosen), 2):
        group = chosen[i : i + 2]
        stream = bz2.compress(b"".join(pages[p] for p in group))
        for p in group:
            title = re.search(rb"<title>(.*?)</title>", pages[p]).group(1).decode()  # type: ignore[union-attr]
            index.append(f"{offset}:{p}:{title}\n")
        body.append(stream)
        offset += len(stream)
    body.append(closing)
    name = "enwiki-wwii-excerpt-pages-articles-multistream"
    (HERE / f"{name}.xml.bz2").write_bytes(b"".join(body))
    (HERE / f"{name}-index.txt.bz2").write_bytes(bz2.compress("".join(index).encode()))


def history_sample(pages: dict[str, bytes]) -> None:
    """One real revision followed by three made-up ones: a figure changed, a figure removed,
    then a revert to the first text (real dumps list a page's revisions oldest first)."""
    page = pages[HISTORY_PAGE].decode()
    head, rest = page.split("<revision>", 1)
    first = "<revision>" + rest.rsplit("</page>", 1)[0]
    text = re.search(r"<text[^>]*>(.*?)</text>", first, re.S).group(1)  # type: ignore[union-attr]
    changed = text.replace("624 killed", "700 killed")
    removed = changed.replace("&lt;br&gt;2,348 wounded", "")
    assert changed != text and removed != changed

    def revision(rev_id: str, when: str, who: str, body: str) -> str:
        tag = "ip" if who[0].isdigit() else "username"
        return (
            f"<revision><id>{rev_id}</id><timestamp>{when}</timestamp>"
            f"<contributor><{tag}>{who}</{tag}></contributor>"
            f'<model>wikitext</model><format>text/x-wiki</format><text bytes="{len(body)}" '
            f'xml:space="preserve">{body}</text></revision>'
        )

    later = [
        revision("902600001", "2019-07-01T10:00:00Z", "ExampleEditor", changed),
        revision("902700002", "2019-08-01T10:00:00Z", "192.0.2.7", removed),
        revision("902800003", "2019-09-01T10:00:00Z", "ExampleEditor", text),
    ]
    xml = (
        '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" '
        'xml:lang="en">\n' + head + first + "".join(later) + "</page>\n</mediawiki>\n"
    )
    (HERE / "korytsa-history-0.11.xml").write_text(xml, "utf-8")


def main() -> None:
    pages = raw_pages(WWII)
    multistream_excerpt(pages)
    history_sample(pages)
    for name in COPIES:
        shutil.copyfile(SHARED / name, HERE / name)


if __name__ == "__main__":
    main()
