"""Events: when, where, the sides with their actors and commanders, related events."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from fogofwar.model.vocab import Precision


@dataclass(frozen=True)
class DateSpan:
    start: str | None
    end: str | None
    precision: Precision | None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "precision": self.precision}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> DateSpan | None:
        if d is None:
            return None
        return cls(d.get("start"), d.get("end"), d.get("precision"))


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: int | None = None  # UCDP where_prec 1-7

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Place | None:
        if d is None:
            return None
        return cls(
            d["name"],
            d.get("country"),
            d.get("admin1"),
            d.get("lat"),
            d.get("lon"),
            d.get("precision"),
        )


@dataclass(frozen=True)
class Actor:
    name: str
    aliases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "aliases": list(self.aliases)}


@dataclass(frozen=True)
class Commander:
    name: str
    fate: Literal["killed", "captured"] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "fate": self.fate}


@dataclass(frozen=True)
class Side:
    side: int
    actors: tuple[Actor, ...] = ()
    commanders: tuple[Commander, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "side": self.side,
            "actors": [a.to_dict() for a in self.actors],
            "commanders": [c.to_dict() for c in self.commanders],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Side:
        return cls(
            side=d["side"],
            actors=tuple(Actor(a["name"], tuple(a.get("aliases", []))) for a in d["actors"]),
            commanders=tuple(Commander(c["name"], c.get("fate")) for c in d["commanders"]),
        )


@dataclass(frozen=True)
class RelatedEvent:
    title: str
    date: str | None = None
    place: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "date": self.date, "place": self.place}


@dataclass(frozen=True)
class Event:
    id: str
    document: str
    title: str
    kind: str
    date: DateSpan | None
    place: Place | None
    part_of: str | None
    result: str | None
    sides: tuple[Side, ...] = ()
    related: tuple[RelatedEvent, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "title": self.title,
            "kind": self.kind,
            "date": self.date.to_dict() if self.date else None,
            "place": self.place.to_dict() if self.place else None,
            "part_of": self.part_of,
            "result": self.result,
            "sides": [s.to_dict() for s in self.sides],
            "related": [r.to_dict() for r in self.related],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            id=d["id"],
            document=d["document"],
            title=d["title"],
            kind=d["kind"],
            date=DateSpan.from_dict(d.get("date")),
            place=Place.from_dict(d.get("place")),
            part_of=d.get("part_of"),
            result=d.get("result"),
            sides=tuple(Side.from_dict(s) for s in d.get("sides", [])),
            related=tuple(
                RelatedEvent(r["title"], r.get("date"), r.get("place"))
                for r in d.get("related", [])
            ),
        )
