"""How the dump dev set was chosen and rendered (the frozen ``*.txt`` are the set).

    .venv/bin/python benchmarks/devdump/select_pages.py [--render OUT_DIR]

Held-out set 3's pool minus the pages of held-out sets 3 and 4 (``benchmarks/dump_pages.py``);
eight drawn with ``random.Random(20261203)``. A development set: its references were written by
the developers, who know the extractor, so it measures nothing about unseen text.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from dump_pages import BENCHMARKS, draw, report

SEED, SIZE = 20261203, 8


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--render", type=Path, help="write the chosen pages' text to this folder")
    args = ap.parse_args()
    report(draw(SEED, SIZE, [BENCHMARKS / "heldout3", BENCHMARKS / "heldout4"]), args.render)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
