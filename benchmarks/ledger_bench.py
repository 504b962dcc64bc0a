"""Ledger benchmark: ingest throughput and query latency on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/ledger_bench.py                      # 1,000,000 claims, both
    .venv/bin/python benchmarks/ledger_bench.py --claims 100000 --backends sqlite
    .venv/bin/python benchmarks/ledger_bench.py --pg postgresql://...   # else one is started

1. Ingest throughput: synthetic documents (fogofwar.ledger.synthetic: realistic shapes) and the
   corpus' real extraction if given (--corpus-json), through ``fogofwar.ledger.ingest``, one
   transaction per document, into an empty ledger: claims per second.
2. The same run continues until the ledger holds --claims claims (distinct ids per document),
   then times ``show`` (event, claims, estimates, revision diff) and ``events`` (filters by
   country, date range, actor, war) through the library: p50 / p99 over --queries calls each.
3. ``sources`` (every claimant's profile) and ``estimates`` for every event, each in a fresh
   process on the read-only ledger: wall time, and peak memory as the process's maximum
   resident set (ru_maxrss) beside its resident set before the run (imports, no data), so the
   difference is what the run itself held.

    .venv/bin/python benchmarks/ledger_bench.py --measure estimates --url sqlite:///x.sqlite
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from fogofwar.ledger import (
    EventFilter,
    Ledger,
    counts,
    event_claims,
    get_event,
    ingest,
    list_events,
    revision_changes,
)
from fogofwar.ledger.synthetic import COUNTRIES, WARS, document
from fogofwar.model import Extraction
from fogofwar.reconcile import load_policy, reconcile

ROOT = Path(__file__).resolve().parents[1]
PER_DOC = 100


def show(ledger: Ledger, event_id: str) -> int:
    """What ``fogofwar show`` computes."""
    ev = get_event(ledger, event_id)
    claims = event_claims(ledger, [ev.id])[ev.id]
    ests = reconcile(claims, load_policy(), events=[ev])
    revision_changes(ledger, ev.id)
    return len(claims) + len(ests)


def random_filter(rng: random.Random) -> EventFilter:
    kind = rng.randrange(4)
    if kind == 0:
        return EventFilter(country=rng.choice(COUNTRIES)[0])
    if kind == 1:
        year = rng.randint(2012, 2022)
        month = rng.randint(1, 12)
        return EventFilter(date_from=f"{year}-{month:02d}-01", date_to=f"{year}-{month:02d}-28")
    if kind == 2:
        return EventFilter(
            actor=f"{rng.choice(COUNTRIES)[0]} Army 1", date_from="2020-01-01", date_to="2020-12-31"
        )
    return EventFilter(
        war=rng.choice(WARS).split()[0], date_from="2016-06-01", date_to="2016-06-30"
    )


def timed(fn: Callable[[], object], n: int) -> dict[str, float]:
    laps = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        laps.append((time.perf_counter() - t) * 1000)
    laps.sort()
    return {
        "p50_ms": round(statistics.median(laps), 2),
        "p99_ms": round(laps[min(len(laps) - 1, int(len(laps) * 0.99))], 2),
    }


def _rss_mb() -> float:
    """This process's peak resident set so far, in MB (ru_maxrss is in KiB on Linux)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def measure(what: str, url: str) -> dict[str, object]:
    """One whole-ledger read (``sources`` or ``estimates``) in this process: seconds, peak
    memory, and how many rows it produced."""
    from fogofwar.ledger import iter_estimates, source_profiles

    ledger = Ledger(url, read_only=True)
    policy = load_policy()
    before = _rss_mb()
    t = time.perf_counter()
    if what == "sources":
        n = len(source_profiles(ledger, policy))
    else:
        n = sum(1 for _ in iter_estimates(ledger, policy=policy))
    seconds = time.perf_counter() - t
    ledger.close()
    return {"rows": n, "seconds": round(seconds, 1), "rss_before_mb": before, "peak_mb": _rss_mb()}


def measure_in_subprocess(what: str, url: str) -> dict[str, object]:
    got = subprocess.run(
        [sys.executable, __file__, "--measure", what, "--url", url],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, object] = json.loads(got.stdout)
    return result


def run(url: str, total: int, queries: int, corpus: Extraction | None) -> dict[str, object]:
    ledger = Ledger(url)
    out: dict[str, object] = {"backend": ledger.dialect}
    if corpus is not None:
        t = time.perf_counter()
        ingest(ledger, corpus)
        dt = time.perf_counter() - t
        out["corpus_claims_per_s"] = round(len(corpus.claims) / dt)
    first = 200  # the throughput sample: an empty-ish ledger
    t = time.perf_counter()
    for i in range(first):
        ingest(ledger, document(i, PER_DOC))
    out["ingest_claims_per_s"] = round(first * PER_DOC / (time.perf_counter() - t))
    docs = total // PER_DOC
    t = time.perf_counter()
    for i in range(first, docs):
        ingest(ledger, document(i, PER_DOC))
        if i % 1000 == 0:
            print(f"  {ledger.dialect}: {i * PER_DOC} claims", file=sys.stderr)
    dt = time.perf_counter() - t
    out["bulk_claims_per_s"] = round((docs - first) * PER_DOC / dt) if docs > first else None
    out["ledger"] = counts(ledger)
    rng = random.Random(1)
    out["show"] = timed(lambda: show(ledger, f"syn-{rng.randrange(docs)}"), queries)
    out["events"] = timed(lambda: list_events(ledger, random_filter(rng)), queries)
    out["events_page100"] = timed(
        lambda: list_events(ledger, random_filter(rng), limit=100), queries
    )
    out["events_matched_avg"] = round(
        statistics.mean(len(list_events(ledger, random_filter(rng))) for _ in range(50)), 1
    )
    ledger.close()
    for what in ("sources", "estimates"):
        out[what] = measure_in_subprocess(what, url)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--pg", help="PostgreSQL server URL (default: start one)")
    ap.add_argument("--corpus-json", help="an extraction JSON of real articles")
    ap.add_argument("--json", action="store_true", help="print results as JSON")
    ap.add_argument("--measure", choices=("sources", "estimates"), help=argparse.SUPPRESS)
    ap.add_argument("--url", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.url)))
        return
    corpus = None
    if args.corpus_json:
        corpus = Extraction.from_dict(json.loads(Path(args.corpus_json).read_text("utf-8")))
    results = []
    tmp = tempfile.mkdtemp(prefix="fogofwar-bench-")  # removed at the end
    for backend in args.backends.split(","):
        if backend == "sqlite":
            results.append(run(f"sqlite:///{tmp}/bench.sqlite", args.claims, args.queries, corpus))
            continue
        pgdir, url = None, args.pg or os.environ.get("FOGOFWAR_TEST_PG_URL")
        env = {**os.environ, "FOGOFWAR_PG_PORT": str(55433 + random.randrange(2000))}
        if not url:
            pgdir = f"/tmp/fogofwar-bench-pg-{uuid.uuid4().hex[:6]}"
            url = subprocess.run(
                [str(ROOT / "scripts/postgres.sh"), "start", pgdir],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout.split()[-1]
        try:
            results.append(run(url, args.claims, args.queries, corpus))
        finally:
            if pgdir:
                subprocess.run(
                    [str(ROOT / "scripts/postgres.sh"), "stop", pgdir], env=env, check=False
                )
    shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        print(json.dumps(results, indent=1))
        return
    print(
        "| backend | ingest claims/s | bulk claims/s | corpus claims/s | claims in ledger "
        "| show p50/p99 ms | events p50/p99 ms | events (first 100) p50/p99 ms |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        led, sh, ev, pg = r["ledger"], r["show"], r["events"], r["events_page100"]
        assert isinstance(led, dict) and isinstance(sh, dict) and isinstance(ev, dict)
        assert isinstance(pg, dict)
        print(
            f"| {r['backend']} | {r['ingest_claims_per_s']} | {r['bulk_claims_per_s']} | "
            f"{r.get('corpus_claims_per_s', '-')} | {led['claims']} | "
            f"{sh['p50_ms']} / {sh['p99_ms']} | {ev['p50_ms']} / {ev['p99_ms']} | "
            f"{pg['p50_ms']} / {pg['p99_ms']} |"
        )
    print()
    print(
        "| backend | claims | sources: s, peak MB (before the run) "
        "| estimates, all events: s, peak MB (before) |"
    )
    print("|---|---:|---:|---:|")
    for r in results:
        led, so, es = r["ledger"], r["sources"], r["estimates"]
        assert isinstance(led, dict) and isinstance(so, dict) and isinstance(es, dict)
        print(
            f"| {r['backend']} | {led['current_claims']} | {so['seconds']}, {so['peak_mb']} "
            f"({so['rss_before_mb']}) | {es['seconds']}, {es['peak_mb']} ({es['rss_before_mb']}) |"
        )


if __name__ == "__main__":
    main()
