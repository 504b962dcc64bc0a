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
    text = sent.text
    out: list[Claim] = []
    for kind, pattern in _KINDS:
        m = next(
            (
                x
                for x in pattern.finditer(text)
                if any(0 <= a.verb_at < x.start() for a in attributions)
            ),
            None,
        )
        if not m:
            continue
        attribution = speaker_at(attributions, m.start())
        if attribution.claimant is None:
            continue
        start = max(attribution.verb_at, 0) if attribution.verb_at < m.start() else 0
        words = text[start:].strip()
        truth = not (
            _NEGATION.search(text[m.start() - 40 if m.start() > 40 else 0 : m.end()]) is not None
            and kind == "presence"
        )
        stance = attribution.stance
        if stance == "deny":
            truth = False
        out.append(
            Claim(
                id="",
                event="",
                kind=kind,
                subject=Subject(),
                stance=cast(Stance, stance),
                value=Value(words=words[:300], truth=truth),
                claimant=attribution.claimant,
                said_on=attribution.said_on,
                evidence=(Evidence(document_id, sent.section, sent.start, sent.end, text),),
            )
        )
        instead = _INSTEAD.search(text, m.end())
        if kind == "presence" and not truth and instead:
            # "X was not present and instead mentioned Y": Y's presence is claimed in its place
            out.append(
                Claim(
                    id="",
                    event="",
                    kind="presence",
                    subject=Subject(),
                    stance="assert",
                    value=Value(words=text[instead.start() :].strip()[:300], truth=True),
                    claimant=attribution.claimant,
                    said_on=attribution.said_on,
                    evidence=(
                        Evidence(
                            document_id,
                            sent.section,
                            sent.start + instead.start(),
                            sent.end,
                            text[instead.start() :],
                        ),
                    ),
                )
            )
    return out


_INSTEAD = re.compile(
    r"\binstead\s+(?:mentioned|named|said|blamed|accused|pointed\s+to|cited|listed)\b", re.I
)
