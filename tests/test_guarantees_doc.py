"""``docs/guarantees.md`` names, for every guarantee, the tests that hold it: those tests exist."""

from __future__ import annotations

import re

from conftest import ROOT

DOC = (ROOT / "docs" / "guarantees.md").read_text(encoding="utf-8")
#: ``tests/x.py``, ``tests/x.py::name`` or ``::name`` (a test of the file the guarantee named last,
#: ``tests/test_properties.py`` before it names one).
_REFERENCE = re.compile(r"`(tests/[\w/]+\.py)?(?:::(\w+))?`")


def _guarantees() -> list[tuple[int, str]]:
    return [(int(m.group(1)), m.group(2)) for m in re.finditer(r"^(\d+)\. (.*?)(?=^\d+\. |\Z)", DOC, re.S | re.M)]


def test_every_guarantee_names_its_tests() -> None:
    guarantees = _guarantees()
    assert [number for number, _ in guarantees] == list(range(1, len(guarantees) + 1))
    for number, body in guarantees:
        assert any(m.group(1) or m.group(2) for m in _REFERENCE.finditer(body)), f"guarantee {number} names no test"


def test_every_test_the_guarantees_name_exists() -> None:
    for number, body in _guarantees():
        current = ROOT / "tests" / "test_properties.py"  # what ``::name`` names before any file
        for match in _REFERENCE.finditer(body):
            path, name = match.groups()
            if path is not None:
                current = ROOT / path
                assert current.is_file(), f"guarantee {number}: {path}"
            if name is not None:
                text = current.read_text(encoding="utf-8")
                assert re.search(rf"^def {name}\(", text, re.M), f"guarantee {number}: {current.name}::{name}"
