"""The fixed vocabularies of the extraction format: kinds, stances, scopes, claimant kinds."""

from __future__ import annotations

from typing import Literal

FORMAT_VERSION = "1.0"

NUMERIC_KINDS: tuple[str, ...] = (
    "killed",
    "injured",
    "captured",
    "missing",
    "displaced",
    "killed_or_injured",
    "strength",
    "vehicles_destroyed",
    "vehicles_captured",
    "vehicles_lost",
    "equipment_destroyed",
)
PROPOSITION_KINDS: tuple[str, ...] = ("presence", "start", "end", "outcome", "control", "abuse")
STANCES: tuple[str, ...] = ("assert", "revise", "corroborate", "deny")
SCOPES: tuple[str, ...] = ("total", "incident", "cumulative", "other")
CLAIMANT_KINDS: tuple[str, ...] = (
    "party",
    "government",
    "media",
    "intergovernmental",
    "ngo",
    "person",
    "unknown",
)

Stance = Literal["assert", "revise", "corroborate", "deny"]
Scope = Literal["total", "incident", "cumulative", "other"]
Precision = Literal["day", "week", "month", "year"]
