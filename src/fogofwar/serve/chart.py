"""Charts drawn on the server as inline SVG, readable without JavaScript.

The claim-spread chart puts every numeric claim of an event on one number line per kind x
subject, coloured by the claimant's alignment with the subject, with the reconciled low / best /
high band over them. The ratio chart shows a source's figures against the reconciled best.
Every piece of text that reaches the SVG is escaped here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from fogofwar.model import NUMERIC_KINDS, Claim, Estimate
from fogofwar.render import format_value

WIDTH = 760
LANE = 20
AXIS = 24
TITLE = 22
PLOT_LEFT, PLOT_RIGHT = 12, 500  # the number line; claimant labels to the right of marks
LABEL_CHARS = 36  # longer labels are cut (the tooltip and the claims table have them whole)

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
ALIGNMENTS: dict[str, tuple[str, str]] = {
    "own": ("own side (a side about its own losses)", "#0072B2"),
    "adversary": ("adversary (a side about the other side's losses)", "#D55E00"),
    "independent": ("independent (a claimant of no side)", "#009E73"),
    "party": ("a side, about civilians or an unknown side", "#CC79A7"),
    "unattributed": ("unattributed (the text's own voice)", "#5F5F5F"),
}

SubjectKey = tuple[int | None, str | None, bool, str]


def alignment(claim: Claim) -> str:
    """own | adversary | independent | party | unattributed: the claimant's side against the
    subject's side."""
    who, subject = claim.claimant, claim.subject
    if who is None:
        return "unattributed"
    if who.side is None:
        return "independent"
    if subject.civilian or subject.side is None:
        return "party"
    return "own" if who.side == subject.side else "adversary"


def subject_key(claim: Claim) -> SubjectKey:
    """Whose figure of which kind: the grouping the estimates use."""
    s = claim.subject
    return (s.side, s.actor, s.civilian, claim.kind)


def whose(side: int | None, actor: str | None, civilian: bool, sides: dict[int, str]) -> str:
    """``civilians``, ``side 2 (MNLA, …)``, ``side 2: HCUA``, ``unknown side``."""
    if civilian:
        base = "civilians"
    elif side is None:
        base = "unknown side"
    else:
        base = f"side {side}" + (f" ({sides[side]})" if side in sides and not actor else "")
    return f"{base}: {actor}" if actor else base


@dataclass(frozen=True)
class Mark:
    """One claim on a chart: its claim, status and the page anchor it links to."""

    claim: Claim
    status: str  # stated | revised | withdrawn | denied | corroborates
    anchor: str


def status_of(claim: Claim, superseded: dict[str, str]) -> str:
    """How a claim stands: withdrawn (a later revision replaced it), revised, denied, ..."""
    if claim.id in superseded:
        return "withdrawn"
    return {"revise": "revised", "deny": "denied", "corroborate": "corroborates"}.get(
        claim.stance, "stated"
    )


@dataclass(frozen=True)
class Scale:
    """A linear map from [0, top] to pixels."""

    top: float
    x0: float = PLOT_LEFT
    x1: float = PLOT_RIGHT

    def x(self, value: float) -> float:
        return self.x0 + (self.x1 - self.x0) * min(value, self.top) / self.top


def nice_top(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 x 10^k at or above ``value`` (at least 1)."""
    if value <= 1:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)


def divisions(top: float) -> int:
    """Tick intervals for a ``nice_top`` axis that fall on round numbers: 20 -> 4 (5, 10, 15),
    else 5 (10 -> 2, 4...; 25 -> 5, 10...; 50 -> 10, 20...)."""
    lead = top / 10 ** math.floor(math.log10(top))
    return 4 if abs(lead - 2) < 1e-9 else 5


def _fmt(v: float) -> str:
    return f"{v:g}" if v < 1e6 else f"{v:.3g}"


def _text(x: float, y: float, words: str, cls: str = "", anchor: str = "start") -> str:
    c = f' class="{cls}"' if cls else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{c}>{escape(words)}</text>'


def _axis(scale: Scale, y: float, ticks: Iterable[float], label: str = "") -> list[str]:
    out = [f'<line class="axis" x1="{scale.x0}" y1="{y}" x2="{scale.x1}" y2="{y}"/>']
    for v in ticks:
        x = scale.x(v)
        out.append(f'<line class="tick" x1="{x:.1f}" y1="{y}" x2="{x:.1f}" y2="{y + 4}"/>')
        out.append(_text(x, y + 15, label.format(_fmt(v)) if label else _fmt(v), "tick", "middle"))
    return out


def _interval(
    x_lo: float, x_hi: float | None, y: float, colour: str, status: str, right: float
) -> list[str]:
    """A dot (exact), a bar with caps (range) or a bar running off to an arrow (open end)."""
    hollow = status == "withdrawn"
    fill = "#fff" if hollow else colour
    dash = ' stroke-dasharray="3 2"' if hollow else ""
    out = []
    if x_hi is None:  # open-ended: from its stated minimum to the edge, with an arrow
        end = right
        out.append(
            f'<line x1="{x_lo:.1f}" y1="{y}" x2="{end - 6:.1f}" y2="{y}" stroke="{colour}" '
            f'stroke-width="4"{dash}/>'
            f'<path d="M{end - 8:.1f},{y - 6} L{end:.1f},{y} L{end - 8:.1f},{y + 6} Z" '
            f'fill="{colour}"/>'
        )
    elif x_hi - x_lo > 1.5:
        out.append(
            f'<line x1="{x_lo:.1f}" y1="{y}" x2="{x_hi:.1f}" y2="{y}" stroke="{colour}" '
            f'stroke-width="4"{dash}/>'
            f'<line x1="{x_lo:.1f}" y1="{y - 6}" x2="{x_lo:.1f}" y2="{y + 6}" stroke="{colour}" '
            f'stroke-width="2"/>'
            f'<line x1="{x_hi:.1f}" y1="{y - 6}" x2="{x_hi:.1f}" y2="{y + 6}" stroke="{colour}" '
            f'stroke-width="2"/>'
        )
    if x_hi is None or x_hi - x_lo <= 1.5:
        out.append(
            f'<circle cx="{x_lo:.1f}" cy="{y}" r="5" fill="{fill}" stroke="{colour}" '
            f'stroke-width="2"{dash}/>'
        )
    if status == "revised":
        out.append(f'<circle class="ring" cx="{x_lo:.1f}" cy="{y}" r="8.5"/>')
    if status == "denied":
        out.append(f'<path class="cross" d="M{x_lo - 5:.1f},{y - 5} l10,10 m0,-10 l-10,10"/>')
    return out


def _mark_label(mark: Mark) -> str:
    who = mark.claim.claimant.name if mark.claim.claimant else "the text"
    extra = "" if mark.status == "stated" else f" · {mark.status}"
    return f"{who}: {format_value(mark.claim.value)}{extra}"


def _cut(words: str, limit: int = LABEL_CHARS) -> str:
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


def _lane(mark: Mark, scale: Scale, y: float) -> list[str]:
    v = mark.claim.value
    if v.low is None:
        return []
    colour = ALIGNMENTS[alignment(mark.claim)][1]
    x_lo = scale.x(v.low)
    x_hi = None if v.high is None else scale.x(v.high)
    label = _mark_label(mark)
    said = f", said on {mark.claim.said_on}" if mark.claim.said_on else ""
    tip = f"{label} ({mark.claim.stance}{said})"
    parts = [
        f'<a href="#{escape(mark.anchor)}" class="mark {escape(mark.status)}" '
        f'data-claim="{escape(mark.anchor)}" data-alignment="{alignment(mark.claim)}">'
        f"<title>{escape(tip)}</title>",
        *_interval(x_lo, x_hi, y, colour, mark.status, scale.x1 + 8),
        _text(PLOT_RIGHT + 22, y + 4, _cut(label), f"who {mark.status}"),
        "</a>",
    ]
    return parts


def _band(est: Estimate, scale: Scale, top: float, bottom: float) -> list[str]:
    out = []
    if est.low is not None and est.high is not None:
        x0, x1 = scale.x(est.low), scale.x(est.high)
        out.append(
            f'<rect class="band" x="{x0:.1f}" y="{top}" width="{max(x1 - x0, 2):.1f}" '
            f'height="{bottom - top}"><title>low {est.low} to high {est.high}</title></rect>'
        )
    if est.best is not None:
        x = scale.x(est.best)
        out.append(
            f'<line class="best" x1="{x:.1f}" y1="{top - 3}" x2="{x:.1f}" y2="{bottom + 3}">'
            f"<title>best {est.best}</title></line>"
        )
    return out


def _estimate_words(est: Estimate | None) -> str:
    if est is None:
        return "no estimate"
    return " · ".join(
        f"{name} {'–' if v is None else v}"
        for name, v in (("low", est.low), ("best", est.best), ("high", est.high))
    )


def _row(
    label: str, marks: Sequence[Mark], est: Estimate | None, y: float
) -> tuple[list[str], float]:
    """One kind x subject: title, a lane per claim, the band, its axis. Returns (svg, height)."""
    lows = [m.claim.value.low or 0 for m in marks]
    highs = [m.claim.value.high or 0 for m in marks]
    est_top = max(est.high or 0, est.best or 0) if est else 0
    scale = Scale(nice_top(max([*lows, *highs, est_top, 1])))
    out = [
        _text(PLOT_LEFT, y + 14, label, "row-title"),
        _text(WIDTH - 4, y + 14, _estimate_words(est), "row-est", "end"),
    ]
    top = y + TITLE
    bottom = top + LANE * len(marks)
    if est is not None:
        out += _band(est, scale, top, bottom)
    for i, mark in enumerate(marks):
        out += _lane(mark, scale, top + LANE * i + LANE / 2)
    ticks = [scale.top * i / divisions(scale.top) for i in range(divisions(scale.top) + 1)]
    out += _axis(scale, bottom + 4, ticks)
    return out, bottom + 4 + AXIS - y


def _legend(y: float) -> tuple[list[str], float]:
    out = [_text(PLOT_LEFT, y + 12, "Claimant's alignment with the subject", "legend-title")]
    for i, (_key, (label, colour)) in enumerate(ALIGNMENTS.items()):
        col, line = i % 2, i // 2
        x, yy = PLOT_LEFT + col * 380, y + 32 + line * 20
        out.append(f'<circle cx="{x + 6}" cy="{yy - 4}" r="5" fill="{colour}"/>')
        out.append(_text(x + 18, yy, label, "legend"))
    y2 = y + 32 + 3 * 20 + 6
    out.append(_text(PLOT_LEFT, y2, "Marks", "legend-title"))
    y3 = y2 + 20
    grey = "#444"
    out += _interval(PLOT_LEFT + 6, PLOT_LEFT + 6, y3 - 4, grey, "stated", 0)
    out.append(_text(PLOT_LEFT + 18, y3, "exact figure", "legend"))
    out += _interval(PLOT_LEFT + 120, PLOT_LEFT + 150, y3 - 4, grey, "stated", 0)
    out.append(_text(PLOT_LEFT + 158, y3, "range", "legend"))
    out += _interval(PLOT_LEFT + 215, None, y3 - 4, grey, "stated", PLOT_LEFT + 255)
    out.append(_text(PLOT_LEFT + 263, y3, "open-ended (at least)", "legend"))
    out += _interval(PLOT_LEFT + 420, PLOT_LEFT + 420, y3 - 4, grey, "revised", 0)
    out.append(_text(PLOT_LEFT + 434, y3, "revised statement", "legend"))
    out += _interval(PLOT_LEFT + 575, PLOT_LEFT + 575, y3 - 4, grey, "withdrawn", 0)
    out.append(_text(PLOT_LEFT + 587, y3, "withdrawn (replaced)", "legend"))
    y4 = y3 + 22
    out.append(f'<rect class="band" x="{PLOT_LEFT}" y="{y4 - 12}" width="30" height="16"/>')
    out.append(
        f'<line class="best" x1="{PLOT_LEFT + 18}" y1="{y4 - 14}" '
        f'x2="{PLOT_LEFT + 18}" y2="{y4 + 6}"/>'
    )
    out.append(_text(PLOT_LEFT + 40, y4, "reconciled low–high band, line at best", "legend"))
    out += _interval(PLOT_LEFT + 330, PLOT_LEFT + 330, y4 - 4, grey, "denied", 0)
    out.append(_text(PLOT_LEFT + 344, y4, "denial", "legend"))
    return out, y4 + 12 - y


def _svg(parts: list[str], height: float, label: str, cls: str) -> Markup:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{cls}" role="img" '
        f'viewBox="0 0 {WIDTH} {height:.0f}" width="100%" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>"
    )
    return Markup(head + "".join(parts) + "</svg>")


def spread_chart(
    marks: Sequence[Mark], estimates: Sequence[Estimate], sides: dict[int, str]
) -> Markup | None:
    """The claim-spread chart of one event, or None when it has no numeric claim."""
    groups: dict[SubjectKey, list[Mark]] = {}
    for mark in marks:
        c = mark.claim
        if c.kind in NUMERIC_KINDS and c.value.low is not None:
            groups.setdefault(subject_key(c), []).append(mark)
    if not groups:
        return None
    by_key = {(e.side, e.actor, e.civilian, e.kind): e for e in estimates}
    order = sorted(groups, key=lambda k: (NUMERIC_KINDS.index(k[3]), k[2], k[0] or 0, k[1] or ""))
    parts: list[str] = []
    y = 4.0
    for key in order:
        label = f"{key[3].replace('_', ' ')} — {whose(key[0], key[1], key[2], sides)}"
        row, height = _row(label, groups[key], by_key.get(key), y)
        parts += row
        y += height + 12
    legend, height = _legend(y)
    parts += legend
    return _svg(
        parts, y + height + 4, "Claim spread: every claimed figure by kind and side", "spread"
    )


@dataclass(frozen=True)
class Ratio:
    """One figure of a source against the reconciled best of its group."""

    label: str
    mark: Mark
    best: int


def ratio_chart(ratios: Sequence[Ratio]) -> Markup | None:
    """Each figure / reconciled best on a log axis, with a line at 1 (the best itself)."""
    if not ratios:
        return None
    values = [r.mark.claim.value.low or 1 for r in ratios]
    lo = min([*(v / r.best for v, r in zip(values, ratios, strict=True)), 0.1])
    hi = max(
        [*((r.mark.claim.value.high or r.mark.claim.value.low or 1) / r.best for r in ratios), 10]
    )
    lo_exp, hi_exp = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
    left, right = 300.0, 700.0

    def x(ratio: float) -> float:
        t = (math.log10(max(ratio, 10**lo_exp)) - lo_exp) / (hi_exp - lo_exp)
        return left + (right - left) * min(t, 1.0)

    parts: list[str] = []
    top = 10.0
    bottom = top + LANE * len(ratios)
    one = x(1.0)
    parts.append(f'<line class="best" x1="{one:.1f}" y1="{top - 4}" x2="{one:.1f}" y2="{bottom}"/>')
    for i, r in enumerate(ratios):
        y = top + LANE * i + LANE / 2
        v, colour = r.mark.claim.value, ALIGNMENTS[alignment(r.mark.claim)][1]
        x_hi = None if v.high is None else x(v.high / r.best)
        tip = f"{r.label}: {format_value(v)} against best {r.best}"
        parts.append(
            f'<a href="#{escape(r.mark.anchor)}" class="mark {escape(r.mark.status)}">'
            f"<title>{escape(tip)}</title>"
        )
        parts.append(_text(left - 10, y + 4, _cut(r.label, 44), "who", "end"))
        parts += _interval(x((v.low or 1) / r.best), x_hi, y, colour, r.mark.status, right + 8)
        parts.append("</a>")
    parts.append(
        f'<line class="axis" x1="{left}" y1="{bottom + 4}" x2="{right}" y2="{bottom + 4}"/>'
    )
    for e in range(lo_exp, hi_exp + 1):
        for f in (1, 2, 5) if hi_exp - lo_exp <= 3 else (1,):
            ratio = f * 10.0**e
            if ratio > 10**hi_exp:
                continue
            xx = x(ratio)
            parts.append(
                f'<line class="tick" x1="{xx:.1f}" y1="{bottom + 4}" '
                f'x2="{xx:.1f}" y2="{bottom + 8}"/>'
            )
            parts.append(_text(xx, bottom + 19, f"×{ratio:g}", "tick", "middle"))
    parts.append(_text(one, bottom + 36, "1 = the reconciled best", "legend", "middle"))
    return _svg(parts, bottom + 44, "Each figure divided by the reconciled best", "ratio")
