"""The events indexes: the country searches go through an index that begins with the country
and current (``ix_events_country_dates``, or ``ix_events_country_order`` of migration 8), so the
narrower ``ix_events_country_norm`` is gone (migration 7), from new ledgers and from migrated
ones; the lists' first pages walk the order indexes of migration 8."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text

from fogofwar.ledger import EventFilter, Ledger, ingest
from fogofwar.ledger.query import _filtered
from fogofwar.model import Extraction


def _indexes(ledger: Ledger) -> set[str]:
    with ledger.read() as conn:
        return {i["name"] for i in inspect(conn).get_indexes("events") if i["name"]}


def test_country_index_is_dropped_from_new_and_migrated_ledgers(
    db_url: str, anefis: Extraction
) -> None:
    with Ledger(db_url) as ledger:
        ingest(ledger, anefis)
        assert "ix_events_country_norm" not in _indexes(ledger)
        assert "ix_events_country_dates" in _indexes(ledger)
        with ledger.write() as conn:  # as a version-6 ledger has it
            conn.execute(
                text("CREATE INDEX ix_events_country_norm ON events (country_norm, current)")
            )
            conn.execute(text("DELETE FROM fogofwar_schema WHERE version >= 7"))
    with Ledger(db_url) as ledger:
        assert ledger.applied == [7, 8]
        assert "ix_events_country_norm" not in _indexes(ledger)


def test_country_searches_use_the_country_dates_index(tmp_path: Path, anefis: Extraction) -> None:
    with Ledger(f"sqlite:///{tmp_path / 'l.sqlite'}") as ledger:
        ingest(ledger, anefis)
        with ledger.read() as conn:
            for flt in (EventFilter(country="Mali"), EventFilter(countries=("Mali", "Niger"))):
                sql = _filtered(flt).compile(conn, compile_kwargs={"literal_binds": True})
                plan = " ".join(r[3] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
                assert "ix_events_country_" in plan, plan  # _dates, or _order (migration 8)


def test_first_pages_walk_the_order_indexes(tmp_path: Path, anefis: Extraction) -> None:
    """A page of the lists (``search.stored_page``) in one country, or unfiltered, reads events
    in the lists' order from ``ix_events_country_order`` / ``ix_events_order`` (migration 8)."""
    from fogofwar.ledger.query import filter_params
    from fogofwar.ledger.search import _page_statement

    with Ledger(f"sqlite:///{tmp_path / 'l.sqlite'}") as ledger:
        ingest(ledger, anefis)
        with ledger.read() as conn:
            for flt, index in (
                (EventFilter(countries=("Mali",)), "ix_events_country_order"),
                (EventFilter(country="Mali"), "ix_events_country_order"),
                (EventFilter(), "ix_events_order"),
            ):
                q = _page_statement(filter_params(flt), "ged", after=False).params(
                    p_limit=51, p_offset=0
                )
                sql = q.compile(conn, compile_kwargs={"literal_binds": True})
                plan = " ".join(r[3] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
                assert index in plan, plan
