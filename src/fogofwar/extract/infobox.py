"""Claims from the infobox: ``CasualtiesN`` and ``StrengthN`` lines, each figure with its kind, the
side N, and the claimant of the attribution marker that scopes it ("(per X)", "Per X:")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fogofwar.extract import lexicon
from fogofwar.extract.actors import SideIndex
from fogofwar.extract.attribution import attribution_in, make_claimant
from fogofwar.extract.dates import find_dates
from fogofwar.extract.losses import (
    classify_after,
    classify_before,
    head_is_not_a_loss,
    not_a_count,
)
from fogofwar.extract.quantities import Quantity, find_quantities
from fogofwar.model import Claim, Document, Evidence, InfoboxEntry, Subject, Value

_LOSS_KEY = re.compile(r"^(?:casualties|losses|casualties\s+and\s+losses)\s*(\d*)$", re.I)
_STRENGTH_KEY = re.compile(r"^strength\s*(\d*)$", re.IGNORECASE)
_KIND_KEYS = (  # keys of civilian- and terrorist-attack infoboxes that name their figures' kind
    (re.compile(r"^(?:fatalities|deaths|dead|killed)\s*(\d*)$", re.IGNORECASE), "killed"),
    (re.compile(r"^(?:injuries|injured|wounded|non-fatal\s+injuries)\s*(\d*)$", re.I), "injured"),
)
_PAREN = re.compile(r"\(([^()]{1,120})\)")
_NUMBERLESS_ITEM = re.compile(
    r"(?:^|;)\s*(?:an?\s+|one\s+)?(?P<noun>[A-Z][\w-]*\d[\w-]*|[A-Za-z][\w -]{1,30}?)\s+"
    r"(?P<verb>downed|shot\s+down|destroyed|sunk|crashed|captured|seized|lost)\s*(?=;|$|\()"
)
_HEADER = re.compile(
    r"(?:^|(?<=[;.,])|(?<=\s))(?P<h>(?i:per|according\s+to|acc\.?)\s+[^:;()\d]{1,60}?|"
    r"(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w.'’-]*\s+(?i:claims?|estimates?|sources?|figures?))\s*:"
)
_NOT_A_SOURCE_WORD = re.compile(
    r"^(?:(?:Heavy|Light|Moderate|Significant|Minimal|Unknown|Several|Many|Some|None|Total|"
    r"Initial|Final|Official|Other|Units)\s+)+"
)


@dataclass(frozen=True)
class _Marker:
    start: int
    end: int
    name: str
    header: bool


def infobox_claims(doc: Document, sides: SideIndex) -> list[Claim]:
    """Every figure of the casualty and strength lines as a claim (ids assigned later); a
    ``Fatalities`` or ``Injuries`` line is a casualty line whose key names the kind."""
    claims: list[Claim] = []
    for entry in doc.infobox:
        key = entry.key.strip()
        m = _LOSS_KEY.match(key)
        if m:
            claims.extend(_line_claims(doc, entry, _side_no(m.group(1)), sides, strength=False))
            continue
        m = _STRENGTH_KEY.match(key)
        if m:
            claims.extend(_line_claims(doc, entry, _side_no(m.group(1)), sides, strength=True))
            continue
        for pattern, kind in _KIND_KEYS:
            m = pattern.match(key)
            if m:
                side = _side_no(m.group(1))
                claims.extend(_line_claims(doc, entry, side, sides, strength=False, kind=kind))
    return claims


def civilian_line(doc: Document, combatant_sides: int) -> int | None:
    """The number of the casualties line that counts civilians (usually the third), if any."""
    for entry in doc.infobox:
        m = _LOSS_KEY.match(entry.key.strip())
        if (
            m
            and m.group(1)
            and int(m.group(1)) > max(combatant_sides, 2)
            and lexicon.CIVILIAN_NOUN.search(entry.value)
        ):
            return int(m.group(1))  # a line beyond the fighting sides' that counts civilians
    return None


def _side_no(digits: str) -> int | None:
    return int(digits) if digits else None


def _markers(value: str) -> list[_Marker]:
    found: list[_Marker] = []
    for m in _PAREN.finditer(value):
        name = attribution_in(m.group(1))
        if name:
            found.append(_Marker(m.start(), m.end(), name, header=False))
    for m in _HEADER.finditer(value):
        if any(mk.start <= m.start() < mk.end for mk in found):
            continue
        header = m.group("h")
        per = re.search(r"\b(?:Per|According\s+to)\s+", header)
        header = "per " + header[per.end() :] if per else _NOT_A_SOURCE_WORD.sub("", header)
        name = attribution_in(header)
        if name:
            found.append(_Marker(m.start("h"), m.end(), name, header=True))
    return sorted(found, key=lambda mk: mk.start)


_Kind = tuple[str, str | None, str]  # (kind, what, the phrase it counts)
_PEOPLE_KINDS = ("killed", "injured", "captured", "missing", "killed_or_injured")
_BREAKDOWN_OPEN = re.compile(
    r"\(\s*(?:including|incl\.?|of\s+whom|among\s+them|of\s+them|of\s+which|mostly)\b[^()]*$",
    re.IGNORECASE,
)


def _line_claims(
    doc: Document,
    entry: InfoboxEntry,
    side: int | None,
    sides: SideIndex,
    strength: bool,
    kind: str = "killed_or_injured",
) -> list[Claim]:
    """The claims of one casualty or strength line: figures, their kinds, their claimants.
    ``kind``: what a casualty line's first figure counts when nothing on the line says."""
    value = entry.value
    markers = _markers(value)
    quantities = _line_quantities(value, markers)
    kinds = _own_kinds(value, quantities, markers, strength)
    _share_list_kind(value, quantities, kinds, markers)
    if not strength:
        _inherit_kinds(value, quantities, kinds, markers, kind)
    quantities, kinds = _with_numberless_items(value, quantities, kinds)
    civilian_default = side is not None and side == sides.civilian_side
    claims: list[Claim] = []
    for q, kind_info in zip(quantities, kinds, strict=True):
        if kind_info is None:
            continue
        loss_kind, what, phrase = kind_info
        claimant_name = _claimant_for(q, value, markers)
        end = _evidence_end(q, value, markers)
        claims.append(
            Claim(
                id="",
                event="",
                kind=loss_kind,
                subject=_subject(phrase, side, sides, civilian_default),
                value=Value(q.low, q.high, q.words, q.approx, what=what),
                claimant=make_claimant(claimant_name, sides) if claimant_name else None,
                stance="assert",
                evidence=(
                    Evidence(
                        doc.id,
                        "infobox",
                        entry.start + q.start,
                        entry.start + end,
                        value[q.start : end],
                    ),
                ),
            )
        )
    return claims


def _line_quantities(value: str, markers: list[_Marker]) -> list[Quantity]:
    """The figures of a line that count something: not inside a claimant's name, not dates."""
    dates = find_dates(value)
    return [
        q
        for q in find_quantities(value)
        if not any(mk.start <= q.start < mk.end for mk in markers)
        and not any(d.start <= q.start < d.end and d.month is not None for d in dates)
        and not not_a_count(value[q.end :])
        and not _model_number(value, q)
    ]


_MODEL_BEFORE = re.compile(r"(?:\d|[\w-])\s+[A-Z][a-z]+\s+$")


def _model_number(value: str, q: Quantity) -> bool:
    """ "2 Dassault Mirage 2000 fighter jets", "8-10 Leopard 2 tanks": the number after a name
    is the model's, not a count."""
    return bool(
        _MODEL_BEFORE.search(value[max(0, q.start - 60) : q.start])
        and q.words is None
        and (
            lexicon.VEHICLE_NOUN.match(value, q.end + 1)
            or lexicon.EQUIPMENT_NOUN.match(value, q.end + 1)
        )
    )


def _item_window(value: str, quantities: list[Quantity], i: int, markers: list[_Marker]) -> str:
    """The words after figure ``i`` up to the next figure, marker or item break."""
    q = quantities[i]
    stop = quantities[i + 1].start if i + 1 < len(quantities) else len(value)
    stop = min([stop] + [mk.start for mk in markers if mk.start >= q.end])
    return re.split(r";", value[q.end : stop], maxsplit=1)[0]


def _own_kinds(
    value: str, quantities: list[Quantity], markers: list[_Marker], strength: bool
) -> list[_Kind | None]:
    """Each figure's kind from its own words: after it ("12 killed"), before it ("killing 12"),
    or like the item before it ("lost 173 soldiers in A, 58 soldiers in B")."""
    kinds: list[_Kind | None] = []
    for i, q in enumerate(quantities):
        window = _item_window(value, quantities, i, markers)
        kind = _kind_of(window, strength)
        if kind is None and not strength:
            item_start = max(value.rfind(";", 0, q.start), value.rfind(":", 0, q.start), 0)
            before = classify_before(value[item_start : q.start], window)
            previous = kinds[-1] if kinds else None
            if before is not None:
                kind = (before.kind, before.what, before.phrase)
            elif previous is not None and re.fullmatch(
                r"\s*,\s*", value[quantities[i - 1].end + len(previous[2]) : q.start]
            ):
                kind = retype_like(previous, window)
        if (
            kind is not None
            and kind[0] == "vehicles_lost"
            and kinds
            and kinds[-1] is not None
            and kinds[-1][0] in ("vehicles_destroyed", "equipment_destroyed")
            and not re.search(r"\b(?:lost|captured|seized)\b", window, re.IGNORECASE)
            and classify_after(window) is None  # "1 destroyer damaged" says its own fate
        ):
            kind = ("vehicles_destroyed", kind[1], kind[2])  # a list of destroyed materiel
        kinds.append(kind)
    return kinds


def _share_list_kind(
    value: str, quantities: list[Quantity], kinds: list[_Kind | None], markers: list[_Marker]
) -> None:
    """ "114 Hezbollah fighters, 23 soldiers and 8 officers killed": the last kind covers the
    list, but never across an item break, a marker or a closing parenthesis."""
    for i in range(len(kinds) - 2, -1, -1):
        shared = kinds[i + 1]
        if kinds[i] is not None or shared is None or shared[0] not in _PEOPLE_KINDS:
            continue
        gap = value[quantities[i].end : quantities[i + 1].start]
        if ";" in gap or ")" in gap or _in_breakdown(value, quantities[i].start):
            continue
        if not any(quantities[i].end <= mk.start < quantities[i + 1].start for mk in markers):
            kinds[i] = (shared[0], None, gap)


def _inherit_kinds(
    value: str,
    quantities: list[Quantity],
    kinds: list[_Kind | None],
    markers: list[_Marker],
    first_kind: str,
) -> None:
    """A figure with no kind of its own takes the kind of the nearest item before it on the
    line ("Dozens", "40–60 fighters", a part "(including 80 X fighters)"); the first item of a
    line with nothing to tell counts what the line's key says, else killed or injured
    (REFERENCES.md, "What is a claim")."""
    for i, q in enumerate(quantities):
        if kinds[i] is not None:
            continue
        window = _BREAKDOWN_OPEN.sub("", _item_window(value, quantities, i, markers))
        if (  # "23 (including 2 attackers)": the total's words end where its parts begin
            head_is_not_a_loss(window)
            or not _counts_people_or_nothing(window)
            or lexicon.NOT_A_LOSS_CONTEXT.search(window)
        ):
            continue
        earlier = next((k for k in reversed(kinds[:i]) if k is not None), None)
        if earlier is not None and earlier[0] in _PEOPLE_KINDS:
            kinds[i] = (earlier[0], None, window)
        elif earlier is None and not _in_breakdown(value, q.start):
            kinds[i] = (first_kind, None, window)


def _in_breakdown(value: str, at: int) -> bool:
    """Whether offset ``at`` is inside a "(including ...)" parenthesis."""
    return _BREAKDOWN_OPEN.search(value[:at]) is not None


def _counts_people_or_nothing(window: str) -> bool:
    words = re.findall(r"[A-Za-z]{3,}", window)
    return not words or lexicon.PERSON_NOUN.search(window) is not None


def _with_numberless_items(
    value: str, quantities: list[Quantity], kinds: list[_Kind | None]
) -> tuple[list[Quantity], list[_Kind | None]]:
    """Add the items that name one vehicle without a figure ("Frigate scuttled", "a Su-25
    downed"), then put every figure in line order."""
    quantities, kinds = list(quantities), list(kinds)
    for m in _NUMBERLESS_ITEM.finditer(value):
        if any(m.start() <= q.start < m.end() for q in quantities):
            continue
        if lexicon.VEHICLE_NOUN.fullmatch(m.group("noun")) or lexicon.EQUIPMENT_NOUN.fullmatch(
            m.group("noun")
        ):
            loss = classify_after(" " + m.group("noun") + " " + m.group("verb"))
            if loss is not None:
                quantities.append(Quantity(m.start("noun"), m.start("noun"), 1, 1))
                kinds.append((loss.kind, loss.what, m.group("noun")))
    order = sorted(range(len(quantities)), key=lambda j: quantities[j].start)
    return [quantities[j] for j in order], [kinds[j] for j in order]


def retype_like(
    model: tuple[str, str | None, str], window: str
) -> tuple[str, str | None, str] | None:
    """ "lost 173 soldiers in A, 58 soldiers in B": the second item shares the first one's kind."""
    loss = (
        classify_after(f"{window} {model[0]}")
        if model[0] in ("killed", "injured", "captured")
        else None
    )
    if loss is not None and lexicon.PERSON_NOUN.search(window):
        return (loss.kind, loss.what, window)
    return None


def _kind_of(window: str, strength: bool) -> _Kind | None:
    if strength:
        return _strength_item(window)
    loss = classify_after(window)
    if loss is not None:
        return (loss.kind, loss.what, loss.phrase)
    vehicle = lexicon.VEHICLE_NOUN.search(window)
    if vehicle and not lexicon.PERSON_NOUN.search(window[: vehicle.start()]):
        return ("vehicles_lost", vehicle.group(0), window)
    equipment = lexicon.EQUIPMENT_NOUN.search(window)
    if equipment and not lexicon.PERSON_NOUN.search(window):
        return ("equipment_destroyed", equipment.group(0), window)
    return None


def _strength_item(window: str) -> _Kind | None:
    """Every item of a Strength line is a force claim, people and materiel alike ("12
    helicopters" carries ``what``); a count of places or other things is not."""
    person = lexicon.PERSON_NOUN.search(window)
    materiel = lexicon.VEHICLE_NOUN.search(window) or lexicon.EQUIPMENT_NOUN.search(window)
    if materiel and not (person and person.start() < materiel.start()):
        return ("strength", materiel.group(0), window)
    if person is None and head_is_not_a_loss(window):
        return None
    return ("strength", None, window)


def _claimant_for(q: Quantity, value: str, markers: list[_Marker]) -> str | None:
    after = [mk for mk in markers if mk.start >= q.end]
    before = [mk for mk in markers if mk.end <= q.start]
    header = next((mk for mk in reversed(before) if mk.header), None)
    if after and not after[0].header:
        paren = after[0]
        between = value[q.end : paren.start]
        # "(X claim)" covers every item of the line since the previous attribution, across the
        # ";" of its list (REFERENCES.md); under a "Per Y:" header it covers its own item only
        if ";" not in between or header is None:
            return paren.name
    return header.name if header else None


def _subject(phrase: str, side: int | None, sides: SideIndex, civilian_default: bool) -> Subject:
    resolved = sides.resolve(phrase)
    actor = None
    if resolved.actor and side is not None:
        for s in sides.sides:
            if s.side == side and any(a.name == resolved.actor for a in s.actors):
                actor = resolved.actor
    civilian = resolved.civilian or (
        civilian_default
        and not re.search(
            r"\b(?:soldiers|fighters|servicemen|troops|militants|combatants|rebels|police\w*|"
            r"officers|personnel|guards|members)\b",
            phrase,
            re.IGNORECASE,
        )
    )
    if re.search(r"\b(?:soldiers|fighters|servicemen|troops|militants)\b", phrase, re.I):
        civilian = False
    return Subject(side=side, actor=actor, civilian=civilian)


def _evidence_end(q: Quantity, value: str, markers: list[_Marker]) -> int:
    nxt = re.search(r"[;,]|\s(?=\d)", value[q.end :])
    end = q.end + nxt.start() if nxt else len(value)
    for mk in markers:
        if not mk.header and mk.start >= q.end and value[q.end : mk.start].count(";") == 0:
            end = max(end, mk.end)
            break
    return end
