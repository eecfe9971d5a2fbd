"""Furniture rule against tests/fixtures/furniture.txt, and running headers in context."""

from __future__ import annotations

from pathlib import Path

import pytest

import bulletin
from bulletin.parsing.rules.furniture import furniture_kind
from bulletin.testing import Fixture, read_fixtures

CASES = read_fixtures(Path(__file__).parent / "fixtures" / "furniture.txt")


@pytest.mark.parametrize("case", CASES, ids=[case.title for case in CASES])
def test_fixture(case: Fixture) -> None:
    assert furniture_kind(case.input) == case.expected


def test_a_running_header_repeated_on_every_page_is_furniture() -> None:
    titles = ["全市春季植树活动启动", "区政协召开专题协商会", "社区开展消防安全演练"]
    text = "".join(f"某某区报·综合新闻\n\n{t}\n\n本报讯 {t[:4]}工作昨天开展。\n\n" for t in titles)
    parsed = bulletin.parse(text)
    kinds = [(f.kind, f.text) for f in parsed.furniture]
    assert kinds == [("running-header", "某某区报·综合新闻")] * 3
    assert [a.title for a in parsed.articles] == titles


def test_a_repeated_reprint_credit_is_not_a_running_header() -> None:
    story = "以钉钉子精神抓好落实\n\n王海涛\n\n抓落实是一门学问，要一锤接着一锤敲。\n\n（《光明日报》）\n\n"
    parsed = bulletin.parse(story * 3)
    assert [s.name for a in parsed.articles for s in a.sources] == ["光明日报"] * 3
