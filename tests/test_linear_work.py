"""Work that grows linearly with the input: counted, not timed.

Each test builds an input on which the old code did work proportional to
the square of its size (or to its size times a number of rounds) and counts
the work the code does now.
"""

from __future__ import annotations

import pytest

from bulletin.normalize import hardwrap


def test_join_gaps_decides_again_only_near_the_lines_a_round_joined(monkeypatch: pytest.MonkeyPatch) -> None:
    # a column of full lines that each end a sentence, and one sentence wrapped into
    # 39 short remainders: one remainder joins per round, for 40 rounds
    column = "全市各级部门认真落实安全生产责任"
    lines = [column + "。"] * 3000 + [column] + ["各项工", "作任务", "扎实推"] * 13 + [column + "。"] * 3000
    calls = 0
    decide = hardwrap._decide

    def counting(*args: object) -> bool:
        nonlocal calls
        calls += 1
        return decide(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(hardwrap, "_decide", counting)
    gaps = hardwrap.join_gaps("\n".join(lines))
    assert len(gaps) == 39 + 1  # and the last remainder to the next sentence
    # every pair once in the first round, then only the pairs near the joined line:
    # re-deciding every pair in each round was 40 × 6,000
    assert calls < 2 * len(lines)


class _CountingList(list):  # type: ignore[type-arg]
    """A list that counts the elements its reads hand out (a slice copies every element it holds)."""

    touched = 0

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        item = super().__getitem__(key)
        _CountingList.touched += len(item) if isinstance(key, slice) else 1
        return item


def test_digest_columns_reads_each_following_article_once() -> None:
    from typing import Any

    from bulletin.parsing.rules.segment import _digest_columns
    from bulletin.parsing.state import ArticleDraft

    heading: Any = object()
    dateline: Any = object()
    # titled, dated articles one after another: each looks at the next and stops
    articles = _CountingList(ArticleDraft(title=[heading], dateline=dateline) for _ in range(3000))
    _CountingList.touched = 0
    _digest_columns(articles)
    # a copy of the rest of the list per article was 3000 × 1500 elements
    assert _CountingList.touched < 3 * len(articles)
    assert all(article.title == [heading] for article in articles)


def test_editor_notes_find_their_article_without_a_scan_of_every_article() -> None:
    from types import SimpleNamespace
    from typing import Any

    from bulletin.model import Article
    from bulletin.parsing.build import _Builder
    from bulletin.parsing.lines import Line
    from bulletin.span import Span

    # 60,000 articles with a note each: a scan of the articles per note was 1.8 × 10^9 steps (minutes)
    count = 60_000
    articles = [Article(span=Span(10 * k, 10 * k + 10)) for k in range(count)]
    lines = [Line(index=k, text="按：一则说明", raw="按：一则说明", span=Span(10 * k, 10 * k + 6), norm_start=10 * k) for k in range(count)]
    from bulletin.parsing.state import Piece

    state: Any = SimpleNamespace(
        editor_notes=[(line, line, None) for line in lines],
        lines=lines,
        pieces=[[Piece(line, 0, len(line.text))] for line in lines],
        normalized=None,
        furniture=[],
        options=SimpleNamespace(issue_date=None),
        issue_date=None,
    )
    noted = _Builder(state).editor_notes(articles)
    assert [len(article.notes) for article in noted] == [1] * count
    assert noted[123].notes[0].span == Span(1230, 1236)
    assert noted[123].notes[0].kind == "editor"


def test_wrap_separator_reads_only_the_end_of_a_long_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    # a paragraph joined over thousands of lines asks for the separator once per line: the acronym
    # test must look at the few characters before the break, not search the whole paragraph
    searched: list[int] = []
    pattern = hardwrap._acronym_cut()

    class Counting:
        def search(self, text: str, pos: int, endpos: int) -> object:
            searched.append(endpos - pos)
            return pattern.search(text, pos, endpos)

    monkeypatch.setattr(hardwrap, "_acronym_cut", lambda: Counting())
    paragraph = "国际货币基金组织发布报告。" * 20_000 + "（I"
    assert hardwrap.wrap_separator(paragraph, "MF）和世界银行") == ""
    assert hardwrap.wrap_separator("ab" * 20_000 + " I", "MF）") == " "  # a Latin word before it: not an acronym cut
    assert hardwrap.wrap_separator("IMF", "AND") == ""  # from the start of the text
    assert searched
    assert max(searched) <= 8


def test_a_line_printed_again_is_read_once() -> None:
    from bulletin.parsing.parser import Parser
    from bulletin.parsing.rules.furniture import furniture_kind
    from bulletin.parsing.state import ParseState
    from bulletin.recognize.byline import match_credit_line

    seen = {}

    def probe(state: ParseState) -> None:  # runs last, before the parser forgets the answers
        seen["credit"] = match_credit_line.cache_info()  # type: ignore[attr-defined]
        seen["furniture"] = furniture_kind.cache_info()  # type: ignore[attr-defined]

    parser = Parser()
    parser.rules.push("probe", probe)
    # a hostile text: one short line a hundred thousand times (each once cost every recogniser)
    parsed = parser.parse("（）\n" * 100_000)
    assert len(parsed.articles) == 1
    assert parsed.articles[0].paragraphs[0].text.startswith("（）（）")
    for info in seen.values():
        assert info.misses <= 2
        assert info.hits >= 99_000
    assert match_credit_line.cache_info().currsize == 0  # type: ignore[attr-defined]  # nothing of the text is kept


def test_remembered_answers_are_forgotten_when_the_knowledge_changes() -> None:
    import bulletin
    from bulletin import knowledge

    text = "城中村改造进入深水区\n\n南方周末记者 张三\n\n城中村改造已进入深水区。"
    assert bulletin.parse(text)[0].bylines == ()
    knowledge.extend('agencies.mainland.names = ["南方周末"]')
    try:
        assert [(b.organization, b.name) for b in bulletin.parse(text)[0].bylines] == [("南方周末", "张三")]
    finally:
        knowledge.reset()
    assert bulletin.parse(text)[0].bylines == ()
