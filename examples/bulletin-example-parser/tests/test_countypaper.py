"""The county-paper parser on its fixture file, checked with bulletin's own testing helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from bulletin.testing import Fixture, assert_parses, read_fixtures

CASES = read_fixtures(Path(__file__).parent / "fixtures" / "countypaper.txt")


@pytest.mark.parametrize("case", CASES, ids=[case.title for case in CASES])
def test_fixture(case: Fixture) -> None:
    assert_parses(case.input, case.expected, parser="countypaper")
