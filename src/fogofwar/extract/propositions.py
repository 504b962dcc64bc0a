"""Contested facts that are not figures: who took part, when it began, who won, abuses — each a
claim whose value is the stated proposition in words, true or false as the claimant puts it."""

from __future__ import annotations

import re
from typing import cast

from fogofwar.extract.sentences import Sentence
from fogofwar.extract.speakers import Attribution, speaker_at
from fogofwar.model import Claim, Evidence, Stance, Subject, Value

_KINDS: list[tuple[str, re.Pattern[str]]] = [
    (
        "abuse",
        re.compile(
            r"\b(?:took\s+civilians\s+hostages?|civilians\s+(?:were\s+)?(?:taken|held)"
            r"\s+hostage|loot\w*|"
            r"tortur\w*|rap(?:e|ed|ing)|massacr\w*|abus\w*|war\s+crimes?|"
            r"summar\w*\s+execut\w*|execut\w+\s+(?:civilians|prisoners)|"
            r"human\s+shields?|ethnic\s+cleansing)\b",
            re.I,
        ),
    ),
    (
        "outcome",
        re.compile(
            r"\b(?:claimed\s+victory|victory|won|defeated|repell?\w*|pushed\s+"
            r"(?:\w+\s+){0,3}back|encircled|routed|retreat\w*|withdr[ae]w\w*)\b",
            re.I,
        ),
    ),
    (
        "start",
        re.compile(
            r"\b(?:began|begun|started|broke\s+out|launched|attacked)\b.*?"
            r"\b(?:on|at|in)\s+(?:\d|January|February|March|April|May|June|July|"
            r"August|September|October|November|December|dawn|night)",
            re.I,
        ),
    ),
    (
        "presence",
        re.compile(
            r"\b(?:involv\w*|presen(?:t|ce)|took\s+part|participat\w*|"
            r"supported\s+by|affiliated|deployed|intervened|fought\s+alongside|"
            r"(?:was|were)\s+not\s+(?:present|involved))\b",
            re.I,
        ),
    ),
    (
        "control",
        re.compile(
            r"\b(?:in\s+control\s+of|took\s+control|captured\s+the\s+(?:city|"
            r"town|village)|seized\s+control|recaptured|retook|holds?)\b",
            re.I,
        ),
    ),
]
_NEGATION = re.compile(r"\b(?:not|no|never|denied|den(?:y|ies)|without)\b", re.I)


def proposition_claims(
    sent: Sentence, attributions: list[Attribution], document_id: str
) -> list[Claim]:
    """Non-numeric claims of a sentence, each credited to the speaker of its clause; only when
    somebody (not the encyclopedia) asserts them."""
    out: list[Claim] = []
    for kind, pattern in _KINDS:
        m = _first_spoken(pattern, sent.text, attributions)
        if not m:
            continue
        attribution = speaker_at(attributions, m.start())
        if attribution.claimant is not None:
            out += _claims_of_match(sent, kind, m, attribution, document_id)
    return out


def _first_spoken(
    pattern: re.Pattern[str], text: str, attributions: list[Attribution]
) -> re.Match[str] | None:
    """The first match of ``pattern`` after some speaker's verb."""
    return next(
        (
            x
            for x in pattern.finditer(text)
            if any(0 <= a.verb_at < x.start() for a in attributions)
        ),
        None,
    )


def _claims_of_match(
    sent: Sentence, kind: str, m: re.Match[str], attribution: Attribution, document_id: str
) -> list[Claim]:
    """The claim a matched proposition makes, and for "X was not present and instead
    mentioned Y" also Y's presence, claimed in its place."""
    text = sent.text
    start = max(attribution.verb_at, 0) if attribution.verb_at < m.start() else 0
    negated = _NEGATION.search(text[max(m.start() - 40, 0) : m.end()])
    truth = not (negated is not None and kind == "presence")
    if attribution.stance == "deny":
        truth = False

    def claim(words: str, value: bool, stance: str, start: int) -> Claim:
        return Claim(
            id="",
            event="",
            kind=kind,
            subject=Subject(),
            stance=cast(Stance, stance),
            value=Value(words=words.strip()[:300], truth=value),
            claimant=attribution.claimant,
            said_on=attribution.said_on,
            evidence=(
                Evidence(document_id, sent.section, sent.start + start, sent.end, text[start:]),
            ),
        )

    out = [claim(text[start:], truth, attribution.stance, 0)]
    instead = _INSTEAD.search(text, m.end())
    if kind == "presence" and not truth and instead:
        out.append(claim(text[instead.start() :], True, "assert", instead.start()))
    return out


_INSTEAD = re.compile(
    r"\binstead\s+(?:mentioned|named|said|blamed|accused|pointed\s+to|cited|listed)\b", re.I
)
