"""Column tags printed with a title, and series lines (invented titles)."""

from __future__ import annotations

import pytest

import bulletin
from bulletin.recognize.column import match_series_line, split_column_tag


@pytest.mark.parametrize(
    ("printed", "column", "title"),
    [
        ("【基层走访】夏粮收购忙", "基层走访", "夏粮收购忙"),
        ("[数读2031]3.2% 居民收入稳步增长", "数读2031", "3.2% 居民收入稳步增长"),
        ("4. [数读2031]3.2% 居民收入稳步增长", "数读2031", "3.2% 居民收入稳步增长"),
        ("老街新貌（我和这座城）", "我和这座城", "老街新貌"),
        ("一次走访解决哪些难题(基层新观察·为民办实事)", "基层新观察·为民办实事", "一次走访解决哪些难题"),
        ("路灯已修好（反馈）", "反馈", "路灯已修好"),
    ],
)
def test_column_tag(printed: str, column: str, title: str) -> None:
    tag = split_column_tag(printed)
    assert tag is not None
    assert (tag.column, tag.title) == (column, title)
    assert printed[tag.column_start : tag.column_end] == column


@pytest.mark.parametrize(
    "printed",
    ["某某条例（试行）", "某某访谈（上）", "某某规划（2031年版）", "某某专题（第二篇）", "夏粮收购忙", "【】夏粮收购忙", "（反馈）"],
)
def test_not_a_column_tag(printed: str) -> None:
    assert split_column_tag(printed) is None


def test_series_line() -> None:
    assert match_series_line("系列：某某观察·文旅篇") == ("某某观察·文旅篇", 3, 11)
    assert match_series_line("系列讲座在某某礼堂举行。") is None


def test_columns_in_a_parsed_article() -> None:
    text = "【基层走访】夏粮收购忙\n\n本报讯 某某县夏粮收购昨天开始。\n\n老街新貌\n\n系列：我和这座城\n\n记者 王小明\n\n老街改造昨天完工。\n"
    articles = bulletin.parse(text).articles
    assert [(a.title, a.headline.column.name if a.headline.column else None) for a in articles] == [
        ("夏粮收购忙", "基层走访"),
        ("老街新貌", "我和这座城"),
    ]
    column = articles[0].headline.column
    assert column is not None
    assert column.span is not None
    assert text[column.span.start : column.span.end] == "基层走访"


def test_a_column_tag_wrapped_onto_the_next_line() -> None:
    text = "久久为功，老街换新颜（我和这座\n城·某某观察）\n本报记者  王小明\n老街改造昨天完工，市民前来参观。\n"
    article = bulletin.parse(text).articles[0]
    assert article.title == "久久为功，老街换新颜"
    assert article.headline.subtitle is None
    assert article.headline.column is not None
    assert article.headline.column.name == "我和这座城·某某观察"


def test_a_column_tag_after_the_second_deck() -> None:
    text = "路灯损坏\n影响夜间出行（身边事）\n\n某某小区的路灯坏了半个月，希望有关部门及时修理。\n"
    article = bulletin.parse(text).articles[0]
    assert article.headline.column is not None
    assert article.headline.column.name == "身边事"
    assert "身边事" not in " ".join(part.text for part in article.headline.parts())


def test_a_series_line_names_the_column_and_the_deck_above_the_title_is_the_kicker() -> None:
    text = "### 看展览 听讲座 逛市集\n\n# 新馆开放，如何留住观众？\n\n> 系列：某某观察·文旅篇\n\n> 本报记者  王小明\n\n某某县新馆昨天开放。\n"
    article = bulletin.parse(text).articles[0]
    assert article.title == "新馆开放，如何留住观众？"
    assert article.headline.column is not None
    assert article.headline.column.name == "某某观察·文旅篇"
    assert article.headline.kicker is not None
    assert article.headline.kicker.text.replace(" ", "") == "看展览听讲座逛市集"
