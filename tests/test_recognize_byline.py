"""Credit recognisers against tests/fixtures/byline.txt.

An expected value names the recogniser in ``match`` (``credit``, the
default; ``bare``; ``trailing``); ``null`` means none of them may match.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bulletin.recognize.byline import (
    CreditMatch,
    match_bare_author,
    match_credit_line,
    match_leading_credit,
    match_trailing_credit,
)
from bulletin.testing import Fixture, read_fixtures

CASES = read_fixtures(Path(__file__).parent / "fixtures" / "byline.txt")
RECOGNISERS = {
    "credit": match_credit_line,
    "bare": match_bare_author,
    "trailing": match_trailing_credit,
    "leading": match_leading_credit,
}


@pytest.mark.parametrize("case", CASES, ids=[case.title for case in CASES])
def test_fixture(case: Fixture) -> None:
    expected: dict[str, Any] | None = case.expected
    if expected is None:
        for name, recognise in RECOGNISERS.items():
            assert recognise(case.input) is None, name
        return
    match: CreditMatch | None = RECOGNISERS[expected.get("match", "credit")](case.input)
    assert match is not None
    assert len(match.bylines) == len(expected["bylines"])
    for byline, wanted in zip(match.bylines, expected["bylines"], strict=True):
        assert byline.name == wanted["name"]
        assert byline.role == wanted["role"]
        assert byline.organization == wanted.get("organization")
        assert byline.kind == wanted.get("kind", "author")
        assert "".join(case.input[byline.start : byline.end].split()) == byline.name
    assert 0 <= match.start < match.end <= len(case.input)


def test_bare_author_refuses_role_lines() -> None:
    assert match_bare_author("记者 张三") is None
