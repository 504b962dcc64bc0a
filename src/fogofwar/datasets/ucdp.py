"""UCDP GED CSV rows (the 49-column GED file, or the UCDP-AEC extracts with ``where_name`` and
``best_computed``) as dataset rows: side_a / side_b with their deaths, civilians, unknown."""

from __future__ import annotations

from pathlib import Path

from fogofwar.datasets.rows import (
    DatasetRow,
    cell,
    coordinate,
    count,
    day,
    read_table,
    record_spans,
)
from fogofwar.errors import DatasetRowError

SOURCE = "UCDP GED"
REQUIRED = (
    "id",
    "date_start",
    "date_end",
    "side_a",
    "side_b",
    "country",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
)


def read(path: str | Path) -> tuple[str, list[DatasetRow]]:
    """The file's text and its rows, or a DatasetError naming the first bad line."""
    text, rows = read_table(path, REQUIRED)
    out = []
    for i, (row, raw) in enumerate(zip(rows, record_spans(text), strict=False), start=2):
        where = f"{path}: line {i}"
        deaths = {
            key: n
            for key, col in (
                ("a", "deaths_a"),
                ("b", "deaths_b"),
                ("civilians", "deaths_civilians"),
                ("unknown", "deaths_unknown"),
            )
            if (n := count(row, col, where)) is not None
        }
        best = (
            count(row, "best", where) if cell(row, "best") else count(row, "best_computed", where)
        )
        start, end = day(row, "date_start", where), day(row, "date_end", where)
        if end < start:
            raise DatasetRowError(f"{where}: date_end {end} is before date_start {start}")
        out.append(
            DatasetRow(
                source=SOURCE,
                row_id=cell(row, "id") or f"line-{i}",
                line=i,
                start=start,
                end=end,
                side_a=(cell(row, "side_a") or "",),
                side_b=(cell(row, "side_b") or "",),
                country=cell(row, "country"),
                admin1=cell(row, "adm_1"),
                place=cell(row, "where_coordinates", "where_name", "where_description"),
                lat=coordinate(row, "latitude", where),
                lon=coordinate(row, "longitude", where),
                where_prec=count(row, "where_prec", where),
                deaths=deaths,
                total=(count(row, "low", where), best, count(row, "high", where)),
                span=raw,
            )
        )
    return text, out
