"""What a figure counts: from the words after it ("fighters were killed") or before it ("killing"),
the loss kind (killed, injured, vehicles_destroyed...) and what was lost."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fogofwar.extract import lexicon

CLAUSE_BOUNDARY = re.compile(
    r"[;:()]|\.\s|\b(?:while|whereas|but|although|though|after|before|when|whilst|because|"
    r"since|as well as|compared)\b",
    re.IGNORECASE,
)
_BOUNDARY = CLAUSE_BOUNDARY
_NOT_A_COUNT = re.compile(
    r"^\s*%|^(?:-|\s+)(?:thirds?|quarters?|halves|fifths?|tenths?)\b|^\s*(?:-|–)?\s*(?:km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|m\b|mm\b|cm\b|percent|"
    r"per\s+cent|"
    r"hours?|days?|weeks?|months?|years?|minutes?|seconds?|am\b|pm\b|a\.m\.|p\.m\.|-year-old|"
    r"year-old|times|o'clock|th\b|st\b|nd\b|rd\b|villages?|towns?|settlements?|buildings?|houses?|"
    r"homes?|positions?|checkpoints?|neighbou?rhoods?|districts?|streets?|blocks?|sq|square|"
    r"hectares?|acres?|tonnes?|tons?|kg|kilograms?|rounds?|shells?|rockets?|missiles?|"
    r"bombs?|strikes?|airstrikes?|air\s+strikes?|attacks?|sorties|raids?|assaults?|waves?|"
    r"points?|fronts?|directions?|axes|lines?|floors?|storeys?|stories|dollars?|\$|euros?|"
    r"million\s+dollars|USD|rubles?|roubles?|hryvnias?|percent|articles?|videos?|photos?|"
    r"images?|reports?|cases?|times?|occasions?|incidents?|clashes|battles?|"
    r"mortar\s+(?:shells?|rounds?|bombs?)|artillery\s+(?:shells?|rounds?|strikes?))\b",
    re.IGNORECASE,
)
_COUNT_NEXT = re.compile(
    r"\s+(?:at\s+least\s+|some\s+|about\s+|around\s+|another\s+)?(?:\d|(?:one|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|dozens|hundreds)\b)",
    re.IGNORECASE,
)
_EITHER_FATE = re.compile(
    r"(?:destroyed|damaged)\s+or\s+(?:captured|damaged|disabled)|"
    r"(?:captured|damaged|disabled)\s+or\s+destroyed",
    re.IGNORECASE,
)
_SHARE = re.compile(r"\d\s*(?:%|percent\b|per\s+cent\b)", re.IGNORECASE)
_HUMAN_KINDS = {"killed", "injured", "captured", "missing", "displaced", "killed_or_injured"}


@dataclass(frozen=True)
class Loss:
    """The kind a figure counts, where its trigger word sits, and the noun phrase it counts."""

    kind: str
    phrase: str
    what: str | None
    trigger_start: int
    trigger_end: int
    breakdown: bool = False  # a part of a total ("including 47 MAA, 37 MNLA")

    @property
    def elliptic_materiel(self) -> bool:
        """A destroyed/captured figure with no noun ("one was destroyed"): what is known later."""
        return self.kind.startswith(("vehicles", "equipment")) and self.what is None


def not_a_count(text_after: str) -> bool:
    """True when the figure measures something else ("5 km", "3 villages", "20 rockets")."""
    return _NOT_A_COUNT.match(text_after) is not None


def window_after(text: str, start: int, stop: int, limit: int = 90) -> str:
    """The words after a figure up to ``stop`` (the next figure), a clause boundary or ``limit``."""
    end = min(stop, start + limit, len(text))
    chunk = text[start:end]
    m = _BOUNDARY.search(chunk)
    return chunk[: m.start()] if m else chunk


def classify_after(window: str, following: str = "") -> Loss | None:
    """A loss kind named after the figure: ``"MNLA fighters were killed"``; ``following`` is
    the text after the window (where the next figure starts)."""
    best: tuple[int, int, str] | None = None
    for pattern, kind in lexicon.KIND_AFTER:
        for m in pattern.finditer(window):
            if _COUNT_NEXT.match(window[m.end() :] + following[:20]):
                continue  # "... and wounded 82": the verb of the next figure, not of this one
            if best is None or m.start() < best[0]:
                best = (m.start(), m.end(), kind)
            break
    if best is None:
        return None
    start, end, raw = best
    phrase = window[:start]
    if _SHARE.search(phrase):
        return None  # "2,000 soldiers, suffered 75 percent losses": a share, not this count
    if lexicon.NOT_A_LOSS_CONTEXT.search(window[: end + 25]):
        return None
    if not re.search(r"[A-Za-z]{3,}", phrase):
        # "about sixty neutralized jihadists": the noun follows the participle (or both
        # fates: "seven destroyed or damaged helicopters")
        fate = _EITHER_FATE.match(window, start)
        noun_at = fate.end() if fate else end
        after = re.match(r"\s*((?:[\w'’-]+\s+){0,3}[\w'’-]+)", window[noun_at:])
        if (
            after
            and (
                lexicon.PERSON_NOUN.search(after.group(1))
                or lexicon.VEHICLE_NOUN.search(after.group(1))
            )
            and not re.match(r"\s*(?:by|in|at|on|during|when|after|and|or)\b", window[noun_at:])
        ):
            phrase = after.group(1)
    return _typed(raw, phrase, window[start:], start, end)


def verb_before(before: str) -> str | None:
    """The loss verb right before a figure ("had destroyed", "killing"), as a raw kind."""
    tail = before[-60:]
    for pattern, kind in lexicon.KIND_BEFORE:
        if pattern.search(tail):
            return kind
    return None


def typed(raw: str, phrase: str, start: int = -1, end: int = -1) -> Loss | None:
    """A raw loss verb applied to a phrase: what it counts decides the kind."""
    return _typed(raw, phrase, "", start, end)


_RAW_OF = {
    "vehicles_destroyed": "destroyed",
    "vehicles_captured": "captured",
    "vehicles_lost": "lost",
    "equipment_destroyed": "destroyed",
}


def raw_of(kind: str) -> str:
    """The loss word behind a kind: ``vehicles_destroyed`` -> ``destroyed``."""
    return _RAW_OF.get(kind, kind)


def classify_before(before: str, after: str) -> Loss | None:
    """A loss kind named before the figure: ``"killing 12 soldiers"``, ``"death toll of 12"``."""
    tail = before[-60:]
    for pattern, kind in lexicon.KIND_BEFORE:
        m = pattern.search(tail)
        if m:
            phrase = re.split(r"\band\b|,", after, maxsplit=1)[0][:60]
            if lexicon.NOT_A_LOSS_CONTEXT.search(phrase):
                return None
            return _typed(kind, phrase, "", -1, -1)
    return None


_FILLER_WORDS = re.compile(
    r"\b(?:were|was|had|have|has|been|be|being|also|reportedly|allegedly|"
    r"all|each|more|others?|of|them|in|total|and|later|then)\b",
    re.I,
)


def _strip_filler(phrase: str) -> str:
    return _FILLER_WORDS.sub(" ", phrase)


_FORCE_NOUN = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,3}?(?:fighters|soldiers|troops|men|militants|personnel|policemen|"
    r"police(?:\s+officers)?|rebels|servicemen|gunmen|insurgents|jihadists|paratroopers|"
    r"marines|volunteers|mercenaries|militiamen|guards|commandos|special\s+forces|"
    r"foreign\s+fighters|members|forces|combatants|paramilitar(?:y|ies)|tribesm[ae]n|"
    r"reservists|conscripts|defenders|attackers|reinforcements)\b",
    re.IGNORECASE,
)
_FORCE_CONTEXT = re.compile(
    r"\b(?:had|has|have|totall?ed|totall?ing|numbered|numbering|consist(?:ed|ing)\s+of|"
    r"compris(?:ed|ing)|gathered|deployed|amassed|mobili[sz]ed|sent|dispatched|stationed|"
    r"defended\s+by|garrison(?:ed)?\s+(?:of|by)|(?:force|contingent|column|army|garrison|group)"
    r"\s+of|strength\s+of|reinforced\s+(?:by|with)|carrying|contain(?:ed|ing)?|"
    r"helicoptered\s+in|brought\s+in|flown\s+in|massed|assembled|fielded|led|leading|"
    r"commanded|another|estimated\s+at|involving|involved|with|there\s+(?:were|are|was)|"
    r"held\s+by|manned\s+by|additional|a\s+total\s+of)\s+"
    r"(?:(?:an\s+estimated|about|around|some|roughly|approximately|nearly|up\s+to|as\s+many\s+as|"
    r"at\s+least|over|more\s+than|only|just|a\s+total\s+of|of\s+its\s+best|its|their)\s+)*$",
    re.IGNORECASE,
)


_FORCE_ACTION = re.compile(
    r"^\s*(?:(?:backed|supported|armed|equipped)\s+(?:by|with)\s+[\w\s]{1,30}?\s+)?"
    r"(?:attempted|attacked|stormed|advanced|launched|entered|besieged|surrounded|assaulted|"
    r"took\s+part|participated|were\s+(?:deployed|involved|stationed|sent)|moved|massed|"
    r"converged|defended|held|(?:had\s+been|have\s+been|were|are)\s+(?:training|stationed|"
    r"deployed|based|present|fighting|defending|garrisoned)|airlifted|airdropped|deployed|"
    r"holding\s+out|held\s+out|to\s+participate|remained|remaining|(?:were|was)\s+left|"
    r"entrenched|dug\s+in)\b",
    re.IGNORECASE,
)


def classify_strength(before: str, window: str) -> Loss | None:
    """A force size: "defended by about 700 soldiers", "a 1,500-member force", "had 30,000"."""
    if re.match(r"^-(?:strong|man|member)\b", window):
        return Loss("strength", window, None, -1, -1)
    m = _FORCE_NOUN.match(window)
    if not m or head_is_not_a_loss(m.group(0)):
        return None
    if _FORCE_CONTEXT.search(before[-80:]) or _FORCE_ACTION.match(window[m.end() :]):
        return Loss("strength", m.group(0), None, -1, -1)
    if not NOT_A_FORCE.search(window[m.end() :]) and not NOT_A_FORCE.search(before[-40:]):
        return Loss("strength", m.group(0), None, -1, -1)  # fighters counted, nothing befalls them
    return None


NOT_A_FORCE = re.compile(
    r"\b(?:freed|released|rescued|escaped|fled|flee|defected|deserted|surrendered|trained|"
    r"training|evacuated|withdrew|retreated|returned|recruited|joined|left|killed|wounded|"
    r"injured|captured|executed|died|missing|arrested|detained|lost|per\s+day|a\s+day|"
    r"every|each|out\s+of|of\s+the|of\s+whom|among)\b",
    re.IGNORECASE,
)


def _last_end(pattern: re.Pattern[str], text: str) -> int:
    ends = [m.end() for m in pattern.finditer(text)]
    return ends[-1] if ends else -1


def head_is_not_a_loss(phrase: str) -> bool:
    """Whether the last counted noun of a phrase (its head) is a thing that is not a loss."""
    other = _last_end(lexicon.NON_LOSS_NOUN, phrase)
    if other < 0:
        return False
    return other > max(
        _last_end(p, phrase)
        for p in (lexicon.VEHICLE_NOUN, lexicon.EQUIPMENT_NOUN, lexicon.PERSON_NOUN)
    )


_BRIDGE = re.compile(r"\bbridges?\b", re.IGNORECASE)
_PLACE_PHRASE = re.compile(
    r"\s(?:in|at|on|from|near|inside|aboard|with|during|after|by|outside|around)\s", re.I
)


_POSSESSOR = re.compile(r"\b[\w-]+['’]s\b")


def _typed(raw: str, phrase: str, trigger_text: str, start: int, end: int) -> Loss | None:
    """The loss kind of a raw loss word ("destroyed", "killed"...) for what ``phrase`` counts."""
    # "15 aid workers in the buses": what is counted comes before where it was
    core = _PLACE_PHRASE.split(phrase, maxsplit=1)[0]
    owned = _POSSESSOR.sub(" ", core)  # "her ship's company": the ship owns what is counted
    vehicle = lexicon.VEHICLE_NOUN.search(owned)
    equipment = lexicon.EQUIPMENT_NOUN.search(owned)
    person = lexicon.PERSON_NOUN.search(core)
    if head_is_not_a_loss(core):
        return None  # "3 villages captured", "50 weapons seized": counted, but not losses
    if equipment and vehicle and vehicle.end() < equipment.start() <= vehicle.end() + 1:
        vehicle = None  # "two vehicle bridges": the head is the bridge
    if vehicle and not (
        person and _last_end(lexicon.PERSON_NOUN, core) > _last_end(lexicon.VEHICLE_NOUN, core)
    ):  # "truck drivers" are people
        kinds = {
            "destroyed": "vehicles_destroyed",
            "killed": "vehicles_destroyed",
            "captured": "vehicles_captured",
            "lost": "vehicles_lost",
            "disabled": "vehicles_lost",
        }
        if raw not in kinds:
            return None
        kind = kinds[raw]
        if _EITHER_FATE.match(trigger_text):
            kind = "vehicles_lost"  # "destroyed or captured": lost, one way or the other
        return Loss(kind, phrase, vehicle.group(0), start, end)
    if equipment and not person:
        if raw == "captured" and _BRIDGE.search(equipment.group(0)):
            return None  # a bridge taken is ground held, not materiel lost
        if raw in ("destroyed", "lost", "captured", "killed", "disabled"):
            return Loss("equipment_destroyed", phrase, equipment.group(0), start, end)
        return None
    if (
        raw in ("destroyed", "lost", "disabled")
        and not person
        and not re.search(r"[A-Za-z]{3,}", _strip_filler(core))
    ):  # "one was destroyed": materiel named earlier in the sentence
        kind = "vehicles_destroyed" if raw == "destroyed" else "vehicles_lost"
        return Loss(kind, phrase, None, start, end)
    if raw in ("destroyed", "disabled"):
        return None
    if raw == "lost":
        return Loss("killed", phrase, None, start, end) if person else None
    if raw == "captured" and not person and _names_a_thing(core):
        return None  # "192 explosive belts seized", "several offices captured": no people
    if raw in _HUMAN_KINDS:
        return Loss(raw, phrase, None, start, end)
    return None


def _names_a_thing(core: str) -> bool:
    """Whether a phrase counts something other than people: a common noun that is no person
    noun ("offices", "barrels"); a bare figure, a proper name ("35 Kurds") or filler is not."""
    words = re.findall(r"[A-Za-z][\w'’-]{2,}", _strip_filler(core))
    return any(w[0].islower() for w in words)
