"""Citations of wikitext articles: parsed from <ref>, reused refs, {{cite ...}}, {{sfn}} with its
bibliography entry; attached to the evidence of the claims they support; said_on falls back to
the citation's date; the claimant stays the one the text names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fogofwar.extract import extract_document
from fogofwar.model import Claim
from fogofwar.read.citations import iso_date
from fogofwar.read.wikitext import read_wikitext

SAMPLE = Path(__file__).parent / "data" / "wikitext" / "made_up_battle.wikitext"
ARTICLE = SAMPLE.read_text("utf-8")


@pytest.fixture(scope="module")
def claims(nlp: Any) -> list[Claim]:
    doc = read_wikitext(ARTICLE, origin=str(SAMPLE))
    return extract_document(doc, nlp)[1]


def _claim(claims: list[Claim], kind: str, low: int) -> Claim:
    found = [c for c in claims if c.kind == kind and c.value.low == low]
    assert len(found) == 1, [(c.kind, c.value.low) for c in claims]
    return found[0]


def test_citations_are_read_from_the_markup() -> None:
    doc = read_wikitext(ARTICLE, origin="x.wikitext")
    cited = [m.citation for m in doc.citations]
    assert [c.work or c.publisher or c.author for c in cited] == [
        "Reuters",  # casualties1, defined
        "Reuters",  # casualties2, reused <ref name="r1" />
        "Monitor",  # the lead's {{cite web}}
        "Press",  # {{sfn|Smith|2015}} resolved to its bibliography entry
    ]
    assert cited[0].date == "2014-05-04" and cited[0].url == "http://example.org/a"
    assert cited[0].name == "r1" and cited[1] == cited[0]
    assert cited[3].author == "Ann Smith" and cited[3].title == "The Battle"
    for mark in doc.citations:  # each mark points at the markup that placed it
        assert ARTICLE[mark.source_start : mark.source_end].startswith(("<ref", "{{sfn"))


def test_infobox_item_gets_the_citation_that_follows_it(claims: list[Claim]) -> None:
    killed = _claim(claims, "killed", 40)
    (ev,) = [e for e in killed.evidence if e.section == "infobox"]
    assert [c.work for c in ev.citations] == ["Reuters"]
    assert killed.said_on == "2014-05-04"  # no date of its own: the citation's
    assert killed.claimant is None  # a citation is not a claimant
    wounded = _claim(claims, "injured", 60)
    assert all(not e.citations for e in wounded.evidence)
    assert wounded.said_on is None


def test_reused_ref_and_claimant_kept(claims: list[Claim]) -> None:
    killed = _claim(claims, "killed", 120)
    assert killed.claimant is not None and killed.claimant.name == "Government"
    assert [c.work for e in killed.evidence for c in e.citations] == ["Reuters"]


def test_prose_claim_gets_its_sentence_sfn(claims: list[Claim]) -> None:
    killed = _claim(claims, "killed", 35)
    cited = [c for e in killed.evidence for c in e.citations]
    assert [(c.author, c.date) for c in cited] == [("Ann Smith", "2015")]
    assert killed.said_on == "2015"


def test_evidence_points_into_the_wikitext(claims: list[Claim]) -> None:
    for claim in claims:
        for ev in claim.evidence:
            assert ev.source_start is not None and ev.source_end is not None
            source = ARTICLE[ev.source_start : ev.source_end]
            first_figure = next(w for w in ev.text.split() if w[0].isdigit())
            assert first_figure in source


def test_evidence_round_trips_through_the_extraction_format(claims: list[Claim]) -> None:
    for claim in claims:
        assert Claim.from_dict(claim.to_dict()) == claim


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("4 May 2014", "2014-05-04"),
        ("May 4, 2014", "2014-05-04"),
        ("2014-05-04", "2014-05-04"),
        ("Sept. 2011", "2011-09"),
        ("2015", "2015"),
        ("c. 1998", "1998"),
        ("n.d.", None),
        ("", None),
    ],
)
def test_citation_dates_are_read_as_iso(text: str, iso: str | None) -> None:
    assert iso_date(text) == iso


def test_a_plain_ref_is_dated_only_by_a_full_date() -> None:
    doc = read_wikitext(
        "5 died.<ref>Smith, ''Armies of 1896'', p. 12.</ref> 6 fled.<ref>[http://x.org Review],"
        " 3 March 2009</ref>",
        origin="t.wikitext",
    )
    note, review = (m.citation for m in doc.citations)
    assert note.date is None  # a year in a note is not when it was published
    assert (review.date, review.url) == ("2009-03-03", "http://x.org")
