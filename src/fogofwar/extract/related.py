"""Related events the text names: "the Second Battle of Kidal", "clashes in Tabankort on July 2",
each with the date and place the sentence gives."""

from __future__ import annotations

import datetime
import re

from fogofwar.extract.dates import find_dates
from fogofwar.extract.sentences import Sentence
from fogofwar.model import RelatedEvent

_NAMED = re.compile(
    r"\b(?P<title>(?:(?:First|Second|Third|Fourth|Fifth|Sixth|\d+(?:st|nd|rd|th))\s+)?"
    r"(?:Battle|Siege|Offensive|Massacre|Ambush|Fall|Capture|Liberation|Operation|Raid|"
    r"Bombing|Attack|Campaign|Assault|Storming)\s+(?:of|on|for)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w'’-]+(?:\s+(?:al-|el-)?[A-Z][\w'’-]+){0,3})(?:\s+\(\d{4}(?:[–-]\d{2,4})?\))?)"
)
_BATTLE_OF = re.compile(r"\b(?P<title>battle\s+of\s+(?P<place>[A-Z][\w'’-]+))")
_CLASHES = re.compile(
    r"\b(?P<title>(?i:clashes|skirmishes))\s+(?:again\s+)?(?:broke\s+out\s+|erupted\s+|"
    r"took\s+place\s+)?(?:again\s+)?(?:on\s+[A-Z]\w+\s+\d{1,2}\s+)?(?:in|at|near)\s+"
    r"(?P<place>[A-Z][\w'’-]+)",
)


_YEAR_NAMED = re.compile(
    r"\b(?:the|a|an)\s+(?P<year>\d{4})\s+(?:[A-Z][\w'’-]+\s+){1,3}(?i:airstrikes?|air\s+strikes?|"
    r"attacks?|bombings?|massacres?|offensives?|battles?|sieges?|wars?|invasion|uprising|"
    r"campaigns?|clashes|shelling|raids?|ambush)\b"
)
"""An event named by its year: "the 2020 Balyun airstrikes"."""


def names_other_event(text: str, own_title: str, years: tuple[int, int] | None) -> bool:
    """True when a sentence names an event other than the article's own ("at the Battle of
    Biak", "the 2020 Balyun airstrikes that killed 34"): its figures are that event's. An event at
    the article's own place, or dated in the event's own years, may be the event itself."""
    own = _norm(own_title)
    for pattern in (_NAMED, _BATTLE_OF):
        for m in pattern.finditer(text):
            title, place = _norm(m.group("title")), m.group("place").lower()
            if title != own and title not in own and place not in own:
                return True
    if years is None:
        return False
    return any(not years[0] <= int(m.group("year")) <= years[1] for m in _YEAR_NAMED.finditer(text))


def related_events(
    sents: list[Sentence], own_title: str, year: int | None, own_start: str | None = None
) -> list[RelatedEvent]:
    """Other events named in the prose, in order of mention, without repeats. A date given
    relative to the event ("a week later") is resolved against its start."""
    own = _norm(own_title)
    out: list[RelatedEvent] = []
    seen: set[tuple[str, str | None]] = set()
    for sent in sents:
        for pattern in (_NAMED, _BATTLE_OF, _CLASHES):
            for m in pattern.finditer(sent.text):
                title = m.group("title")
                if re.search(r"[A-Z][\w-]*\s+(?:for|of)\s+the\s+$", sent.text[: m.start()]):
                    continue  # "Movement for the Liberation of X" is a name, not an event
                if pattern is _CLASHES:
                    title = f"{title.lower()} in {m.group('place')}"
                if _norm(title) == own or _norm(title) in own:
                    continue
                date = _date_for(sent.text, m.start(), year) or _relative(
                    sent.text[m.end() : m.end() + 40], own_start
                )
                key = (_norm(title), date)
                if key in seen or any(_norm(title) in k[0] and k[1] == date for k in seen):
                    continue
                seen.add(key)
                out.append(RelatedEvent(title, date, m.group("place")))
    return out


_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "ten": 10,
}
_RELATIVE = re.compile(
    r"^\s*(?P<n>a|an|one|two|three|four|five|six|seven|ten|\d{1,2})\s+"
    r"(?P<unit>day|week|month)s?\s+(?P<dir>later|after|earlier|before)\b",
    re.I,
)


def _relative(after: str, start: str | None) -> str | None:
    """ "a week later" -> the month a week after ``start`` (day precision for days)."""
    m = _RELATIVE.match(after)
    if not m or not start or len(start) < 10:
        return None
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else _WORDS[raw]
    days = n * {"day": 1, "week": 7, "month": 30}[m.group("unit").lower()]
    if m.group("dir").lower() in ("earlier", "before"):
        days = -days
    when = datetime.date.fromisoformat(start) + datetime.timedelta(days=days)
    return when.isoformat() if m.group("unit").lower() == "day" else when.isoformat()[:7]


def _norm(s: str) -> str:
    return " ".join(re.sub(r"\(.*?\)", "", s).lower().split())


def _date_for(text: str, at: int, year: int | None) -> str | None:
    mentions = [d for d in find_dates(text) if d.month is not None or d.year is not None]
    if not mentions:
        return None
    nearest = min(mentions, key=lambda d: abs(d.start - at))
    return nearest.iso(year)
