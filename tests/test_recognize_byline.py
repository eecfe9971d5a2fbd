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


def test_signature_names_before_an_agency_tail() -> None:
    import bulletin

    text = "某地发生地震\n\n某地昨天发生5级地震，暂无伤亡报告。\n\n王小明/李青（法新社、路透社）\n"
    article = bulletin.parse(text).articles[0]
    assert [(b.name, b.role) for b in article.bylines] == [("王小明", None), ("李青", None)]
    assert [s.name for s in article.sources] == ["法新社", "路透社"]


def test_a_glued_credit_leaves_the_lead_in_the_body_and_the_article_open() -> None:
    import bulletin

    text = "新館開放\n\n市府今天宣布新館開放，市民排隊參觀。報導．攝影╱王小明\n\n館方表示，將延長開放時間。\n"
    article = bulletin.parse(text).articles[0]
    assert [(b.name, b.role) for b in article.bylines] == [("王小明", "報導．攝影")]
    assert [p.text for p in article.paragraphs] == ["市府今天宣布新館開放，市民排隊參觀。", "館方表示，將延長開放時間。"]


def test_a_caption_credit_inside_the_text_keeps_the_article_open() -> None:
    import bulletin

    text = (
        "新馆开放\n\n本报讯 某某县新馆昨天开放。\n\n市民在新馆参观。\n\n新华社记者 林 青摄\n\n"
        "馆方表示，将延长开放时间。\n"
    )
    parsed = bulletin.parse(text)
    assert len(parsed.articles) == 1
    assert [(b.name, b.role, b.organization) for b in parsed.articles[0].bylines] == [("林青", "摄", "新华社")]


@pytest.mark.parametrize(
    ("line", "names"),
    [("JANE ROE，JANE ROE", ["JANE ROE"]), ("Jane Roe, John Doe", ["Jane Roe", "John Doe"]), ("Read More", None)],
)
def test_bylines_in_latin_letters(line: str, names: list[str] | None) -> None:
    match = match_bare_author(line)
    assert (None if match is None else [b.name for b in match.bylines]) == names
