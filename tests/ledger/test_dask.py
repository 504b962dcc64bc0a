"""Dump ingest on Dask: a real scheduler and workers started as processes, a local cluster by
default; SQLite written by the client alone, PostgreSQL by the workers; a worker killed
mid-run loses nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client
from dump_helpers import CONFLICT_PAGES, HISTORY, MULTI, n_claims, stored

from fogofwar.bulk import WorkResult, ingest_dump
from fogofwar.cli import main
from fogofwar.ledger import Ledger


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of a ``dask scheduler`` process with two single-threaded workers (each in
    its own process under a nanny that restarts it when it dies)."""
    here = tmp_path_factory.mktemp("dask")
    info = here / "scheduler.json"
    log = (here / "dask.log").open("w")
    dask = [sys.executable, "-m", "dask"]
    start = ["scheduler", "--host", "127.0.0.1", "--port", "0", "--scheduler-file", str(info)]
    procs = [subprocess.Popen([*dask, *start, "--no-dashboard"], stdout=log, stderr=log)]
    try:
        for _ in range(600):
            if info.exists() and info.stat().st_size:
                break
            time.sleep(0.1)
        address = json.loads(info.read_text())["address"]
        workers = ["worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard"]
        options = ["--local-directory", str(here), "--death-timeout", "60"]
        procs.append(subprocess.Popen([*dask, *workers, *options], stdout=log, stderr=log))
        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=300)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        log.close()


def test_on_a_scheduler_address_the_ledger_gets_what_in_process_gets(
    scheduler: str, db_url: str, tmp_path: Path
) -> None:
    with Ledger(db_url) as ledger:
        report = ingest_dump(ledger, MULTI, scheduler=scheduler)  # workers read the streams
        assert report.errors == [] and report.added == 8 and report.not_conflict == 2
        history = ingest_dump(ledger, HISTORY, scheduler=scheduler)  # the client reads
        assert history.errors == [] and (history.held, history.new_revisions) == (1, 3)
        on_dask = stored(ledger), n_claims(ledger)
    with Ledger(f"sqlite:///{tmp_path / 'in-process.sqlite'}") as local:
        ingest_dump(local, MULTI)
        ingest_dump(local, HISTORY)
        assert (stored(local), n_claims(local)) == on_dask
    with Ledger(db_url) as ledger:  # idempotent on Dask too
        again = ingest_dump(ledger, MULTI, scheduler=scheduler)
        assert (again.held, again.stored) == (8, 0) and stored(ledger) == on_dask[0]


def test_a_worker_killed_mid_run_loses_nothing(scheduler: str, tmp_path: Path) -> None:
    killed: list[int] = []

    with Client(scheduler) as client:
        before = set(client.run(os.getpid).values())

        def kill_a_busy_worker(_result: WorkResult) -> None:
            if killed:
                return
            busy = {w: keys for w, keys in client.processing().items() if keys}
            assert busy, "no unit in flight to lose"
            worker = max(busy, key=lambda w: len(busy[w]))
            pid = client.run(os.getpid, workers=[worker])[worker]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

        with Ledger(f"sqlite:///{tmp_path / 'l.sqlite'}") as ledger:
            report = ingest_dump(ledger, MULTI, scheduler=scheduler, on_result=kill_a_busy_worker)
            assert killed and killed[0] in before
            assert report.errors == [] and report.added == 8
            assert {row[0] for row in stored(ledger)} == CONFLICT_PAGES
        client.wait_for_workers(2, timeout=300)
        assert killed[0] not in set(client.run(os.getpid).values())


def test_workers_option_runs_a_local_cluster(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "l.sqlite")
    assert main(["ingest", str(HISTORY), "--workers", "1", "--db", db]) == 0
    assert "stored 1 new pages and 3 revisions" in capsys.readouterr().out
    assert main(["ingest", str(HISTORY), "--scheduler", "tcp://127.0.0.1:1", "--db", db]) == 1
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:1" in capsys.readouterr().err
