"""Note recognisers against tests/fixtures/note.txt.

The expected ``kind`` names the recogniser; ``null`` means none may match.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bulletin.recognize.note import NoteMatch, match_author_note, match_document_number, match_editor_note
from bulletin.testing import Fixture, read_fixtures

CASES = read_fixtures(Path(__file__).parent / "fixtures" / "note.txt")
RECOGNISERS = {
    "author": match_author_note,
    "editor": match_editor_note,
    "document-number": match_document_number,
}


@pytest.mark.parametrize("case", CASES, ids=[case.title for case in CASES])
def test_fixture(case: Fixture) -> None:
    expected: dict[str, Any] | None = case.expected
    if expected is None:
        for name, recognise in RECOGNISERS.items():
            assert recognise(case.input) is None, name
        return
    match: NoteMatch | None = RECOGNISERS[expected["kind"]](case.input)
    assert match is not None
    for key, value in expected.items():
        assert getattr(match, key) == value, key
    assert 0 <= match.start < match.end <= len(case.input)
