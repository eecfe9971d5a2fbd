"""Dateline recogniser against tests/fixtures/dateline.txt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from bulletin.model import IssueDate
from bulletin.recognize.dateline import match_leading_dateline, match_trailing_dateline, resolve_date
from bulletin.testing import Fixture, read_fixtures

CASES = read_fixtures(Path(__file__).parent / "fixtures" / "dateline.txt")


@pytest.mark.parametrize("case", CASES, ids=[case.title for case in CASES])
def test_fixture(case: Fixture) -> None:
    leading = match_leading_dateline(case.input)
    trailing = match_trailing_dateline(case.input)
    expected: dict[str, Any] | None = case.expected
    if expected is None:
        assert leading is None, leading
        assert trailing is None, trailing
        return
    match = trailing if expected.get("position") == "trailing" else leading
    assert match is not None
    for key, value in expected.items():
        if key == "credits":
            assert [[c.name, c.role] for c in match.credits] == value
        elif key == "body":
            assert case.input[match.body_start :].startswith(value)
        else:
            assert getattr(match, key) == value, key
    assert case.input[match.start : match.end].find(match.text) >= 0
    for credit in match.credits:
        assert "".join(case.input[credit.start : credit.end].split()) == credit.name


def test_offsets_cover_brackets() -> None:
    match = match_leading_dateline("【明報專訊】政府昨日宣布")
    assert match is not None
    assert (match.start, match.end, match.body_start) == (0, 6, 6)


@pytest.mark.parametrize(
    ("year", "month", "day", "issue", "expected"),
    [
        (None, 12, 30, IssueDate(year=2025, month=1, day=3), dt.date(2024, 12, 30)),
        (None, 1, 2, IssueDate(year=2025, month=1, day=3), dt.date(2025, 1, 2)),
        (None, 1, 3, IssueDate(year=2025, month=1, day=3), dt.date(2025, 1, 3)),
        (None, 6, 2, IssueDate(year=2024, month=11), dt.date(2024, 6, 2)),
        (None, 12, 2, IssueDate(year=2024, month=11), dt.date(2023, 12, 2)),
        (None, 6, 2, IssueDate(year=2024), dt.date(2024, 6, 2)),
        (2023, 6, 2, None, dt.date(2023, 6, 2)),
        (None, 6, 2, None, None),
        (None, 2, 30, IssueDate(year=2025), None),
        (None, 2, 29, IssueDate(year=2025, month=3, day=1), dt.date(2024, 2, 29)),
        (None, None, 5, IssueDate(year=2025, month=3, day=1), None),
    ],
)
def test_resolve_date(
    year: int | None, month: int | None, day: int | None, issue: IssueDate | None, expected: dt.date | None
) -> None:
    assert resolve_date(year=year, month=month, day=day, issue=issue) == expected


def test_no_word_a_dateline_is_made_of_holds_an_opening_bracket() -> None:
    # match_trailing_dateline starts at a line's last opening bracket, which is right only if so
    from bulletin import knowledge
    from bulletin.recognize.common import PAIRS

    words = (
        knowledge.agencies() | knowledge.outlet_suffixes() | knowledge.according_prefixes()
        | knowledge.dateline_verbs(dated=True) | knowledge.dateline_verbs(dated=False)
        | set(knowledge.roles()) | set(knowledge.numerals())
        | {unit for units in knowledge.date_units().values() for unit in units}
    )  # fmt: skip
    assert not [word for word in words if any(bracket in word for bracket in PAIRS)]


def test_a_trailing_dateline_after_many_brackets_is_found() -> None:
    line = "（一）（二）会议举行（图）。（新华社北京6月2日电）"
    found = match_trailing_dateline(line)
    assert found is not None
    assert line[found.start : found.end] == "（新华社北京6月2日电）"
    assert match_trailing_dateline("（" * 5000 + "会议举行" + "）" * 5000) is None


def test_a_wrapped_first_line_after_a_dateline_joins_its_paragraph() -> None:
    import bulletin

    text = (
        "某某县新馆开放\n"
        "本报某城4月17日电  （记者王小明）4月16日，由某某县文化\n"
        "和旅游局主办的新馆开放仪式在某某县城关镇举行，市民排队\n"
        "参观，馆方表示将延长开放时间，并增加讲解员和志愿者。\n"
        "新馆共三层，展出文物一千余件，其中珍贵文物五十余件，是\n"
        "全县面积最大的公共文化设施，免费向公众开放。\n"
    )
    article = bulletin.parse(text).articles[0]
    assert article.paragraphs[0].text.startswith("4月16日，由某某县文化和旅游局主办")
