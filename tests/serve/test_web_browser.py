"""The web page in a real browser: Debian's Chromium driven by Playwright, against a real
uvicorn server on a loopback port over a real SQLite ledger (the worked example and two more
articles, extracted through the library). Screenshots go to test-artifacts/web/.

Chromium: ``$FOGOFWAR_CHROMIUM`` (scripts/test.sh sets it from scripts/chromium.sh), else
scripts/chromium.sh is run here (it installs Debian's package as root). When no Chromium can be
had the tests skip with a loud warning, except under CI, where they fail.
"""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from web_support import (
    ROOT,
    XSS_TITLE,
    free_port,
    live_server,
    shared_ledger,
    wait_for_port,
    web_app,
)

if os.environ.get("CI"):  # in CI the browser tests must run: a missing Playwright fails
    import playwright.sync_api as playwright_api
else:
    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
expect = playwright_api.expect

ARTIFACTS = ROOT / "test-artifacts" / "web"


def chromium_path() -> str | None:
    """The Chromium executable: $FOGOFWAR_CHROMIUM, else what scripts/chromium.sh finds or
    installs."""
    given = os.environ.get("FOGOFWAR_CHROMIUM")
    if given and Path(given).is_file():
        return given
    got = subprocess.run(
        [str(ROOT / "scripts" / "chromium.sh")], capture_output=True, text=True, timeout=900
    )
    lines = got.stdout.strip().splitlines()
    return lines[-1] if got.returncode == 0 and lines else None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    path = chromium_path()
    if path is None:
        message = (
            "NO CHROMIUM: the browser tests of the web page did not run "
            "(scripts/chromium.sh could not find or install Debian's chromium)"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        print(f"\n\n*** {message} ***\n", file=sys.stderr)
        warnings.warn(message, stacklevel=1)
        pytest.skip(message)
    args = ["--no-sandbox"] if os.geteuid() == 0 else []
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=args, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with live_server(web_app(shared_ledger()[0])) as url:
        yield url


@pytest.fixture(scope="module")
def ids() -> dict[str, str]:
    return shared_ledger()[1]


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    pg.errors = errors
    yield pg
    context.close()
    assert errors == [], errors


def shot(page: Any, name: str, full: bool = True) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full)
    return path


def test_web_browser_list_page(page: Any, base_url: str, ids: dict[str, str]) -> None:
    page.goto(base_url + "/")
    rows = page.locator("table.events tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.first.locator("a").first).to_have_text("Battle of Anéfis (2014)")
    page.fill("input[name=q]", "Ber")
    page.click("form.filters button[type=submit]")
    expect(page.locator("table.events tbody tr")).to_have_count(1)
    expect(page.locator("#count")).to_have_text("Events 1–1 of 1")
    page.goto(base_url + "/")
    assert shot(page, "list").stat().st_size > 0


def test_web_browser_event_page_chart_and_highlights(
    page: Any, base_url: str, ids: dict[str, str]
) -> None:
    page.goto(f"{base_url}/events/{ids['anefis']}")
    expect(page.locator("h1")).to_have_text("Battle of Anéfis (2014)")
    chart = page.locator("svg.spread")
    expect(chart).to_be_visible()
    marks = chart.locator("a.mark")
    assert marks.count() >= 10
    assert chart.locator("a.mark.withdrawn").count() >= 1
    assert chart.locator("rect.band").count() >= 1
    box = chart.bounding_box()
    assert box is not None and box["width"] > 600 and box["height"] > 300
    highlights = page.locator(".article a.ev")
    assert highlights.count() >= page.locator("tr.claim").count() // 2
    expect(highlights.first).to_be_visible()
    colour = highlights.first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    expect(page.locator("table.estimates tbody tr").first).to_be_visible()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    chart.screenshot(path=str(ARTIFACTS / "event-chart.png"))
    shot(page, "event")


def test_web_browser_click_claim_scrolls_to_its_words_and_back(
    page: Any, base_url: str, ids: dict[str, str]
) -> None:
    page.goto(f"{base_url}/events/{ids['anefis']}")
    rows = page.locator("tr.claim")
    row = rows.nth(rows.count() - 1)  # the last claim: its words are far down the article
    anchor = row.get_attribute("id")
    link = row.locator("a.to-evidence").first
    target = link.get_attribute("href")
    assert anchor and target and target.startswith("#ev-")
    words = page.locator(f'.article a.ev[data-claims~="{anchor}"]')
    expect(words.first).not_to_be_in_viewport()
    link.click()
    expect(words.first).to_be_in_viewport()
    expect(words.first).to_have_class("ev active")
    assert page.evaluate("location.hash") == target
    shot(page, "event-evidence", full=False)
    expect(row).not_to_be_in_viewport()
    words.first.click()  # and back to the claim
    expect(row).to_be_in_viewport()
    expect(row).to_have_class("claim stated flash")
    shot(page, "event-back-to-claim", full=False)
    page.go_back()  # the browser's Back returns to the words
    expect(words.first).to_be_in_viewport()


def test_web_browser_untrusted_text_never_runs(
    page: Any, base_url: str, ids: dict[str, str]
) -> None:
    claimant = '<img src=x onerror="window.__xss = 5">'
    for url in (
        f"/events/{ids['xss']}",
        "/sources/" + quote(claimant, safe=""),
        "/wars/Mali%20War",
        "/?q=raid",
    ):
        page.goto(base_url + url)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__xss") == "undefined", url
        assert page.locator("img").count() == 0, url
        assert page.locator("script").count() == 1, url  # our page.js only
        if url.startswith("/events/"):
            expect(page.locator("h1")).to_have_text(XSS_TITLE)  # shown as text
            expect(page.locator("#article")).to_contain_text("<script>window.__xss = 6</script>")
            shot(page, "xss-event")
        if url.startswith("/sources/"):
            expect(page.locator("h1")).to_have_text(claimant)


def test_web_browser_war_page_map(page: Any, base_url: str) -> None:
    page.goto(base_url + "/wars/Mali%20War")
    expect(page.locator("svg.map")).to_be_visible()
    expect(page.locator("svg.map a.event")).to_have_count(2)
    expect(page.locator("svg.timeline a.event")).to_have_count(3)
    shot(page, "war")


def test_web_browser_source_page(page: Any, base_url: str) -> None:
    page.goto(base_url + "/sources/MNLA")
    expect(page.locator("svg.ratio")).to_be_visible()
    assert page.locator("svg.ratio a.mark").count() >= 3
    shot(page, "source")


def test_web_browser_through_the_serve_command(page: Any, ids: dict[str, str]) -> None:
    """``fogofwar serve`` itself (a separate process) serves the event page to Chromium."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "fogofwar", "serve", "--db", shared_ledger()[0]]
    proc = subprocess.Popen(
        [*cmd, "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        wait_for_port(port, proc)
        page.goto(f"http://127.0.0.1:{port}/events/{ids['anefis']}")
        expect(page.locator("svg.spread")).to_be_visible()
        expect(page.locator("table.estimates")).to_be_visible()
        assert page.locator(".article a.ev").count() > 10
        shot(page, "serve-command-event", full=False)
    finally:
        proc.terminate()
        proc.communicate(timeout=30)
