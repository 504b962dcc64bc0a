"""Word lists the extractor reads text with: loss kinds, reporting verbs, descriptors of sides.

The lists live in ``fogofwar/data/lexicon/*.toml``, one file per concept, each saying where its
entries come from; this module compiles them into the patterns the extractor uses. Every list is
about the language of war reporting in general; none names a particular conflict.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

_Table = dict[str, Any]


@cache
def _load(name: str) -> _Table:
    """The parsed data file ``data/lexicon/<name>.toml``."""
    path = resources.files("fogofwar.data").joinpath("lexicon").joinpath(f"{name}.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _words(table: _Table, *sections: str, key: str = "words") -> list[str]:
    """The entries of one or more sections of a data file, in order."""
    out: list[str] = []
    for section in sections:
        out.extend(str(w) for w in table[section][key])
    return out


@cache
def word_set(name: str, section: str) -> frozenset[str]:
    """The words of one section of ``data/lexicon/<name>.toml``, as a set."""
    return frozenset(_words(_load(name), section))


def lemma_table(name: str, section: str) -> dict[str, str]:
    """The ``lemma = value`` entries of one section of ``data/lexicon/<name>.toml``."""
    return {k: str(v) for k, v in _load(name)[section].items() if k != "description"}


def _alt(words: list[str]) -> str:
    return "|".join(words)


def _whole_words(words: list[str], flags: int = re.IGNORECASE, prefix: str = "") -> re.Pattern[str]:
    """One pattern matching any of ``words`` (regex fragments) as a whole word."""
    return re.compile(rf"{prefix}\b(?:{_alt(words)})\b", flags)


# -- loss kinds, as they follow a quantity ("37 fighters were killed", "5 prisoners") ----------
_LOSS = _load("loss_words")
KIND_AFTER = [
    (_whole_words(list(entry["words"])), str(entry["kind"])) for entry in _LOSS["kind_after"]
]

# -- loss kinds as a verb or noun before the quantity ("killing 12 soldiers", "death toll of 12")
_FILLERS = _alt(_words(_LOSS, "kind_before_fillers"))
KIND_BEFORE = [
    (
        re.compile(rf"\b(?:{_alt(list(entry['words']))})(?:\s+(?:{_FILLERS}))?\s*$", re.IGNORECASE),
        str(entry["kind"]),
    )
    for entry in _LOSS["kind_before"]
]

# -- nouns that are counted but are not losses ("3 villages", "50 weapons seized") ---------------
NON_LOSS_NOUN = _whole_words(_words(_LOSS, "non_loss_noun"))
NOT_A_LOSS_CONTEXT = _whole_words(_words(_LOSS, "not_a_loss_context"))

# -- the loss predicates of the dependency-parse stage (lemmas -> raw loss words) ---------------
_SYNTAX = _LOSS["syntax"]


def _lemmas(section: str) -> dict[str, str]:
    return {k: str(v) for k, v in _SYNTAX[section].items() if k != "description"}


SYNTAX_VERB_OBJECT = _lemmas("verb_object")
SYNTAX_VERB_SUBJECT = _lemmas("verb_subject")
SYNTAX_NOUN_OF = _lemmas("noun_of")
SYNTAX_STATE = _lemmas("state")
SYNTAX_QUANTITY_NOUNS = frozenset(str(w) for w in _SYNTAX["quantity_nouns"]["words"])

# -- what was lost: vehicles and other materiel -------------------------------------------------
_MATERIEL = _load("materiel")
_VEHICLE = _alt(_words(_MATERIEL, "land_vehicles", "naval_vessels", "aircraft"))
_EQUIPMENT = _alt(_words(_MATERIEL, "equipment"))
AIRCRAFT_NOUN = re.compile(
    rf"\b(?:{_alt(_words(_MATERIEL, 'aircraft'))}|"
    rf"(?:{_alt(_words(_MATERIEL, 'aircraft', key='designers'))})-\d+\w*)\b",
    re.IGNORECASE,
)
"""Aircraft by class ("helicopters") or by a design bureau's designation ("Su-25")."""
_DESIGNATION = _MATERIEL["designation"]
# a model's designation ("AB-12"), case-sensitive inside the case-insensitive noun patterns
_MODEL = "(?-i:{})".format(_alt(_words(_MATERIEL, "designation", key="patterns")))
# more designations sharing the noun ("AB-1, AB-2 and AB-3 howitzers"), then up to three words of
# nickname or modifier between the designations and their noun
_BETWEEN = (
    rf"(?:\s*,\s*(?:(?:and|or)\s+)?{_MODEL}|\s+(?:and|or)\s+{_MODEL})*"
    rf"(?:\s+{_DESIGNATION['modifier']}){{0,3}}?\s+"
)
_EQUIPMENT_HEAD = _alt([_EQUIPMENT, *_words(_MATERIEL, "designation", key="equipment_heads")])
_NOT_MATERIEL_HEAD = _alt(_words(_MATERIEL, "designation", key="not_materiel_heads"))
# a designation is a vehicle with a vehicle noun after it ("AB-12 tanks") or with no noun that
# makes it something else ("14 AB-12s destroyed"); equipment with an equipment noun after it
VEHICLE_NOUN = re.compile(
    rf"\b(?:{_MODEL}(?:{_BETWEEN}(?:{_VEHICLE}))?"
    rf"(?!{_BETWEEN}(?:{_EQUIPMENT_HEAD}|{_NOT_MATERIEL_HEAD})\b)|{_VEHICLE})\b",
    re.IGNORECASE,
)
EQUIPMENT_NOUN = re.compile(
    rf"\b(?:{_MODEL}{_BETWEEN}(?:{_EQUIPMENT_HEAD})|{_EQUIPMENT})\b", re.IGNORECASE
)

# -- people ------------------------------------------------------------------------------------
_PEOPLE = _load("people")
_FORCES = _load("forces")
PERSON_NOUN = _whole_words(_words(_PEOPLE, "person_noun") + _words(_FORCES, "force_nouns"))
"""Any person a figure may count: the people of ``people.toml`` and the combatants of a force."""
CIVILIAN_NOUN = _whole_words(_words(_PEOPLE, "civilian_noun"))

# -- reporting verbs and attribution ------------------------------------------------------------
_REPORTING = _load("reporting")
REPORTING_LEMMAS = frozenset(_words(_REPORTING, "reporting_lemmas"))
DENY_LEMMAS = frozenset(_words(_REPORTING, "deny_lemmas"))
REVISE_WORDS = _whole_words(
    _words(_REPORTING, "revise_words"),
    prefix=_alt(["^" + w for w in _words(_REPORTING, "revise_words", key="sentence_start")]) + "|",
)
PRONOUN_CLAIMANTS = frozenset(_words(_REPORTING, "pronoun_claimants"))

# -- descriptors of sides: words that say whose losses without naming an actor --------------------
_SIDES = _load("sides")
GOVERNMENT_WORDS = _whole_words(_words(_SIDES, "government_words"))
REBEL_WORDS = _whole_words(_words(_SIDES, "rebel_words"))
DEFENDER_WORDS = _whole_words(_words(_SIDES, "defender_words"))
ATTACKER_WORDS = _whole_words(_words(_SIDES, "attacker_words"))
_ARMED_GROUPS = _load("armed_groups")
NON_STATE_ACTOR = _whole_words(
    _words(_SIDES, "non_state_actor") + _words(_ARMED_GROUPS, *_ARMED_GROUPS)
)
STATE_ACTOR = _whole_words(_words(_SIDES, "state_actor"))
FACTION_WORDS = frozenset(_words(_SIDES, "faction_words"))

# -- kinds of claimant ---------------------------------------------------------------------
_CLAIMANTS = _load("claimants")
_OUTLETS = _load("outlets")
_ORGANISATIONS = _load("organisations")
MEDIA_WORDS = _whole_words(
    _words(_CLAIMANTS, "media_words")
    + _words(
        _OUTLETS, "global_news_agencies", "national_news_agencies", "international_broadcasters"
    )
)
NGO_WORDS = _whole_words(_words(_CLAIMANTS, "ngo_words") + _words(_ORGANISATIONS, "ngo_names"))
_IGO_NAMES = _alt(_words(_CLAIMANTS, "igo_words", key="names"))
# the names case-insensitively, the abbreviations as written ("UN", not "un")
IGO_WORDS = _whole_words(
    [f"(?i:{_IGO_NAMES})", *_words(_ORGANISATIONS, "igo_abbreviations")], flags=0
)
GOVERNMENT_CLAIMANT = _whole_words(
    _words(_CLAIMANTS, "government_claimant", "seats_of_government"), prefix="(?<!pro-)"
)

# -- demonyms that do not share a stem with the country name ---------------------------------------
DEMONYM_EXCEPTIONS: dict[str, tuple[str, ...]] = {
    str(word): tuple(str(c) for c in countries)
    for word, countries in _load("demonyms")["exceptions"]["words"].items()
}

# -- the size of a force: who it is counted in, its formations, the verbs that state it ----------
FORCE_NOUN = re.compile(
    rf"(?:{_alt(_words(_FORCES, 'force_nouns', 'force_only_nouns'))})", re.IGNORECASE
)
"""One word that counts the people of a force ("soldiers", "cavalry", "pikemen"): fullmatch it."""
ARMS_NOUN = re.compile(rf"(?:{_alt(_words(_FORCES, 'arms_nouns'))})", re.IGNORECASE)
"""One word of the arms an order of battle counts men by ("rifles", "horse"): fullmatch it."""
UNIT_NOUN = re.compile(
    rf"(?:{_alt(_words(_FORCES, 'unit_nouns', 'generic_unit_nouns'))})", re.IGNORECASE
)
"""One word naming a formation a force is counted in ("army", "garrison"): fullmatch it."""
FORCE_WORD = _whole_words(
    _words(_FORCES, "force_nouns", "force_only_nouns", "arms_nouns", "unit_nouns")
)
"""Any word of a force, in running text: a sentence with one and a figure is worth a parse."""
FORCE_VERBS_OBJECT = frozenset(_words(_FORCES, "force_verbs_object"))
FORCE_PART_VERBS = frozenset(_words(_FORCES, "force_part_verbs"))
FORCE_VERBS_SUBJECT = frozenset(_words(_FORCES, "force_verbs_subject"))
FORCE_VERBS_AGENT = frozenset(_words(_FORCES, "force_verbs_agent"))
RAISING_VERBS = frozenset(_words(_FORCES, "raising_verbs"))
COUNT_VERBS = frozenset(_words(_FORCES, "count_verbs"))
COUNT_TO_VERBS = frozenset(_words(_FORCES, "count_to_verbs"))
COUNT_NOUNS = frozenset(_words(_FORCES, "count_nouns"))
