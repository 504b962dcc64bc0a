"""Draws of pages from the corpus's WWII dump for the sets made after held-out set 3.

The pool is held-out set 3's (``heldout3/select_pages.py``: a conflict infobox, 8,000 to 30,000
characters, a title in no corpus set) minus the pages of the sets named; ``draw`` takes a seeded
sample and ``render`` writes each page's plain-text rendering (``read_wikitext(...).text``).
"""

from __future__ import annotations

import argparse
import importlib.util
import random
from pathlib import Path
from types import ModuleType

from fogofwar.read.dumps import Revision
from fogofwar.read.wikitext import read_wikitext

BENCHMARKS = Path(__file__).resolve().parent


def stem_of(revision: Revision) -> str:
    return revision.title.replace(" ", "_").replace("/", "_")


def _set3_selection() -> ModuleType:
    path = BENCHMARKS / "heldout3" / "select_pages.py"
    spec = importlib.util.spec_from_file_location("heldout3_select", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def draw(seed: int, size: int, taken: list[Path]) -> list[Revision]:
    """``size`` pages of the pool, none of them a ``*.txt`` stem in the folders ``taken``."""
    used = {p.stem for folder in taken for p in folder.glob("*.txt")}
    pool = [r for r in _set3_selection().candidates() if stem_of(r) not in used]
    return sorted(random.Random(seed).sample(pool, size), key=lambda r: r.title)


def report(chosen: list[Revision], render_to: Path | None) -> None:
    """Print one line per page; write its rendering when ``render_to`` is given."""
    for r in chosen:
        print(f"{stem_of(r)}\tpage {r.page_id}\trev {r.revision_id}\t{r.timestamp}\t{len(r.text)}")
        if render_to:
            doc = read_wikitext(r.text, origin=f"{stem_of(r)}.wikitext", title=r.title)
            (render_to / f"{stem_of(r)}.txt").write_text(doc.text, encoding="utf-8")


def main(doc: str, seed: int, size: int, taken: list[str]) -> int:
    """A set's selection script: print its draw, ``--render OUT_DIR`` writes its texts."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--render", type=Path, help="write the chosen pages' text to this folder")
    args = ap.parse_args()
    report(draw(seed, size, [BENCHMARKS / name for name in taken]), args.render)
    return 0
