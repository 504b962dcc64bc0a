"""The rendering rules of the wikitext reader, read once from ``data/wikitext.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class WikiRules:
    conflict_infoboxes: frozenset[str]
    infobox_rename: dict[str, str]
    infobox_skip: frozenset[str]
    first: frozenset[str]
    last: frozenset[str]
    items: frozenset[str]
    joined: frozenset[str]
    label: frozenset[str]
    note: frozenset[str]
    ship_prefix: frozenset[str]
    text: dict[str, str]
    breaks: frozenset[str]
    circa: frozenset[str]
    convert: frozenset[str]
    convert_range: frozenset[str]
    cite_prefix: tuple[str, ...]
    short_cite: frozenset[str]
    cite_fields: dict[str, tuple[str, ...]]
    apparatus: frozenset[str]

    def is_cite(self, name: str) -> bool:
        return name.startswith(self.cite_prefix)


def template_name(raw: str) -> str:
    """A template's name as the rules compare it: lower-cased, ``_`` as a space, no
    ``Template:`` prefix, spaces collapsed."""
    name = " ".join(raw.replace("_", " ").split()).lower()
    return name.removeprefix("template:").strip()


@lru_cache(maxsize=1)
def rules() -> WikiRules:
    raw: dict[str, Any] = tomllib.loads(
        resources.files("fogofwar.data").joinpath("wikitext.toml").read_text("utf-8")
    )
    infobox, tpl, cites = raw["infobox"], raw["templates"], raw["citations"]
    return WikiRules(
        conflict_infoboxes=frozenset(infobox["conflict"]),
        infobox_rename=dict(infobox["rename"]),
        infobox_skip=frozenset(infobox["skip"]),
        first=frozenset(tpl["first"]),
        last=frozenset(tpl["last"]),
        items=frozenset(tpl["items"]),
        joined=frozenset(tpl["joined"]),
        label=frozenset(tpl["label"]),
        note=frozenset(tpl["note"]),
        ship_prefix=frozenset(tpl["ship_prefix"]),
        text=dict(tpl["text"]),
        breaks=frozenset(tpl["break"]["names"]),
        circa=frozenset(tpl["circa"]["names"]),
        convert=frozenset(tpl["convert"]["names"]),
        convert_range=frozenset(tpl["convert"]["range"]),
        cite_prefix=tuple(cites["cite_prefix"]),
        short_cite=frozenset(cites["short"]),
        cite_fields={
            k: tuple(cites[k]) for k in ("publisher", "work", "author", "first", "date", "title")
        }
        | {"url": tuple(cites["url"])},
        apparatus=frozenset(raw["sections"]["apparatus"]),
    )
