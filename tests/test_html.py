"""HTML input: saved pages written for the tests (invented text), read with their structure as layout."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import bulletin
from bulletin.cli import main
from bulletin.errors import MissingExtraError
from bulletin.htmlpage import is_html, read_html

pytest.importorskip("selectolax")

PAGES = Path(__file__).parent / "data" / "html"
CHROME = ("font-family", "dataLayer", "首页", "本地新闻", "热门排行", "版权所有", "_hmt", "协会概况", "电话", "<", "{")


def _texts(b: bulletin.Bulletin) -> list[str]:
    out = []
    for article in b.articles:
        out += [part.text for part in article.headline.parts()]
        out += [p.text for p in article.paragraphs] + [s.text for s in article.subheads]
    return out


def test_a_news_page_gives_its_articles_without_chrome() -> None:
    b = bulletin.parse(PAGES / "district_news.html")
    assert [a.title for a in b.articles] == ["社区食堂开进老旧小区", "区图书馆延长开放时间"]
    first = b.articles[0]
    assert {(x.role, x.name) for x in first.bylines} == {("记者", "林晓"), ("通讯员", "陈路")}
    assert [s.text for s in first.subheads] == ["下一步计划"]
    assert [s.name for s in first.sources] == ["示范区融媒体中心"]
    assert "“一周不重样”" in first.paragraphs[1].text  # entities decoded
    for text in _texts(b):
        assert not any(mark in text for mark in CHROME), text
    assert {f.kind for f in b.furniture} >= {"page-chrome"}


def test_spans_point_into_the_html_source() -> None:
    source = (PAGES / "district_news.html").read_text(encoding="utf-8")
    b = bulletin.parse(PAGES / "district_news.html")
    assert b.text == source
    title = b.articles[1].headline.title
    # a whole line is spanned with the tags on it, so nothing of the source is left out
    assert source[title.span.start : title.span.end] == "<h1>区图书馆延长开放时间</h1>"
    paragraph = b.articles[0].paragraphs[1]
    assert source[paragraph.span.start : paragraph.span.end].startswith("<p>食堂负责人介绍")
    assert "&ldquo;" in source[paragraph.span.start : paragraph.span.end]
    covered = {i for e in b.elements() if e.span for i in range(e.span.start, e.span.end)}
    assert all(i in covered for i, ch in enumerate(source) if not ch.isspace())
    assert bulletin.Bulletin.from_dict(b.to_dict()) == b


def test_strong_only_paragraphs_are_headings_of_a_digest() -> None:
    b = bulletin.parse((PAGES / "digest_strong_titles.html").read_bytes())
    assert [a.title for a in b.articles] == ["协会召开年度会员大会", "企业家走进乡村学校", "春季读书会举行"]
    assert b.articles[2].paragraphs[0].text.endswith("好书&心得。")
    for text in _texts(b):
        assert not any(mark in text for mark in CHROME), text


def test_headings_and_chrome_come_through_the_layout() -> None:
    document = read_html("<html><body><nav>导航</nav><h2>标题</h2><p><strong>小标题</strong></p><p>正文。</p></body></html>")
    marks = [(document.text[x.start : x.end], x.heading_level, x.furniture, x.bold) for x in document.layout.lines]
    assert marks == [("导航", 0, "page-chrome", False), ("标题", 2, None, False), ("小标题", 3, None, True), ("正文。", 0, None, False)]


def test_pages_are_recognised_by_content_not_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert is_html("\ufeff<!-- saved -->\n<!DOCTYPE html>")
    assert not is_html("<p>本报讯</p>")
    page = tmp_path / "page.txt"
    page.write_text((PAGES / "district_news.html").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["parse", str(page), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "社区食堂开进老旧小区" in out
    assert "dataLayer" not in out


def test_a_directory_of_pdf_html_and_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    (tmp_path / "a.html").write_bytes((PAGES / "district_news.html").read_bytes())
    (tmp_path / "b.txt").write_text("市长会见友好城市代表团\n\n本报讯 市长昨天会见了代表团。", encoding="utf-8")
    pytest.importorskip("pypdfium2")
    from test_pdf import newsletter

    (tmp_path / "c.pdf").write_bytes(newsletter())
    assert main(["parse", str(tmp_path), "--jobs", "1"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    titles = [[a["title"] for a in line["bulletin"]["articles"]][:1] for line in lines]
    assert titles == [["社区食堂开进老旧小区"], ["市长会见友好城市代表团"], ["剪纸公益课堂走进社区"]]


def test_without_the_extra_one_line_names_it(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "selectolax.lexbor", None)
    with pytest.raises(MissingExtraError, match=r"bulletin\[html\]"):
        bulletin.parse(PAGES / "district_news.html")
    assert main(["parse", str(PAGES / "district_news.html")]) == 2
    assert "bulletin[html]" in capsys.readouterr().err


def test_what_a_script_writes_never_reads_as_text() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>站点</title>"
        '<script>document.write("<p>本报讯 这是脚本写的字。</p>"); var a = "&amp;";</script></head>'
        "<body><h1>老街路灯全部更换</h1><p>本报讯 老街的路灯本周全部换成了节能灯。</p>"
        "<script>\nif (x < 3) { document.write('<div>广告：点击领取</div>'); }\n</script></body></html>"
    )
    b = bulletin.parse(page.encode("gbk"))  # bytes in another encoding are decoded first
    assert [a.title for a in b.articles] == ["老街路灯全部更换"]
    assert [p.text for a in b.articles for p in a.paragraphs] == ["老街的路灯本周全部换成了节能灯。"]


def test_a_bold_line_between_breaks_is_a_heading() -> None:
    page = (
        "<html><body><p><strong>协会召开年度会员大会</strong><br>3月8日，协会召开大会，审议通过了工作报告。<br>"
        "<b>企业家走进乡村学校</b><br>3月12日，协会组织会员走进山区学校，<b>捐赠</b>图书。</p></body></html>"
    )
    b = bulletin.parse(page)
    assert [a.title for a in b.articles] == ["协会召开年度会员大会", "企业家走进乡村学校"]
    assert b.articles[1].paragraphs[0].text == "3月12日，协会组织会员走进山区学校，捐赠图书。"
