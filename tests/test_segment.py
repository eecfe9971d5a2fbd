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


def test_a_teaser_before_the_byline_is_not_body() -> None:
    import bulletin

    text = (
        "某某县新馆开放\n\n虽然下着雨，市民还是排起了长队。\n\n记者 | 王小明 李青\n\n"
        "某某县新馆昨天开放。\n\n馆方表示，将延长开放时间。\n"
    )
    article = bulletin.parse(text).articles[0]
    assert [(b.name, b.role) for b in article.bylines] == [("王小明", "记者"), ("李青", "记者")]
    assert [p.text for p in article.paragraphs] == ["某某县新馆昨天开放。", "馆方表示，将延长开放时间。"]
    assert [c.text for c in article.captions] == ["虽然下着雨，市民还是排起了长队。"]


def test_a_caption_and_key_point_before_the_dateline_are_not_body() -> None:
    import bulletin

    text = (
        "某某县新馆开放\n\n市民在新馆参观。\n\n新华社记者 林 青摄\n\n■ 新馆共三层，展出文物一千余件。\n\n"
        "本报某城4月17日电 某某县新馆昨天开放。\n\n馆方表示，将延长开放时间。\n"
    )
    parsed = bulletin.parse(text)
    assert len(parsed.articles) == 1
    article = parsed.articles[0]
    assert article.dateline is not None
    assert article.dateline.place == "某城"
    assert [p.text for p in article.paragraphs] == ["某某县新馆昨天开放。", "馆方表示，将延长开放时间。"]
