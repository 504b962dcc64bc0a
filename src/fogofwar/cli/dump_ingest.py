"""Dump options of ``fogofwar ingest``: MediaWiki XML dumps are streamed (optionally on Dask)
while other files go to the ordinary ingest. Hooks into the ingest subcommand additively."""

from __future__ import annotations

import argparse
import sys
import time

from fogofwar.bulk import DumpReport, ingest_dump
from fogofwar.cli.common import Handler
from fogofwar.errors import FogofwarError, UsageError
from fogofwar.ledger import Ledger
from fogofwar.read.dumps import is_dump

DUMP_HELP = """\
MediaWiki XML dumps (.xml or .xml.bz2, export-0.8 to 0.11, detected by content) are streamed:
pages whose wikitext has a conflict infobox are stored with their page id, revision id,
timestamp and editor; the others are counted. A multistream dump with its -index.txt.bz2 beside
it (or --index) is split at stream offsets and read by the workers themselves. Re-running skips
revisions the ledger already holds.

dump examples:
  fogofwar ingest enwiki-pages-articles-multistream.xml.bz2 --workers 2
  fogofwar ingest history.xml --scheduler tcp://10.0.0.5:8786 --db postgresql://me@db/ledger
"""


def add_options(p: argparse.ArgumentParser) -> None:
    """The dump options, on the ingest subcommand's parser."""
    g = p.add_argument_group("dumps")
    g.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="extract on a local Dask cluster of N worker processes (default: in this process)",
    )
    g.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="use the running Dask scheduler at this address (its workers must see the dump)",
    )
    g.add_argument(
        "--index",
        metavar="FILE",
        help="the multistream index (default: DUMP's -index.txt.bz2 beside it, if present)",
    )
    p.epilog = ((p.epilog or "") + "\n" + DUMP_HELP).strip()
    p.formatter_class = argparse.RawDescriptionHelpFormatter


def extend(p: argparse.ArgumentParser) -> None:
    """Add the dump options to the ingest parser and route dump files to :func:`run_dumps`."""
    add_options(p)
    p.set_defaults(handler=_wrap(p.get_default("handler")))


def _wrap(ingest_files: Handler) -> Handler:
    def handler(args: argparse.Namespace) -> int:
        dumps = [f for f in args.files if is_dump(f)]
        others = [f for f in args.files if f not in dumps]
        if (args.workers is not None or args.scheduler or args.index) and not dumps:
            print(
                "fogofwar: error: --workers, --scheduler and --index are for dumps", file=sys.stderr
            )
            return 2
        status = 0
        if others:
            status = ingest_files(argparse.Namespace(**{**vars(args), "files": others}))
        if dumps:
            status = max(status, run_dumps(args, dumps))
        return status

    handler.__doc__ = ingest_files.__doc__
    return handler


def run_dumps(args: argparse.Namespace, dumps: list[str]) -> int:
    """Ingest each dump; one summary line each, one line per failure. Exit 1 if any failed."""
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.workers is not None and args.scheduler:
        raise UsageError(
            "give --workers (a local cluster) or --scheduler (a running one), not both"
        )
    if args.index and len(dumps) > 1:
        raise UsageError("--index goes with a single dump")
    failed = False
    try:
        ledger = Ledger(args.db)
    except FogofwarError as exc:
        print(f"fogofwar: error: {exc}", file=sys.stderr)
        return 1
    with ledger:
        for dump in dumps:
            report = _ingest_one(ledger, dump, args)
            for line in report.errors:
                print(f"fogofwar: error: {line}", file=sys.stderr)
            failed = failed or bool(report.errors)
            if not args.quiet:
                print(summary(dump, report))
    return 1 if failed else 0


def summary(dump: str, r: DumpReport) -> str:
    return (
        f"{dump}: {r.pages} pages, {r.revisions} revisions read; {r.not_conflict} without a "
        f"conflict infobox; stored {r.added} new pages and {r.new_revisions} revisions"
        f" ({r.unchanged} unchanged, {r.held} already in the ledger, {len(r.errors)} failed)"
    )


def _ingest_one(ledger: Ledger, dump: str, args: argparse.Namespace) -> DumpReport:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn(
            "{task.completed} pages · {task.fields[rate]:.1f} pages/s · {task.fields[kept]} kept"
        ),
        TimeElapsedColumn(),
        console=console,
        disable=args.quiet or not console.is_terminal,
    ) as bar:
        task = bar.add_task(dump, total=None, rate=0.0, kept=0)
        started = time.monotonic()

        def progress(report: DumpReport, expected: int | None) -> None:
            rate = report.pages / max(time.monotonic() - started, 1e-6)
            bar.update(task, completed=report.pages, total=expected, rate=rate, kept=report.stored)

        return ingest_dump(
            ledger,
            dump,
            index=args.index,
            workers=args.workers,
            scheduler=args.scheduler,
            on_progress=progress,
        )
