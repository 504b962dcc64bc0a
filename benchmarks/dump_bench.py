"""Dump benchmark: scan speed against bare bz2, extraction on 1 and 2 Dask workers, peak memory.

    .venv/bin/python benchmarks/dump_bench.py          # the real WWII multistream dump of shared/
    .venv/bin/python benchmarks/dump_bench.py --dump tests/data/dumps/korytsa-history-0.11.xml

1. Scan: stream every revision of the dump (``fogofwar.read.dumps.iter_revisions``: bz2 and XML,
   no extraction) against bare bz2 decompression of the same file, alternately, best of
   ``--repeat``; the ratio is bz2 time / scan time (goal >= 0.8).
2. Extraction: ``--rounds`` sets of ``--pages`` conflict pages of at most ``--max-chars``
   characters (no page in two sets: a worker that has seen a page is faster on it), after
   every worker has extracted the same ``--warm`` other pages, untimed (``--warm 0``: cold
   workers, whose first pages cost more, and each of two has seen half the pages), each
   written as a multistream dump of ``--per-stream`` pages per stream with its index,
   ingested with ``fogofwar.bulk.ingest_dump`` on local Dask clusters of 1 and 2 workers
   (``fogofwar.bulk.dask_client``: each worker warmed up before the first unit, as in
   ``fogofwar ingest --workers N``; the clusters' start is timed apart; small streams packed
   into units of work as there, ``fogofwar.bulk.run.pack``), into an empty SQLite ledger each
   time. Timed: from the first unit to the last document stored, so the client's
   SQLite writes are included. Each round's set on 1 and 2 workers (which goes first
   alternates): pages per second,
   the round's speed-up, and the speed-up of all rounds' times (goal >= 1.8x).
3. Memory: peak RSS of a fresh process scanning the dump, and a dump ten times larger (its pages
   repeated under new page ids); flat, not tenfold.

The machine's load (``/proc/loadavg``) is printed before and after: other work on a shared
machine slows the runs.
"""

from __future__ import annotations

import argparse
import bz2
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from fogofwar.bulk import dask_client, ingest_dump
from fogofwar.bulk.units import is_candidate
from fogofwar.ledger import Ledger
from fogofwar.read.dumps import CHUNK, Revision, iter_revisions

ROOT = Path(__file__).resolve().parents[1]
SHARED = next(  # shared/ beside the repo, or beside a parent of it (a worktree)
    (
        p / "shared" / "corpus" / "wikitext" / "dumps"
        for p in ROOT.parents
        if (p / "shared").is_dir()
    ),
    ROOT.parent / "shared" / "corpus" / "wikitext" / "dumps",
)
DEFAULT_DUMP = SHARED / "enwiki-wwii-battles-pages-articles-multistream.xml.bz2"


def load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def bare_bz2(path: Path) -> int:
    size = 0
    with bz2.open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            size += len(chunk)
    return size


def scan(path: Path) -> int:
    return sum(1 for _ in iter_revisions(path))


def bench_scan(path: Path, repeat: int) -> None:
    best_bz2 = best_scan = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        size = bare_bz2(path)
        best_bz2 = min(best_bz2, time.perf_counter() - t)
        t = time.perf_counter()
        revisions = scan(path)
        best_scan = min(best_scan, time.perf_counter() - t)
    print(
        f"scan: {revisions} revisions, {size / 2**20:.1f} MiB of XML; bare bz2 {best_bz2:.2f} s "
        f"({size / 2**20 / best_bz2:.1f} MiB/s), scan {best_scan:.2f} s "
        f"({revisions / best_scan:.0f} pages/s); ratio {best_bz2 / best_scan:.2f} (goal >= 0.8)"
    )


def page_xml(rev: Revision, page_id: str) -> str:
    who = f"<username>{escape(rev.editor or '')}</username>"
    return (
        f"  <page><title>{escape(rev.title)}</title><ns>{rev.ns}</ns><id>{page_id}</id>"
        f"<revision><id>{rev.revision_id}</id><timestamp>{rev.timestamp}</timestamp>"
        f"<contributor>{who}</contributor><text>{escape(rev.text)}</text></revision></page>\n"
    )


def write_multistream(revs: list[Revision], out: Path, per_stream: int) -> Path:
    """A multistream dump (header, streams of ``per_stream`` pages, closing) and its index."""
    head = bz2.compress(b'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/">\n')
    parts, offset = [head], len(head)
    index: list[str] = []
    for i in range(0, len(revs), per_stream):
        group = revs[i : i + per_stream]
        stream = bz2.compress("".join(page_xml(r, r.page_id) for r in group).encode())
        index.extend(f"{offset}:{r.page_id}:{r.title}\n" for r in group)
        parts.append(stream)
        offset += len(stream)
    parts.append(bz2.compress(b"</mediawiki>\n"))
    out.write_bytes(b"".join(parts))
    out.with_name(out.name.replace(".xml.bz2", "-index.txt.bz2")).write_bytes(
        bz2.compress("".join(index).encode())
    )
    return out


@contextlib.contextmanager
def fresh_ledger_url(work: Path, name: str, pg_server: str | None) -> Iterator[str]:
    """A new empty ledger: a SQLite file in ``work``, or a new database on the PostgreSQL
    server ``pg_server`` (dropped afterwards), where the workers store directly."""
    if pg_server is None:
        yield f"sqlite:///{work / name}.sqlite"
        return
    import psycopg
    from sqlalchemy import make_url

    db = f"fw_bench_{name.replace('-', '_')}_{os.getpid()}"
    admin = make_url(pg_server).set(database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{db}"')
    try:
        yield make_url(pg_server).set(database=db).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')


def run_once(client: Any, dump: Path, url: str) -> tuple[float, float, float, int, int, int]:
    """One timed ingest of ``dump`` into the new ledger at ``url`` on the cluster of
    ``client``: seconds, worker CPU seconds, client CPU seconds (this process: client,
    scheduler, nannies and, on SQLite, the writes), pages, documents stored, units of work."""
    units: list[object] = []
    with Ledger(url) as ledger:
        cpu_before = sum(client.run(time.process_time).values())
        t, client_cpu = time.perf_counter(), time.process_time()
        report = ingest_dump(ledger, dump, client=client, on_result=units.append)
        took, client_cpu = time.perf_counter() - t, time.process_time() - client_cpu
        worker_cpu = sum(client.run(time.process_time).values()) - cpu_before
    if report.errors:
        raise SystemExit(f"extraction failed: {report.errors[:3]}")
    return took, worker_cpu, client_cpu, report.pages, report.stored, len(units)


def warm_pages(revs: list[Revision]) -> int:
    """Extract these pages (nothing stored): run on every worker before the timed rounds."""
    from fogofwar.bulk.units import extract_revision

    for rev in revs:
        extract_revision(rev, "warm-up")
    return len(revs)


def report_run(round_: int, workers: int, got: tuple[float, float, float, int, int, int]) -> None:
    took, worker_cpu, client_cpu, n_pages, n_stored, n_units = got
    print(
        f"  round {round_ + 1}, {workers} worker(s): {n_pages} pages in {n_units} units, "
        f"{n_stored} stored, {took:.2f} s ({n_pages / took:.2f} pages/s); CPU: workers "
        f"{worker_cpu:.1f} s ({worker_cpu / took:.2f} cores busy, "
        f"{1000 * worker_cpu / n_pages:.0f} ms a page), client {client_cpu:.1f} s "
        f"({1000 * client_cpu / n_pages:.1f} ms a page); load {load()}"
    )


def bench_extraction(
    path: Path, pages: int, rounds: int, warm: int, work: Path, args: argparse.Namespace
) -> None:
    """Each round ingests its own ``pages`` pages on both clusters, so that no worker has
    seen a page before (a page seen again is faster: its lookups are cached). First every
    worker of both clusters extracts the same ``warm`` other pages, untimed: a worker gets
    faster over its first pages (spaCy's vocabulary and tokenizer cache grow), and one of two
    workers would otherwise be colder than a lone one, having seen half as many."""
    revs = [r for r in iter_revisions(path) if is_candidate(r) and len(r.text) <= args.max_chars]
    if len(revs) < pages * rounds + warm:
        raise SystemExit(f"{len(revs)} pages for {warm} + {rounds} rounds of {pages}: too few")
    timed = revs[warm:]
    dumps = [
        write_multistream(
            timed[i * pages : (i + 1) * pages], work / f"r{i}-multistream.xml.bz2", args.per_stream
        )
        for i in range(rounds)
    ]
    print(
        f"extraction: {rounds} round(s) of {pages} conflict pages each (no page in two rounds; "
        f"{sum(len(r.text) for r in timed[: pages * rounds]):,} characters of wikitext), "
        f"{args.per_stream} page(s) per stream, after {warm} other pages extracted by every "
        "worker, untimed; each round on 1 and 2 workers, which first alternating; timed from "
        "the first unit to the last document stored (the writes included: on SQLite by the "
        "client, on PostgreSQL by the workers; cluster start and warm-up not); ledger "
        + ("a new PostgreSQL database each time" if args.pg else "a new SQLite file each time")
    )
    totals = {1: 0.0, 2: 0.0}
    with contextlib.ExitStack() as stack:
        clients = {}
        for workers in (1, 2):
            t = time.perf_counter()
            clients[workers] = client = stack.enter_context(dask_client(workers, None))
            client.run(warm_pages, revs[:warm])
            print(
                f"  cluster of {workers} started and warmed up in {time.perf_counter() - t:.1f} s"
            )
        for round_, dump in enumerate(dumps):
            took = {}
            for workers in (1, 2) if round_ % 2 == 0 else (2, 1):  # neither always first
                with fresh_ledger_url(work, f"r{round_}-w{workers}", args.pg) as url:
                    got = run_once(clients[workers], dump, url)
                report_run(round_, workers, got)
                took[workers] = got[0]
                totals[workers] += got[0]
            print(f"  round {round_ + 1} speed-up: {took[1] / took[2]:.2f}x")
    print(
        f"extraction speed-up 2 workers / 1, all rounds: {totals[1]:.2f} s / {totals[2]:.2f} s "
        f"= {totals[1] / totals[2]:.2f}x (goal >= 1.8x)"
    )


def scaled(path: Path, copies: int, out: Path) -> Path:
    """The dump's pages repeated ``copies`` times, each copy under new page ids, as bz2."""
    revs = list(iter_revisions(path))
    with bz2.open(out, "wt", encoding="utf-8") as f:
        f.write('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/">\n')
        for copy in range(copies):
            for rev in revs:
                f.write(page_xml(rev, str(int(rev.page_id) + copy * 10**9)))
        f.write("</mediawiki>\n")
    return out


def peak_rss_mib(path: Path) -> float:
    """The high-water mark of a fresh process's resident memory (``VmHWM``: counted from its
    exec, unlike ``ru_maxrss``, which keeps the forking parent's) while it scans the dump."""
    code = (
        "import sys\nfrom fogofwar.read.dumps import iter_revisions\n"
        "n = sum(1 for _ in iter_revisions(sys.argv[1]))\n"
        "print(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip()) / 1024


def bench_memory(path: Path, work: Path) -> None:
    one, ten = scaled(path, 1, work / "x1.xml.bz2"), scaled(path, 10, work / "x10.xml.bz2")
    small, large = peak_rss_mib(one), peak_rss_mib(ten)
    print(
        f"peak RSS scanning: {one.stat().st_size / 2**20:.1f} MiB dump {small:.0f} MiB, "
        f"{ten.stat().st_size / 2**20:.1f} MiB dump (10x) {large:.0f} MiB "
        f"(ratio {large / small:.2f}; flat is 1)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dump", type=Path, default=DEFAULT_DUMP)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pages", type=int, default=40, help="pages to extract (default 40)")
    parser.add_argument("--per-stream", type=int, default=1)
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="rounds, each of its own pages, on 1 and 2 workers (default 3)",
    )
    parser.add_argument(
        "--max-chars",
        type=int,
        default=20000,
        help="extract only pages of at most this much wikitext (default 20000: a quick run)",
    )
    parser.add_argument(
        "--warm",
        type=int,
        default=20,
        help="pages every worker extracts, untimed, before the rounds (default 20; 0: cold)",
    )
    parser.add_argument("--skip", choices=("scan", "extraction", "memory"), action="append")
    parser.add_argument(
        "--pg",
        metavar="SERVER_URL",
        help="extract into new databases on this PostgreSQL server, where the workers store "
        "directly (e.g. the URL `scripts/postgres.sh start` prints); default: SQLite files",
    )
    args = parser.parse_args()
    skip = set(args.skip or ())
    print(f"dump {args.dump} ({args.dump.stat().st_size / 2**20:.1f} MiB); {os.cpu_count()} cores")
    print(f"load before: {load()}")
    with tempfile.TemporaryDirectory() as tmp:
        if "scan" not in skip:
            bench_scan(args.dump, args.repeat)
        if "extraction" not in skip:
            bench_extraction(args.dump, args.pages, args.rounds, args.warm, Path(tmp), args)
        if "memory" not in skip:
            bench_memory(args.dump, Path(tmp))
    print(f"load after: {load()}")


if __name__ == "__main__":
    main()
