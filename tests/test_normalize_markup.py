from __future__ import annotations

import pytest

from bulletin.normalize.pipeline import normalize


def markup(text: str) -> str:
    return normalize(text, steps=["markup"]).text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("# 陈吉宁:坚持问题导向", "陈吉宁:坚持问题导向"),
        ("## 以良法善治保障人工智能健康发展", "以良法善治保障人工智能健康发展"),
        ("- 第二十届社会科学普及宣传周在厦启动", "第二十届社会科学普及宣传周在厦启动"),
        ("* 如何加强对算法的治理\n+ 金融活水", "如何加强对算法的治理\n金融活水"),
        ("会议**昨天上午**举行", "会议昨天上午举行"),
        ("会议__昨天__举行", "会议昨天举行"),
        ("本报讯<br/>会议举行", "本报讯\n会议举行"),
        ("<p>段一</p><p>段二</p>", "段一\n段二\n"),
        ('<span class="x">上海</span>市', "上海市"),
        ("研发&amp;应用&nbsp;大赛", "研发&应用 大赛"),
        ("&#8220;两代表一委员&#8221;", "“两代表一委员”"),
        ("&#x4E0A;海", "上海"),
        ("&amp;lt;p&amp;gt;正文", "正文"),
        ("零宽&#8203;空格", "零宽空格"),
        ("<!-- 注释 -->正文", "正文"),
    ],
)
def test_strips(raw: str, expected: str) -> None:
    assert markup(raw) == expected


@pytest.mark.parametrize(
    "kept",
    [
        "C# 与 F# 语言",
        "计算 5*3=15",
        "2**10 与 3**4",
        "a<b 且 b>c",
        "#话题# 讨论",
        "我的 #1 选择",
        "未知实体 &foo; 保留",
        "1-2 月 -5 度",
        "AT&T 公司",
    ],
)
def test_leaves_non_markup(kept: str) -> None:
    assert markup(kept) == kept


def test_bold_keeps_word_offsets() -> None:
    result = normalize("会议**昨天**举行", steps=["markup"])
    assert result.text == "会议昨天举行"
    assert result.input_span(2, 4).to_list() == [4, 6]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("[某某网｜新馆开放](https://example.com/2031/04/a/)", "某某网｜新馆开放"),
        ("见![新馆外景](files/a.png)图", "见新馆外景图"),
        ('<img class="a" src="x.png" alt="新馆开放现场" />正文', "新馆开放现场\n正文"),
        ('<img src="x.png" alt="" />正文', "正文"),
        ('<p>一</p><script type="text/javascript">var a = "<p>";</script>二', "一\n二"),
        ("<style>p{color:red}</style>正文", "正文"),
        ("<!DOCTYPE html><html><head><title>某某网</title></head><body><p>正文", "正文"),
        ('<meta name="description" content="某某县新馆开放"/>正文', "正文"),
        ("<hgroup><h1>标题</h1></hgroup>", "标题\n\n"),
        ("<ul><li>甲</li><li>乙</li></ul>", "甲\n乙\n\n"),
        ("> 系列：某某观察\n> 《某某日报》（2031年03月06日第 01 版）", "系列：某某观察\n《某某日报》（2031年03月06日第 01 版）"),
        ("<!--[if IE 8 ]><html class='ie8'><![endif]-->正文", "正文"),
        ("原文来自~~某某江湖网~~", "原文来自某某江湖网"),
    ],
)
def test_strips_page_residue(raw: str, expected: str) -> None:
    assert markup(raw) == expected


@pytest.mark.parametrize("kept", ["[注] 见下文", "数组 [1, 2] (见表)", "<script 且>"])
def test_leaves_brackets_that_are_not_links(kept: str) -> None:
    assert markup(kept) == kept


def test_a_dropped_script_keeps_the_offsets_of_what_follows() -> None:
    raw = "<script>var a;</script>正文"
    result = normalize(raw, steps=["markup"])
    assert result.text == "正文"
    assert result.input_span(0, 2).to_list() == [raw.index("正文"), len(raw)]


def test_python_list_residue_becomes_lines() -> None:
    raw = (
        "[][]['\\r\\n      某县新馆开放\\r\\n      '][' 2031年04月17日 21:51\\u3000来源：', ' ', '\\u3000']"
        "\u3000\u3000某城4月17日电 新馆昨天开放。\u3000\u3000市民排队参观。"
    )
    lines = [line.strip() for line in markup(raw).split("\n") if line.strip()]
    assert lines == ["某县新馆开放", "2031年04月17日 21:51\u3000来源：", "某城4月17日电 新馆昨天开放。", "市民排队参观。"]


def test_brackets_and_quotes_outside_list_residue_stay() -> None:
    kept = "他说：['甲']是一个列表。"
    assert markup(kept) == kept


def test_every_bold_heading_of_a_long_markdown_page_loses_its_marks() -> None:
    # bold pairs after the last other markup were found one per pass, so past the step's eight
    # passes the rest kept their marks
    raw = "**一、总体要求**\n\n正文。\n\n" * 12
    result = normalize(raw, steps=["markup"])
    assert "*" not in result.text
    assert normalize(result.text, steps=["markup"]).text == result.text
