"""Revision lineages: which stored documents are revisions of one another, and which is current.

A document's lineage is keyed on what it is (its page id where the source has one, else its
normalised title), never on where it was read from: two articles piped through standard input,
or two ``article.txt`` in two folders, are different documents. Within a lineage the current
revision is the one with the newest ``revision_timestamp`` when the revisions say when they were
made; otherwise the last new revision stored.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from datetime import UTC, datetime

from sqlalchemy import Connection, select, update

from fogofwar.ledger import schema as t
from fogofwar.model import Document


def title_key(title: str) -> str:
    """A title as a wiki compares titles: case, underscores and runs of spaces do not count."""
    return " ".join(unicodedata.normalize("NFC", title).replace("_", " ").casefold().split())


def lineage_key(doc: Document) -> str:
    """``page:ID`` for a document with a page id, else ``title:`` and its normalised title."""
    return key_of(doc.title, doc.page_id)


def key_of(title: str, page_id: str | None) -> str:
    return f"page:{page_id}" if page_id else f"title:{title_key(title)}"


def _when(timestamp: str | None) -> datetime | None:
    if not timestamp:
        return None
    try:
        got = datetime.fromisoformat(timestamp)
    except ValueError:
        return None
    return got if got.tzinfo else got.replace(tzinfo=UTC)


def replaces(new_timestamp: str | None, current_timestamp: str | None) -> bool:
    """Whether a newly stored revision becomes current over the current one: yes unless both
    say when they were made and the new one is older."""
    new, cur = _when(new_timestamp), _when(current_timestamp)
    return new is None or cur is None or new >= cur


def rebuild(conn: Connection) -> int:
    """Re-key every stored document's lineage (migration 5: lineages were keyed on the origin
    too), renumber revisions in the order they were stored, and set which one is current.
    Returns how many documents changed whether they are current."""
    d = t.documents.c
    rows = conn.execute(
        select(d.id, d.title, d.page_id, d.revision_timestamp, d.current).order_by(
            d.ingested_at, d.lineage, d.revision_no
        )
    ).all()
    groups: dict[str, list[tuple[str, str | None, bool]]] = defaultdict(list)
    for r in rows:
        groups[key_of(r.title, r.page_id)].append((r.id, r.revision_timestamp, bool(r.current)))
    conn.execute(update(t.documents).values(revision_no=-d.revision_no))  # free the numbers
    flipped: dict[bool, list[str]] = {True: [], False: []}
    for key, docs in groups.items():
        current = 0
        for i in range(1, len(docs)):
            if replaces(docs[i][1], docs[current][1]):
                current = i
        for i, (doc_id, _ts, was_current) in enumerate(docs):
            now_current = i == current
            conn.execute(
                update(t.documents)
                .where(d.id == doc_id)
                .values(lineage=docs[0][0], lineage_key=key, revision_no=i + 1, current=now_current)
            )
            if now_current != was_current:
                flipped[now_current].append(doc_id)
    for flag, ids in flipped.items():
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for table in (t.events, t.claims):
                conn.execute(update(table).where(table.c.document.in_(chunk)).values(current=flag))
    return len(flipped[True]) + len(flipped[False])
