"""Keyword pre-filters: a recogniser that declared keywords is never run on a line without one,
and every declaration holds (the recogniser finds nothing in real text without its keywords)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

import bulletin
from bulletin.parsing.parser import Parser
from bulletin.parsing.pieces import claim_lines_and_tails
from bulletin.recognize import byline, dateline, note, source  # noqa: F401  (their declarations)
from bulletin.recognize.common import _KEYWORDS, declared_recognisers, keywords, keywords_of
from bulletin_strategies import bulletin_like

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "dev" / "raw").glob("*.txt"))
FIXTURE_LINES = [
    line.strip()
    for path in sorted((ROOT / "tests" / "fixtures").glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def _real_lines() -> list[str]:
    lines = list(FIXTURE_LINES)
    for path in FILES:
        state = Parser().state(path.read_text(encoding="utf-8"))
        lines += [line.text for line in state.lines]
    return lines


def test_the_recognisers_declare_keywords() -> None:
    names = {recogniser.__name__ for recogniser in _KEYWORDS}
    # trailing credits take forms without a fixed word (a bare name in brackets), so they declare none
    assert {"match_document_number", "match_trailing_source", "match_leading_dateline", "match_trailing_dateline"} <= names


@pytest.mark.parametrize("recogniser", sorted(_KEYWORDS, key=lambda r: r.__name__), ids=lambda r: r.__name__)
def test_a_declaration_holds_on_real_lines(recogniser: object) -> None:
    words = keywords_of(recogniser)  # type: ignore[arg-type]
    assert words
    found = 0
    for text in _LINES:
        if recogniser(text) is not None:  # type: ignore[operator]
            found += 1
            assert any(word in text for word in words), (recogniser, text)
    assert found > 0  # the check saw the recogniser match


_LINES = _real_lines()


def test_a_rule_runs_a_recogniser_only_on_lines_with_its_keywords() -> None:
    seen: list[str] = []

    @keywords(lambda: ["摄"])
    def credit(text: str) -> object | None:
        seen.append(text)
        return None

    def never(text: str) -> None:
        return None

    def rule(state: object) -> None:
        claim_lines_and_tails(state, whole=credit, whole_kind="credit", max_length=60, tail=never, tail_kind="x")  # type: ignore[arg-type]

    parser = Parser()
    parser.rules.before("byline", "credit", rule)
    parser.parse("会议举行\n\n王强 摄\n\n市长讲话。\n\n李明 摄影")
    assert seen == ["王强摄", "李明 摄影"]  # (the spaces step takes the space between two Han characters)


@settings(max_examples=300, deadline=None)
@given(text=bulletin_like(max_tokens=12))
def test_every_declaration_holds_on_generated_lines(text: str) -> None:
    """A line without any of a recogniser's keywords is one it finds nothing in (the tokens
    of the strategy are credits, datelines, sources and notes, with and without their words)."""
    for line in text.splitlines():
        for recogniser in declared_recognisers():
            words = keywords_of(recogniser) or frozenset()
            if recogniser.__module__.startswith("bulletin.") and not any(word in line for word in words):
                assert recogniser(line) is None, (recogniser.__name__, line)


def test_lines_for_marks_every_printing_of_a_repeated_line() -> None:
    """Each distinct text is searched once; every line that prints it is marked, and a keyword
    holding a shorter one (``摄影`` holds ``摄``) finds nothing the shorter one would not."""
    photo = keywords(lambda: ["摄影", "摄", "图片社"])(lambda text: None)
    state = Parser().state("王强 摄影\n\n会议举行。\n\n王强 摄影\n\n（某某图片社）\n\n会议举行。\n\n王强 摄影")
    texts = [line.text for line in state.lines]
    assert [line.text for line in state.lines_for(photo)] == [t for t in texts if "摄" in t or "图片社" in t]
    assert len(state.lines_for(photo)) == 4
    assert [state.may_match(photo, line) for line in state.lines] == ["摄" in t or "图片社" in t for t in texts]


def test_a_bad_declaration_fails_only_the_rule_that_asks() -> None:
    """Every declaration's lines are marked at once; one that is broken (a plug-in's keyword with a
    line break, a keywords function that raises) is left out of that, and fails only its own rule."""
    broken = keywords(lambda: ["a\nb"])(lambda text: None)

    def raising() -> list[str]:
        raise RuntimeError("no data")

    failing = keywords(raising)(lambda text: None)
    state = Parser().state("本报讯 会议举行。\n\n（记者 王强）")
    assert [line.index for line in state.lines_for(byline.match_credit_line)] == [1]
    with pytest.raises(ValueError, match="one line of text"):
        state.may_match(broken, state.lines[0])
    with pytest.raises(RuntimeError, match="no data"):
        state.lines_for(failing)
    assert bulletin.parse("本报讯 会议举行。\n\n（记者 王强）").articles[0].bylines[0].name == "王强"
