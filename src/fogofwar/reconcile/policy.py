"""The reconciliation policy: a TOML file (shipped default ``data/policy.toml``) read into a
frozen ``Policy``; a bad file is one ``PolicyError`` line."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from fogofwar.errors import PolicyError

CLASSES = (
    "independent",
    "own_admitted",
    "partisan_corroborated",
    "unaligned",
    "unattributed",
    "partisan",
)
RULES = ("revision", "partisan", "aligned", "best", "scope", "range", "breakdown", "no_claim")


@dataclass(frozen=True)
class Alignment:
    """R2's alignment rule: which claimants speak for a state, and how a side shows that a state
    fights or backs it (regular expressions, matched case-insensitively as whole words)."""

    enabled: bool
    kinds: frozenset[str]
    state_forces: re.Pattern[str]
    pro_government: re.Pattern[str]
    non_state: re.Pattern[str]
    backed: re.Pattern[str]


@dataclass(frozen=True)
class Policy:
    """The reconciliation policy (see ``data/policy.toml``)."""

    name: str
    independent_kinds: frozenset[str]
    civilian_by_sides: str
    revision: bool
    one_voice_kinds: frozenset[str]
    partisan: bool
    aligned: Alignment
    tiers: tuple[frozenset[str], ...]
    prefer_corroborated: bool
    among_equals: str
    credible: frozenset[str]
    breakdown: bool
    additive_kinds: frozenset[str]
    rule: dict[str, str]


def load_policy(path: str | Path | None = None) -> Policy:
    """The policy from a TOML file, or the shipped default."""
    if path is None:
        return _default_policy()
    return _load(path)


@functools.cache
def _default_policy() -> Policy:
    return _load(None)


def _load(path: str | Path | None) -> Policy:
    try:
        if path is None:
            raw = resources.files("fogofwar").joinpath("data/policy.toml").read_text("utf-8")
        else:
            raw = Path(path).read_text("utf-8")
        data = tomllib.loads(raw)
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"{path}: cannot read policy: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{path}: not valid TOML: {exc}") from None
    return _policy(data, str(path or "default policy"))


def _words(items: list[str], where: str, key: str, glued: bool = False) -> re.Pattern[str]:
    """Whole words; not glued to a hyphen before them ("anti-government" is no "government")
    unless ``glued`` ("Ruritanian-backed")."""
    if not items:
        return re.compile(r"(?!)")  # matches nothing
    start = r"\b" if glued else r"(?<![\w-])"
    try:
        return re.compile(start + "(?:" + "|".join(items) + r")\b", re.IGNORECASE)
    except (re.error, TypeError) as exc:
        raise PolicyError(
            f"{where}: rules.aligned.{key} is not a list of patterns: {exc}"
        ) from None


def _alignment(raw: dict[str, Any], where: str) -> Alignment:
    return Alignment(
        enabled=bool(raw.get("enabled", False)),
        kinds=frozenset(raw.get("kinds", [])),
        state_forces=_words(list(raw.get("state_forces", [])), where, "state_forces"),
        pro_government=_words(list(raw.get("pro_government", [])), where, "pro_government"),
        non_state=_words(list(raw.get("non_state", [])), where, "non_state"),
        backed=_words(list(raw.get("backed", [])), where, "backed", glued=True),
    )


def _policy(d: dict[str, Any], where: str) -> Policy:
    rules, classes = d.get("rules", {}), d.get("classes", {})
    try:
        tiers = tuple(frozenset(tier) for tier in rules["best"]["tiers"])
        credible = frozenset(rules["range"]["credible"])
        names = {key: str(rules.get(key, {}).get("name", key)) for key in RULES}
        policy = Policy(
            name=str(d.get("name", "custom")),
            independent_kinds=frozenset(classes.get("independent_kinds", [])),
            civilian_by_sides=str(classes.get("civilian_claims_by_sides", "unaligned")),
            revision=bool(rules["revision"].get("enabled", True)),
            one_voice_kinds=frozenset(rules["revision"].get("one_voice_kinds", [])),
            partisan=bool(rules["partisan"].get("enabled", True)),
            aligned=_alignment(rules.get("aligned", {}), where),
            tiers=tiers,
            prefer_corroborated=bool(rules["best"].get("prefer_corroborated", True)),
            among_equals=str(rules["best"].get("among_equals", "lowest")),
            credible=credible,
            breakdown=bool(rules.get("breakdown", {}).get("enabled", True)),
            additive_kinds=frozenset(rules.get("scope", {}).get("additive_kinds", [])),
            rule=names,
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise PolicyError(f"{where}: missing or malformed policy entry {exc}") from None
    unknown = set().union(*tiers, credible) - set(CLASSES)
    if unknown:
        raise PolicyError(
            f"{where}: unknown claimant class {sorted(unknown)[0]!r}; known: {', '.join(CLASSES)}"
        )
    if policy.among_equals not in ("lowest", "highest"):
        raise PolicyError(f"{where}: among_equals must be 'lowest' or 'highest'")
    return policy
