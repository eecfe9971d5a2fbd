"""The rule chain can be reordered, disabled and extended by name."""

from __future__ import annotations

import pytest

from bulletin import Parser
from bulletin.parsing.state import ParseState


def test_default_chain_order() -> None:
    assert Parser().rules.names() == [
        "furniture",
        "toc",
        "note",
        "meta",
        "source",
        "dateline",
        "run_in_dateline",
        "byline",
        "subhead",
        "paragraphs",
        "segment",
    ]


def test_a_rule_added_by_name_runs_in_its_place() -> None:
    seen: list[str] = []
    parser = Parser()

    def spy(state: ParseState) -> None:
        seen.append(",".join(line.kind or "-" for line in state.lines))

    parser.rules.after("furniture", "spy", spy)
    parser.parse("2024年11月刊\n\n本报讯 会议举行。")
    assert seen == ["furniture,-"]


def test_disabling_a_rule_changes_the_result() -> None:
    text = "会议举行。\n\n（来源：区委办）"
    assert Parser().parse(text).articles[0].sources[0].name == "区委办"
    parser = Parser()
    parser.rules.disable("source")
    assert parser.parse(text).articles[0].sources == ()


def test_unknown_rule_names_are_reported() -> None:
    with pytest.raises(KeyError, match="no rule named 'nope'"):
        Parser().rules.disable("nope")
