"""Web page metadata recogniser against tests/fixtures/meta.txt.

An expected value lists only what it checks: ``published`` (ISO format, a
date or a date and time), ``source`` (the name, or ``null``), ``authors`` and
``editors`` (``[name, role]`` pairs) and ``fields`` (``[label, value]``
pairs).  ``null`` means :func:`match_meta_line` must not match.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from bulletin.recognize.meta import match_meta_line, parse_meta_datetime
from bulletin.testing import Fixture, read_fixtures

CASES = read_fixtures(Path(__file__).parent / "fixtures" / "meta.txt")


@pytest.mark.parametrize("case", CASES, ids=[case.title for case in CASES])
def test_fixture(case: Fixture) -> None:
    expected: dict[str, Any] | None = case.expected
    match = match_meta_line(case.input)
    if expected is None:
        assert match is None, match
        return
    assert match is not None
    for key, value in expected.items():
        if key == "published":
            assert match.published is not None
            assert match.published.isoformat() == value
        elif key == "source":
            assert (None if match.source is None else match.source.name) == value
        elif key in ("authors", "editors"):
            people = getattr(match, key)
            assert [[person.name, person.role] for person in people] == value
        elif key == "fields":
            assert [[label, text] for label, text, _, _ in match.fields] == value
        else:
            raise AssertionError(f"unknown key {key}")
    for label, text, start, end in match.fields:
        assert case.input[start:end] == text, label
    for person in (*match.authors, *match.editors):
        assert "".join(case.input[person.start : person.end].split()) == person.name
        assert person.kind == ("editor" if person in match.editors else "author")
    if match.source is not None:
        assert match.source.name in case.input[match.source.start : match.source.end]
    assert 0 <= match.start < match.end <= len(case.input)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-05-06", dt.date(2024, 5, 6)),
        ("2024.5.6", dt.date(2024, 5, 6)),
        ("2024/05/06 08:05", dt.datetime(2024, 5, 6, 8, 5)),
        ("2024年5月6日 10:00:30", dt.datetime(2024, 5, 6, 10, 0, 30)),
        ("2024年5月6日（星期一）", dt.date(2024, 5, 6)),
        ("民國113年5月6日", dt.date(2024, 5, 6)),
        ("113/05/06", dt.date(2024, 5, 6)),
        ("2024-02-30", None),
        ("2024-05-06 25:00", None),
        ("5月6日", None),
        ("2024-05/06", None),
    ],
)
def test_parse_meta_datetime(text: str, expected: dt.date | None) -> None:
    assert parse_meta_datetime(text) == expected


def test_republic_of_china_years_need_a_label() -> None:
    assert parse_meta_datetime("113-05-06", labelled=False) is None
    assert match_meta_line("113-05-06 来源：行政院") is None
