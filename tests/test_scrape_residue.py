"""Scraped pages: Python-list residue, run-on paragraphs, rolling headline lists (invented text)."""

from __future__ import annotations

import bulletin
from bulletin.normalize.pipeline import normalize

SCRAPE = (
    "[][]['\\r\\n      青岚县启动秋季助农行动\\r\\n      '][' 2031年04月17日 21:51\\u3000来源：', ' ', '\\u3000']"
    "['\\r\\n      临江港吞吐量创新高\\r\\n      '][' 2031年04月17日 21:50\\u3000来源：', ' ', '\\u3000']"
    "\u3000\u3000临江港务集团昨日发布数据，前三季度完成货物吞吐量一亿吨，同比增长百分之八。"
    "\u3000\u3000集团表示，新航线开通是增长的主要原因，明年将再开三条航线。(完)"
)


def test_python_list_residue_reads_as_lines() -> None:
    text = normalize("['\\r\\n  青岚县启动秋季助农行动\\r\\n  '][' 2031年04月17日\\u3000来源：']", steps=["markup"]).text
    assert [line.strip() for line in text.splitlines() if line.strip()] == [
        "青岚县启动秋季助农行动",
        "2031年04月17日\u3000来源：",
    ]


def test_a_list_in_a_sentence_is_left_alone() -> None:
    assert normalize('他说["北京", "上海"]都好', steps=["markup"]).text == '他说["北京", "上海"]都好'


def test_only_entries_with_text_are_articles_and_run_on_paragraphs_are_split() -> None:
    parsed = bulletin.parse(SCRAPE)
    assert [a.title for a in parsed.articles] == ["临江港吞吐量创新高"]
    paragraphs = [p.text for p in parsed.articles[0].paragraphs]
    assert paragraphs[0].startswith("临江港务集团昨日发布数据")
    assert paragraphs[1].startswith("集团表示")
    assert "青岚县启动秋季助农行动" in [f.text for f in parsed.furniture]
    assert {f.kind for f in parsed.furniture} >= {bulletin.FurnitureKind.DATE_STAMP}
