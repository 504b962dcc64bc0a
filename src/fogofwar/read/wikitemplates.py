"""Templates that carry text: flags, KIA/POW markers, lists, line breaks, conversions, circa,
language wrappers, coordinates. The rules (which template does what) are data:
``data/wikitext.toml``; anything not listed there renders as nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mwparserfromhell.nodes import Template
from mwparserfromhell.wikicode import Wikicode

from fogofwar.read.wikirules import template_name

if TYPE_CHECKING:
    from fogofwar.read.wikirender import Renderer


@dataclass(frozen=True)
class Param:
    """A template parameter's value and the offset of that value in the wikitext."""

    name: str
    value: Wikicode
    at: int
    positional: bool


def params(node: Template, at: int, source: str) -> list[Param] | None:
    """Every parameter with the offset of its value; None if the markup is not laid out as
    ``{{name|a|k=v}}`` (then offsets cannot be told exactly)."""
    offset = 2 + len(str(node.name))
    out: list[Param] = []
    for p in node.params:
        if source[offset : offset + 1] != "|":
            return None
        offset += 1
        key = str(p.name)
        if p.showkey:
            offset += len(key) + 1
        value = str(p.value)
        if source[offset : offset + len(value)] != value:
            return None
        out.append(Param(key.strip().lower(), p.value, at + offset, not p.showkey))
        offset += len(value)
    return out


def render_template(r: Renderer, node: Template, at: int, source: str) -> None:
    """Render one template by its rule; a template the rules do not know writes nothing."""
    name = template_name(str(node.name))
    found = params(node, at, source)
    previous = None
    if found is None:  # unusual layout: map everything it writes to the whole template
        previous = r.coarse((at, at + len(source)))
        found = [
            Param(str(p.name).strip().lower(), p.value, at, not p.showkey) for p in node.params
        ]
    try:
        _by_rule(r, node, name, found, at, at + len(source))
    finally:
        r.reset_coarse(previous)


def _by_rule(r: Renderer, node: Template, name: str, ps: list[Param], at: int, end: int) -> None:
    rules, raw = r.rules, str(node.name)
    positional = [p for p in ps if p.positional]
    if name in rules.short_cite:
        from fogofwar.read.wikirender import Anchor

        r.anchors.append(Anchor(r.pos, node, at, end))
    elif name in rules.text:
        r.emit(rules.text[name], at, end)
    elif name in rules.breaks:
        r.separator(at)
    elif name in rules.circa:
        r.emit("c. ", at, at)
        _value(r, positional[:1])
    elif name in rules.convert:
        _convert(r, positional, at, end)
    elif name in rules.joined:
        _spaced(r, positional[:2])
    elif name in rules.ship_prefix:
        prefix = raw.strip()
        r.emit((prefix.upper() if len(prefix) <= 5 else prefix.split()[0]) + " ", at, at)
        _value(r, positional[:1])
    elif name in rules.items:
        _items(r, positional)
    elif name in rules.label:
        if positional:
            r.label(" ".join(str(positional[0].value).split()), at, end)
    elif name in rules.note:
        body = [p for p in ps if p.name == "1"] or positional[:1]  # {{efn|name=x|1=text}}
        if body:
            r.note(body[0].value, body[0].at, end)
    elif name in rules.first or name.startswith("lang-"):
        _value(r, positional[:1])
    elif name in rules.last:
        _value(r, positional[-1:])
    elif name == "coord":
        r.emit(_coordinates([str(p.value).strip() for p in positional]), at, end)
        r.separator(end)  # "{{coord|...}}Adwa, Ethiopia": the place is an item of its own
    elif ":" in raw and name.split(":", 1)[0] in ("formatnum", "lc", "uc", "ucfirst", "lcfirst"):
        text = raw.split(":", 1)[1].strip()
        if "{" not in text and "<" not in text:  # a computed value renders as nothing
            r.emit(text, at, end)


def _value(r: Renderer, ps: list[Param]) -> None:
    for p in ps:
        r.code(p.value, p.at)


def _spaced(r: Renderer, ps: list[Param]) -> None:
    for number, p in enumerate(ps):
        if number:
            r.emit(" ", p.at, p.at)
        r.code(p.value, p.at)


def _items(r: Renderer, ps: list[Param]) -> None:
    for p in ps:
        if not str(p.value).strip():
            continue
        r.separator(p.at)
        r.code(p.value, p.at)
    r.separator(ps[-1].at if ps else 0)


def _convert(r: Renderer, ps: list[Param], at: int, end: int) -> None:
    """``{{convert|5|to|10|km|mi}}`` -> ``5 to 10 km``: the value (a range too) and its unit."""
    values = [str(p.value).strip() for p in ps]
    if not values:
        return
    words = [values[0]]
    rest = values[1:]
    while len(rest) >= 2 and rest[0] in r.rules.convert_range:
        words.append("–" if rest[0] in ("-", "–") else f" {rest[0]} ")
        words.append(rest[1])
        rest = rest[2:]
    text = "".join(words)
    if rest:
        text += " " + rest[0]
    r.emit(text, at, end)


def _coordinates(values: list[str]) -> str:
    """``{{coord|50.4|-4.6|...}}`` or ``{{coord|50|24|N|4|40|W}}`` as ``50.4°N 4.6°W``."""
    numbers: list[str] = []
    hemis: list[str] = []
    for v in values:
        if re.fullmatch(r"-?\d+(?:\.\d+)?", v):
            numbers.append(v)
        elif v.upper() in ("N", "S", "E", "W"):
            hemis.append(v.upper())
            numbers.append("|")
        else:
            break
    if not hemis and len(numbers) >= 2:
        lat, lon = float(numbers[0]), float(numbers[1])
        return f"{abs(lat):g}°{'S' if lat < 0 else 'N'} {abs(lon):g}°{'W' if lon < 0 else 'E'}"
    groups = " ".join(numbers).split("|")
    if len(hemis) == 2 and len(groups) >= 2:
        lat = _dms(groups[0].split())
        lon = _dms(groups[1].split())
        return f"{lat:g}°{hemis[0]} {lon:g}°{hemis[1]}"
    return ""


def _dms(parts: list[str]) -> float:
    value = 0.0
    for scale, part in zip((1, 60, 3600), parts, strict=False):
        value += float(part) / scale
    return round(value, 4)
