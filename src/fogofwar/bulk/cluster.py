"""The Dask side of a dump ingest: a local cluster kept quiet, or a running scheduler, and each
worker warmed up (pipeline, lexicons, gazetteer loaded) before its first unit.

Imported only when a cluster is asked for: ``distributed`` is slow to import.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import dask
import distributed
from distributed.diagnostics.plugin import WorkerPlugin

from fogofwar.bulk.units import warm_up
from fogofwar.errors import ClusterError

QUIET: dict[str, object] = {
    # the stack sampler wakes every 10 ms and takes the GIL from the extraction it samples
    "distributed.worker.profile.enabled": False,
    # one unit per worker thread, the others wait on the scheduler for whichever worker is free
    # first (instead of queueing behind a long unit on a busy worker)
    "distributed.scheduler.worker-saturation": 1.0,
    # health checks of every process (event loop, CPU, memory, disk), many times a second by
    # default: on a small machine they take a share of the cores the workers extract on
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.system-monitor.disk": False,
    "distributed.worker.memory.monitor-interval": "1s",
}
"""Settings of the local cluster: units of dump work last a second or more, so the cluster's
own bookkeeping can be slow and cheap."""


class WarmUp(WorkerPlugin):
    """Load what extraction needs on a worker as soon as it joins (a restarted one too), so no
    unit pays for it; the load runs beside the worker's event loop, which keeps answering."""

    name = "fogofwar-warm-up"
    idempotent = True  # registered by each ingest: once per scheduler is enough

    async def setup(self, worker: Any) -> None:
        await asyncio.to_thread(warm_up)


@contextmanager
def dask_client(workers: int | None, scheduler: str | None) -> Iterator[Any]:
    """A Dask client: of the scheduler at ``scheduler``, else of a local cluster of ``workers``
    single-threaded processes (each under a nanny that restarts it if it dies). Its workers are
    warmed up (:class:`WarmUp`) before it is returned."""
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout=30)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
        with client:
            client.register_plugin(WarmUp())
            yield client
        return
    with (
        dask.config.set(QUIET),
        distributed.LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: never fight over 8787
            silence_logs=logging.ERROR,
        ) as cluster,
        distributed.Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        client.register_plugin(WarmUp())
        yield client
