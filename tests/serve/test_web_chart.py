"""The server-drawn charts and the page shaping: alignment colours, marks, bands, ratios, the
highlighted article text, the timeline and the map."""

from __future__ import annotations

import math
import re

from fogofwar.model import Claim, Claimant, DateSpan, Estimate, Event, Place, Subject, Value
from fogofwar.serve.chart import (
    PLOT_RIGHT,
    Mark,
    Ratio,
    alignment,
    divisions,
    nice_top,
    ratio_chart,
    spread_chart,
    status_of,
)
from fogofwar.serve.pages import highlighted
from fogofwar.serve.warchart import event_map, timeline, world_outline


def claim(
    cid: str,
    low: int | None,
    high: int | None,
    who: Claimant | None,
    side: int | None = 2,
    stance: str = "assert",
    civilian: bool = False,
) -> Claim:
    return Claim(
        id=cid,
        event="e",
        kind="killed",
        subject=Subject(side, None, civilian),
        value=Value(low, high),
        claimant=who,
        stance=stance,  # type: ignore[arg-type]
    )


SIDE1, SIDE2 = Claimant("Army", 1, "party"), Claimant("Rebels", 2, "party")
PRESS = Claimant("Wire <script>alert(1)</script>", None, "media")


def test_web_chart_alignment_is_claimant_side_against_subject_side() -> None:
    assert alignment(claim("a", 1, 1, SIDE2)) == "own"
    assert alignment(claim("a", 1, 1, SIDE1)) == "adversary"
    assert alignment(claim("a", 1, 1, PRESS)) == "independent"
    assert alignment(claim("a", 1, 1, None)) == "unattributed"
    assert alignment(claim("a", 1, 1, SIDE1, side=None)) == "party"
    assert alignment(claim("a", 1, 1, SIDE1, civilian=True)) == "party"


def test_web_chart_status_of_revisions() -> None:
    old, new = claim("a", 5, 5, SIDE2), claim("b", 10, 10, SIDE2, stance="revise")
    replaced = {"a": "b"}
    assert status_of(old, replaced) == "withdrawn"
    assert status_of(new, replaced) == "revised"
    assert status_of(claim("c", 1, 1, PRESS, stance="deny"), {}) == "denied"


def test_web_chart_nice_top() -> None:
    assert [nice_top(v) for v in (0, 1, 7, 111, 999, 1000, 1001)] == [
        1,
        1,
        10,
        200,
        1000,
        1000,
        2000,
    ]


def test_web_chart_ticks_fall_on_round_numbers() -> None:
    for top in (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000):
        step = top / divisions(top)
        lead = step / 10 ** math.floor(math.log10(step))
        assert lead in (1, 2, 5), (top, step)


def spread(claims: list[Claim], est: Estimate | None, replaced: dict[str, str]) -> str:
    marks = [Mark(c, status_of(c, replaced), f"claim-{i}") for i, c in enumerate(claims, 1)]
    chart = spread_chart(marks, [est] if est else [], {2: "Rebels"})
    assert chart is not None
    return str(chart)


def test_web_chart_spread_marks_every_claim_with_its_shape() -> None:
    claims = [
        claim("exact", 37, 37, PRESS),
        claim("range", 24, 99, SIDE1),
        claim("open", 126, None, SIDE1),
        claim("old", 5, 5, SIDE2),
        claim("new", 10, 10, SIDE2, stance="revise"),
    ]
    est = Estimate("e", 2, None, False, "killed", 10, 37, 126, ("exact",), "because")
    svg = spread(claims, est, {"old": "new"})
    assert len(re.findall(r'<a href="#claim-\d" class="mark', svg)) == 5
    assert svg.count('class="mark withdrawn"') == 1 and svg.count('class="mark revised"') == 1
    assert svg.count('data-alignment="adversary"') == 2
    assert "killed — side 2 (Rebels)" in svg and "low 10 · best 37 · high 126" in svg
    assert re.search(r'<rect class="band" x="[\d.]+" y="[\d.]+" width="[\d.]+"', svg)
    assert svg.count('<line class="best"') == 2  # the event's band, and the legend's
    assert "open-ended" in svg and "withdrawn (replaced)" in svg  # the legend
    # the open end runs to an arrow at the right edge of the number line
    assert re.search(rf'<path d="M[\d.]+,[\d.]+ L{PLOT_RIGHT + 8:.1f},', svg)


def test_web_chart_spread_escapes_every_text() -> None:
    svg = spread([claim("x", 3, 3, PRESS)], None, {})
    assert "<script>" not in svg
    assert "Wire &lt;script&gt;alert(1)&lt;/script&gt;" in svg


def test_web_chart_spread_none_without_numbers() -> None:
    words = Claim("p", "e", "presence", Subject(), Value(words="took part"), SIDE1)
    assert spread_chart([Mark(words, "stated", "claim-1")], [], {}) is None


def test_web_chart_ratio_puts_the_best_itself_on_the_one_line() -> None:
    at_best = Ratio("same", Mark(claim("a", 40, 40, PRESS), "stated", "claim-1"), 40)
    ten_times = Ratio("ten", Mark(claim("b", 400, 400, SIDE1), "stated", "claim-2"), 40)
    svg = str(ratio_chart([at_best, ten_times]))
    one = re.search(r'<line class="best" x1="([\d.]+)"', svg)
    dots = re.findall(r'<circle cx="([\d.]+)"', svg)
    assert one and len(dots) == 2
    assert dots[0] == one.group(1)
    ten = re.search(r'<line class="tick" x1="([\d.]+)"[^>]*/><text[^>]*>×10<', svg)
    assert ten and dots[1] == ten.group(1)


def test_web_pages_article_headings_are_their_own_segments() -> None:
    text = "Intro\n== Battle ==\nThey fought.\n=== Losses ===\n9 killed"
    segs = highlighted(text, [(text.index("9"), len(text), "claim-1", "ev-1-0")])
    assert "".join(s.text for s in segs) == text
    assert [s.text for s in segs if s.heading] == ["== Battle ==", "=== Losses ==="]
    assert [s.text for s in segs if s.claims] == ["9 killed"]


def test_web_pages_highlight_overlapping_evidence() -> None:
    text = "abcdefghij"
    segs = highlighted(
        text, [(2, 6, "claim-1", "ev-1-0"), (4, 8, "claim-2", "ev-2-0"), (9, 99, "x", "y")]
    )
    assert "".join(s.text for s in segs) == text
    assert [(s.text, s.claims, s.starts) for s in segs if not s.heading] == [
        ("ab", (), ()),
        ("cd", ("claim-1",), ("ev-1-0",)),
        ("ef", ("claim-1", "claim-2"), ("ev-2-0",)),
        ("gh", ("claim-2",), ()),
        ("ij", (), ()),
    ]


def event(eid: str, title: str, day: str | None, lat: float | None, lon: float | None) -> Event:
    place = Place("Somewhere", "Mali", None, lat, lon, 1 if lat is not None else 6)
    return Event(eid, "d", title, "battle", DateSpan(day, day, "day"), place, "W", None)


def test_web_war_timeline_and_map() -> None:
    evs = [
        event("a", "First <b>", "2014-07-11", 17.9, 0.5),
        event("b", "Second", "2015-05-20", None, None),
        event("c", "Undated", None, 16.9, -3.4),
    ]
    href = {e.id: f"/events/{e.id}" for e in evs}
    tl = str(timeline(evs, href))
    assert tl.count('class="event"') == 2 and "First &lt;b&gt;" in tl and "Undated" not in tl
    mp = str(event_map(evs, href))
    assert mp.count("<circle") == 2 and 'class="land" d="M' in mp
    assert event_map([evs[1]], href) is None
    assert timeline([evs[2]], href) is None
    outline = world_outline()
    assert len(outline.rings) > 100 and "public domain" in outline.licence
