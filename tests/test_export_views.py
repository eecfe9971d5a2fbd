"""The export registry and the two human views (Markdown and plain text) on the seeds."""

from __future__ import annotations

import pytest

import bulletin
from bulletin.export import FORMATS, export
from bulletin.export.markdown import to_markdown
from bulletin.export.text import to_text
from conftest import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def test_registry_names_every_format() -> None:
    assert list(FORMATS) == ["json", "markdown", "text", "ninjs", "gigaword", "outline", "html", "csv"]
    parsed = bulletin.parse("王明主持会议\n\n本报讯 会议昨天举行。")
    assert bulletin.Bulletin.from_dict(__import__("json").loads(export(parsed, "json"))) == parsed
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        export(parsed, "xml")


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("path", SEED_FILES, ids=[p.name for p in SEED_FILES])
def test_every_format_renders_every_seed(path: object, fmt: str) -> None:
    parsed = bulletin.parse(SEEDS / str(path))
    out = export(parsed, fmt)
    assert out.strip()
    for article in parsed.articles:
        if article.title is not None and fmt == "outline":  # titles are cut to the terminal's width
            assert article.title[:8] in out
        elif article.title is not None and fmt != "json":
            assert article.title in out


def test_markdown_shows_headline_anatomy_and_credits() -> None:
    md = to_markdown(bulletin.parse(SEEDS / "001_0c3caed24b89a787.txt"))
    assert "**陈吉宁：坚持问题导向，抓住关键环节，抓好骨干队伍，守牢安全底线**\n## 推动政务智能工作再上新台阶\n### 上海市政务智能工作推进会举行 龚正主持" in md
    assert "*伟大征程*\n## 第一次国共合作：形成中国革命新局面" in md
    assert "> *dateline* 新华社北京6月2日电 (--06-02) · *by* 新华社记者 胡了然" in md
    assert md.count("\n\n---\n\n") == 3


def test_markdown_table_of_contents_and_title() -> None:
    md = to_markdown(bulletin.parse(SEEDS / "003_671ad53639820bab.txt"))
    assert md.startswith("# 信息纵横 2024-11\n\n---\n\n- 协会动态\n  - 第二十届社会科学普及宣传周在厦启动")
    assert "#### 一、总体要求" in md
    assert "*picture:* 启动仪式活动现场" in md


def test_markdown_escapes_what_would_become_markup() -> None:
    md = to_markdown(bulletin.parse("会议举行\n\n本报讯 会议讨论了*重点*问题。\n\n1. 加强领导"))
    assert "\\*重点\\*" in md
    assert "1\\. 加强领导" in md


def test_markdown_notes_and_sources() -> None:
    md = to_markdown(bulletin.parse(SEEDS / "004_cb86b37b82b480e5.txt"))
    assert "> *by* 张凌寒 · *source* 人民日报" in md
    assert "> *editor* 核心提示：" in md


def test_text_view_of_a_seed() -> None:
    text = to_text(bulletin.parse(SEEDS / "000_cafc0066323a249a.txt"))
    articles = text.split("\n\n\n")
    assert len(articles) == 4
    assert articles[0].startswith("陈吉宁主持市委人才工作领导小组会议\n让人才在上海更好安身安心安业\n\n本报讯 市委人才工作领导小组会议昨天上午举行。")
    assert articles[3].startswith("【代表委员履职故事】\n全国政协委员张毅：\n提案切口要小，建议要实\n")
    assert "首席记者 范彦萍\n\n本报讯 务实是" in articles[3]


def test_text_view_keeps_a_trailing_dateline_at_the_end() -> None:
    text = to_text(bulletin.parse("会议举行\n\n会议昨天在北京举行。（新华社北京10月9日电）"))
    assert text.endswith("会议昨天在北京举行。（新华社北京10月9日电）")
