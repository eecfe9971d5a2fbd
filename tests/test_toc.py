"""The table-of-contents rule: entries, their sections, and where the content begins."""

from __future__ import annotations

from pathlib import Path

import pytest

import bulletin
from bulletin.testing import Fixture, read_fixtures

NEWSLETTER = """厦门市信息协会
工作简报

目  录
{sections}

协会动态

协会召开第五届理事会第三次会议

6月3日，厦门市信息协会召开第五届理事会第三次会议。会长王明主持会议。

会员风采

数字赋能基层治理的实践

近年来，某公司积极推进数字化转型，取得显著成效。
"""


def _parse(sections: str) -> bulletin.Bulletin:
    return bulletin.parse(NEWSLETTER.format(sections=sections))


def test_numbered_sections() -> None:
    parsed = _parse("一、协会动态\n协会召开第五届理事会第三次会议……1\n二、会员风采\n数字赋能基层治理的实践……3")
    assert [(e.section, e.title) for e in parsed.toc] == [
        ("协会动态", "协会召开第五届理事会第三次会议"),
        ("会员风采", "数字赋能基层治理的实践"),
    ]


def test_unnumbered_sections_over_entries_with_page_numbers() -> None:
    parsed = _parse("协会动态\n协会召开第五届理事会第三次会议…………1\n会员风采\n数字赋能基层治理的实践…………3")
    assert [(e.section, e.title) for e in parsed.toc] == [
        ("协会动态", "协会召开第五届理事会第三次会议"),
        ("会员风采", "数字赋能基层治理的实践"),
    ]
    heads = [(a.headline.column.name if a.headline.column else None, a.headline.title.text) for a in parsed.articles]
    assert heads == [("协会动态", "协会召开第五届理事会第三次会议"), ("会员风采", "数字赋能基层治理的实践")]


def test_without_page_numbers_no_line_is_taken_for_a_section() -> None:
    parsed = _parse("协会召开第五届理事会第三次会议\n数字赋能基层治理的实践")
    assert all(e.section is None for e in parsed.toc)
    assert [e.title for e in parsed.toc][:2] == ["协会召开第五届理事会第三次会议", "数字赋能基层治理的实践"]


CASES = read_fixtures(Path(__file__).parent / "fixtures" / "toc.txt")


@pytest.mark.parametrize("case", CASES, ids=[case.title for case in CASES])
def test_fixture(case: Fixture) -> None:
    parsed = bulletin.parse(case.input)
    assert [[e.section, e.title] for e in parsed.toc] == case.expected


def test_a_lone_contents_link_is_navigation_not_a_column() -> None:
    text = (
        "[目录](#toc)\n\n# 青岚县启动秋季助农行动\n\n青岚县昨天启动秋季助农行动，全县干部群众纷纷参与。\n\n"
        "# 临江港吞吐量创新高\n\n今年一季度，临江港完成货物吞吐量三千万吨。\n"
    )
    parsed = bulletin.parse(text)
    assert [(f.kind, f.text) for f in parsed.furniture] == [("navigation", "目录")]
    assert parsed.articles[0].headline.column is None
    assert parsed.articles[0].headline.kicker is None


def test_a_title_ending_in_contents_keeps_its_article() -> None:
    parsed = bulletin.parse("野生动物保护名单调整目录\n\n本报讯 有关部门昨天公布野生动物保护名单调整情况，新增十余个物种。\n")
    assert [a.title for a in parsed.articles] == ["野生动物保护名单调整目录"]


def test_a_page_name_printed_over_its_page_is_furniture() -> None:
    text = (
        "01版：要闻\n02版：综合新闻\n\n要  闻\n\n青岚县启动秋季助农行动\n\n"
        "本报讯 青岚县昨天启动秋季助农行动，全县干部群众纷纷参与。\n"
    )
    parsed = bulletin.parse(text)
    assert [(e.section, e.title) for e in parsed.toc] == [("01版", "要闻"), ("02版", "综合新闻")]
    assert ("page-name", "要 闻") in [(f.kind, f.text) for f in parsed.furniture]
    assert [a.title for a in parsed.articles] == ["青岚县启动秋季助农行动"]


def test_a_line_split_before_a_toc_keeps_its_parts() -> None:
    """Found by the fuzz: a line whose residue was split off (``0-->``) was claimed whole again as
    front matter above a 目录, and two furniture elements then told its text twice."""
    text = "0-->\r目录\r<\r000:"
    parsed = bulletin.parse(text)
    kinds = [(str(f.kind), f.text) for f in parsed.furniture]
    assert ("cms-residue", "-->") in kinds
    assert not any(text_ == "0-->" for _, text_ in kinds)
