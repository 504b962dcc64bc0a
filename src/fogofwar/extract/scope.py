"""Which figure of the event a prose claim is (DESIGN.md, "Data model", scope): the event's total,
one incident inside it, a running count as of a date. Infobox lines are totals."""

from __future__ import annotations

import re

from fogofwar.extract.sentences import Sentence
from fogofwar.model import Scope

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_DAY_NAME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_CUMULATIVE = re.compile(
    rf"\b(?:as\s+of|so\s+far|thus\s+far|to\s+date|up\s+(?:to|until)\s+(?:then|now|that\s+point)|"
    rf"since\s+the\s+(?:start|beginning|launch|outbreak)|running\s+(?:total|tally)|"
    rf"by\s+(?:the\s+end\s+of\s+|mid-|early\s+|late\s+)?(?:\d{{1,2}}\s+)?{_MONTH}|"
    rf"(?:rose|risen|climbed|increased|reached)\s+to|brought\s+the\s+(?:total|toll|number))\b",
    re.IGNORECASE,
)
_EVENT_NOUN = r"(?:battle|siege|offensive|fighting|operation|campaign|clashes|assault|war)"
_TOTAL = re.compile(
    rf"\b(?:in\s+total|overall|a\s+total\s+of|total\s+(?:death\s+)?(?:toll|losses|casualties)|"
    rf"throughout\s+the|during\s+the\s+(?:entire\s+|whole\s+|course\s+of\s+the\s+)?{_EVENT_NOUN}|"
    rf"over\s+the\s+course\s+of|(?:the|this)\s+{_EVENT_NOUN}\s+(?:left|killed|claimed|cost|"
    rf"resulted)|in\s+the\s+(?:entire\s+|whole\s+)?{_EVENT_NOUN}\b(?!\s+(?:for|of|on)\b))",
    re.IGNORECASE,
)
_INCIDENT = re.compile(
    rf"\b(?:on\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\b|{_MONTH}|{_DAY_NAME}|following|next|"
    rf"same|night|morning|evening)|that\s+(?:day|night|morning)|the\s+(?:next|following|same)\s+"
    rf"(?:day|night|morning)|in\s+(?:an?|one|the)\s+(?:[\w-]+\s+){{0,2}}(?:strike|airstrike|"
    rf"air\s+strike|attack|ambush|raid|bombing|explosion|blast|shelling|assault|clash|"
    rf"counter-?attack|incident|firefight)|when\s+an?\s|after\s+an?\s)",
    re.IGNORECASE,
)
_TOTAL_SECTIONS = re.compile(
    r"\b(?:casualties|losses|aftermath|toll|victims|lead|analysis|summary|consequences)\b",
    re.IGNORECASE,
)


def scope_of(sent: Sentence, one_day: bool = False) -> Scope:
    """The scope of the figures of a prose sentence: a running count ("as of 5 May", "so far",
    "rose to"), the event's total ("in total", "during the siege"), one incident ("on 4 May",
    "in an airstrike"); without a cue, a total in a casualties or aftermath section or the lead,
    an incident in the narrative sections. In an event of one day, that day's figures are its
    totals."""
    text = sent.text
    if _CUMULATIVE.search(text):
        return "cumulative"
    if _TOTAL.search(text):
        return "total"
    if one_day:
        return "total"
    if _INCIDENT.search(text):
        return "incident"
    return "total" if _TOTAL_SECTIONS.search(sent.section) else "incident"
