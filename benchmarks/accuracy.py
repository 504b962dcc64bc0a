"""Accuracy of casualty-claim extraction against hand-made references (``*.gold.json``).

    python benchmarks/accuracy.py [GOLD_DIR_OR_FILE ...] [--verbose] [--lenient]

A reference claim matches a system claim of the same kind and side whose value and claimant agree
(the rules of the project's scorer ``shared/tools/score.py``: vague words accept an overlapping
interval, open-ended figures accept N or N+1 as the floor, claimants match on shared words, a
reference stance other than assert must be met). Matching is one-to-one and maximal; a second
system claim for a figure already matched is neither credit nor error. Extraction runs in this
process with the spaCy pipeline loaded once, so the whole dev set takes seconds.
Prints per-article counts and, last, the overall precision, recall and F1.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

from fogofwar.extract import extract_document, load_nlp
from fogofwar.model import NUMERIC_KINDS
from fogofwar.read import read_path

HERE = Path(__file__).resolve().parent
VAGUE = {
    "a few": (2, 4),
    "few": (2, 4),
    "several": (3, 9),
    "dozens": (12, 99),
    "several dozen": (24, 99),
    "several dozens": (24, 99),
    "scores": (20, 99),
    "hundreds": (100, 999),
    "several hundred": (200, 999),
    "thousands": (1000, 9999),
    "tens": (10, 99),
}
_STOP = re.compile(r"\b(the|of|a|an|per|claim|claims|according|to|acc|sources|source)\b")


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    return " ".join(_STOP.sub(" ", re.sub(r"[^a-z0-9 ]+", " ", s)).split())


def claimant_ok(gold: list[str], claimant: dict[str, Any] | None) -> bool:
    name = norm((claimant or {}).get("name"))
    if not gold:
        return not name
    if not name:
        return False
    nt = set(name.split())
    for g in gold:
        gt = set(norm(g).split())
        if gt and (gt <= nt or nt <= gt or len(gt & nt) / len(gt | nt) >= 0.5):
            return True
    return False


def value_ok(g: dict[str, Any], v: dict[str, Any]) -> bool:
    lo, hi = v.get("low"), v.get("high")
    if "words" in g and g.get("low") is None:
        w = norm(g["words"])
        if norm(v.get("words")) == w:
            return True
        if w in VAGUE and lo is not None:
            a, b = VAGUE[w]
            return bool(lo <= b and (hi if hi is not None else 10**9) >= a)
        return False
    if lo is None:
        return False
    if g.get("high") is None:
        return hi is None and abs(lo - g["low"]) <= 1
    return bool(lo == g["low"] and hi == g["high"])


def side_ok(g: dict[str, Any], subject: dict[str, Any]) -> bool:
    if g.get("side") is None:
        return bool(subject.get("civilian")) if g.get("civilian") else subject.get("side") is None
    if subject.get("side") == g["side"]:
        return True
    if g["side"] == 3 and subject.get("civilian"):
        return True
    return bool(g.get("civilian") and subject.get("civilian"))


def matches(g: dict[str, Any], c: dict[str, Any], lenient: bool) -> bool:
    if c["kind"] != g["kind"] or not side_ok(g, c["subject"]) or not value_ok(g, c["value"]):
        return False
    if lenient:
        return True
    if g.get("stance") and c.get("stance", "assert") != g["stance"]:
        return False
    return claimant_ok(g.get("claimant", []), c.get("claimant"))


def score_article(
    gold: list[dict[str, Any]], system: list[dict[str, Any]], lenient: bool
) -> tuple[int, int, int, list[dict[str, Any]], list[dict[str, Any]]]:
    """(true positives, system claims counted, gold claims counted, missed, spurious)."""
    cand = [[i for i, c in enumerate(system) if matches(g, c, lenient)] for g in gold]
    owner: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        for si in cand[gi]:
            if si not in seen:
                seen.add(si)
                if si not in owner or augment(owner[si], seen):
                    owner[si] = gi
                    return True
        return False

    for gi in range(len(gold)):
        augment(gi, set())
    matched = set(owner.values())
    used = set(owner)
    absorbed = {
        si
        for si, c in enumerate(system)
        if si not in used and any(matches(gold[gi], c, lenient) for gi in matched)
    }
    restated = set()
    for gi, a in enumerate(gold):
        if gi in matched:
            continue
        for gj in matched:
            b = gold[gj]
            same = all(a.get(k) == b.get(k) for k in ("kind", "side", "low", "high", "words"))
            if same and (
                (not a.get("claimant") and not b.get("claimant"))
                or any(
                    claimant_ok(a.get("claimant", []), {"name": n}) for n in b.get("claimant", [])
                )
            ):
                restated.add(gi)
                break
    missed = [g for gi, g in enumerate(gold) if gi not in matched and gi not in restated]
    spurious = [c for si, c in enumerate(system) if si not in used and si not in absorbed]
    return (len(matched), len(system) - len(absorbed), len(gold) - len(restated), missed, spurious)


def article_for(gold_path: Path) -> Path:
    stem = gold_path.name[: -len(".gold.json")]
    for p in (
        gold_path.with_name(stem + ".txt"),
        gold_path.parent.parent / "articles" / (stem + ".txt"),
    ):
        if p.exists():
            return p
    raise FileNotFoundError(f"no article beside {gold_path}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", default=[str(HERE / "dev")])
    ap.add_argument("--verbose", "-v", action="store_true", help="list missed and spurious claims")
    ap.add_argument("--lenient", action="store_true", help="ignore the claimant and stance")
    args = ap.parse_args(argv)
    files: list[Path] = []
    for p in map(Path, args.paths):
        files += sorted(p.glob("*.gold.json")) if p.is_dir() else [p]
    nlp = load_nlp()
    tp = nsys = ngold = 0
    for f in files:
        gold_doc = json.loads(f.read_text(encoding="utf-8"))
        gold = [g for g in gold_doc.get("casualty_claims", []) if g.get("kind") in NUMERIC_KINDS]
        _, claims = extract_document(read_path(article_for(f)), nlp)
        system = [c.to_dict() for c in claims if c.kind in NUMERIC_KINDS]
        t, s, g, missed, spurious = score_article(gold, system, args.lenient)
        tp, nsys, ngold = tp + t, nsys + s, ngold + g
        print(f"{f.name[:-10]:45} tp={t:3} system={s:3} gold={g:3}")
        if args.verbose:
            for m in missed:
                print(
                    "    MISSED  ",
                    json.dumps(
                        {
                            k: m.get(k)
                            for k in (
                                "kind",
                                "side",
                                "civilian",
                                "low",
                                "high",
                                "words",
                                "claimant",
                                "where",
                            )
                        },
                        ensure_ascii=False,
                    ),
                )
            for c in spurious:
                v = c["value"]
                who = (c.get("claimant") or {}).get("name")
                print(
                    f"    SPURIOUS {c['kind']} side={c['subject']['side']} "
                    f"civ={c['subject']['civilian']} {v['low']}..{v['high']} {v['words'] or ''}"
                    f" by={who!r} {c['stance']} | {c['evidence'][0]['text'][:70]!r}"
                )
    p = tp / nsys if nsys else 0.0
    r = tp / ngold if ngold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    mode = "lenient (no claimant)" if args.lenient else "strict"
    print(
        f"{len(files)} articles, {mode}: P={p:.3f} R={r:.3f} F1={f1:.3f} "
        f"(tp={tp} system={nsys} gold={ngold})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
