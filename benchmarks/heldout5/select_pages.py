"""How held-out set 5 was chosen and rendered (provenance; the frozen ``*.txt`` are the set).

    .venv/bin/python benchmarks/heldout5/select_pages.py [--render OUT_DIR]

Held-out set 3's pool minus the pages of set 3, set 4 and the dump dev set
(``benchmarks/dump_pages.py``); twelve drawn with ``random.Random(20261204)``. ``MANIFEST.tsv``
holds the checksums of the frozen rendering.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import dump_pages

SEED, SIZE = 20261204, 12

if __name__ == "__main__":
    raise SystemExit(
        dump_pages.main(__doc__ or "", SEED, SIZE, ["heldout3", "heldout4", "devdump"])
    )
