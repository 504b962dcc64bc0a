"""Places for the formats' location codes: whether a place is at sea or in the air."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources


@cache
def _water() -> re.Pattern[str]:
    text = resources.files("fogofwar.data").joinpath("water_words.toml").read_text("utf-8")
    words = "|".join(str(w) for w in tomllib.loads(text)["words"])
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


def is_water(name: str | None) -> bool:
    """Whether a place's name is a body of water or airspace (``data/water_words.toml``)."""
    return bool(name and _water().search(name))
