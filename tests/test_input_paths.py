"""A path given as a str is refused with advice; parse_file and Path read files; parser objects are accepted."""

from __future__ import annotations

from pathlib import Path

import pytest

import bulletin
from bulletin import Parser, PathAsTextError
from conftest import SEEDS

SEED = SEEDS / "000_cafc0066323a249a.txt"


def test_a_str_naming_an_existing_file_is_refused_with_the_right_spelling(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("市政协召开专题协商会\n\n本报讯 会议举行。", encoding="utf-8")
    with pytest.raises(PathAsTextError, match=r"parse\(Path\(") as caught:
        bulletin.parse(str(page))
    assert caught.value.path == str(page)
    assert "parse_file" in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_parse_file_and_path_read_the_file() -> None:
    by_function = bulletin.parse_file(str(SEED))
    by_path = bulletin.parse(Path(SEED))
    assert by_function == by_path
    assert by_function[0].title == "陈吉宁主持市委人才工作领导小组会议"


def test_text_that_is_not_a_file_name_is_parsed_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert bulletin.parse("本报讯 会议举行。")[0].dateline.agency == "本报"  # type: ignore[union-attr]
    assert bulletin.parse("no/such/file.txt").parser == "generic"
    (tmp_path / "本报讯 会议举行。").write_text("x", encoding="utf-8")
    with pytest.raises(PathAsTextError):
        bulletin.parse("本报讯 会议举行。")
    assert bulletin.parse("本报讯 会议举行。\n")[0].dateline is not None  # a line break: text, always


def test_parse_many_reports_a_path_given_as_text() -> None:
    [result] = bulletin.parse_many([str(SEED)], workers=1)
    assert result.status == "error"
    assert result.error_type == "PathAsTextError"


def test_parse_accepts_a_parser_object() -> None:
    parser = Parser(name="mine")
    parser.rules.disable("subhead")
    parsed = bulletin.parse("王明主持会议\n\n本报讯 会议昨天举行。", parser=parser)
    assert parsed.parser == "mine"
    assert bulletin.parse("本报讯 会议。", parser=bulletin.get_parser("xinhua")).parser == "xinhua"
    with pytest.raises(TypeError, match="parser must be"):
        bulletin.parse("本报讯 会议。", parser=42)  # type: ignore[arg-type]
