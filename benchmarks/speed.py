"""Extraction speed against spaCy's own ``nlp.pipe``, same pipeline, same texts, same run.

    .venv/bin/python benchmarks/speed.py [--corpus DIR] [--repeat N]

Reads every article (``*.txt``) of the corpus into memory once, then times, in one process:
  * fogofwar: the full extraction of each article from its bytes (``read_bytes`` +
    ``extract_document``: infobox, sentences, spaCy on the sentences that can hold a claim,
    attribution, merging);
  * spaCy: ``nlp.pipe`` over the full text of the same articles with the same pipeline
    (``fogofwar.extract.load_nlp()``).
Both get a warm-up pass first; each figure is the best of N passes. Prints a markdown table for
the README and the ratio fogofwar / spaCy (target >= 1.5, DESIGN.md "Performance targets"), in
wall-clock time and in CPU time of this process (``time.process_time``: on a machine other work
shares, the CPU figures are the steadier; on a quiet one both agree).
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

from fogofwar.extract import extract_document, load_nlp
from fogofwar.read import read_bytes

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "articles"
DEV_SET = ROOT / "benchmarks" / "dev"
TARGET = 1.5


def default_corpus() -> Path:
    return SHARED_CORPUS if SHARED_CORPUS.is_dir() else DEV_SET


def load_corpus(directory: Path) -> list[tuple[str, bytes]]:
    files = sorted(p for p in directory.glob("*.txt") if p.is_file())
    if not files:
        raise SystemExit(f"speed.py: no *.txt articles in {directory}")
    return [(str(p), p.read_bytes()) for p in files]


def timed(run: Callable[[], None]) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of this process) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help=f"directory of *.txt articles (default: {SHARED_CORPUS}, "
        f"or {DEV_SET.relative_to(ROOT)} when that is missing)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the best counts")
    args = parser.parse_args(argv)
    corpus = args.corpus or default_corpus()
    articles = load_corpus(corpus)
    nlp = load_nlp()
    texts = [read_bytes(data, origin=path).text for path, data in articles]
    words = sum(len(t.split()) for t in texts)
    claims: list[int] = []

    def fogofwar_pass() -> None:
        claims.clear()
        for path, data in articles:
            _, found = extract_document(read_bytes(data, origin=path), nlp)
            claims.append(len(found))

    def spacy_pass() -> None:
        for doc in nlp.pipe(texts):
            _ = len(doc)

    # warm-up: caches, lazy rule compilation, allocator
    fogofwar_pass()
    spacy_pass()
    fog = spacy = (float("inf"), float("inf"))
    for _ in range(max(1, args.repeat)):  # interleaved, so drift hits both alike
        fog = _best(fog, timed(fogofwar_pass))
        spacy = _best(spacy, timed(spacy_pass))

    n = len(articles)
    rows: list[tuple[str, tuple[float, float]]] = [
        ("fogofwar extract (full)", fog),
        ("spaCy nlp.pipe (same pipeline)", spacy),
    ]
    ratio, cpu_ratio = spacy[0] / fog[0], spacy[1] / fog[1]
    pipe_names = ", ".join(nlp.pipe_names)
    print(f"corpus: {corpus} ({n} articles, {words:,} words, {sum(claims):,} claims extracted)")
    print(
        f"pipeline: {nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')} [{pipe_names}]; "
        f"best of {max(1, args.repeat)} after a warm-up; one process; Python "
        f"{platform.python_version()} on {platform.machine()}"
    )
    print()
    print("| run | seconds | CPU seconds | articles/s | words/s |")
    print("|---|---:|---:|---:|---:|")
    for name, (wall, cpu) in rows:
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {n / wall:,.1f} | {words / wall:,.0f} |")
    print()
    verdict = "meets" if ratio >= TARGET else "misses"
    print(f"ratio fogofwar / spaCy throughput: {ratio:.2f} ({verdict} the {TARGET} target)")
    print(f"ratio in CPU time of this process: {cpu_ratio:.2f}")
    return 0


def _best(best: tuple[float, float], new: tuple[float, float]) -> tuple[float, float]:
    """The best wall-clock and the best CPU time so far, each on its own."""
    return min(best[0], new[0]), min(best[1], new[1])


if __name__ == "__main__":
    sys.exit(main())
