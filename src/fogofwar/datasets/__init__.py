"""Datasets are sources too: UCDP GED and ACLED rows imported as claims.

Each row's deaths become ``killed`` claims of scope ``incident`` by the claimant "UCDP GED" or
"ACLED" (kind ``ngo``: an independent source), one per side the row counts (a zero is no claim),
with the row as evidence. A row joins the ledger event of its country whose days overlap and one of
whose actors it names (``datasets.match``), its sides mapped onto the event's; a row that matches
no event is kept as an event of its own. The file is one document of the ledger: importing a
changed file again stores it as a new revision that replaces the old rows' claims.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fogofwar.datasets import acled, ucdp
from fogofwar.datasets.match import Match, best_match
from fogofwar.datasets.rows import DatasetRow
from fogofwar.errors import DatasetError, DatasetRowError
from fogofwar.ledger import IngestResult, Ledger, ingest_document, list_events
from fogofwar.model import (
    Actor,
    Claim,
    Claimant,
    DateSpan,
    Document,
    Event,
    Evidence,
    Place,
    Side,
    Subject,
    Value,
)

READERS: dict[str, Callable[[str | Path], tuple[str, list[DatasetRow]]]] = {
    "ucdp-ged": ucdp.read,
    "acled": acled.read,
}
FORMATS = tuple(READERS)
DATASET_SOURCES = (ucdp.SOURCE, acled.SOURCE)


@dataclass(frozen=True)
class DatasetResult:
    """What one import did: distinct rows read, rows attached to ledger events, rows kept as
    their own events, claims stored, and the ledger's result for the file's document."""

    rows: int
    attached: int
    own_events: int
    claims: int
    stored: IngestResult
    repeated: int = 0  # rows listed again with the same id and facts, skipped


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _own_event(row: DatasetRow, doc_id: str) -> Event:
    """A row no ledger event matches, as an event: side 1 its side_a, side 2 its side_b."""
    place = Place(
        row.place or row.admin1 or row.country or "unknown",
        row.country,
        row.admin1,
        row.lat,
        row.lon,
        row.where_prec,
    )
    sides = tuple(
        Side(n, tuple(Actor(a) for a in names))
        for n, names in ((1, row.side_a), (2, row.side_b))
        if names
    )
    title = f"{row.source} event {row.row_id}: {place.name}, {row.start.isoformat()}"
    span = DateSpan(row.start.isoformat(), row.end.isoformat(), "day")
    return Event(
        f"{_slug(row.source)}-{_slug(row.row_id)}", doc_id, title, "clashes", span, place,
        None, None, sides,
    )  # fmt: skip


def _claims(
    row: DatasetRow, event_id: str, a: int | None, b: int | None, doc: Document
) -> list[Claim]:
    """One killed claim per side the row counts; a zero is no claim."""
    subjects = {
        "a": Subject(side=a),
        "b": Subject(side=b),
        "civilians": Subject(civilian=True),
        "unknown": Subject(),
    }
    start, end = row.span
    evidence = (Evidence(doc.id, f"row {row.row_id}", start, end, doc.text[start:end]),)
    who = Claimant(row.source, None, "ngo")
    return [
        Claim(
            f"{_slug(row.source)}/{_slug(row.row_id)}/{key}",
            event_id,
            "killed",
            subjects[key],
            Value(n, n),
            who,
            "assert",
            None,
            evidence,
            "incident",
        )
        for key, n in row.deaths.items()
        if n > 0
    ]


def _unique(rows: list[DatasetRow], path: str | Path) -> tuple[list[DatasetRow], int]:
    """The rows with each id once: a repeat that says the same (a row listed twice, as in
    extracts matching one row to two articles) is skipped; one that differs is an error."""
    seen: dict[str, DatasetRow] = {}
    out = []
    for row in rows:
        first = seen.get(row.row_id)
        if first is None:
            seen[row.row_id] = row
            out.append(row)
        elif _facts(first) != _facts(row):
            raise DatasetRowError(
                f"{path}: line {row.line}: id {row.row_id} repeats line {first.line} "
                "with other dates, sides, place or deaths"
            )
    return out, len(rows) - len(out)


def _facts(row: DatasetRow) -> tuple[object, ...]:
    return (row.start, row.end, row.side_a, row.side_b, row.country, row.place, row.deaths)


def ingest_dataset(ledger: Ledger, path: str | Path, fmt: str) -> DatasetResult:
    """Import a UCDP GED (``ucdp-ged``) or ACLED (``acled``) CSV; all or nothing."""
    if fmt not in READERS:
        raise DatasetError(f"unknown dataset format {fmt!r}; choose one of {', '.join(FORMATS)}")
    text, rows = READERS[fmt](path)
    rows, repeated = _unique(rows, path)
    data = Path(path).read_bytes()
    source = rows[0].source if rows else fmt
    doc = Document(
        hashlib.sha256(data).hexdigest(), f"{source}: {Path(path).name}", str(path), fmt, text
    )
    by_country: dict[str | None, list[Event]] = {}
    for ev in list_events(ledger):  # the candidates: events of the row's country or of none
        country = ev.place.country.lower() if ev.place and ev.place.country else None
        by_country.setdefault(country, []).append(ev)
    events: list[Event] = []
    claims: list[Claim] = []
    attached = 0
    for row in rows:
        country = row.country.lower() if row.country else None
        candidates = by_country.get(country, []) + (by_country.get(None, []) if country else [])
        match: Match | None = best_match(row, candidates)
        if match is not None:
            attached += 1
            claims += _claims(row, match.event.id, match.side_a, match.side_b, doc)
        else:
            own = _own_event(row, doc.id)
            events.append(own)
            claims += _claims(row, own.id, 1, 2, doc)
    stored = ingest_document(ledger, doc, events, claims)
    return DatasetResult(len(rows), attached, len(events), len(claims), stored, repeated)


__all__ = ["DATASET_SOURCES", "FORMATS", "DatasetResult", "ingest_dataset"]
