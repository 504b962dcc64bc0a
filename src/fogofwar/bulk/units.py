"""Units of dump work, run on a Dask worker or in-process: read, filter, extract (and, on
PostgreSQL, store). A unit's outcomes are in dump order, so a page's revisions stay in order."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Any

from fogofwar.errors import FogofwarError
from fogofwar.ledger import IngestResult, Ledger, derived, ingest_document, served
from fogofwar.model import Claim, Document, Event
from fogofwar.read.dumps import Revision, StreamSpan, span_revisions

ARTICLE_NAMESPACES = frozenset({0})
"""Namespaces whose pages are articles (0, the main namespace); templates and talk pages quote
infoboxes without being about an event."""

RevisionKey = tuple[str, str]
"""``(page_id, revision_id)``: what identifies a revision across re-runs."""


@dataclass(frozen=True)
class SpanUnit:
    """Read stream spans of a multistream dump (one, or a few adjacent ones packed together),
    then extract their conflict pages; a stream that cannot be read costs only its pages."""

    dump: str
    spans: tuple[StreamSpan, ...]
    held: frozenset[RevisionKey] = frozenset()

    @property
    def size(self) -> int:
        """Compressed bytes to read."""
        return sum(s.end - s.start for s in self.spans)


@dataclass(frozen=True)
class BatchUnit:
    """Extract revisions the client has read (and filtered); carries the client's counts."""

    revisions: tuple[Revision, ...]
    pages: int = 0
    revisions_read: int = 0
    not_conflict: int = 0
    held: int = 0


Unit = SpanUnit | BatchUnit


@dataclass
class Outcome:
    """One kept revision: its parts for the client to store (with the estimates of its events,
    ``derived.rows_alone``, and their answers, ``served.answers_alone``: the client only
    inserts them), or what a worker stored, or why it failed (one line). The document leaves
    out its source map and citation marks: extraction used them, the ledger keeps neither."""

    page_id: str
    revision_id: str | None
    title: str
    parts: tuple[Document, list[Event], list[Claim]] | None = None
    estimates: list[dict[str, Any]] | None = None
    answers: dict[str, dict[str, Any]] | None = None
    stored: IngestResult | None = None
    error: str | None = None


@dataclass
class WorkResult:
    """What one unit did: counts of what it read and skipped, and its kept revisions."""

    pages: int = 0
    revisions: int = 0
    not_conflict: int = 0
    held: int = 0
    outcomes: list[Outcome] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # dump errors, each stopping one stream
    # (the pages before it count)


def is_candidate(rev: Revision, namespaces: frozenset[int] = ARTICLE_NAMESPACES) -> bool:
    """An article revision (not a redirect) whose wikitext holds a conflict infobox."""
    from fogofwar.read.wikitext import has_conflict_infobox

    return rev.ns in namespaces and not rev.redirect and has_conflict_infobox(rev.text)


def key_of(rev: Revision) -> RevisionKey:
    return (rev.page_id, rev.revision_id or "")


def revision_document(rev: Revision, dump: str) -> Document:
    """The Document of one dump revision; its origin is ``DUMP#page=ID``. Its id covers the
    page and revision ids with the text, so a revert to earlier text is a revision of its own,
    not a copy of the earlier one."""
    from fogofwar.read.wikitext import read_wikitext

    doc = read_wikitext(
        rev.text,
        origin=f"{dump}#page={rev.page_id}",
        title=rev.title,
        page_id=rev.page_id,
        revision=rev.revision_id,
        revision_timestamp=rev.timestamp,
        editor=rev.editor,
    )
    key = f"{rev.page_id}\0{rev.revision_id or ''}\0".encode() + rev.text.encode("utf-8")
    return replace(doc, id=hashlib.sha256(key).hexdigest())


def extract_revision(rev: Revision, origin: str) -> tuple[Document, list[Event], list[Claim]]:
    """Read and extract one revision: its document, event and claims (citations attached)."""
    from fogofwar.extract import extract_document
    from fogofwar.read.citations import attach_citations

    doc = revision_document(rev, origin)
    event, claims = extract_document(doc)
    return doc, [event], attach_citations(doc, claims)


WARM_UP_PAGE = """{{Infobox military conflict
| conflict = Battle of the Sample Ridge
| date = 3 May 2001
| place = Sample Ridge
| combatant1 = Northern army
| combatant2 = Southern militia
| casualties1 = 12 killed
| casualties2 = 30 captured
}}
'''The Battle of the Sample Ridge''' was fought between the [[Northern army]] and the Southern
militia. According to the army, 12 soldiers were killed.<ref>{{cite news |title=Fighting on
the ridge |work=Daily Sample |date=4 May 2001}}</ref>
"""
"""A made-up page that takes every step of extraction once (infobox, place, prose, citation)."""


def warm_up() -> None:
    """Load what extraction loads on its first page (the spaCy pipeline, wikitext rules,
    lexicons, the gazetteer) by extracting a made-up page: a worker does it before any unit."""
    page = Revision("0", "Battle of the Sample Ridge", 0, "0", None, None, WARM_UP_PAGE)
    extract_revision(page, "warm-up")


_LEDGERS: dict[str, Ledger] = {}


def _worker_ledger(url: str) -> Ledger:
    """One ledger (connection pool) per worker process and URL."""
    if url not in _LEDGERS:
        _LEDGERS[url] = Ledger(url)
    return _LEDGERS[url]


def _outcome(rev: Revision, origin: str, write_url: str | None) -> Outcome:
    out = Outcome(rev.page_id, rev.revision_id, rev.title)
    where = f"{rev.title} (page {rev.page_id}, rev {rev.revision_id})"
    try:
        parts = extract_revision(rev, origin)
        estimates = derived.rows_alone(parts[1], parts[2])
        if write_url is None:
            doc, events, claims = parts
            out.parts = (replace(doc, source_map=(), citations=()), events, claims)
            out.estimates, out.answers = estimates, served.answers_alone(events, estimates)
        else:
            ledger = _worker_ledger(write_url)
            answers = served.answers_alone(parts[1], estimates)
            out.stored = ingest_document(ledger, *parts, estimates=estimates, answers=answers)
    except FogofwarError as exc:
        out.error = f"{where}: {exc}"
    except RecursionError:
        out.error = f"{where}: wikitext is nested too deeply to parse"
    except Exception as exc:  # a bug must not lose the other pages: report it in one line
        out.error = f"{where}: internal error while extracting ({type(exc).__name__}: {exc})"
    return out


def run_unit(unit: Unit, origin: str, write_url: str | None = None) -> WorkResult:
    """Do one unit of work. ``write_url``: store each document directly (PostgreSQL workers);
    else return its parts for the client to store."""
    if isinstance(unit, BatchUnit):
        result = WorkResult(unit.pages, unit.revisions_read, unit.not_conflict, unit.held)
        result.outcomes = [_outcome(rev, origin, write_url) for rev in unit.revisions]
        return result
    result = WorkResult()
    for span in unit.spans:
        _run_span(unit, span, origin, write_url, result)
    return result


def _run_span(
    unit: SpanUnit, span: StreamSpan, origin: str, write_url: str | None, result: WorkResult
) -> None:
    last_page = None
    try:
        for rev in span_revisions(unit.dump, span):
            result.revisions += 1
            if rev.page_id != last_page:
                result.pages, last_page = result.pages + 1, rev.page_id
            if not is_candidate(rev):
                result.not_conflict += 1
            elif key_of(rev) in unit.held:
                result.held += 1
            else:
                result.outcomes.append(_outcome(rev, origin, write_url))
    except FogofwarError as exc:
        result.errors.append(str(exc))
