"""Source parsers: entry-point discovery, detection, selection, and errors that name the parser."""

from __future__ import annotations

import pytest

import bulletin
from bulletin import ParseOptions, RuleBasedParser, SourceParser, SourceParserError, UnknownSourceError
from bulletin.parsers import registry

WIRE = "两部门部署夏季粮油生产\n\n新华社北京6月2日电（记者 张三）农业农村部2日部署夏季粮油生产。（完）\n"


def test_built_in_parsers_register_through_entry_points() -> None:
    assert {"generic", "xinhua"} <= set(bulletin.parser_names())
    assert isinstance(bulletin.get_parser("xinhua"), SourceParser)


def test_detection_picks_the_wire_parser_for_wire_copy() -> None:
    assert bulletin.choose_parser(WIRE).name == "xinhua"
    assert bulletin.choose_parser("本报讯 会议举行。").name == "generic"
    parsed = bulletin.parse(WIRE)
    assert parsed.parser == "xinhua"
    assert parsed.articles[0].paragraphs[-1].text.endswith("夏季粮油生产。")
    assert [n.kind for n in parsed.articles[0].notes] == ["end-mark"]


def test_one_reprinted_wire_story_does_not_make_a_newspaper_page_wire_copy() -> None:
    page = (
        "本报讯（记者 王明）全市防汛工作会议昨天举行。\n\n"
        "新华社北京6月2日电（记者 张三）农业农村部2日部署夏季粮油生产。\n\n"
        "本报记者 李华\n\n区政协召开常委会议。\n"
    )
    assert bulletin.choose_parser(page).name == "generic"
    assert bulletin.get_parser("xinhua").detect(page) == 0.0


def test_several_wire_datelines_are_wire_copy_even_without_end_marks() -> None:
    wire = (
        "新华社北京6月2日电 农业农村部2日部署夏季粮油生产。\n\n"
        "新華社香港6月2日電 香港特區政府2日公布數據。\n"
    )
    assert bulletin.choose_parser(wire).name == "xinhua"


def test_a_named_parser_is_used() -> None:
    assert bulletin.parse(WIRE, parser="generic").parser == "generic"
    with pytest.raises(UnknownSourceError, match="installed: generic"):
        bulletin.parse(WIRE, parser="nope")


class _Broken(RuleBasedParser):
    name = "broken"

    def parse(self, text: str, *, options: ParseOptions) -> bulletin.Bulletin:
        raise ZeroDivisionError("boom")


def test_a_parser_that_raises_is_reported_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    found = dict(registry._registry())
    found["broken"] = _Broken()
    monkeypatch.setattr(registry, "_registry", lambda: found)
    with pytest.raises(SourceParserError, match="source parser 'broken' failed: ZeroDivisionError: boom"):
        bulletin.parse("本报讯", parser="broken")


def test_parsers_pickle() -> None:
    import pickle

    parser = bulletin.get_parser("xinhua")
    clone = pickle.loads(pickle.dumps(parser))
    assert clone.parse(WIRE, options=ParseOptions()).articles[0].title == "两部门部署夏季粮油生产"
    assert pickle.loads(pickle.dumps(ParseOptions(disable={"subhead"}))) == ParseOptions(disable={"subhead"})
