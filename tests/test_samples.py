"""Bulletins of kinds the seeds do not show: wire copy, Hong Kong and Taiwan papers, web pages, digests, broadcasts."""

from __future__ import annotations

from pathlib import Path

import bulletin
from bulletin.testing import assert_parses

SAMPLES = Path(__file__).parent / "data" / "samples"


def _text(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def test_wire_copy() -> None:
    parsed = assert_parses(
        _text("xinhua_wire.txt"),
        [
            {
                "title": "习近平会见越南国家主席",
                "dateline": "新华社",
                "bylines": [["张晓松", "记者"], ["朱基钗", "记者"]],
                "paragraphs": 3,
                "body_end": "不断向前发展。",
            },
            {"title": "国务院常务会议部署推进大规模设备更新", "dateline": "新华社", "paragraphs": 2},
        ],
    )
    assert parsed.parser == "xinhua"
    first = parsed.articles[0].dateline
    assert first is not None
    assert (first.place, first.month, first.day) == ("北京", 6, 2)


def test_traditional_script_hong_kong_and_taiwan() -> None:
    parsed = assert_parses(
        _text("hk_traditional.txt"),
        [
            {"title": "政府公布施政報告諮詢結果", "dateline": "本報", "bylines": [["陳大文", "記者"]], "paragraphs": 2},
            {"title": "台北市長出席交通安全論壇", "dateline": "中央社", "bylines": [["王小明", "記者"]], "paragraphs": 2},
        ],
    )
    assert [n.kind for n in parsed.articles[0].notes] == ["staff"]
    taiwan = parsed.articles[1].dateline
    assert taiwan is not None
    assert (taiwan.place, taiwan.day) == ("台北", 5)


def test_web_page_saved_as_text() -> None:
    parsed = assert_parses(
        _text("web_page.txt"),
        [
            {
                "title": "市政府召开第35次常务会议",
                "dateline": "本报",
                "bylines": [["王五", "记者"], ["赵敏", "通讯员"]],
                "sources": ["市政府办公室"],
                "paragraphs": 3,
                "body_start": "5月6日上午",
            }
        ],
    )
    kinds = sorted({str(f.kind) for f in parsed.furniture})
    assert kinds == ["navigation", "production-credit"]  # 责任编辑：赵六 is production staff
    assert sorted(n.kind for n in parsed.articles[0].notes) == ["meta"]


def test_digest_of_foreign_agency_briefs() -> None:
    assert_parses(
        _text("digest.txt"),
        [
            {"title": None, "column": "国际简讯", "dateline": "美联社"},
            {"title": None, "column": "国际简讯", "dateline": "路透社"},
            {"title": None, "column": "国际简讯", "dateline": "法新社"},
        ],
    )


def test_broadcast_transcript() -> None:
    parsed = bulletin.parse(_text("transcript.txt"))
    datelines = [a.dateline.agency if a.dateline else None for a in parsed.articles]
    assert datelines == ["本台", "央视网"]
    speakers = [p.text for p in parsed.articles[0].paragraphs if p.text.startswith(("主持人", "记者"))]
    assert len(speakers) == 2  # speaker turns are body, not bylines
    assert parsed.articles[0].bylines == ()


def test_paper_without_blank_lines() -> None:
    assert_parses(
        _text("no_blank_lines.txt"),
        [
            {"title": "市政府召开全体会议", "subtitle": "部署今年重点工作", "bylines": [["刘洋", "记者"]], "paragraphs": 3},
            {"title": "全市春季植树活动启动", "dateline": "本报", "paragraphs": 2},
        ],
    )
