"""One event's rows in the field's JSON shapes, as the HTTP API answers them: an ACLED row and a
UCDP GED row (the CSV exports' mappings, ``acled_csv.row`` and ``ucdp_csv.row``, with the JSON
types the field's APIs give). The ledger stores them per event row (``ledger.served``), so that
the server answers a page of them without making any."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fogofwar.export import acled_csv, ucdp_csv
from fogofwar.export.common import Bundle, Fatalities
from fogofwar.model import Estimate, Event

ACLED_NUMERIC = frozenset(
    ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "latitude",
     "longitude", "geo_precision", "fatalities", "timestamp")
)  # fmt: skip
GED_INTEGER = frozenset(
    ("year", "type_of_violence", "conflict_new_id", "dyad_new_id", "side_a_new_id",
     "side_b_new_id", "number_of_sources", "where_prec", "priogrid_gid", "country_id",
     "event_clarity", "date_prec", "deaths_a", "deaths_b", "deaths_civilians",
     "deaths_unknown", "best", "high", "low")
)  # fmt: skip
GED_FLOAT = frozenset(("latitude", "longitude"))
GED_NULLABLE_TEXT = frozenset(("gwnoa", "gwnob", "conflict_dset_id", "dyad_dset_id",
                               "side_a_dset_id", "side_b_dset_id"))  # fmt: skip
UNKNOWN = Fatalities(None, None, None)


@dataclass(frozen=True)
class StoredBundle(Bundle):
    """An event's bundle from its stored summary (``ledger.derived.Summary``): the side-level
    estimates (all the row makers read of the estimates), the claimants' names (all they read
    of the claims) and the stored fatality figure."""

    names: tuple[str, ...] = ()
    figure: Fatalities = UNKNOWN

    def claimants(self) -> list[str]:
        return list(self.names)

    def fatalities(self) -> Fatalities:
        return self.figure


def summary_bundle(
    event: Event,
    sides: tuple[Estimate, ...],
    claimants: tuple[str, ...],
    fatalities: tuple[int | None, int | None, int | None],
) -> StoredBundle:
    return StoredBundle(event, (), sides, claimants, Fatalities(*fatalities))


def unix_seconds(iso: str) -> int:
    return int(datetime.fromisoformat(iso).timestamp())


def acled_json(b: Bundle, ingested_at: str | None) -> dict[str, Any]:
    """The ACLED export's row with JSON types: numbers as numbers, unknown numbers null,
    ``timestamp`` when the event's document was stored (``ingested_at``, as Unix seconds;
    0 before it is: ``ledger.served.finished`` sets it)."""
    stamp = unix_seconds(ingested_at) if ingested_at else 0
    row = {k: "" for k in acled_csv.COLUMNS} | acled_csv.row(b, stamp)
    for k in ACLED_NUMERIC & row.keys():
        if row[k] == "" or row[k] is None:
            row[k] = None
        elif k in ("latitude", "longitude"):
            row[k] = float(str(row[k]))
        else:
            row[k] = int(str(row[k]))
    return row


def ged_json(b: Bundle, pk: int | None) -> dict[str, Any]:
    """The GED export's row with GED's JSON types: ``id`` the ledger's integer row id (``pk``;
    None before the row has one: ``ledger.served.finished`` sets it),
    ``relid`` the event id, numbers as numbers, unknowns null, dates as
    ``YYYY-MM-DDT00:00:00``."""
    row: dict[str, Any] = {k: "" for k in ucdp_csv.COLUMNS} | ucdp_csv.row(b)
    for k in ucdp_csv.COLUMNS:
        v = row[k]
        if k in GED_INTEGER or k in GED_FLOAT:
            row[k] = None if v in ("", None) else (float if k in GED_FLOAT else int)(str(v))
        elif k in GED_NULLABLE_TEXT and v in ("", None):
            row[k] = None
        elif k in ("date_start", "date_end") and v:
            row[k] = f"{v}T00:00:00"
    row["id"], row["relid"] = pk, b.event.id
    row["active_year"] = None
    return row
