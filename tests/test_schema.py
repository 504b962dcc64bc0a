"""The shipped JSON Schema of the extraction format, checked against real extraction output."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from fogofwar.errors import FogofwarError
from fogofwar.model import CLAIMANT_KINDS, NUMERIC_KINDS, PROPOSITION_KINDS, STANCES, Extraction
from fogofwar.schema import SchemaError, load_schema, validate_extraction


def test_schema_is_valid_draft_2020_12() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_schema_enums_follow_the_model() -> None:
    defs = load_schema()["$defs"]
    assert defs["claim"]["properties"]["kind"]["enum"] == [*NUMERIC_KINDS, *PROPOSITION_KINDS]
    assert defs["claim"]["properties"]["stance"]["enum"] == list(STANCES)
    claimant = next(s for s in defs["claimant"]["oneOf"] if s.get("type") == "object")
    assert claimant["properties"]["kind"]["enum"] == list(CLAIMANT_KINDS)


def test_schema_load_returns_a_copy() -> None:
    first = load_schema()
    first["$defs"].clear()
    assert load_schema()["$defs"]


def test_schema_accepts_cli_output_of_the_worked_example(anefis_cli_json: dict[str, Any]) -> None:
    assert anefis_cli_json["claims"], "the worked example has claims"
    validate_extraction(anefis_cli_json)


def test_schema_accepts_library_output_with_text(anefis_extraction: Extraction) -> None:
    data = json.loads(json.dumps(anefis_extraction.to_dict(include_text=True)))
    validate_extraction(data)


def test_schema_accepts_an_empty_extraction() -> None:
    validate_extraction(Extraction((), (), ()).to_dict())


def _first(kinds: tuple[str, ...]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def pick(data: dict[str, Any]) -> dict[str, Any]:
        claim: dict[str, Any] = next(c for c in data["claims"] if c["kind"] in kinds)
        return claim

    return pick


numeric = _first(NUMERIC_KINDS)
proposition = _first(PROPOSITION_KINDS)

BROKEN: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "claim missing stance": (lambda d: numeric(d).pop("stance"), "stance"),
    "bad claim kind": (lambda d: numeric(d).update(kind="deaths"), "kind"),
    "bad stance": (lambda d: numeric(d).update(stance="doubt"), "stance"),
    "claimant kind": (
        lambda d: numeric(d).update(claimant={"name": "X", "side": None, "kind": "blogger"}),
        "claimant",
    ),
    "claimant without name": (
        lambda d: numeric(d).update(claimant={"side": None, "kind": "media"}),
        "claimant",
    ),
    "low as a string": (lambda d: numeric(d)["value"].update(low="35"), "value"),
    "negative low": (lambda d: numeric(d)["value"].update(low=-1), "low"),
    "low above high": (lambda d: numeric(d)["value"].update(low=50, high=5), "low"),
    "figure with no number or words": (
        lambda d: numeric(d)["value"].update(low=None, high=None, words=None),
        "value",
    ),
    "proposition with a figure": (lambda d: proposition(d)["value"].update(low=3), "low"),
    "unknown value field": (lambda d: numeric(d)["value"].update(best=3), "best"),
    "subject side zero": (lambda d: numeric(d)["subject"].update(side=0), "side"),
    "civilian not boolean": (lambda d: numeric(d)["subject"].update(civilian="no"), "civilian"),
    "no evidence": (lambda d: numeric(d).update(evidence=[]), "evidence"),
    "evidence missing text": (lambda d: numeric(d)["evidence"][0].pop("text"), "text"),
    "evidence start after end": (lambda d: numeric(d)["evidence"][0].update(start=10**6), "start"),
    "said_on not a date": (lambda d: numeric(d).update(said_on="99/99/9999"), "said_on"),
    "missing version": (lambda d: d.pop("fogofwar"), "fogofwar"),
    "extra top-level key": (lambda d: d.update(summary=[]), "summary"),
    "event date precision": (
        lambda d: d["events"][0]["date"].update(precision="decade"),
        "precision",
    ),
    "commander fate": (
        lambda d: d["events"][0]["sides"][0]["commanders"][0].update(fate="wounded"),
        "fate",
    ),
    "document id": (lambda d: d["documents"][0].update(id="abc"), "id"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_schema_rejects_broken_documents(name: str, anefis_cli_json: dict[str, Any]) -> None:
    breaks, word = BROKEN[name]
    data = copy.deepcopy(anefis_cli_json)
    breaks(data)
    with pytest.raises(SchemaError) as info:
        validate_extraction(data)
    message = str(info.value)
    assert isinstance(info.value, FogofwarError)
    assert "\n" not in message
    assert message.startswith("invalid extraction at ")
    assert word in message
