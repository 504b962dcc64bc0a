"""The curated public API of the ``fogofwar`` package."""

from __future__ import annotations

import importlib

import pytest

import fogofwar

PUBLIC = [
    "FORMAT_VERSION",
    "Claim",
    "Claimant",
    "DateSpan",
    "Document",
    "Estimate",
    "Event",
    "Evidence",
    "Extraction",
    "Place",
    "Side",
    "Subject",
    "Value",
    "__version__",
]


def test_public_api_all_is_the_curated_list() -> None:
    assert fogofwar.__all__ == PUBLIC


@pytest.mark.parametrize("name", PUBLIC)
def test_public_api_name_is_importable(name: str) -> None:
    module = importlib.import_module("fogofwar")
    assert getattr(module, name) is not None
    namespace: dict[str, object] = {}
    exec(f"from fogofwar import {name}", namespace)
    assert namespace[name] is getattr(module, name)


def test_public_api_version_is_the_package_version() -> None:
    from importlib.metadata import version

    assert fogofwar.__version__ == version("fogofwar")
