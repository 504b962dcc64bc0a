"""Whose losses a prose figure counts when its own words name nobody: the subject of "lost" or
"suffered", "bodies of X", "N of the dead were X", the adversary of the side that speaks, the
clause subject of a force; displaced people as civilians."""

from __future__ import annotations

import re

from fogofwar.extract import lexicon
from fogofwar.extract.actors import SideIndex
from fogofwar.extract.losses import Loss
from fogofwar.extract.quantities import Quantity
from fogofwar.extract.speakers import Attribution
from fogofwar.model import Subject

_OWN_LOSSES = re.compile(
    r"\b(?:to\s+have\s+had|have\s+had|had|lost|losing|suffered|suffering|sustained|admitted|"
    r"acknowledged|lose)\s+(?:only\s+|a\s+total\s+of\s+)?$",
    re.IGNORECASE,
)
_SOLDIERS = re.compile(r"\b(?:soldiers|troops|servicem[ae]n|marines|paratroopers)\b", re.I)
_ADVERSARY_WORDS = re.compile(
    r"\b(?:enem(?:y|ies)|mercenar\w+|invaders?|occupiers?|occupants?|militants|terrorists|"
    r"fascists|nazis|bandits|hostile)\b",
    re.IGNORECASE,
)
_SUFFERED = re.compile(
    r"(?P<who>[^,;.]{2,60}?)\s+(?:suffered|sustained|took|incurred|lost)\s+(?:\w+\s+){0,2}?"
    r"(?:losses|casualties)\b[^.;]*$",
    re.IGNORECASE,
)
_LOST_BY = re.compile(  # "ISIL lost 25 fighters", "the army suffered 12 dead"
    r"(?P<who>[^,;.]{2,60}?)\s+(?:had\s+|has\s+|have\s+)?(?:lost|losing|suffered|suffering|"
    r"sustained|incurred)\s+(?:only\s+|a\s+total\s+of\s+)?$",
    re.IGNORECASE,
)
_BODIES_OF = re.compile(
    r"\s*(?:[\w-]+\s+){0,4}?(?:of|belonging\s+to)\s+(?:the\s+)?(?P<who>[^,;.]{2,50})",
    re.IGNORECASE,
)
_WHO_WERE = re.compile(  # "37 of the dead were rebels"
    r"\s*(?:were|was|are)\s+(?:all\s+|mostly\s+|reportedly\s+)?(?P<who>[^,;.]{2,40})",
    re.IGNORECASE,
)
_CAR_BOMB = re.compile(r"\b(?:car|truck|suicide)\s+bombs?|VBIEDs?\b", re.IGNORECASE)
NOUNISH = re.compile(r"[A-Za-z]{3,}")
_FILLER = re.compile(
    r"^\s*(?:were|was|are|is|had|have|has|been|be|being|more|others?|of|them|also|still|"
    r"remain(?:ed)?|later|then|reportedly|allegedly|all|each|in|total|\s)*$",
    re.IGNORECASE,
)


_FIGHTERS = re.compile(
    r"\b(?:fighters|soldiers|troops|militants|rebels|servicem[ae]n|combatants|gunmen|members|"
    r"personnel|forces|jihadists|insurgents|militiam[ae]n|police\w*|guards)\b",
    re.IGNORECASE,
)


def displaced_civilians(phrase: str, sides: SideIndex, subject: Subject) -> Subject:
    """People who fled, were evacuated or displaced are civilians unless fighters are named
    ("22,000 people had been displaced", "1,200 families evacuated")."""
    if _FIGHTERS.search(phrase):
        return subject
    return Subject(side=sides.civilian_side, actor=None, civilian=True)


def subject_of_force(before: str, sides: SideIndex, subject: Subject) -> Subject:
    """ "the rebels gathered about 1,000 fighters": the force is the clause subject's."""
    clause = re.split(r"[;,.]|\b(?:while|whereas|but)\b", before)[-1]
    found = sides.resolve(clause)
    return Subject(side=found.side, actor=found.actor) if found.side is not None else subject


def elliptic(phrase: str) -> bool:
    return bool(_FILLER.match(phrase)) or not NOUNISH.search(phrase)


def own_or_context(
    text: str, q: Quantity, subject: Subject, attribution: Attribution, sides: SideIndex, loss: Loss
) -> Subject:
    before = text[: q.start]
    claimant_side = attribution.claimant.side if attribution.claimant is not None else None
    loser = _LOST_BY.search(before)
    if loser:  # the subject of "lost", "suffered" owns the losses
        found = sides.resolve(loser.group("who")[-50:])
        if found.side is not None:
            return Subject(side=found.side, actor=found.actor)
    if _OWN_LOSSES.search(before) and claimant_side is not None:
        return Subject(side=claimant_side)
    sufferer = _SUFFERED.search(before)
    if sufferer and elliptic(loss.phrase):
        # "GNA forces suffered heavy losses, with 39 killed": the losses are the sufferer's
        found = sides.resolve(sufferer.group("who"))
        if found.side is not None:
            return Subject(side=found.side, actor=found.actor)
    if loss.trigger_end >= 0:
        after = text[q.end + loss.trigger_end : q.end + loss.trigger_end + 80]
        owner = _BODIES_OF.match(after) or _WHO_WERE.match(after)
        if owner:  # "230 bodies confirmed to be of ISIL militants"
            found = sides.resolve(owner.group("who"))
            if found.side is not None or found.civilian:
                return found
    fighting = [s.side for s in sides.sides if s.actors]
    if (
        claimant_side is not None
        and len(fighting) == 2
        and claimant_side in fighting
        and (
            _ADVERSARY_WORDS.search(loss.phrase)
            or (sides.states_at_war() and _SOLDIERS.search(loss.phrase))
        )
    ):
        # "180 foreign mercenaries were killed", says one side: the enemy's, from where it stands;
        # so are the "soldiers" one of two states at war says were killed
        return Subject(side=next(s for s in fighting if s != claimant_side))
    if (
        loss.what is not None
        and _CAR_BOMB.search(loss.what)
        and len(fighting) == 2
        and sides.state_against_insurgents() is not None
    ):
        return Subject(side=sides.rebel_side())  # car bombs are the insurgents' weapon
    if loss.what is not None and lexicon.AIRCRAFT_NOUN.search(loss.what) and len(fighting) == 2:
        gov = sides.state_against_insurgents()
        if gov is not None:
            return Subject(side=gov)  # of a state and an insurgency, only the state flies
    if (
        claimant_side is not None
        and len(fighting) == 2
        and claimant_side in fighting
        and (loss.kind.startswith(("vehicles", "equipment")) or loss.trigger_start == -1)
    ):
        # a side's claim of what it destroyed, downed or killed is about its adversary
        return Subject(side=next(s for s in fighting if s != claimant_side))
    # "Ukrainian forces killed 12": the victims are the other side of the agent
    m = re.search(
        r"(?P<agent>[^,;]{2,60}?)\s+(?:killed|destroyed|captured|wounded|shot\s+down)"
        r"\s+(?:at\s+least\s+|some\s+|about\s+|around\s+)?$",
        before,
        re.IGNORECASE,
    )
    if (
        m
        and len(sides.sides) == 2
        and not re.search(r"\b(?:people|persons|civilians|residents)\b", loss.phrase, re.IGNORECASE)
    ):
        side, _ = sides.side_of_name(m.group("agent"))
        if side is not None:
            other = next(s.side for s in sides.sides if s.side != side)
            return Subject(side=other)
    return subject
