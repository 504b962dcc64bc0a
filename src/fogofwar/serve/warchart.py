"""A war's events drawn on the server as inline SVG: a timeline, and a map on a world outline.

The outline is Natural Earth's 1:110m countries shipped in ``static/world-110m.json`` (its
source and licence are in the file); no tile server, nothing fetched.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from markupsafe import Markup, escape

from fogofwar.model import Event

WIDTH = 760
LABEL_CHARS_PX = 6.6  # rough width of one character of the 11px label font


def _svg(parts: list[str], width: float, height: float, label: str, cls: str) -> Markup:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{cls}" role="img" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="100%" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>"
    )
    return Markup(head + "".join(parts) + "</svg>")


def _day(iso: str | None) -> date | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


def _ticks(first: date, last: date) -> list[date]:
    """Year starts, or month starts when the span is under two years."""
    if (last - first).days > 730:
        return [date(y, 1, 1) for y in range(first.year, last.year + 2)]
    out, y, m = [], first.year, first.month
    while date(y, m, 1) <= last:
        out.append(date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out[:: max(1, len(out) // 12)]


def timeline(events: Sequence[Event], href: dict[str, str]) -> Markup | None:
    """Dated events along one axis, labels stacked in lanes so that none overlaps."""
    dated = [(d, e) for e in events if (d := _day(e.date.start if e.date else None))]
    if not dated:
        return None
    dated.sort(key=lambda p: (p[0], p[1].id))
    first, last = dated[0][0], dated[-1][0]
    span = max((last - first).days, 1)
    left, right = 20.0, WIDTH - 20.0

    def x(d: date) -> float:
        return left + (right - left) * (d - first).days / span if span else (left + right) / 2

    lanes: list[float] = []  # where each lane's last label ends
    parts: list[str] = []
    placed = []
    for d, e in dated:
        xx = x(d) if len(dated) > 1 else (left + right) / 2
        width = len(e.title) * LABEL_CHARS_PX + 12
        anchor_end = xx + width > WIDTH
        start = xx - width if anchor_end else xx
        lane = next((i for i, end in enumerate(lanes) if end < start), None)
        if lane is None:
            lanes.append(0.0)
            lane = len(lanes) - 1
        lanes[lane] = start + width
        placed.append((xx, lane, anchor_end, d, e))
    axis_y = 24 + 22 * len(lanes)
    parts.append(f'<line class="axis" x1="{left}" y1="{axis_y}" x2="{right}" y2="{axis_y}"/>')
    for xx, lane, anchor_end, d, e in placed:
        y = 18 + 22 * lane
        parts.append(
            f'<a href="{escape(href[e.id])}" class="event"><title>{escape(e.title)} '
            f"({d.isoformat()})</title>"
            f'<line class="stem" x1="{xx:.1f}" y1="{y + 4}" x2="{xx:.1f}" y2="{axis_y}"/>'
            f'<circle cx="{xx:.1f}" cy="{axis_y}" r="5"/>'
            f'<text x="{xx + (-4 if anchor_end else 4):.1f}" y="{y}" '
            f'text-anchor="{"end" if anchor_end else "start"}">{escape(e.title)}</text></a>'
        )
    if len(dated) > 1:
        for t in _ticks(first, last):
            if first <= t <= last:
                tx = x(t)
                label = str(t.year) if t.month == 1 else t.strftime("%b %Y")
                parts.append(
                    f'<line class="tick" x1="{tx:.1f}" y1="{axis_y}" x2="{tx:.1f}" '
                    f'y2="{axis_y + 5}"/><text class="tick" x="{tx:.1f}" y="{axis_y + 18}" '
                    f'text-anchor="middle">{label}</text>'
                )
    parts.append(
        f'<text class="tick" x="{left}" y="{axis_y + 34}">{first.isoformat()}</text>'
        f'<text class="tick" x="{right}" y="{axis_y + 34}" text-anchor="end">'
        f"{last.isoformat()}</text>"
    )
    return _svg(parts, WIDTH, axis_y + 42, "Timeline of the war's events", "timeline")


@dataclass(frozen=True)
class Outline:
    """The world outline: rings of (lon, lat), with where they come from."""

    rings: tuple[tuple[tuple[float, float], ...], ...]
    source: str
    licence: str


@cache
def world_outline() -> Outline:
    """The shipped Natural Earth outline (read once)."""
    raw = resources.files("fogofwar.serve").joinpath("static/world-110m.json").read_text("utf-8")
    data = json.loads(raw)
    rings = tuple(tuple((float(p[0]), float(p[1])) for p in ring) for ring in data["rings"])
    return Outline(rings, str(data["source"]), str(data["licence"]))


def _view(points: Sequence[tuple[float, float]]) -> tuple[float, float, float, float]:
    """(west, south, east, north) around the points: padded, at least 24 x 16 degrees, 3:2."""
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    w, e, s, n = min(lons), max(lons), min(lats), max(lats)
    pad = max(e - w, n - s) * 0.25 + 4
    w, e, s, n = w - pad, e + pad, s - pad, n + pad
    cx, cy = (w + e) / 2, (s + n) / 2
    half_w = max((e - w) / 2, (n - s) * 0.75, 12)
    half_h = half_w / 1.5
    w, e = max(cx - half_w, -180), min(cx + half_w, 180)
    s, n = max(cy - half_h, -90), min(cy + half_h, 90)
    return w, s, e, n


def event_map(events: Sequence[Event], href: dict[str, str]) -> Markup | None:
    """Events with coordinates as dots on the land outline (plate carrée), numbered in date
    order; None when no event has coordinates."""
    located = located_events(events)
    if not located:
        return None
    pts = [(lon, lat) for _e, lon, lat in located]
    w, s, e_, n = _view(pts)
    k = WIDTH / (e_ - w)
    height = (n - s) * k

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return (lon - w) * k, (n - lat) * k

    outline = world_outline()
    path = []
    for ring in outline.rings:
        lons, lats = [p[0] for p in ring], [p[1] for p in ring]
        if max(lons) < w or min(lons) > e_ or max(lats) < s or min(lats) > n:
            continue
        coords = [xy(lon, lat) for lon, lat in ring]
        path.append("M" + "L".join(f"{px:.1f},{py:.1f}" for px, py in coords) + "Z")
    parts = [
        f'<rect class="sea" x="0" y="0" width="{WIDTH}" height="{height:.1f}"/>',
        f'<path class="land" d="{"".join(path)}"/>',
    ]
    for i, (ev, lon, lat) in enumerate(located, start=1):
        px, py = xy(lon, lat)
        place = ev.place.name if ev.place else ""
        parts.append(
            f'<a href="{escape(href[ev.id])}" class="event"><title>{i}. {escape(ev.title)}, '
            f"{escape(place)} ({lat:.2f}, {lon:.2f})</title>"
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="6"/>'
            f'<text x="{px + 9:.1f}" y="{py + 4:.1f}">{i}</text></a>'
        )
    parts.append(
        f'<text class="credit" x="{WIDTH - 6}" y="{height - 6:.1f}" text-anchor="end">'
        f"Outline: Natural Earth (public domain)</text>"
    )
    return _svg(parts, WIDTH, height, "Map of the war's events with coordinates", "map")


def located_events(events: Sequence[Event]) -> list[tuple[Event, float, float]]:
    """(event, lon, lat) of the events a map can show, in the order ``event_map`` numbers them."""
    return [
        (e, float(e.place.lon), float(e.place.lat))
        for e in events
        if e.place is not None and e.place.lat is not None and e.place.lon is not None
    ]
