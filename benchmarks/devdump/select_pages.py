"""How the dump dev set was chosen and rendered (the frozen ``*.txt`` are the set).

    .venv/bin/python benchmarks/devdump/select_pages.py [--render OUT_DIR]

Held-out set 3's pool minus the pages of held-out sets 3 and 4 (``benchmarks/dump_pages.py``);
eight drawn with ``random.Random(20261203)``. A development set: its references were written by
the developers, who know the extractor, so it measures nothing about unseen text.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import dump_pages

SEED, SIZE = 20261203, 8

if __name__ == "__main__":
    raise SystemExit(dump_pages.main(__doc__ or "", SEED, SIZE, ["heldout3", "heldout4"]))
