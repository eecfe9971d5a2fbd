"""Segmentation and headline anatomy on whole bulletins (tests/fixtures/segment.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bulletin.testing import Fixture, assert_parses, read_fixtures

CASES = read_fixtures(Path(__file__).parent / "fixtures" / "segment.txt")


@pytest.mark.parametrize("case", CASES, ids=[case.title for case in CASES])
def test_fixture(case: Fixture) -> None:
    assert_parses(case.input, case.expected)
