"""Extraction speed against spaCy's own ``nlp.pipe``, same pipeline, same texts, same run.

    .venv/bin/python benchmarks/speed.py [--corpus DIR] [--repeat N]

Reads every article (``*.txt``) of the corpus into memory once, then times, in one process:
  * fogofwar: the full extraction of each article from its bytes (``read_bytes`` +
    ``extract_document``: infobox, sentences, spaCy on the sentences that can hold a claim,
    attribution, merging);
  * spaCy: ``nlp.pipe`` over the full text of the same articles with the same pipeline
    (``fogofwar.extract.load_nlp()``).
Both get a warm-up pass first; each figure is the best of N passes. Prints a markdown table for
the README and the ratio fogofwar / spaCy (target >= 1.5, DESIGN.md "Performance targets").
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


def timed(run: Callable[[], None]) -> float:
    t0 = time.perf_counter()
    run()
    return time.perf_counter() - t0


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
    fog_s = spacy_s = float("inf")
    for _ in range(max(1, args.repeat)):  # interleaved, so drift hits both alike
        fog_s = min(fog_s, timed(fogofwar_pass))
        spacy_s = min(spacy_s, timed(spacy_pass))

    n = len(articles)
    rows: list[tuple[str, float]] = [
        ("fogofwar extract (full)", fog_s),
        ("spaCy nlp.pipe (same pipeline)", spacy_s),
    ]
    ratio = spacy_s / fog_s
    pipe_names = ", ".join(nlp.pipe_names)
    print(f"corpus: {corpus} ({n} articles, {words:,} words, {sum(claims):,} claims extracted)")
    print(
        f"pipeline: {nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')} [{pipe_names}]; "
        f"best of {max(1, args.repeat)} after a warm-up; one process; Python "
        f"{platform.python_version()} on {platform.machine()}"
    )
    print()
    print("| run | seconds | articles/s | words/s |")
    print("|---|---:|---:|---:|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} | {n / seconds:,.1f} | {words / seconds:,.0f} |")
    print()
    verdict = "meets" if ratio >= TARGET else "misses"
    print(f"ratio fogofwar / spaCy throughput: {ratio:.2f} ({verdict} the {TARGET} target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
