"""ACLED CSV rows as dataset rows. ACLED's one ``fatalities`` figure is not split by side
(FIELD-NOTES.md §3.3): it counts for no known side, except that with civilians as actor 2
(``inter2`` 7, or "Civilians" in the name) the deaths are read as civilians killed."""

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

SOURCE = "ACLED"
REQUIRED = ("event_id_cnty", "event_date", "actor1", "actor2", "country", "fatalities")
_GEO_TO_WHERE_PREC = {1: 1, 2: 2, 3: 4}  # town; near a town; a larger region (ADM1-like)


def _actors(row: dict[str, str], main: str, assoc: str) -> tuple[str, ...]:
    names = [cell(row, main) or ""]
    names += [a.strip() for a in (cell(row, assoc) or "").split(";") if a.strip()]
    return tuple(n for n in names if n)


def _civilians_as_actor2(row: dict[str, str]) -> bool:
    inter2 = (cell(row, "inter2") or "").lower()
    return inter2 in ("7", "civilians") or "civilians" in (cell(row, "actor2") or "").lower()


def read(path: str | Path) -> tuple[str, list[DatasetRow]]:
    """The file's text and its rows, or a DatasetError naming the first bad line."""
    text, rows = read_table(path, REQUIRED)
    out = []
    for i, (row, raw) in enumerate(zip(rows, record_spans(text), strict=False), start=2):
        where = f"{path}: line {i}"
        when = day(row, "event_date", where)
        n = count(row, "fatalities", where)
        deaths = {} if n is None else {"civilians" if _civilians_as_actor2(row) else "unknown": n}
        geo = count(row, "geo_precision", where)
        out.append(
            DatasetRow(
                source=SOURCE,
                row_id=cell(row, "event_id_cnty") or f"line-{i}",
                line=i,
                start=when,
                end=when,
                side_a=_actors(row, "actor1", "assoc_actor_1"),
                side_b=_actors(row, "actor2", "assoc_actor_2"),
                country=cell(row, "country"),
                admin1=cell(row, "admin1"),
                place=cell(row, "location"),
                lat=coordinate(row, "latitude", where),
                lon=coordinate(row, "longitude", where),
                where_prec=_GEO_TO_WHERE_PREC.get(geo) if geo is not None else None,
                deaths=deaths,
                total=(n, n, n),
                span=raw,
            )
        )
    return text, out
