"""What the dump tests share: the fixture dumps and what a ledger holds of them."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from fogofwar.ledger import Ledger
from fogofwar.ledger import schema as t

DUMPS = Path(__file__).resolve().parents[1] / "data" / "dumps"
MULTI = DUMPS / "enwiki-wwii-excerpt-pages-articles-multistream.xml.bz2"
INDEX = DUMPS / "enwiki-wwii-excerpt-pages-articles-multistream-index.txt.bz2"
HISTORY = DUMPS / "korytsa-history-0.11.xml"
CONFLICT_PAGES = {"54917946", "42414114", "45094670", "31940542"}
CONFLICT_PAGES |= {"17199769", "12344567", "4150165", "846876"}


def stored(ledger: Ledger) -> list[tuple[str, str, str, str, str]]:
    d = t.documents.c
    with ledger.read() as conn:
        rows = conn.execute(
            select(d.page_id, d.revision, d.revision_timestamp, d.editor, d.title).order_by(
                d.page_id, d.revision
            )
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]


def n_claims(ledger: Ledger) -> int:
    with ledger.read() as conn:
        return int(conn.execute(select(func.count()).select_from(t.claims)).scalar() or 0)
