"""Whose losses a prose figure counts when its own words name nobody: the subject of "lost" or
"suffered", "bodies of X", "N of the dead were X", the adversary of the side that speaks, the
clause subject of a force; displaced people as civilians."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from fogofwar.extract import lexicon
from fogofwar.extract.actors import SideIndex
from fogofwar.extract.holder_syntax import force_holder_by_parse
from fogofwar.extract.losses import Loss
from fogofwar.extract.materiel_sides import materiel_side
from fogofwar.extract.owner_syntax import owner_by_parse
from fogofwar.extract.quantities import Quantity
from fogofwar.extract.speakers import Attribution
from fogofwar.model import Subject

_OWN_LOSSES = re.compile(
    r"\b(?:to\s+have\s+had|have\s+had|had|lost|losing|suffered|suffering|sustained|admitted|"
    r"acknowledged|lose)\s+(?:only\s+|a\s+total\s+of\s+)?$",
    re.IGNORECASE,
)
_SOLDIERS = re.compile(
    r"\b(?:soldiers|troops|servicem[ae]n|service\s+members|marines|paratroopers)\b", re.I
)
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


@dataclass(frozen=True)
class _Context:
    """What the ownership rules read about one figure: the text before it, who speaks, the
    fighting sides."""

    text: str
    q: Quantity
    sides: SideIndex
    loss: Loss
    claimant_side: int | None
    parsed: Any = None
    verb_at: int = -1  # where the speaker's reporting verb is

    @property
    def before(self) -> str:
        return self.text[: self.q.start]

    @property
    def fighting(self) -> list[int]:
        return [s.side for s in self.sides.sides if s.actors]

    def adversary_of_claimant(self) -> int | None:
        """The other of two fighting sides, when one of them speaks."""
        fighting = self.fighting
        if self.claimant_side is None or len(fighting) != 2 or self.claimant_side not in fighting:
            return None
        return next(s for s in fighting if s != self.claimant_side)


def _named(sides: SideIndex, words: str) -> Subject | None:
    found = sides.resolve(words)
    return Subject(side=found.side, actor=found.actor) if found.side is not None else None


def _loser(c: _Context) -> Subject | None:
    """The subject of "lost", "suffered" owns the losses; "we lost" is the speaker's."""
    loser = _LOST_BY.search(c.before)
    if loser and (found := _named(c.sides, loser.group("who")[-50:])):
        return found
    if _OWN_LOSSES.search(c.before) and c.claimant_side is not None:
        return Subject(side=c.claimant_side)
    sufferer = _SUFFERED.search(c.before)
    if sufferer and elliptic(c.loss.phrase):
        # "GNA forces suffered heavy losses, with 39 killed": the losses are the sufferer's
        return _named(c.sides, sufferer.group("who"))
    return None


def _owner_after(c: _Context) -> Subject | None:
    """ "230 bodies confirmed to be of ISIL militants", "37 of the dead were rebels"."""
    if c.loss.trigger_end < 0:
        return None
    at = c.q.end + c.loss.trigger_end
    after = c.text[at : at + 80]
    owner = _BODIES_OF.match(after) or _WHO_WERE.match(after)
    if owner:
        found = c.sides.resolve(owner.group("who"))
        if found.side is not None or found.civilian:
            return found
    return None


def _enemy_of_speaker(c: _Context) -> Subject | None:
    """ "180 foreign mercenaries were killed", says one side: the enemy's, from where it stands;
    so are the "soldiers" one of two states at war says were killed."""
    other = c.adversary_of_claimant()
    if other is None:
        return None
    phrase = c.loss.phrase
    if _ADVERSARY_WORDS.search(phrase):
        return Subject(side=other)
    if c.sides.states_at_war() and _SOLDIERS.search(phrase):
        # "Ukraine confirmed 1,000 marines had been captured": an admission is of its own
        admits = c.verb_at >= 0 and _ADMITS.match(c.text, c.verb_at) is not None
        return Subject(side=c.claimant_side if admits else other)
    return None


_ADMITS = re.compile(r"(?:confirm|acknowledg|admit|conced)\w*", re.IGNORECASE)


def _by_weapon(c: _Context) -> Subject | None:
    """Car bombs are the insurgents' weapon; of a state and an insurgency, only the state flies."""
    what, sides = c.loss.what, c.sides
    if what is None or len(c.fighting) != 2 or sides.state_against_insurgents() is None:
        return None
    if _CAR_BOMB.search(what):
        return Subject(side=sides.rebel_side())
    if lexicon.AIRCRAFT_NOUN.search(what):
        return Subject(side=sides.state_against_insurgents())
    return None


def _claimed_against_adversary(c: _Context) -> Subject | None:
    """A side's claim of what it destroyed, downed or killed is about its adversary."""
    other = c.adversary_of_claimant()
    if other is not None and _people_at_large(c.loss.phrase):
        return None  # "four people were killed", says one side: anyone's (ANNOTATION.md)
    if other is not None and (
        c.loss.kind.startswith(("vehicles", "equipment")) or c.loss.trigger_start == -1
    ):
        return Subject(side=other)
    return None


def _people_at_large(phrase: str) -> bool:
    """ "four people", "over a hundred persons": nobody's, with no word of fighters."""
    return bool(_ANYONE.search(phrase)) and not _FIGHTERS.search(phrase)


_ANYONE = re.compile(r"\b(?:people|persons)\b", re.IGNORECASE)
_AGENT = re.compile(
    r"(?P<agent>[^,;]{2,60}?)\s+(?:killed|destroyed|captured|wounded|shot\s+down)"
    r"\s+(?:at\s+least\s+|some\s+|about\s+|around\s+)?$",
    re.IGNORECASE,
)
_PEOPLE = re.compile(r"\b(?:people|persons|civilians|residents)\b", re.IGNORECASE)


def _victims_of_agent(c: _Context) -> Subject | None:
    """ "Ukrainian forces killed 12": the victims are the other side of the agent."""
    m = _AGENT.search(c.before)
    if not m or len(c.sides.sides) != 2 or _PEOPLE.search(c.loss.phrase):
        return None
    side, _ = c.sides.side_of_name(m.group("agent"))
    if side is None:
        return None
    return Subject(side=next(s.side for s in c.sides.sides if s.side != side))


def _by_parse(c: _Context) -> Subject | None:
    """The parse's word on the owner: subject of "lost", agent of "killed", possessor..."""
    return owner_by_parse(c.parsed, c.q.start, c.q.end, c.sides, c.claimant_side)


def _force_holder(c: _Context) -> Subject | None:
    """ "They gathered about 1,000 fighters": a force is the party its holder stands for."""
    if c.loss.kind != "strength":
        return None
    return force_holder_by_parse(c.parsed, c.q.start, c.q.end, c.sides, c.claimant_side)


def _by_materiel(c: _Context) -> Subject | None:
    """ "the three torpedo boats", "16 ships were lost": a class of vehicle only one side's
    infobox lines list is that side's, when nothing else tells."""
    side = materiel_side(c.loss.what or c.loss.phrase, c.sides.materiel)
    return Subject(side=side) if side is not None else None


_RULES = (
    _by_parse,
    _force_holder,
    _loser,
    _owner_after,
    _enemy_of_speaker,
    _by_weapon,
    _claimed_against_adversary,
    _victims_of_agent,
    _by_materiel,
)


def own_or_context(
    text: str,
    q: Quantity,
    subject: Subject,
    attribution: Attribution,
    sides: SideIndex,
    loss: Loss,
    parsed: Any = None,
) -> Subject:
    """Whose losses a figure counts, by the first ownership rule that tells; else ``subject``.
    ``parsed`` is the sentence's spaCy parse, read first when given."""
    claimant = attribution.claimant
    claimant_side = claimant.side if claimant is not None else None
    context = _Context(text, q, sides, loss, claimant_side, parsed, attribution.verb_at)
    for rule in _RULES:
        found = rule(context)
        if found is not None:
            return found
    return subject
