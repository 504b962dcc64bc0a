"""Ingesting a dump: units of work made by the client, run in-process or on Dask, stored once.

Multistream dumps with an index are cut into stream spans that workers read themselves; other
dumps are read by the client, which filters pages and sends batches of revisions to extract.
SQLite has one writer, the client, which stores each returned document in its own transaction;
on PostgreSQL the workers store directly. Resumable and idempotent: revisions the ledger holds
(by page id and revision id) are skipped, and a unit lost with a worker is run again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from fogofwar.bulk.units import (
    BatchUnit,
    Outcome,
    SpanUnit,
    Unit,
    WorkResult,
    is_candidate,
    key_of,
    run_unit,
)
from fogofwar.errors import FogofwarError
from fogofwar.ledger import Ledger, ingest_document
from fogofwar.ledger.history import held_revisions
from fogofwar.read.dumps import Revision, find_index, iter_revisions, stream_spans

BATCH = 4
"""Revisions per unit when the client reads the dump (a page's revisions are never split)."""


@dataclass
class DumpReport:
    """Totals of one dump ingest; ``errors`` has one line per failure."""

    pages: int = 0
    revisions: int = 0
    not_conflict: int = 0
    held: int = 0
    added: int = 0
    new_revisions: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.added + self.new_revisions


Progress = Callable[[DumpReport, int | None], None]
"""Called after each unit with the totals so far and the number of pages expected (if known)."""


def dump_units(
    ledger: Ledger, dump: str | Path, index: str | Path | None, batch: int = BATCH
) -> tuple[Iterator[Unit], int | None]:
    """The units of a dump, made lazily, and its page count when an index gives it. Stream
    spans come longest first, so that no long one is left to run alone at the end."""
    index = index or find_index(dump)
    if index is not None:
        spans = sorted(stream_spans(dump, index), key=lambda s: s.end - s.start, reverse=True)
        units = (
            SpanUnit(str(dump), s, frozenset(held_revisions(ledger, s.page_ids))) for s in spans
        )
        return units, sum(len(s.page_ids) for s in spans)
    return _batches(ledger, iter_revisions(dump), batch), None


def _batches(ledger: Ledger, revisions: Iterator[Revision], size: int) -> Iterator[BatchUnit]:
    """Client-side reading: conflict revisions not yet held, cut into batches at page bounds."""
    pending: list[Revision] = []
    counts = {"pages": 0, "revisions_read": 0, "not_conflict": 0}
    last_page = None

    def flush() -> BatchUnit:
        held = held_revisions(ledger, sorted({r.page_id for r in pending}))
        fresh = tuple(r for r in pending if key_of(r) not in held)
        unit = BatchUnit(fresh, held=len(pending) - len(fresh), **counts)
        pending.clear()
        counts.update(pages=0, revisions_read=0, not_conflict=0)
        return unit

    for rev in revisions:
        if rev.page_id != last_page:
            if len(pending) >= size:
                yield flush()
            counts["pages"] += 1
            last_page = rev.page_id
        counts["revisions_read"] += 1
        if is_candidate(rev):
            pending.append(rev)
        else:
            counts["not_conflict"] += 1
    yield flush()


def _store(ledger: Ledger, got: WorkResult, report: DumpReport) -> None:
    """Add one unit's counts to the report and store its documents (one transaction each)."""
    report.pages += got.pages
    report.revisions += got.revisions
    report.not_conflict += got.not_conflict
    report.held += got.held
    if got.error:
        report.errors.append(got.error)
    for out in got.outcomes:
        _store_outcome(ledger, out, report)


def _store_outcome(ledger: Ledger, out: Outcome, report: DumpReport) -> None:
    result = out.stored
    if out.error:
        report.errors.append(out.error)
        return
    if result is None and out.parts is not None:
        try:
            result = ingest_document(ledger, *out.parts, estimates=out.estimates)
        except FogofwarError as exc:
            report.errors.append(f"{out.title} (page {out.page_id}, rev {out.revision_id}): {exc}")
            return
    if result is None:
        return
    if result.status == "added":
        report.added += 1
    elif result.status == "revision":
        report.new_revisions += 1
    else:
        report.unchanged += 1


def ingest_dump(
    ledger: Ledger,
    dump: str | Path,
    *,
    index: str | Path | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    on_progress: Progress | None = None,
    on_result: Callable[[WorkResult], None] | None = None,
) -> DumpReport:
    """Store the conflict pages of a dump. In-process unless ``workers`` (a local Dask cluster
    of that many processes), ``scheduler`` (the address of a running Dask scheduler) or
    ``client`` (a Dask client already connected, e.g. from :func:`dask_client`)."""
    report = DumpReport()
    origin = str(dump)
    try:
        units, expected = dump_units(ledger, dump, index)
        if client is not None:
            _run_on_dask(client, ledger, units, origin, report, expected, on_progress, on_result)
        elif workers is None and scheduler is None:
            for unit in units:
                got = run_unit(unit, origin)
                _after(ledger, got, report, expected, on_progress, on_result)
        else:
            with dask_client(workers, scheduler) as client:
                _run_on_dask(
                    client, ledger, units, origin, report, expected, on_progress, on_result
                )
    except FogofwarError as exc:  # the dump itself failed: what was read before it is kept
        report.errors.append(str(exc))
    return report


def _after(
    ledger: Ledger,
    got: WorkResult,
    report: DumpReport,
    expected: int | None,
    on_progress: Progress | None,
    on_result: Callable[[WorkResult], None] | None,
) -> None:
    _store(ledger, got, report)
    if on_result:
        on_result(got)
    if on_progress:
        on_progress(report, expected)


def _run_on_dask(
    client: Any,
    ledger: Ledger,
    units: Iterator[Unit],
    origin: str,
    report: DumpReport,
    expected: int | None,
    on_progress: Progress | None,
    on_result: Callable[[WorkResult], None] | None,
) -> None:
    """Keep a few units per worker in flight (memory stays flat), store results as they come.
    The first window goes in one graph: the scheduler then sees a group of units larger than
    the cluster and queues them, handing each worker one at a time (``bulk/cluster.py``)."""
    write_url = ledger.url if ledger.dialect == "postgresql" else None
    in_flight = 2 * max(1, len(client.nthreads())) + 1

    def to_send() -> Iterator[Unit]:
        for unit in units:
            if isinstance(unit, BatchUnit) and not unit.revisions:  # counts only: no work
                _after(ledger, run_unit(unit, origin), report, expected, on_progress, on_result)
            else:
                yield unit

    todo = to_send()
    first = list(islice(todo, in_flight))
    pending = _distributed().as_completed(
        client.map(run_unit, first, origin=origin, write_url=write_url, pure=False)
    )
    for unit in todo:
        while pending.count() >= in_flight:
            _after(ledger, _result(next(pending)), report, expected, on_progress, on_result)
        pending.add(client.submit(run_unit, unit, origin, write_url, pure=False))
    for future in pending:
        _after(ledger, _result(future), report, expected, on_progress, on_result)


def _result(future: Any) -> WorkResult:
    """A unit's result; a unit Dask gave up on (its workers died too often) is one error line,
    and a re-run does it again (nothing of it was stored)."""
    try:
        got: WorkResult = future.result()
    except FogofwarError:
        raise
    except Exception as exc:
        return WorkResult(error=f"a unit of work failed on Dask ({type(exc).__name__}: {exc})")
    return got


@contextmanager
def dask_client(workers: int | None, scheduler: str | None) -> Iterator[Any]:
    """A Dask client of the scheduler at ``scheduler``, else of a local cluster of ``workers``
    processes, its workers warmed up (``fogofwar.bulk.cluster``, imported only now: it is slow
    to import)."""
    from fogofwar.bulk import cluster

    with cluster.dask_client(workers, scheduler) as client:
        yield client


def _distributed() -> Any:
    """``dask.distributed``, imported when a cluster is asked for (it is slow to import)."""
    import distributed

    return distributed
