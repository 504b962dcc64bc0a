"""``fogofwar extract``: the event and every attributed claim of each article."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from fogofwar.extract import extract_paths
from fogofwar.read import DEFAULT_MAX_BYTES, INPUT_FORMATS
from fogofwar.render import extraction_table

HELP = """\
Read battle articles (plain-text shape: '= Title =', an 'Infobox' of '- Key: Value' lines,
prose with '== Section ==' headings; or MediaWiki wikitext, told by the .wikitext/.wiki/
.mediawiki extension or by its markup, or forced with --input-format) and print every event
and every claim found: casualty
figures (killed, injured, captured, missing, displaced, strength, vehicles, equipment) as
intervals with the words kept, who claimed them (claimant, its side and kind), the stance
(assert / revise / corroborate / deny) and the evidence (section, character offsets, text);
and non-numeric contested facts (presence, start, outcome, control, abuse).

From wikitext, offsets point into the rendered text (the plain-text shape, see
--include-text); each evidence also carries source_start/source_end into the wikitext and the
citations (<ref>, {{cite ...}}, {{sfn}}) of its sentence or infobox item. A citation is not a
claimant; a claim with no date of its own takes its citation's date as said_on.

A file that cannot be read gets one line on standard error naming it and the problem; the
other files are still extracted and the exit status is 1.
"""


def register(sub: Any) -> None:
    p = sub.add_parser(
        "extract",
        help="extract events and claims from articles",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="article files; '-' reads stdin")
    p.add_argument(
        "--format",
        choices=("json", "table"),
        default="json",
        help="json (the extraction format, default) or table (for people)",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=min(2, os.cpu_count() or 1),
        help="processes for many files (default: %(default)s)",
    )
    p.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        help="refuse files larger than this (default: %(default)s)",
    )
    p.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        default="auto",
        help="auto (default: wikitext by extension or markup, else plain text), text, wikitext",
    )
    p.add_argument(
        "--include-text",
        action="store_true",
        help="include each document's full text in the JSON output",
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: on when several files and a terminal)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    files: list[str] = args.files
    show = args.progress if args.progress is not None else (len(files) > 1 and sys.stderr.isatty())
    bar = None
    if show:
        from tqdm import tqdm

        bar = tqdm(total=len(files), unit="file", file=sys.stderr)

    def done(path: str, error: str | None) -> None:
        if bar is not None:
            bar.update(1)

    extraction, errors = extract_paths(
        files,
        workers=max(1, args.workers),
        max_bytes=args.max_bytes,
        on_done=done,
        input_format=args.input_format,
    )
    if bar is not None:
        bar.close()
    for error in errors:
        print(f"fogofwar: error: {error}", file=sys.stderr)
    if args.format == "table":
        sys.stdout.write(extraction_table(extraction))
    else:
        json.dump(
            extraction.to_dict(include_text=args.include_text),
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
    return 1 if errors else 0
