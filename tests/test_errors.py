"""The error catalogue: every error class has its own code, and every code is in its range."""

from __future__ import annotations

import inspect

from fogofwar import errors


def _classes() -> list[type[errors.FogofwarError]]:
    return [
        obj
        for _, obj in inspect.getmembers(errors, inspect.isclass)
        if issubclass(obj, errors.FogofwarError)
    ]


def test_codes_are_unique() -> None:
    codes = [c.code for c in _classes()]
    assert len(codes) == len(set(codes)), sorted(codes)


def test_codes_have_the_catalogue_shape() -> None:
    for cls in _classes():
        assert cls.code[0] == "E" and cls.code[1:].isdigit() and len(cls.code) == 4, cls


def test_one_line_message_and_json_shape() -> None:
    err = errors.LedgerError("no such\n event", origin="x.sqlite")
    assert str(err) == "x.sqlite: no such event"
    assert err.to_dict() == {
        "error": {"code": "E300", "message": "no such event", "origin": "x.sqlite"}
    }
