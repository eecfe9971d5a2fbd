"""Source recognisers against tests/fixtures/source.txt.

An expected value names the recogniser in ``match`` (``line``, the default;
``trailing``; ``publication``); ``null`` means none of them may match.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bulletin.recognize.source import (
    SourceMatch,
    match_publication_name,
    match_source_line,
    match_trailing_source,
)
from bulletin.testing import Fixture, read_fixtures

CASES = read_fixtures(Path(__file__).parent / "fixtures" / "source.txt")
RECOGNISERS = {
    "line": match_source_line,
    "trailing": match_trailing_source,
    "publication": match_publication_name,
}


@pytest.mark.parametrize("case", CASES, ids=[case.title for case in CASES])
def test_fixture(case: Fixture) -> None:
    expected: dict[str, Any] | None = case.expected
    if expected is None:
        for name, recognise in RECOGNISERS.items():
            assert recognise(case.input) is None, name
        return
    match: SourceMatch | None = RECOGNISERS[expected.get("match", "line")](case.input)
    assert match is not None
    for key, value in expected.items():
        if key == "match":
            continue
        if key == "credits":
            assert [[c.name, c.role, c.kind] for c in match.credits] == value
        elif key == "names":
            assert list(match.names) == value
        else:
            assert getattr(match, key) == value, key
    assert 0 <= match.start < match.end <= len(case.input)
