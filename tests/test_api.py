"""The top-level API: text, bytes and paths in; the issue date resolves datelines; nothing is lost."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import bulletin
from bulletin import IssueDate, ParseOptions

PAGE = "陈吉宁主持市委外委会会议\n\n本报讯 市委外事工作委员会昨天下午举行会议。\n\n（新华社北京12月30日电）\n"


def test_text_bytes_and_paths_parse_alike(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(PAGE.encode("gb18030"))
    from_text = bulletin.parse(PAGE)
    assert bulletin.parse(PAGE.encode("utf-8")) == from_text
    assert bulletin.parse(path) == from_text


def test_empty_input_is_an_empty_bulletin() -> None:
    empty = bulletin.parse("")
    assert empty.articles == ()
    assert empty.furniture == ()


def test_issue_date_resolves_to_the_nearest_date_not_after_it() -> None:
    text = "两国签署合作协议\n\n新华社北京12月30日电 两国30日签署合作协议。\n"
    parsed = bulletin.parse(text, options=ParseOptions(issue_date=IssueDate(year=2025, month=1, day=3)))
    dateline = parsed.articles[0].dateline
    assert dateline is not None
    assert dateline.date == dt.date(2024, 12, 30)
    assert bulletin.parse(text).articles[0].dateline.date is None  # type: ignore[union-attr]


def test_issue_line_in_the_text_fixes_the_year() -> None:
    text = "2024年11月刊\n\n两国签署合作协议\n\n新华社北京10月9日电 两国9日签署合作协议。\n"
    dateline = bulletin.parse(text).articles[0].dateline
    assert dateline is not None
    assert dateline.date == dt.date(2024, 10, 9)


def _covered(parsed: bulletin.Bulletin) -> bytearray:
    covered = bytearray(len(parsed.text))
    for element in parsed.elements():
        span = element.span
        if span is not None:
            covered[span.start : span.end] = b"\x01" * len(span)
    return covered


@given(st.text(alphabet=st.sampled_from("本报讯新华社电记者张三（）()：:，,。\n 　#-12月日【】�\u200b来源《》"), max_size=200))
def test_any_text_parses_and_every_character_is_covered(text: str) -> None:
    parsed = bulletin.parse(text)
    covered = _covered(parsed)
    missing = [i for i, ch in enumerate(text) if not ch.isspace() and not covered[i]]
    assert not missing, (text, missing)


@given(st.text(max_size=300))
def test_arbitrary_unicode_never_raises(text: str) -> None:
    parsed = bulletin.parse(text)
    assert parsed.text == text
