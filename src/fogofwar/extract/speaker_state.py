"""What a speaker of prose is and what carries between sentences: the :class:`Attribution` of
a sentence (claimant, reporting verb, stance, date) and the :class:`ProseState` of a document."""

from __future__ import annotations

from dataclasses import dataclass, field

from fogofwar.model import Claim, Claimant


@dataclass
class Attribution:
    """Who speaks in a sentence: the claimant, its reporting verb offset, the stance it implies."""

    claimant: Claimant | None
    verb_at: int = -1
    stance: str = "assert"
    said_on: str | None = None
    pronoun: bool = False  # "according to them": resolved once every speaker is known


@dataclass
class ProseState:
    """What carries from sentence to sentence inside a document: the last speaker, claims so far."""

    last_claimant: Claimant | None = None
    last_paragraph: int = -1
    last_sentence_claims: list[Claim] = field(default_factory=list)
    revising: set[str] = field(default_factory=set)
    claims: list[Claim] = field(default_factory=list)
    previous_subject: str | None = None  # the named subject opening the sentence before
    recent: list[tuple[int, Claimant]] = field(default_factory=list)  # (paragraph, speaker)
    referent: int | None = None  # the side last named as a clause subject (referents.py)
    referent_paragraph: int = -1
    referent_end: int = -1  # where the sentence that set it ends
    document_author: Claimant | None = None  # who wrote the report last named (documents)
    document_paragraph: int = -1
    quote_speaker: Claimant | None = None  # who speaks the quotation still open (carry)
    quote_open: bool = False
    quote_paragraph: int = -1
    quote_end: int = -1  # where the sentence that left it open ends
