"""Accuracy of casualty-claim extraction against hand-made references (``*.gold.json``).

    python benchmarks/accuracy.py [GOLD_DIR_OR_FILE ...]
        [--set dev|devdump|heldout|heldout2|heldout3|heldout4|heldout5|wikitext]
        [--verbose] [--lenient]

Each reference's article lies beside it as ``NAME.txt`` (plain text) or ``NAME.wikitext``
(MediaWiki markup, read by the wikitext reader); ``--set wikitext`` scores ``benchmarks/wikitext``.

A reference claim matches a system claim of the same kind and side whose value and claimant agree
(the rules of the project's scorer ``shared/tools/score.py``: vague words accept an overlapping
interval, open-ended figures accept N or N+1 as the floor, claimants match on shared words, a
reference stance other than assert must be met). Matching is one-to-one and maximal; a second
system claim for a figure already matched is neither credit nor error. Extraction runs in this
process with the spaCy pipeline loaded once, so the whole dev set takes seconds.
Prints per-article counts, precision / recall / F1 by kind, recall of infobox and prose
claims, then the lenient (claimant ignored) and, last, the strict overall figures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
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


@dataclass
class Score:
    """Counts of one scoring mode, overall and by kind and by where the reference found it."""

    tp: int = 0
    system: int = 0
    gold: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [tp, system, gold]
    by_where: dict[str, list[int]] = field(default_factory=dict)  # infobox|prose -> [hit, n]

    def prf(self) -> tuple[float, float, float]:
        return prf(self.tp, self.system, self.gold)


def prf(tp: int, system: int, gold: int) -> tuple[float, float, float]:
    p = tp / system if system else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_article(
    gold: list[dict[str, Any]], system: list[dict[str, Any]], lenient: bool, score: Score
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int, int, int]:
    """Add one article to ``score``; return (missed, spurious, tp, system, gold) for it."""
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
    restated = _restated(gold, matched)
    missed = [g for gi, g in enumerate(gold) if gi not in matched and gi not in restated]
    spurious = [c for si, c in enumerate(system) if si not in used and si not in absorbed]
    for gi, g in enumerate(gold):
        if gi in restated:
            continue
        row = score.by_kind.setdefault(g["kind"], [0, 0, 0])
        row[0] += gi in matched
        row[2] += 1
        where = "infobox" if str(g.get("where", "")).startswith("infobox") else "prose"
        hit = score.by_where.setdefault(where, [0, 0])
        hit[0] += gi in matched
        hit[1] += 1
    for si, c in enumerate(system):
        if si not in absorbed:
            score.by_kind.setdefault(c["kind"], [0, 0, 0])[1] += 1
    tp, nsys, ngold = len(matched), len(system) - len(absorbed), len(gold) - len(restated)
    score.tp, score.system, score.gold = score.tp + tp, score.system + nsys, score.gold + ngold
    return missed, spurious, tp, nsys, ngold


def _restated(gold: list[dict[str, Any]], matched: set[int]) -> set[int]:
    """Reference restatements of a matched figure (same kind, side, value, claimant)."""
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
    return restated


ARTICLE_EXTENSIONS = (".txt", ".wikitext", ".wiki", ".mediawiki")


def article_for(gold_path: Path) -> Path:
    stem = gold_path.name[: -len(".gold.json")]
    for ext in ARTICLE_EXTENSIONS:
        for p in (
            gold_path.with_name(stem + ext),
            gold_path.parent.parent / "articles" / (stem + ext),
        ):
            if p.exists():
                return p
    raise FileNotFoundError(f"no article beside {gold_path}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", help="reference files or folders (default: --set)")
    ap.add_argument(
        "--set",
        choices=(
            "dev",
            "devdump",
            "heldout",
            "heldout2",
            "heldout3",
            "heldout4",
            "heldout5",
            "wikitext",
        ),
        default="dev",
        help="the folder of benchmarks/ to score when no path is given (default: dev)",
    )
    ap.add_argument("--verbose", "-v", action="store_true", help="list missed and spurious claims")
    ap.add_argument("--lenient", action="store_true", help="list errors ignoring the claimant")
    args = ap.parse_args(argv)
    files: list[Path] = []
    for p in map(Path, args.paths or [str(HERE / args.set)]):
        files += sorted(p.glob("*.gold.json")) if p.is_dir() else [p]
    nlp = load_nlp()
    strict, lenient = Score(), Score()
    for f in files:
        gold_doc = json.loads(f.read_text(encoding="utf-8"))
        gold = [g for g in gold_doc.get("casualty_claims", []) if g.get("kind") in NUMERIC_KINDS]
        _, claims = extract_document(read_path(article_for(f)), nlp)
        system = [c.to_dict() for c in claims if c.kind in NUMERIC_KINDS]
        errors = score_article(gold, system, False, strict)
        lenient_errors = score_article(gold, system, True, lenient)
        missed, spurious, t, s, g = lenient_errors if args.lenient else errors
        print(f"{f.name[:-10]:45} tp={t:3} system={s:3} gold={g:3}")
        if args.verbose:
            _print_errors(missed, spurious)
    _print_summary(len(files), strict, lenient)
    return 0


def _print_errors(missed: list[dict[str, Any]], spurious: list[dict[str, Any]]) -> None:
    keys = ("kind", "side", "civilian", "low", "high", "words", "claimant", "where")
    for m in missed:
        print("    MISSED  ", json.dumps({k: m.get(k) for k in keys}, ensure_ascii=False))
    for c in spurious:
        v = c["value"]
        who = (c.get("claimant") or {}).get("name")
        print(
            f"    SPURIOUS {c['kind']} side={c['subject']['side']} "
            f"civ={c['subject']['civilian']} {v['low']}..{v['high']} {v['words'] or ''}"
            f" by={who!r} {c['stance']} | {c['evidence'][0]['text'][:70]!r}"
        )


def _print_summary(articles: int, strict: Score, lenient: Score) -> None:
    print()
    print(f"{'kind':22} {'tp':>5} {'system':>6} {'gold':>5}  {'P':>5} {'R':>5} {'F1':>5}")
    for kind in sorted(strict.by_kind, key=lambda k: -strict.by_kind[k][2]):
        t, s, g = strict.by_kind[kind]
        p, r, f1 = prf(t, s, g)
        print(f"{kind:22} {t:5} {s:6} {g:5}  {p:5.3f} {r:5.3f} {f1:5.3f}")
    print()
    for where, (hit, n) in sorted(strict.by_where.items()):
        print(f"recall {where:8} strict {hit}/{n} = {hit / n if n else 0:.3f}", end="")
        lhit, ln = lenient.by_where.get(where, [0, 0])
        print(f"   lenient {lhit}/{ln} = {lhit / ln if ln else 0:.3f}")
    for name, score in (("lenient (no claimant)", lenient), ("strict", strict)):
        p, r, f1 = score.prf()
        print(
            f"{articles} articles, {name}: P={p:.3f} R={r:.3f} F1={f1:.3f} "
            f"(tp={score.tp} system={score.system} gold={score.gold})"
        )


if __name__ == "__main__":
    sys.exit(main())
