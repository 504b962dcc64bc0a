"""Server benchmark: p50 / p99 latency of the API under a bounded loopback load.

    .venv/bin/python benchmarks/serve_bench.py                       # 1,000,000 claims
    .venv/bin/python benchmarks/serve_bench.py --claims 100000 --seconds 5
    .venv/bin/python benchmarks/serve_bench.py --db /tmp/b.sqlite    # reuse a built ledger
    .venv/bin/python benchmarks/serve_bench.py --workers 2           # two server processes
    .venv/bin/python benchmarks/serve_bench.py --db postgresql://USER@HOST/DB   # PostgreSQL

1. A SQLite ledger of --claims claims (fogofwar.ledger.synthetic, 100 claims per document and
   event, one transaction per document; kept at --db if given, else in a temporary directory).
   A ledger of an older schema is migrated first (migration 6 stores every event's estimates).
2. ``fogofwar serve --workers N`` on it in its own processes (read-only, as users start it).
3. For each endpoint, --clients concurrent clients (threads, keep-alive connections) send
   requests back to back for --seconds; every latency is recorded: p50, p99, requests/s.
   Endpoints: /api/events (filtered, first page), /api/events/{id}, /api/events/{id}/estimates,
   /api/acled/read (one country and month, first page), /api/gedevents (first page).
   The clients share the machine's cores with the server, so they are light: the standard
   library's ``http.client`` on one keep-alive connection each (httpx, used before, spent
   about as much CPU per request as the server); each sends the same requests as before, reads
   every answer to its end and records every latency.
4. The server's CPU time per request (user + system time of its processes, from /proc, over
   the requests of the endpoint): the figure to compare when the machine is shared, since
   wall-clock latency then depends on what else runs.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import httpx

from fogofwar.ledger import Ledger, counts, ingest
from fogofwar.ledger.synthetic import COUNTRIES, document

ROOT = Path(__file__).resolve().parents[1]
PER_DOC = 100


def build(url: str, total: int) -> dict[str, int]:
    """Fill the ledger up to ``total`` claims (idempotent: stored documents are skipped)."""
    with Ledger(url) as ledger:
        have = counts(ledger)["claims"]
        t = time.perf_counter()
        for i in range(have // PER_DOC, total // PER_DOC):
            ingest(ledger, document(i, PER_DOC))
            if i % 1000 == 0:
                print(f"  {i * PER_DOC} claims, {time.perf_counter() - t:.0f} s", file=sys.stderr)
        return counts(ledger)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    exe = Path(sys.executable).parent / "fogofwar"
    command = [str(exe), "serve", "--db", db, "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(command)
    for _ in range(600):
        try:
            httpx.get(f"http://127.0.0.1:{port}/api", timeout=2).raise_for_status()
            return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start")


def server_cpu(pid: int) -> float | None:
    """User + system CPU seconds of the process ``pid`` and its children (Linux /proc)."""
    try:
        pids = [pid, *map(int, Path(f"/proc/{pid}/task/{pid}/children").read_text().split())]
        total = 0
        for p in pids:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
        return total / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return None


def load(
    port: int, paths: Callable[[random.Random], str], clients: int, seconds: float, pid: int
) -> dict:
    """``clients`` threads requesting back to back for ``seconds``; latencies in ms."""
    laps: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def client(seed: int) -> None:
        rng, mine, bad = random.Random(seed), [], 0
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.perf_counter() < stop:
            path = quote(paths(rng), safe="/?&=:,.")  # as httpx sends it
            t = time.perf_counter()
            conn.request("GET", path)
            answer = conn.getresponse()
            answer.read()
            mine.append((time.perf_counter() - t) * 1000)
            bad += answer.status != 200
        conn.close()
        with lock:
            laps.extend(mine)
            errors.append(bad)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    cpu = server_cpu(pid)
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    after = server_cpu(pid)
    laps.sort()
    per_request = (after - cpu) * 1000 / len(laps) if cpu is not None and after else None
    return {
        "cpu_ms": "?" if per_request is None else round(per_request, 2),
        "requests": len(laps),
        "per_s": round(len(laps) / seconds, 1),
        "p50_ms": round(statistics.median(laps), 1),
        "p99_ms": round(laps[min(len(laps) - 1, int(len(laps) * 0.99))], 1),
        "non_200": sum(errors),
    }


def load_average() -> str:
    """The machine's 1/5/15-minute load averages and core count (the machine may be shared)."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def endpoints(docs: int) -> dict[str, Callable[[random.Random], str]]:
    def month(rng: random.Random) -> tuple[str, str]:
        y, m = rng.randint(2012, 2022), rng.randint(1, 12)
        return f"{y}-{m:02d}-01", f"{y}-{m:02d}-28"

    def country(rng: random.Random) -> str:
        return rng.choice(COUNTRIES)[0]

    def events(rng: random.Random) -> str:
        start, end = month(rng)
        return f"/api/events?country={country(rng)}&from={start}&to={end}&limit=50"

    def acled(rng: random.Random) -> str:
        start, end = month(rng)
        return (f"/api/acled/read?country={country(rng)}&event_date={start}|{end}"
                "&event_date_where=BETWEEN&limit=50&_format=json")  # fmt: skip

    return {
        "/api/events (country + month, first 50)": events,
        "/api/events/{id}": lambda rng: f"/api/events/syn-{rng.randrange(docs)}",
        "/api/events/{id}/estimates": lambda rng: (
            f"/api/events/syn-{rng.randrange(docs)}/estimates"
        ),
        "/api/acled/read (country + month, first 50)": acled,
        "/api/gedevents/25.1 (country, pagesize 50)": lambda rng: (
            f"/api/gedevents/25.1?Country={country(rng)}&pagesize=50&page=0"
        ),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--workers", type=int, default=2, help="server processes (default: 2)")
    ap.add_argument(
        "--db", help="SQLite file or PostgreSQL URL to build or reuse (default: a temporary file)"
    )
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory(prefix="fogofwar-serve-bench-")
    db = args.db or f"{tmp.name}/bench.sqlite"
    url = db if "://" in db else f"sqlite:///{Path(db).resolve()}"
    t = time.perf_counter()
    held = build(url, args.claims)
    print(f"ledger: {held} (built/checked in {time.perf_counter() - t:.0f} s)", file=sys.stderr)
    port = free_port()
    server = start_server(url, port, args.workers)
    try:
        print(f"load before: {load_average()}")
        print(f"| endpoint ({held['claims']:,} claims, {args.clients} clients, "
              f"{args.seconds:g} s each, {args.workers} workers) | p50 ms | p99 ms | req/s "
              "| server CPU ms/req | non-200 |")  # fmt: skip
        print("|---|---:|---:|---:|---:|---:|")
        for name, paths in endpoints(held["events"]).items():
            r = load(port, paths, args.clients, args.seconds, server.pid)
            print(f"| {name} | {r['p50_ms']} | {r['p99_ms']} | {r['per_s']} | {r['cpu_ms']} "
                  f"| {r['non_200']} |")  # fmt: skip
            sys.stdout.flush()
        print(f"load after: {load_average()}")
    finally:
        server.terminate()
        server.wait(timeout=30)
        tmp.cleanup()


if __name__ == "__main__":
    main()
