"""One row of a conflict-event dataset (UCDP GED, ACLED) in the terms fogofwar needs: when, where,
who against whom, and the deaths it counts (per side where the dataset splits them)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from fogofwar.errors import DatasetColumnsMissing, DatasetError, DatasetRowError


@dataclass(frozen=True)
class DatasetRow:
    """A dataset row: ``deaths`` maps "a" / "b" (side_a / side_b, actor1 / actor2), "civilians"
    and "unknown" (no side) to a count; ``total`` is the row's own best/low/high."""

    source: str  # the claimant: "UCDP GED" or "ACLED"
    row_id: str
    line: int  # line of the file, for messages and evidence
    start: date
    end: date
    side_a: tuple[str, ...]
    side_b: tuple[str, ...]
    country: str | None
    admin1: str | None
    place: str | None
    lat: float | None
    lon: float | None
    where_prec: int | None
    deaths: dict[str, int]
    total: tuple[int | None, int | None, int | None]  # low, best, high
    span: tuple[int, int]  # where the row is in the file's text


def read_table(path: str | Path, required: tuple[str, ...]) -> tuple[str, list[dict[str, str]]]:
    """The file's text and its rows as dicts; a clear error if unreadable or columns missing."""
    try:
        text = Path(path).read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(f"{path}: cannot read: {exc}") from None
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    missing = [c for c in required if c not in header]
    if missing:
        raise DatasetColumnsMissing(
            f"{path}: not this dataset's CSV: missing column(s) {', '.join(missing)}"
        )
    return text, list(reader)


def record_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) character offsets of each data record of the CSV text, header skipped."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    reader = csv.reader(io.StringIO(text))
    next(reader, None)
    before = reader.line_num
    for record in reader:
        if record:  # csv.DictReader skips empty lines too
            end = starts[reader.line_num] if reader.line_num < len(starts) else len(text)
            while end > starts[before] and text[end - 1] in "\r\n":
                end -= 1
            yield starts[before], end
        before = reader.line_num


def cell(row: dict[str, str], *names: str) -> str | None:
    """The first non-empty cell among ``names``."""
    for n in names:
        v = (row.get(n) or "").strip()
        if v:
            return v
    return None


def count(row: dict[str, str], name: str, where: str) -> int | None:
    """A non-negative whole number, None if blank; a DatasetRowError if not a count."""
    v = cell(row, name)
    if v is None:
        return None
    try:
        n = int(float(v))
    except ValueError:
        raise DatasetRowError(f"{where}: {name} {v!r} is not a number") from None
    if n < 0 or n != float(v):
        raise DatasetRowError(f"{where}: {name} {v!r} is not a count")
    return n


def day(row: dict[str, str], name: str, where: str) -> date:
    """An ISO date (a time after it, as in GED's ``2022-09-27 00:00``, is ignored)."""
    v = cell(row, name)
    try:
        return date.fromisoformat((v or "")[:10])
    except ValueError:
        raise DatasetRowError(f"{where}: {name} {v!r} is not a date (YYYY-MM-DD)") from None


def coordinate(row: dict[str, str], name: str, where: str) -> float | None:
    v = cell(row, name)
    if v is None:
        return None
    try:
        return float(v)
    except ValueError:
        raise DatasetRowError(f"{where}: {name} {v!r} is not a coordinate") from None
