"""The ingest and migrate commands: the only ones that create or change a ledger."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from fogofwar.cli.common import add_db_option, domain_errors, guard, open_ledger_for_writing
from fogofwar.cli.datasets import HELP as dataset_help
from fogofwar.ledger import IngestResult, Ledger, LedgerError, ingest_document, split
from fogofwar.ledger.migrations import LATEST
from fogofwar.ledger.store import safe_url
from fogofwar.model import Extraction

BATCH = 16  # articles extracted, then stored, at a time: memory does not grow with the files

HELP = """\
Store documents, their events and claims in the ledger (created if missing, migrated if older).
Give extraction JSON files (from `fogofwar extract`) or articles, which are extracted on the
way; '-' reads an article from standard input. One document is one transaction: a document
that cannot be stored leaves nothing behind and the others are still stored.

A document is a revision of an earlier one with the same page id or, without one, the same
title (any case); the newest revision (by its timestamp where known, else the last stored) is
the current one. Storing the same bytes again changes nothing.

On a terminal, many files show a progress bar on standard error; one line per document goes to
standard output (-q: none). Exit status 1 if any file or document failed.
"""


def read_extraction(path: str) -> Extraction:
    """An extraction JSON file (``{"fogofwar": ...}``) as stored by ``fogofwar extract``."""
    p = Path(path)
    try:
        data = json.loads(p.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LedgerError(f"{path}: cannot read extraction JSON: {exc}") from None
    if not isinstance(data, dict) or "fogofwar" not in data:
        raise LedgerError(f"{path}: not a fogofwar extraction (no 'fogofwar' key)")
    try:
        return Extraction.from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise LedgerError(f"{path}: malformed extraction: missing {exc}") from None


def describe(r: IngestResult) -> str:
    """One line for a stored document: ``added``, ``revision N`` or ``unchanged``."""
    status = f"revision {r.revision_no}" if r.status == "revision" else r.status
    older = "" if r.current else "; an older revision, the newer one stays current"
    return f"{status:<11} {r.title} ({r.events} events, {r.claims} claims{older})"


class Run:
    """One ingest run: the ledger, the progress display and the failures so far."""

    def __init__(
        self, ledger: Ledger, progress: Progress, quiet: bool, input_format: str = "auto"
    ) -> None:
        self.ledger, self.progress, self.quiet = ledger, progress, quiet
        self.input_format = input_format
        self.failed = 0

    def error(self, line: str) -> None:
        self.failed += 1
        print(f"fogofwar: error: {line}", file=sys.stderr)

    def grow(self, task: TaskID, extra: int) -> None:
        shown = next(t for t in self.progress.tasks if t.id == task)
        self.progress.update(task, total=(shown.total or 0) + extra)

    def store(self, x: Extraction, task: TaskID) -> None:
        """Ingest one extraction document by document."""
        for part in split(x):
            try:
                result = ingest_document(self.ledger, *part)
            except domain_errors() as exc:
                self.error(str(exc))
                continue
            finally:
                self.progress.advance(task)
            if not self.quiet:
                print(describe(result))

    def extraction_files(self, paths: Sequence[str], task: TaskID) -> None:
        for path in paths:
            try:
                x = read_extraction(path)
                split(x)
            except domain_errors() as exc:
                self.error(str(exc))
                self.progress.advance(task)
                continue
            self.grow(task, len(x.documents) - 1)  # a file holds many documents
            self.store(x, task)

    def articles(self, paths: Sequence[str], task: TaskID) -> None:
        try:
            from fogofwar.extract import extract_paths
        except ImportError:
            for p in paths:
                self.error(f"{p}: extraction is not available; give an extraction JSON")
            return
        workers = min(2, os.cpu_count() or 1)
        for start in range(0, len(paths), BATCH):
            batch = list(paths[start : start + BATCH])
            x, errors = extract_paths(batch, workers=workers, input_format=self.input_format)
            for line in errors:
                self.error(line)
                self.progress.advance(task)
            self.store(x, task)


@contextmanager
def progress_display(show: bool) -> Iterator[Progress]:
    """A rich progress bar on standard error, or a silent stand-in when not shown."""
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=not show,
    )
    with progress:
        yield progress


@guard
def cmd_ingest(args: argparse.Namespace) -> int:
    """Store documents, events and claims (extraction JSON or articles)."""
    if args.format:  # a dataset's CSV (UCDP GED, ACLED): fogofwar.datasets
        from fogofwar.cli.datasets import ingest_datasets

        return ingest_datasets(args)
    files: Sequence[str] = args.files
    jsons = [f for f in files if f.endswith(".json")]
    articles = [f for f in files if not f.endswith(".json")]
    show = args.progress if args.progress is not None else len(files) > 1 and _terminal()
    with open_ledger_for_writing(args) as ledger, progress_display(show) as progress:
        run = Run(ledger, progress, args.quiet, args.input_format)
        if jsons:
            run.extraction_files(jsons, progress.add_task("storing", total=len(jsons)))
        if articles:
            task = progress.add_task("extracting and storing", total=len(articles))
            run.articles(articles, task)
    return 1 if run.failed else 0


def _terminal() -> bool:
    return Console(stderr=True).is_terminal


@guard
def cmd_migrate(args: argparse.Namespace) -> int:
    """Create the ledger if missing and bring its schema to this fogofwar's version."""
    with open_ledger_for_writing(args) as ledger:
        pass
    applied = ledger.applied
    where = safe_url(ledger.url)
    if not applied:
        print(f"ledger {where}: already at schema version {LATEST}")
    elif applied[0] == 1:
        print(f"ledger {where}: created at schema version {LATEST}")
    else:
        steps = ", ".join(map(str, applied))
        print(f"ledger {where}: schema version {applied[0] - 1} -> {LATEST} (applied {steps})")
    return 0


MIGRATE_HELP = """\
Create the ledger if missing and bring its schema to this fogofwar's version. Read commands
(events, show, estimates, sources, export) open a ledger read-only and never change it; they
ask for this when a ledger is older than fogofwar. `ingest` migrates on its own.
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands; each sets ``handler``: args -> exit status."""
    p = subparsers.add_parser(
        "ingest",
        help="store extracted documents, events and claims",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="extraction JSON files, or articles (extracted on the way); '-' reads stdin",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no line per document")
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: on for several files on a terminal)",
    )
    p.add_argument(
        "--input-format",
        choices=("auto", "text", "wikitext"),
        default="auto",
        help="how to read articles: by extension and content (auto, default), plain text, "
        "or MediaWiki wikitext",
    )
    p.add_argument("--format", choices=("ucdp-ged", "acled"), help=dataset_help)
    add_db_option(p)
    p.set_defaults(handler=cmd_ingest)

    p = subparsers.add_parser(
        "migrate",
        help="create a ledger or bring an older one up to date",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=MIGRATE_HELP,
    )
    add_db_option(p)
    p.set_defaults(handler=cmd_migrate)
