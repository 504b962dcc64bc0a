"""How held-out set 4 was chosen and rendered (provenance; the frozen ``*.txt`` are the set).

    .venv/bin/python benchmarks/heldout4/select_pages.py [--render OUT_DIR]

Held-out set 3's pool minus set 3's pages (``benchmarks/dump_pages.py``); twelve drawn with
``random.Random(20261202)``. ``MANIFEST.tsv`` holds the checksums of the frozen rendering.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import dump_pages

SEED, SIZE = 20261202, 12

if __name__ == "__main__":
    raise SystemExit(dump_pages.main(__doc__ or "", SEED, SIZE, ["heldout3"]))
