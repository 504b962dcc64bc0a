"""The JSON Schema of the extraction format (``data/extraction.schema.json``) and a validator.

``validate_extraction`` checks a document as :meth:`fogofwar.model.Extraction.to_dict` produces
it (and as ``fogofwar extract`` prints it): the schema, plus the few rules a JSON Schema cannot
say (an interval's ``low`` is not above its ``high``, evidence ``start`` is not after ``end``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from fogofwar.errors import SchemaError

SCHEMA_FILE = "extraction.schema.json"


def load_schema() -> dict[str, Any]:
    """The extraction JSON Schema (draft 2020-12) shipped in the package, as a fresh dict."""
    copy: dict[str, Any] = json.loads(json.dumps(_schema()))  # callers may change theirs
    return copy


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    raw = resources.files("fogofwar.data").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(raw)
    return schema


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    schema = _schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate_extraction(data: dict[str, Any]) -> None:
    """Raise :class:`SchemaError` (one line: where, what) unless ``data`` is a valid extraction."""
    error = _first_error(data)
    if error is not None:
        where = _path(error.absolute_path)
        raise SchemaError(f"invalid extraction at {where}: {_short(error)}")
    for i, claim in enumerate(data.get("claims", [])):
        value = claim["value"]
        low, high = value.get("low"), value.get("high")
        if low is not None and high is not None and low > high:
            raise SchemaError(
                f"invalid extraction at claims/{i}/value: low {low} is above high {high}"
            )
        for j, ev in enumerate(claim["evidence"]):
            if ev["start"] > ev["end"]:
                raise SchemaError(
                    f"invalid extraction at claims/{i}/evidence/{j}: "
                    f"start {ev['start']} is after end {ev['end']}"
                )


def _first_error(data: Any) -> ValidationError | None:
    errors = sorted(
        _validator().iter_errors(data),
        key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))),
    )
    return errors[0] if errors else None


def _path(parts: Any) -> str:
    text = "/".join(str(p) for p in parts)
    return text or "(top level)"


def _short(error: ValidationError) -> str:
    message = " ".join(error.message.split())
    if error.validator in ("oneOf", "anyOf", "allOf") and error.context:
        deepest = max(error.context, key=lambda e: len(e.absolute_path))
        message = " ".join(deepest.message.split())
        inner = _path(deepest.relative_path)
        if inner != "(top level)":
            message = f"{inner}: {message}"
    return message if len(message) <= 200 else message[:197] + "..."


__all__ = ["SCHEMA_FILE", "SchemaError", "load_schema", "validate_extraction"]
