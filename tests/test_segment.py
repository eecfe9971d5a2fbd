"""Segmentation and headline anatomy on whole bulletins (tests/fixtures/segment*.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bulletin.testing import Fixture, assert_parses, read_fixtures

FIXTURES = Path(__file__).parent / "fixtures"
CASES = read_fixtures(FIXTURES / "segment.txt") + read_fixtures(FIXTURES / "segment_items.txt")


@pytest.mark.parametrize("case", CASES, ids=[case.title for case in CASES])
def test_fixture(case: Fixture) -> None:
    assert_parses(case.input, case.expected)
