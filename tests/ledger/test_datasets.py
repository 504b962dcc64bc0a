"""Datasets are sources too: real UCDP GED rows (``tests/data/ucdp_ged_excerpt.csv``, see
PROVENANCE.md) imported as claims beside the corpus articles' (real SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fogofwar.datasets import ingest_dataset
from fogofwar.errors import DatasetColumnsMissing, DatasetError, DatasetRowError
from fogofwar.ledger import Ledger, counts, event_claims, ingest, list_events
from fogofwar.model import Claim, Extraction

DATA = Path(__file__).parents[1] / "data"
GED = DATA / "ucdp_ged_excerpt.csv"
CORPUS = DATA / "corpus.extraction.json.gz"


def _articles() -> set[str]:
    """The corpus articles the excerpt's rows were matched to (its ``matched_article``)."""
    return {Path(r["matched_article"]).name for r in csv.DictReader(GED.open(encoding="utf-8"))}


def _corpus_part(names: set[str]) -> Extraction:
    x = Extraction.from_dict(json.loads(gzip.decompress(CORPUS.read_bytes())))
    docs = tuple(d for d in x.documents if Path(d.origin).name in names)
    ids = {d.id for d in docs}
    events = tuple(e for e in x.events if e.document in ids)
    wanted = {e.id for e in events}
    return Extraction(docs, events, tuple(c for c in x.claims if c.event in wanted))


@pytest.fixture
def ledger(db_url: str) -> Ledger:
    led = Ledger(db_url)
    ingest(led, _corpus_part(_articles()))
    return led


def _event_of_article(ledger: Ledger) -> dict[str, set[str]]:
    from fogofwar.ledger.query import extract

    x = extract(ledger, include_text=False)
    origin = {d.id: Path(d.origin).name for d in x.documents}
    out: dict[str, set[str]] = {}
    for e in x.events:
        out.setdefault(origin[e.document], set()).add(e.id)
    return out


def test_ged_rows_attach_to_the_events_they_report(ledger: Ledger) -> None:
    result = ingest_dataset(ledger, GED, "ucdp-ged")
    assert (result.rows, result.repeated) == (15, 1)  # one row listed twice in the file
    by_article = _event_of_article(ledger)
    rows = list(csv.DictReader(GED.open(encoding="utf-8")))
    claims = {c.id: c for evs in by_article.values() for e in evs for c in _claims(ledger, e)}
    attached = 0
    for row in rows:
        mine = [c for c in claims.values() if c.id.startswith(f"ucdp-ged/{row['id']}/")]
        article = Path(row["matched_article"]).name
        if article not in by_article:  # an article not in the ledger: an event of its own
            assert mine and all(c.event == f"ucdp-ged-{row['id']}" for c in mine)
            continue
        if row["id"] == "433331":  # one row matched to two articles about one battle
            events = (
                by_article["battle_of_hostomel.txt"] | by_article["battle_of_antonov_airport.txt"]
            )
        else:
            events = by_article[article]
        for c in mine:
            assert c.event in events, (row["id"], c.event)
            assert c.kind == "killed" and c.scope == "incident"
            assert c.claimant is not None and c.claimant.name == "UCDP GED"
        attached += bool(mine)
    assert attached >= 10
    assert result.own_events == 2  # the two Aden rows
    own = [e for e in list_events(ledger) if e.id.startswith("ucdp-ged-")]
    assert {e.place.name for e in own if e.place} == {"Aden town"}


def _claims(ledger: Ledger, event_id: str) -> list[Claim]:
    return event_claims(ledger, [event_id])[event_id]


def test_ged_sides_map_onto_the_events_sides(ledger: Ledger) -> None:
    ingest_dataset(ledger, GED, "ucdp-ged")
    [mosul] = [e for e in list_events(ledger) if e.title.startswith("Battle of Mosul")]
    is_side = next(s.side for s in mosul.sides if any("Islamic" in a.name for a in s.actors))
    claims = {c.id: c for c in _claims(ledger, mosul.id) if c.claimant and c.claimant.kind}
    # row 233535: Government of Iraq 0, IS 8, civilians 5 (a zero is no claim)
    assert claims["ucdp-ged/233535/b"].subject.side == is_side
    assert claims["ucdp-ged/233535/b"].value.low == 8
    assert claims["ucdp-ged/233535/civilians"].subject.civilian
    assert "ucdp-ged/233535/a" not in claims
    assert "Mosul town" in claims["ucdp-ged/233535/b"].evidence[0].text


def test_reimport_is_unchanged_and_a_changed_file_replaces_the_rows(
    ledger: Ledger, tmp_path: Path
) -> None:
    copy = tmp_path / "ged.csv"
    copy.write_text(GED.read_text("utf-8"), "utf-8")
    first = ingest_dataset(ledger, copy, "ucdp-ged")
    assert ingest_dataset(ledger, copy, "ucdp-ged").stored.status == "unchanged"
    lines = GED.read_text("utf-8").splitlines(keepends=True)
    copy.write_text("".join(lines[:1] + [ln.replace(",0,8,5,0,", ",0,9,5,0,") for ln in lines[1:]]))
    again = ingest_dataset(ledger, copy, "ucdp-ged")
    assert again.stored.status == "revision" and again.claims == first.claims
    [mosul] = [e for e in list_events(ledger) if e.title.startswith("Battle of Mosul")]
    values = [c.value.low for c in _claims(ledger, mosul.id) if c.id == "ucdp-ged/233535/b"]
    assert values == [9]  # the old row's claim is no longer current


def _no_column(t: str) -> str:
    return t.replace("deaths_civilians", "civilians", 1)


def _not_a_number(t: str) -> str:
    return t.replace(",0,8,5,0,", ",0,eight,5,0,")


def _end_before_start(t: str) -> str:
    return t.replace("2016-10-26,2016-10-26", "2016-10-26,2016-10-20")


def _repeat_that_differs(t: str) -> str:
    return t.replace(",0,8,5,0,", ",0,9,5,0,", 1) + t.splitlines(keepends=True)[7]


@pytest.mark.parametrize(
    ("edit", "error", "message"),
    [
        (_no_column, DatasetColumnsMissing, "missing column"),
        (_not_a_number, DatasetRowError, "line 8: deaths_b 'eight'"),
        (_end_before_start, DatasetRowError, "before"),
        (_repeat_that_differs, DatasetRowError, "repeats"),
    ],
)
def test_bad_files_fail_with_one_line_and_store_nothing(
    ledger: Ledger,
    tmp_path: Path,
    edit: Callable[[str], str],
    error: type[DatasetError],
    message: str,
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(edit(GED.read_text("utf-8")), "utf-8")
    before = counts(ledger)
    with pytest.raises(error, match=message) as exc:
        ingest_dataset(ledger, bad, "ucdp-ged")
    assert "\n" not in str(exc.value) and str(bad) in str(exc.value)
    assert counts(ledger) == before


ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,"
    "region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp\n"
)


def test_acled_rows_count_for_no_side_unless_civilians_are_actor_2(
    ledger: Ledger, tmp_path: Path
) -> None:
    """A file in ACLED's column layout (FIELD-NOTES.md §3.5), written for this test: two rows
    in the days and place of the corpus' battle of al-Bab, one with civilians as actor 2."""
    f = tmp_path / "acled.csv"
    f.write_text(
        ACLED_HEADER
        + "SYR1,2016-11-20,2016,1,Political violence,Battles,Armed clash,Military Forces of "
        "Turkey,,8,Islamic State (Syria),,2,28,,760,Middle East,Syria,Aleppo,Al Bab,,Al Bab,"
        "36.37,37.51,1,SOHR,National,,7,,1600000000\n"
        "SYR2,2016-11-21,2016,1,Political violence,Violence against civilians,Attack,Islamic "
        "State (Syria),,2,Civilians (Syria),,7,27,Civilian targeting,760,Middle East,Syria,"
        "Aleppo,Al Bab,,Al Bab,36.37,37.51,1,SOHR,National,,3,,1600000000\n",
        "utf-8",
    )
    result = ingest_dataset(ledger, f, "acled")
    assert (result.rows, result.attached, result.own_events) == (2, 2, 0)
    [bab] = [e for e in list_events(ledger) if e.title == "Battle of al-Bab"]
    mine = {c.id: c for c in _claims(ledger, bab.id) if c.claimant and c.claimant.name == "ACLED"}
    assert mine["acled/syr1/unknown"].subject.side is None
    assert mine["acled/syr1/unknown"].value.low == 7
    assert mine["acled/syr2/civilians"].subject.civilian


def test_cli_ingest_format_and_show_beside(db_url: str, run_cli: Any) -> None:
    led = Ledger(db_url)
    ingest(led, _corpus_part({"siege_of_kobani.txt"}))
    led.close()
    proc = run_cli(["ingest", "--db", db_url, "--format", "ucdp-ged", GED])
    assert proc.returncode == 0, proc.stderr
    assert "4 attached to ledger events" in proc.stdout
    [kobani] = [e.id for e in list_events(Ledger(db_url)) if e.title.startswith("Siege")]
    shown = run_cli(["show", "--db", db_url, kobani])
    assert shown.returncode == 0, shown.stderr
    [line] = [ln for ln in shown.stdout.splitlines() if ln.startswith("beside: UCDP GED")]
    assert "killed in 4 rows" in line and "the other sources' claims: killed" in line
    bad = run_cli(["ingest", "--db", db_url, "--format", "acled", GED])
    assert bad.returncode == 1 and "missing column" in bad.stderr
