"""Export benchmark: time and peak memory of every export format as the ledger grows.

    .venv/bin/python benchmarks/export_bench.py                          # 20,000 and 100,000 claims
    .venv/bin/python benchmarks/export_bench.py --claims 100000 1000000  # the issue's sizes (slow)
    .venv/bin/python benchmarks/export_bench.py --src /path/to/other/src # compare another version

A SQLite ledger is filled with synthetic documents (``fogofwar.ledger.synthetic``: realistic
shapes, --per-doc claims each) through ``fogofwar.ledger.ingest`` up to each size in turn. At each
size every format is exported by the real command (``python -m fogofwar export``) in its own
process, to a file; the table gives its wall time, claims per second and the peak resident memory
of that process (``wait4`` rusage ``ru_maxrss``). Streaming exports keep the peak flat as the
ledger grows: only a batch of events is in memory at a time.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fogofwar.ledger import Ledger, counts, ingest
from fogofwar.ledger.synthetic import document

FORMATS = ("ucdp-csv", "acled-csv", "geojson", "json", "parquet")


def fill(ledger: Ledger, start_doc: int, claims: int, per_doc: int) -> int:
    """Ingest synthetic documents from ``start_doc`` until the ledger holds ``claims``."""
    doc = start_doc
    while doc * per_doc < claims:
        ingest(ledger, document(doc, per_doc, prefix="bench"))
        doc += 1
    return doc


def run_export(db: Path, fmt: str, out: Path, src: str | None) -> tuple[float, float]:
    """(seconds, peak resident MB) of one ``fogofwar export`` process."""
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    cmd = [sys.executable, "-m", "fogofwar", "export", "--db", str(db), "--format", fmt]
    t = time.perf_counter()
    proc = subprocess.Popen(
        [*cmd, "-o", str(out)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t
    if status != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{fmt}: export failed: {err.strip()}")
    return seconds, usage.ru_maxrss / 1024  # kilobytes on Linux


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--claims", type=int, nargs="+", default=[20_000, 100_000])
    ap.add_argument("--per-doc", type=int, default=50, help="claims per synthetic document")
    ap.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    ap.add_argument("--src", help="PYTHONPATH of another fogofwar version to export with")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="fogofwar-export-bench-") as tmp:
        db = Path(tmp) / "ledger.sqlite"
        ledger = Ledger(f"sqlite:///{db}")
        doc = 0
        head = ("claims", "events", "format", "seconds", "claims/s", "peak MB")
        print("{:>9} {:>7} {:<10} {:>8} {:>9} {:>8}".format(*head))
        for size in sorted(args.claims):
            t = time.perf_counter()
            doc = fill(ledger, doc, size, args.per_doc)
            n = counts(ledger)
            took = time.perf_counter() - t
            print(f"# ingested up to {n['current_claims']:,} claims in {took:.0f} s")
            for fmt in args.formats:
                seconds, peak = run_export(db, fmt, Path(tmp) / f"out.{fmt}", args.src)
                rate = n["current_claims"] / seconds
                print(
                    f"{n['current_claims']:>9} {n['events']:>7} {fmt:<10} {seconds:>8.1f} "
                    f"{rate:>9.0f} {peak:>8.0f}",
                    flush=True,
                )
        ledger.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
