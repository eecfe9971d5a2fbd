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


def test_front_matter_fields_are_furniture_and_its_title_the_headline() -> None:
    text = (
        "---\nlayout: post\ntitle: 2031：某某报的新馆\ndate: 2031-04-17\ntags: 新馆\n---\n\n"
        "原文来自公号「某某江湖网」\n\n作者：王小明\n\n某某县新馆昨天开放，市民排队参观。\n"
    )
    parsed = bulletin.parse(text)
    article = parsed.articles[0]
    assert article.title == "2031：某某报的新馆"
    assert [s.name for s in article.sources] == ["某某江湖网"]
    assert [(b.name, b.role) for b in article.bylines] == [("王小明", "作者")]
    assert [p.text for p in article.paragraphs] == ["某某县新馆昨天开放，市民排队参观。"]
    fields = [f.text for f in parsed.furniture if f.kind == bulletin.FurnitureKind.FRONT_MATTER]
    assert fields == ["layout: post", "title:", "date: 2031-04-17", "tags：新馆"]


def test_a_front_matter_title_repeating_a_printed_headline_is_furniture() -> None:
    text = "---\ntitle: 某某县新馆开放\n---\n\n# 某某县新馆开放\n\n本报讯 新馆昨天开放。\n"
    parsed = bulletin.parse(text)
    assert [a.title for a in parsed.articles] == ["某某县新馆开放"]
    assert "title：某某县新馆开放" in [f.text for f in parsed.furniture]


def test_a_timeline_and_a_help_box_are_sidebars() -> None:
    text = (
        "某某县新馆开放\n\n本报讯 某某县新馆昨天开放，市民排队参观。\n\n馆方表示，将延长开放时间。\n\n"
        "新馆事件簿\n★2030/07：新馆动工。\n★2031/04：新馆开放。\n資料來源：某某報採訪整理\n\n"
        "協助某某管道\n★某某基金會：0800-000000\n資料來源：某某報採訪整理\n"
    )
    parsed = bulletin.parse(text)
    article = parsed.articles[0]
    assert [p.text for p in article.paragraphs] == ["某某县新馆昨天开放，市民排队参观。", "馆方表示，将延长开放时间。"]
    assert not article.sources
    sidebar = [f.text for f in parsed.furniture if f.kind == bulletin.FurnitureKind.SIDEBAR]
    assert sidebar[0] == "新馆事件簿"
    assert len(sidebar) == 7


def test_a_photographer_credit_with_a_picture_agency() -> None:
    text = "某某县新馆开放\n\n本报讯 某某县新馆昨天开放。\n\n市民在新馆参观。\n\n王小明摄（某某视觉）\n\n馆方表示，将延长开放时间。\n"
    article = bulletin.parse(text).articles[0]
    assert [(b.name, b.role) for b in article.bylines] == [("王小明", "摄")]


def test_the_titles_under_a_related_reading_heading_are_furniture() -> None:
    text = "某某县新馆开放\n\n相关阅读：\n【某某连连看】某某县去年新建三座图书馆\n\n某某县新馆昨天开放，市民排队参观。\n"
    parsed = bulletin.parse(text)
    assert [p.text for p in parsed.articles[0].paragraphs] == ["某某县新馆昨天开放，市民排队参观。"]
    refs = [f.text for f in parsed.furniture if f.kind == bulletin.FurnitureKind.CROSS_REFERENCE]
    assert refs == ["相关阅读：", "【某某连连看】某某县去年新建三座图书馆"]


def test_a_breadcrumb_before_the_title_and_the_date_under_it_are_furniture() -> None:
    text = "頭條新聞 〉 某某縣新館開放\n2031年04月17日\n【王小明、李大同╱某某報導】某某縣新館昨天開放，市民排隊參觀。\n"
    parsed = bulletin.parse(text)
    article = parsed.articles[0]
    assert article.title == "某某縣新館開放"
    assert article.dateline is not None
    assert article.dateline.place == "某某"
    assert [(str(f.kind), f.text) for f in parsed.furniture][:2] == [
        ("navigation", "頭條新聞 〉"),
        ("date-stamp", "2031年04月17日"),
    ]
    assert parsed.issue_date is not None
    assert parsed.issue_date.iso() == "2031-04-17"


def test_a_date_signing_a_document_is_no_date_stamp() -> None:
    text = "关于做好某某工作的通知\n\n各区：\n\n请认真做好某某工作。\n\n某某市人民政府办公厅\n\n2031年3月8日\n"
    assert not bulletin.parse(text).furniture


def test_a_split_line_is_not_claimed_whole_as_an_issue_line() -> None:
    """Found by the fuzz after the merges: a breadcrumb split off a leading line (``第3版»``) and
    then the whole line taken as an issue line told the same text twice."""
    parsed = bulletin.parse("第3版»0")
    texts = [f.text for f in parsed.furniture]
    assert texts.count("第3版»") <= 1
    assert "第3版»0" not in texts
