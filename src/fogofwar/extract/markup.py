"""Cleaning of infobox cells: flag-template leftovers, image sizes, emoji flags, stray markup."""

from __future__ import annotations

import re

_FLAG_EMOJI = re.compile("[\U0001f1e6-\U0001f1ff]+")
_FILE_NAMES = re.compile(r"\S+\.(?:svg|png|jpe?g|gif)\b", re.IGNORECASE)
_LEFTOVERS = re.compile(
    r"(?:\b(?:border\|)?\d{1,3}px\b\|?|\bborder\|?|\bframeless\b\|?|\bthumb\|?|\|)", re.IGNORECASE
)
_SPACES = re.compile(r"\s+")


def clean_cell(text: str) -> str:
    """Drop markup leftovers (``border|20px``, ``25px``, ``*``, emoji flags) and tidy spaces."""
    text = _FLAG_EMOJI.sub(" ", text)
    text = _FILE_NAMES.sub(" ", text)  # "People's Protection Units Flag.svg YPG"
    text = _LEFTOVERS.sub(" ", text)
    text = text.replace("*", " ").replace("†", " ")
    text = text.replace("\u00a0", " ")
    return _SPACES.sub(" ", text).strip(" ,;:")


def split_items(text: str) -> list[str]:
    """Split a list cell on ``;``, ``,`` (not inside numbers), newlines and the double spaces of
    a flattened cell ("Hezbollah  Arab Nationalist Guard"); drop empty items."""
    parts = re.split(r";|\n|,(?!\d{3}\b)|\s{2,}(?=[A-Z\U0001f1e6-\U0001f1ff])", text)
    return [p for p in (clean_cell(x) for x in parts) if p]
