"""How held-out set 4 was chosen and rendered (provenance; the frozen ``*.txt`` are the set).

    .venv/bin/python benchmarks/heldout4/select_pages.py [--render OUT_DIR]

Held-out set 3's pool minus set 3's pages (``benchmarks/dump_pages.py``); twelve drawn with
``random.Random(20261202)``. ``MANIFEST.tsv`` holds the checksums of the frozen rendering.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from dump_pages import BENCHMARKS, draw, report

SEED, SIZE = 20261202, 12


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--render", type=Path, help="write the chosen pages' text to this folder")
    args = ap.parse_args()
    report(draw(SEED, SIZE, [BENCHMARKS / "heldout3"]), args.render)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
