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


LEADING = "{lead}\n\n青岚县启动秋季助农行动\n\n本报讯 青岚县昨天启动秋季助农行动，全县干部群众纷纷参与。\n\n临江港吞吐量创新高\n\n本报讯 今年一季度，临江港完成货物吞吐量三千万吨。\n"


@pytest.mark.parametrize(
    "lead",
    [
        "2031-04-17",
        "第 2 版",
        "2031年4月17日",
        "二〇三一年四月十七日 星期四",
        "青岚日报\n2031年4月17日 星期四\nA2版",
        "Campus Post - 3 - March to May 2031\n二零三一年三月至五月份\n本年主題：同心同行 共創未來",
    ],
)
def test_stray_lines_before_the_first_headline_are_issue_furniture(lead: str) -> None:
    parsed = bulletin.parse(LEADING.format(lead=lead))
    assert [a.title for a in parsed.articles] == ["青岚县启动秋季助农行动", "临江港吞吐量创新高"]
    assert {f.kind for f in parsed.furniture} <= {"issue-line", "masthead", "date-stamp", "running-header"}
    assert "".join(f.text for f in parsed.furniture).replace(" ", "") == lead.replace("\n", "").replace(" ", "")


def test_a_masthead_over_an_issue_date_names_the_publication() -> None:
    parsed = bulletin.parse(LEADING.format(lead="青岚日报\n2031-04-17"))
    assert parsed.publication == "青岚日报"
    assert parsed.issue_date is not None
    assert (parsed.issue_date.year, parsed.issue_date.month) == (2031, 4)


def test_a_date_line_after_the_text_stays_body() -> None:
    notice = "关于做好春季防火工作的通知\n\n各乡镇：请切实做好春季防火工作。\n\n青岚县人民政府\n2031年4月17日\n"
    parsed = bulletin.parse(notice)
    assert not [f for f in parsed.furniture if f.kind == "issue-line"]


def test_every_kind_in_the_data_is_a_furniture_kind() -> None:
    from bulletin.knowledge import load

    for kind in load("furniture")["kinds"]:
        assert bulletin.FurnitureKind(kind).value == kind


def test_every_furniture_kind_is_listed_in_the_docs() -> None:
    docs = (Path(__file__).parent.parent / "docs" / "model.md").read_text(encoding="utf-8")
    for kind in bulletin.FurnitureKind:
        assert f"`{kind.value}`" in docs, kind


def test_a_page_label_and_cms_residue_are_split_off_the_text() -> None:
    text = "第2版(要闻)本报讯 某某县新馆昨天开放。\n\n某某县新馆开放\n\n本报讯 新馆昨天开放，市民排队参观。 content_12345.htm -->"
    parsed = bulletin.parse(text)
    found = [(str(f.kind), text[f.span.start : f.span.end]) for f in parsed.furniture]
    assert found == [("page-label", "第2版(要闻)"), ("cms-residue", "content_12345.htm -->")]
    paragraphs = [p.text for a in parsed.articles for p in a.paragraphs]
    assert paragraphs == ["本报讯 某某县新馆昨天开放。", "新馆昨天开放，市民排队参观。"]


def test_web_furniture_is_neither_headline_nor_body() -> None:
    text = (
        "[某某网｜新馆开放](https://www.example.com/2031/04/a/)\n------\n日期：Tue, 16 Jun 2031 07:34:26 +0000\n\n"
        "<p>本报讯 某某县新馆昨天开放，市民排队参观。</p>\n"
        "<p>编辑 | 王小明</p>\n© 某某 for 某某网站\nPost tags：新馆，开放\n"
    )
    parsed = bulletin.parse(text)
    assert [a.title for a in parsed.articles] == ["某某网|新馆开放"]
    assert [p.text for p in parsed.articles[0].paragraphs] == ["某某县新馆昨天开放，市民排队参观。"]
    kinds = {str(f.kind) for f in parsed.furniture}
    assert {"markup", "scraper-header", "production-credit", "notice", "post-tags"} <= kinds
