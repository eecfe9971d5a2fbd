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
