"""How held-out set 3 was chosen and rendered (provenance; the frozen ``*.txt`` are the set).

    .venv/bin/python benchmarks/heldout3/select_pages.py [--render OUT_DIR]

Pages of the corpus's WWII multistream dump whose wikitext holds a conflict infobox, 8,000 to
30,000 characters long, whose title is in no other set (``shared/corpus/wikitext/*.wikitext``,
``shared/corpus/articles``); fifteen drawn with ``random.Random(20261201)``. ``--render`` writes
each page's plain-text rendering (``read_wikitext(...).text``); the set was rendered at e701137,
and ``MANIFEST.tsv`` holds the checksums of that rendering.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from fogofwar.read.dumps import Revision, iter_revisions
from fogofwar.read.wikitext import has_conflict_infobox, read_wikitext

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
DUMP = CORPUS / "wikitext" / "dumps" / "enwiki-wwii-battles-pages-articles-multistream.xml.bz2"
SEED, SIZE, LOW, HIGH = 20261201, 15, 8_000, 30_000


def _known_titles() -> set[str]:
    stems = [p.stem for p in (CORPUS / "wikitext").glob("*.wikitext")]
    stems += [p.stem for p in (CORPUS / "articles").glob("*.txt")]
    return {s.replace("_", " ").lower() for s in stems}


def candidates() -> list[Revision]:
    """Every page of the dump the selection may draw, in dump order."""
    known = _known_titles()
    return [
        r
        for r in iter_revisions(DUMP)
        if has_conflict_infobox(r.text)
        and LOW <= len(r.text) <= HIGH
        and r.title.lower() not in known
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--render", type=Path, help="write the chosen pages' text to this folder")
    args = ap.parse_args()
    chosen = sorted(random.Random(SEED).sample(candidates(), SIZE), key=lambda r: r.title)
    for r in chosen:
        stem = r.title.replace(" ", "_").replace("/", "_")
        print(f"{stem}\tpage {r.page_id}\trev {r.revision_id}")
        if args.render:
            doc = read_wikitext(r.text, origin=f"{stem}.wikitext", title=r.title)
            (args.render / f"{stem}.txt").write_text(doc.text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
