"""Bulk ingest of MediaWiki dumps: streamed, filtered to conflict pages, extracted in-process or
on a Dask cluster, stored one document per transaction."""

from fogofwar.bulk.run import DumpReport, dask_client, dump_units, ingest_dump
from fogofwar.bulk.units import WorkResult

__all__ = ["DumpReport", "WorkResult", "dask_client", "dump_units", "ingest_dump"]
