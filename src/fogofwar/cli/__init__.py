"""The ``fogofwar`` command: thin wrappers that parse arguments, call the library and print."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from fogofwar import __version__
from fogofwar.cli import extract as extract_cmd
from fogofwar.errors import FogofwarError

DESCRIPTION = """\
fogofwar keeps a ledger of who claimed what about armed conflict: it reads battle articles,
extracts each event (when, where, who fought whom, commanders, result) and every contested
fact as a claim by a named source, with its stance and the exact words it came from.
"""

EPILOG = """\
the flow: read -> parse -> extract -> store (ledger) -> reconcile -> serve / export

examples:
  fogofwar extract article.txt                 the event and claims of one article, as JSON
  fogofwar extract --format table a.txt b.txt  the same for people, grouped by event and side
  cat article.txt | fogofwar extract -         read standard input
  fogofwar ingest articles/*.txt               store them in the default SQLite ledger
  fogofwar ingest dump.xml.bz2 --workers 2     a MediaWiki dump's conflict pages, on Dask
  fogofwar history battle-of-anefis-2014       how its figures changed across revisions
  fogofwar estimates battle-of-anefis-2014     low / best / high per side and kind, with reasons
  fogofwar show battle-of-anefis-2014          the event, its claims and their evidence
  fogofwar export --format ucdp-csv > ged.csv  UCDP GED columns (also acled-csv, geojson, ...)
  fogofwar serve                               the API and web page on http://127.0.0.1:8000/

Run 'fogofwar COMMAND --help' for the options of a command.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fogofwar",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"fogofwar {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    extract_cmd.register(sub)
    try:
        from fogofwar.cli import ledger as ledger_cmd
    except ImportError:
        pass
    else:
        ledger_cmd.register(sub)
        from fogofwar.cli import dump_ingest
        from fogofwar.cli import history as history_cmd

        history_cmd.register(sub)
        dump_ingest.extend(sub.choices["ingest"])
    try:
        from fogofwar.cli import serve as serve_cmd
    except ImportError:  # the server's dependencies (FastAPI, uvicorn) are missing
        pass
    else:
        serve_cmd.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``fogofwar`` command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        status: int = args.handler(args)
        return status
    except FogofwarError as err:
        print(f"fogofwar: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("fogofwar: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as err:  # never a traceback for users; FOGOFWAR_DEBUG=1 shows it
        if os.environ.get("FOGOFWAR_DEBUG"):
            raise
        print(
            f"fogofwar: internal error: {type(err).__name__}: {err} "
            "(set FOGOFWAR_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 70


if __name__ == "__main__":
    sys.exit(main())
