"""Ingesting a dump: units of work made by the client, run in-process or on Dask, stored once.

Multistream dumps with an index are cut into stream spans that workers read themselves; other
dumps are read by the client, which filters pages and sends batches of revisions to extract.
SQLite has one writer, the client, which stores each returned document in its own transaction;
on PostgreSQL the workers store directly. Resumable and idempotent: revisions the ledger holds
(by page id and revision id) are skipped, and a unit lost with a worker is run again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
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
from fogofwar.read.dumps import Revision, StreamSpan, find_index, iter_revisions, stream_spans

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


UNITS_PER_WORKER = 6
"""On a cluster, small streams are packed until about this many units per worker thread
remain: each unit costs the client and the scheduler a fixed share of CPU (about 10 ms on a
small machine), taken from the workers when they share its cores."""


def dump_units(
    ledger: Ledger,
    dump: str | Path,
    index: str | Path | None,
    batch: int = BATCH,
    *,
    slots: int | None = None,
) -> tuple[Iterator[Unit], int | None]:
    """The units of a dump, made lazily, and its page count when an index gives it. Stream
    spans come longest first, so that no long one is left to run alone at the end; with
    ``slots`` (worker threads), small streams are packed into units (:func:`pack`)."""
    index = index or find_index(dump)
    if index is not None:
        spans = stream_spans(dump, index)
        groups = (
            pack(spans, UNITS_PER_WORKER * slots, 2 * slots) if slots else [(s,) for s in spans]
        )
        groups.sort(key=lambda g: sum(s.end - s.start for s in g), reverse=True)
        units = (SpanUnit(str(dump), g, _held(ledger, g)) for g in groups)
        return units, sum(len(s.page_ids) for s in spans)
    return _batches(ledger, iter_revisions(dump), batch), None


def pack(spans: Sequence[StreamSpan], units: int, alone: int) -> list[tuple[StreamSpan, ...]]:
    """Spans joined into groups of at most a ``units``-th of the dump's bytes, largest spans
    first, the ``alone`` smallest left alone (a larger span stays alone too): fewer units of
    work, about ``units`` of them or more, and small ones last, so that the workers finish
    together. Each group's spans are in file order."""
    if not spans:
        return []
    size = sum(s.end - s.start for s in spans)
    by_size = sorted(spans, key=lambda s: s.end - s.start, reverse=True)
    cut = max(0, len(by_size) - alone)
    groups: list[list[StreamSpan]] = []
    filled = 0
    for span in by_size[:cut]:
        if groups and filled + span.end - span.start <= size / units:
            groups[-1].append(span)
            filled += span.end - span.start
        else:
            groups.append([span])
            filled = span.end - span.start
    groups += [[s] for s in by_size[cut:]]
    return [tuple(sorted(g, key=lambda s: s.start)) for g in groups]


def _held(ledger: Ledger, spans: tuple[StreamSpan, ...]) -> frozenset[tuple[str, str]]:
    return frozenset(held_revisions(ledger, [p for s in spans for p in s.page_ids]))


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
    report.errors.extend(got.errors)
    for out in got.outcomes:
        _store_outcome(ledger, out, report)


def _store_outcome(ledger: Ledger, out: Outcome, report: DumpReport) -> None:
    result = out.stored
    if out.error:
        report.errors.append(out.error)
        return
    if result is None and out.parts is not None:
        try:
            result = ingest_document(
                ledger, *out.parts, estimates=out.estimates, answers=out.answers
            )
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
    run = _Run(ledger, str(dump), report, on_progress, on_result)
    try:
        if client is not None:
            _run_on_dask(client, run, dump, index)
        elif workers is None and scheduler is None:
            units, run.expected = dump_units(ledger, dump, index)
            for unit in units:
                run.store(run_unit(unit, run.origin))
        else:
            with dask_client(workers, scheduler) as client:
                _run_on_dask(client, run, dump, index)
    except FogofwarError as exc:  # the dump itself failed: what was read before it is kept
        report.errors.append(str(exc))
    return report


@dataclass
class _Run:
    """One ingest's ledger, report and callbacks: where each unit's result goes."""

    ledger: Ledger
    origin: str
    report: DumpReport
    on_progress: Progress | None
    on_result: Callable[[WorkResult], None] | None
    expected: int | None = None

    def store(self, got: WorkResult) -> None:
        _store(self.ledger, got, self.report)
        if self.on_result:
            self.on_result(got)
        if self.on_progress:
            self.on_progress(self.report, self.expected)


def _run_on_dask(client: Any, run: _Run, dump: str | Path, index: str | Path | None) -> None:
    """Keep a few units per worker in flight (memory stays flat), store results as they come.
    The first window goes in one graph: the scheduler then sees a group of units larger than
    the cluster and queues them, handing each worker one at a time (``bulk/cluster.py``)."""
    ledger = run.ledger
    write_url = ledger.url if ledger.dialect == "postgresql" else None
    slots = max(1, sum(client.nthreads().values()))
    in_flight = 2 * slots + 1
    units, run.expected = dump_units(ledger, dump, index, slots=slots)

    def to_send() -> Iterator[Unit]:
        for unit in units:
            if isinstance(unit, BatchUnit) and not unit.revisions:  # counts only: no work
                run.store(run_unit(unit, run.origin))
            else:
                yield unit

    todo = to_send()
    first = list(islice(todo, in_flight))
    pending = _distributed().as_completed(
        client.map(run_unit, first, origin=run.origin, write_url=write_url, pure=False)
    )
    for unit in todo:
        while pending.count() >= in_flight:
            run.store(_fetched(next(pending)))
        pending.add(client.submit(run_unit, unit, run.origin, write_url, pure=False))
    for future in pending:
        run.store(_fetched(future))


def _fetched(future: Any) -> WorkResult:
    """A done unit's result, fetched by this thread once as_completed says it is done. Not
    ``as_completed(with_results=True)``: its gathers in the background can leave a finished
    unit never handed over (dask/distributed#7331), and a run then waits for ever (seen here
    twice: the scheduler held two finished units the client wanted)."""
    try:
        got = future.exception() if future.status == "error" else future.result()
    except Exception as exc:  # cancelled, or lost while fetched: one error line, as below
        got = exc
    future.release()
    return _result(future, got)


def _result(future: Any, got: Any) -> WorkResult:
    """A unit's result; a unit Dask gave up on (its workers died too often) is one error line,
    and a re-run does it again (nothing of it was stored)."""
    if isinstance(got, WorkResult):
        return got
    if isinstance(got, FogofwarError):
        raise got
    name = type(got).__name__
    return WorkResult(errors=[f"a unit of work failed on Dask ({name}: {got}) [{future.key}]"])


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
