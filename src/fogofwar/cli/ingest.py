"""The ingest command: store extraction JSON or articles, one document per transaction."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fogofwar.cli.common import add_db_option, domain_errors, guard, open_ledger
from fogofwar.cli.datasets import HELP as dataset_help
from fogofwar.ledger import Ledger, LedgerError, ingest_document, split
from fogofwar.model import Extraction


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


def extract_articles(paths: Sequence[str]) -> tuple[Extraction, list[str]]:
    """Articles through the extractor: the extraction and one error line per failed file."""
    try:
        from fogofwar.extract import extract_paths
    except ImportError:
        return Extraction((), (), ()), [
            f"{p}: extraction is not available; give an extraction JSON" for p in paths
        ]
    got = extract_paths(list(paths))
    return got if isinstance(got, tuple) else (got, [])


def _store(ledger: Ledger, x: Extraction, args: argparse.Namespace, bar: Any) -> int:
    """Ingest one extraction document by document; returns the number that failed."""
    failed = 0
    for part in split(x):
        try:
            r = ingest_document(ledger, *part)
        except domain_errors() as exc:
            failed += 1
            bar.write(f"fogofwar: error: {exc}", file=sys.stderr)
            continue
        finally:
            bar.update(1)
        if not args.quiet:
            status = f"revision {r.revision_no}" if r.status == "revision" else r.status
            bar.write(f"{status:<11} {r.title} ({r.events} events, {r.claims} claims)")
    return failed


@guard
def cmd_ingest(args: argparse.Namespace) -> int:
    """Store documents, events and claims (extraction JSON or articles); one document, one
    transaction. Exit status 1 if any file or document failed."""
    from tqdm import tqdm

    if args.format:  # a dataset's CSV: fogofwar.datasets (exports helper)
        from fogofwar.cli.datasets import ingest_datasets

        return ingest_datasets(args)
    ledger, failed = open_ledger(args), 0
    files: Sequence[str] = args.files
    jsons = [f for f in files if f.endswith(".json")]
    articles = [f for f in files if not f.endswith(".json")]
    bar = tqdm(
        total=len(files), unit="doc", disable=None if len(files) > 1 else True, file=sys.stderr
    )
    for path in jsons:
        try:
            x = read_extraction(path)
            split(x)
        except domain_errors() as exc:
            failed += 1
            bar.write(f"fogofwar: error: {exc}", file=sys.stderr)
            bar.update(1)
            continue
        bar.total = (bar.total or 0) + len(x.documents) - 1
        failed += _store(ledger, x, args, bar)
    if articles:
        x, errors = extract_articles(articles)
        for line in errors:
            bar.write(f"fogofwar: error: {line}", file=sys.stderr)
            bar.update(1)
        failed += len(errors) + _store(ledger, x, args, bar)
    bar.close()
    ledger.close()
    return 1 if failed else 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands; each sets ``handler``: args -> exit status."""
    p = subparsers.add_parser(
        "ingest",
        help="store extracted documents, events and claims",
        description=cmd_ingest.__doc__,
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="extraction JSON files (or articles, extracted on the way)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no line per document")
    p.add_argument("--format", choices=("ucdp-ged", "acled"), help=dataset_help)
    add_db_option(p)
    p.set_defaults(handler=cmd_ingest)
