"""Extraction time against input size: doubling the input must (about) double the time.

    .venv/bin/python benchmarks/linearity.py [--article PATH] [--repeat N]

Times, in one process with the spaCy pipeline loaded once, the full extraction (``read_bytes`` +
``extract_document``) of four inputs built from one corpus article:
  * the article itself;
  * the article doubled: its title and infobox once, its prose twice (a second copy of the
    infobox would be read as prose lines, which is other work, not the same work twice);
  * one long sentence without a full stop, the article's words joined by ", " to ~18 KB;
  * the same sentence doubled (~37 KB), still one sentence.
Each figure is the best of N passes after a warm-up, in wall-clock seconds and in CPU seconds of
this process (``time.process_time``; on a machine other work shares, the CPU figures are the
steadier). Prints the seconds and the ratios doubled / single of both; the target is a ratio
<= 2.2 for both inputs (linear, with some slack for noise).
Always exits 0: the figures are for reading, not a gate.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from fogofwar.extract import extract_document, load_nlp
from fogofwar.read import read_bytes

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ARTICLE = ROOT.parent / "shared" / "corpus" / "articles" / "siege_of_mariupol.txt"
SENTENCE_BYTES = 18 * 1024
TARGET = 2.2
_WORD = re.compile(r"[^\W_][\w'’-]*")


def doubled_document(text: str) -> str:
    """The article with its prose written twice: title and infobox once."""
    doc = read_bytes(text.encode("utf-8"), origin="<linearity>")
    cut = doc.sections[0].start if doc.sections else 0
    head, prose = text[:cut], text[cut:]
    return head + prose.rstrip("\n") + "\n\n" + prose


def long_sentence(text: str, size: int) -> str:
    """The article's words joined by ", " (no full stop anywhere) to at least ``size`` chars."""
    words = _WORD.findall(text)
    if not words:
        raise SystemExit("linearity.py: the article has no words")
    parts: list[str] = []
    length = 0
    i = 0
    while length < size:
        word = words[i % len(words)]
        parts.append(word)
        length += len(word) + 2
        i += 1
    return ", ".join(parts)


def sentence_document(sentence: str) -> str:
    return f"= Long sentence =\n\n{sentence}\n"


def best_time(data: bytes, nlp: object, repeat: int) -> tuple[float, float]:
    """The best wall-clock and the best CPU seconds of ``repeat`` extractions of ``data``."""
    wall = cpu = float("inf")
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        extract_document(read_bytes(data, origin="<linearity>"), nlp)
        wall = min(wall, time.perf_counter() - w0)
        cpu = min(cpu, time.process_time() - c0)
    return wall, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--article", type=Path, default=DEFAULT_ARTICLE, help=f"default: {DEFAULT_ARTICLE}"
    )
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the best counts")
    args = parser.parse_args(argv)
    try:
        text = args.article.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    except OSError as err:
        print(f"linearity.py: cannot read {args.article}: {err}", file=sys.stderr)
        return 0
    nlp = load_nlp()
    sentence = long_sentence(text, SENTENCE_BYTES)
    inputs = {
        "document": text,
        "document x2": doubled_document(text),
        "sentence": sentence_document(sentence),
        "sentence x2": sentence_document(sentence + ", " + sentence),
    }
    extract_document(read_bytes(text.encode("utf-8"), origin="<warm-up>"), nlp)
    seconds: dict[str, tuple[float, float]] = {}
    print(f"article: {args.article.name}, best of {args.repeat}")
    print(f"{'input':<14}{'KB':>8}{'seconds':>10}{'CPU s':>10}")
    for name, body in inputs.items():
        data = body.encode("utf-8")
        seconds[name] = best_time(data, nlp, max(args.repeat, 1))
        wall, cpu = seconds[name]
        print(f"{name:<14}{len(data) / 1024:>8.1f}{wall:>10.3f}{cpu:>10.3f}", flush=True)
    for name in ("document", "sentence"):
        (wall2, cpu2), (wall1, cpu1) = seconds[f"{name} x2"], seconds[name]
        ratio, cpu_ratio = wall2 / max(wall1, 1e-9), cpu2 / max(cpu1, 1e-9)
        verdict = "ok" if ratio <= TARGET else "ABOVE TARGET"
        print(
            f"ratio {name} x2 / {name}: {ratio:.2f} (target <= {TARGET}: {verdict}); "
            f"in CPU time {cpu_ratio:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
