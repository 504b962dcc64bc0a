"""The web pages over a real SQLite ledger (three articles extracted through the library),
requested through the app: filters, paging, the event, source and war pages, escaping, assets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from web_support import XSS_TITLE, shared_ledger, web_app

from fogofwar.ledger import Ledger, event_claims
from fogofwar.model import NUMERIC_KINDS
from fogofwar.serve import web


@pytest.fixture(scope="module")
def ids() -> dict[str, str]:
    return shared_ledger()[1]


@pytest.fixture(scope="module")
def pages() -> Iterator[TestClient]:
    with TestClient(web_app(shared_ledger()[0])) as c:
        yield c


def listed(html: str) -> list[str]:
    """The event ids a list page links to, in order."""
    return re.findall(r'<td><a href="/events/([^"]+)">', html)


def test_web_list_shows_every_event_by_date(pages: TestClient, ids: dict[str, str]) -> None:
    got = pages.get("/")
    assert got.status_code == 200
    assert listed(got.text) == [ids["anefis"], ids["xss"], ids["ber"]]
    assert "Events 1–3 of 3" in got.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"country": "mali"}, ["anefis"]),
        ({"from": "2015-01-01"}, ["xss", "ber"]),
        ({"to": "2014-12-31"}, ["anefis"]),
        ({"actor": "gatia"}, ["anefis"]),
        ({"war": "Mali War"}, ["anefis", "xss", "ber"]),
        ({"kind": "battle", "from": "2015"}, ["ber"]),
        ({"to": "2014"}, ["anefis"]),
        ({"q": "battle of ber"}, ["ber"]),
        ({"q": "tessalit"}, ["xss"]),
        ({"q": "no such words"}, []),
    ],
)
def test_web_list_filters(
    pages: TestClient, ids: dict[str, str], query: dict[str, str], expected: list[str]
) -> None:
    got = pages.get("/", params=query)
    assert got.status_code == 200
    assert listed(got.text) == [ids[k] for k in expected]
    for value in query.values():
        assert f'value="{value}"' in got.text  # the form keeps what was asked


def test_web_list_pages(
    pages: TestClient, ids: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web, "PER_PAGE", 2)
    first = pages.get("/", params={"war": "Mali War"})
    assert listed(first.text) == [ids["anefis"], ids["xss"]]
    nxt = re.search(r'<a rel="next" href="([^"]+)"', first.text)
    assert nxt is not None and "war=Mali+War" in nxt.group(1)
    second = pages.get(nxt.group(1).replace("&amp;", "&"))
    assert listed(second.text) == [ids["ber"]]
    assert 'rel="prev"' in second.text and 'rel="next"' not in second.text
    past = pages.get("/", params={"war": "Mali War", "page": 9})
    assert listed(past.text) == [] and "past the last page (2)" in past.text


def test_web_list_bad_date_is_one_clear_message(pages: TestClient) -> None:
    got = pages.get("/", params={"from": "last tuesday"})
    assert got.status_code == 400
    assert "is not a date: use YYYY-MM-DD" in got.text


def test_web_event_page_has_chart_claims_and_evidence(
    pages: TestClient, ids: dict[str, str]
) -> None:
    got = pages.get(f"/events/{ids['anefis']}")
    assert got.status_code == 200
    html = got.text
    with Ledger(shared_ledger()[0]) as ledger:
        claims = event_claims(ledger, [ids["anefis"]])[ids["anefis"]]
    numeric = [c for c in claims if c.kind in NUMERIC_KINDS and c.value.low is not None]
    assert html.count('<a href="#claim-') >= len(numeric)
    assert len(re.findall(r'class="mark [a-z]+" data-claim="claim-\d+"', html)) == len(numeric)
    assert html.count('<tr id="claim-') == len(claims)
    with_words = [c for c in claims if c.evidence]
    assert len(set(re.findall(r'id="(ev-\d+-0)"', html))) == len(with_words)
    assert 'class="mark withdrawn"' in html  # a statement its claimant later revised
    assert 'class="mark revised"' in html
    assert "Sidi Brahim Ould Sidati" in html and "Loyalist victory" in html
    assert 'class="estimates"' in html and "best" in html
    # each claim's highlighted stretches are its evidence's own words
    marked = re.findall(r'<a class="ev" href="#[^"]+" data-claims="([^"]+)">([^<]*)</a>', html)
    for i, c in enumerate(claims, start=1):
        words = "".join(unescape(t) for who, t in marked if f"claim-{i}" in who.split())
        for ev in c.evidence:
            assert ev.text in words, (c.id, ev.text)


def test_web_event_page_shows_claims_a_later_revision_withdrew(
    pages: TestClient, ids: dict[str, str]
) -> None:
    html = pages.get(f"/events/{ids['ber']}").text
    rows = re.findall(r'<tr id="(claim-\d+)" class="claim ([a-z]+)".*?</tr>', html, re.S)
    withdrawn = [r for r in rows if r[1] == "withdrawn"]
    assert len(withdrawn) == 1
    row = re.search(rf'<tr id="{withdrawn[0][0]}".*?</tr>', html, re.S)
    assert row and "withdrawn by revision 2 of the document" in row.group(0)
    assert '<td class="value">5</td>' in row.group(0)
    assert '<td class="value">6</td>' in html  # the current figure
    assert f'class="mark withdrawn" data-claim="{withdrawn[0][0]}"' in html


def test_web_unknown_pages_are_404_html(pages: TestClient) -> None:
    for url in ("/events/no-such-event", "/sources/Nobody%20at%20all", "/wars/No%20War"):
        got = pages.get(url)
        assert got.status_code == 404, url
        assert got.headers["content-type"].startswith("text/html")
        assert "in this ledger" in got.text


def test_web_source_page_compares_with_best(pages: TestClient) -> None:
    got = pages.get("/sources/MNLA")
    assert got.status_code == 200
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="ratio"' in got.text
    assert "1 = the reconciled best" in got.text
    assert re.search(r"×\d", got.text)


def test_web_war_page_has_timeline_and_map(pages: TestClient, ids: dict[str, str]) -> None:
    got = pages.get("/wars/Mali%20War")
    assert got.status_code == 200
    tl = re.search(r'<svg[^>]*class="timeline".*?</svg>', got.text, re.S)
    mp = re.search(r'<svg[^>]*class="map".*?</svg>', got.text, re.S)
    assert tl and mp
    assert tl.group(0).count('class="event"') == 3
    assert mp.group(0).count("<circle") == 2  # the two events with coordinates
    assert 'class="land" d="M' in mp.group(0)


def test_web_untrusted_text_is_escaped(pages: TestClient, ids: dict[str, str]) -> None:
    event = pages.get(f"/events/{ids['xss']}").text
    claimant = '<img src=x onerror="window.__xss = 5">'
    source = pages.get("/sources/" + quote(claimant, safe="")).text
    war = pages.get("/wars/Mali%20War").text
    listing = pages.get("/").text
    for html in (event, source, war, listing):
        assert "<script>window" not in html
        assert "<img" not in html
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in event
    assert "&lt;img src=x onerror=" in source


def test_web_pages_send_a_content_security_policy(pages: TestClient) -> None:
    got = pages.get("/")
    assert "script-src 'self'" in got.headers["content-security-policy"]


def test_web_assets_ship_in_the_package(pages: TestClient) -> None:
    css = pages.get("/assets/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert pages.get("/assets/page.js").headers["content-type"].startswith("text/javascript")
    world = pages.get("/assets/world-110m.json").json()
    assert "Natural Earth" in world["source"] and "public domain" in world["licence"]
    for bad in ("/assets/..%2Fweb.py", "/assets/web.py", "/assets/.hidden.css"):
        assert pages.get(bad).status_code == 404, bad
    assert XSS_TITLE  # the payload module is the one the ledger was built from


def test_web_pages_need_the_read_token_when_set() -> None:
    from fogofwar.serve import create_app

    with TestClient(create_app(shared_ledger()[0], read_token="s3cret")) as c:
        for url in ("/", "/events/battle-of-anefis-2014", "/sources/MNLA", "/wars/Mali%20War"):
            denied = c.get(url)
            assert denied.status_code == 401, url
            assert denied.headers["www-authenticate"].startswith("Basic")
            assert "Battle of" not in denied.text
            assert c.get(url, auth=("anyone", "wrong")).status_code == 401
            assert c.get(url, auth=("anyone", "s3cret")).status_code == 200, url
            bearer = {"Authorization": "Bearer s3cret"}
            assert c.get(url, headers=bearer).status_code == 200, url
        assert c.get("/assets/style.css").status_code == 200  # no ledger data in assets
