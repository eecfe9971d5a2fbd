"""Paragraph rule: join the text pieces of consecutive lines across hard wraps and page breaks.

Whether a line break is a hard wrap is decided by the shared wrap logic of the
``hardwrap`` normaliser (column width, sentence-final punctuation, indents),
plus two artefacts of PDF extraction it cannot see line by line: a dangling
tail of one to three characters, and headings marked up as such.
"""

from __future__ import annotations

import regex

from bulletin.normalize.hardwrap import BRACKET_PAIRS, continues, estimate_wrap_width, wrap_separator
from bulletin.parsing.lines import Line, printed_gap
from bulletin.parsing.rules.headline import is_headline_like
from bulletin.parsing.rules.toc_entry import join_letter_spaced
from bulletin.parsing.state import ParseState, Piece, Unit
from bulletin.recognize.byline import match_bare_author
from bulletin.recognize.common import ends_with_run

__all__ = ["closes_text", "paragraphs_rule"]

_DIGITS = regex.compile(r"[\d\s]+")
_NUMBERED = regex.compile(r"[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．]")
_CLAUSE = regex.compile(r"[，、；,;]")
_ITEM_NUMBER_ONLY = regex.compile(r"\d{1,2}[.．、]|[（(]\d{1,2}[）)]")


def _terminal(text: str) -> bool:
    """Whether ``text`` ends a sentence or a clause that a list follows (``[。！？；!?;…：:][”’」』）》)"']*$``)."""
    return ends_with_run(text, "。！？；!?;…：:", "”’」』）》)\"'")


def _open_end(text: str) -> bool:
    """Whether ``text`` ends in a function word, so cannot end a sentence or a headline:
    ``…对党员干部的`` / ``教育、管理…``."""
    return ends_with_run(text, "的地得和与及或在对把将被从向为之而并且以于")


def _clause_end(text: str) -> bool:
    """Whether ``text`` ends in a clause mark (``[，、；：,;]$``)."""
    return ends_with_run(text, "，、；：,;")


def _unclosed(text: str) -> bool:
    """Whether ``text`` opens a bracket or a quote it does not close, so the next line goes on with it.

    >>> _unclosed("久久为功，小城成为“花园城”（总"), _unclosed("临江港吞吐量创新高（图）")
    (True, False)
    """
    return any(text.count(opener) > text.count(closer) for opener, closer in BRACKET_PAIRS if opener in text)


def _visible(text: str) -> int:
    return len(text) - text.count(" ")


def _joins(state: ParseState, unit: Unit, piece: Piece) -> bool:
    prev = unit.last
    if prev.end < len(prev.line.text):
        return False  # an element (a trailing dateline, a source) closes the previous line
    line = piece.line
    if line.heading_level or line.bullet or prev.line.heading_level or line.bold or prev.line.bold:
        return False
    # the whole printed line counts for the wrap: a dateline split off its start (本报某地…电) was set in it too
    prev_text = prev.line.text if prev.start > 0 else prev.text
    if _terminal(prev_text):
        return False
    next_text = piece.text
    if _ITEM_NUMBER_ONLY.fullmatch(next_text):
        return False  # an item's number on a line of its own starts the item
    if _ITEM_NUMBER_ONLY.fullmatch(prev_text) and not line.indented:
        return True  # ... and the item's text goes on in the next line
    if _unclosed(prev_text) and not line.indented and not _unclosed(next_text[:1]):
        return True  # a bracket or quote opened on one line and closed on the next
    if _one_character(next_text) and _one_character_label(state, unit, line):
        return all(_one_character(p.text) for p in unit.pieces)  # ``综`` / ``合`` / ``新`` / ``闻``
    if (
        not _clause_end(prev_text)
        and len(next_text) <= 3
        and not _DIGITS.fullmatch(next_text)
        and not line.indented
        and match_bare_author(next_text) is None
    ):
        return True  # a dangling tail: ``…建设生育友好型社会的通`` / ``知``
    if _wrapped_title(state, unit, piece):
        return True
    following = (" " if line.indented else "") + next_text
    # a paragraph already joined over lines, or begun after a dateline, is running text
    running = len(unit.pieces) > 1 or prev.start > 0
    if continues(prev_text, following, width=state.wrap_width, running=running):
        return True
    if prev.start > 0 and continues(prev.line.text, following, width=state.wrap_width):
        return True  # the rest of a line after its dateline runs on: ``本报某地5月7日电 国际货币基金组织（I`` / ``MF）…``
    width = state.wrap_width
    if (
        width
        and not line.indented
        and _visible(prev_text) >= 0.6 * width
        and _visible(next_text) >= 0.8 * width
        and (_CLAUSE.search(prev_text) or _open_end(prev_text))
    ):
        return True  # a paragraph's first line, shortened by an indent the extraction lost
    if (
        len(prev_text) >= 18
        and _CLAUSE.search(prev_text)
        and not _clause_end(prev_text)
        and len(next_text) >= 20
        and not line.indented
        and not _NUMBERED.match(prev_text)
        and not _NUMBERED.match(next_text)
        and not is_headline_like(next_text)
    ):
        return True  # running text cut by a column or page break: ``…，加快推进重点项目的建`` / ``设进度。…``
    # a document that marks its headings leaves unmarked short lines to the body
    return state.marked_headings and not line.indented and len(prev_text) >= 8


#: A headline line at least this long ran to the width of the headline's column.
_FULL_TITLE = 17


def _wrapped_title(state: ParseState, unit: Unit, piece: Piece) -> bool:
    """A headline wrapped at its column's width, the rest a short line right under it and right
    above the credit or source line: ``…电贺某某当选中国`` / ``国民党主席`` / ``《某报》（…）``.

    A second deck is as long as a line of its own (``先进人物图片损毁`` / ``影响公益宣传功能``);
    a bare name under a title is its author.
    """
    line = piece.line
    prev_text, next_text = unit.last.text, piece.text
    if len(unit.pieces) > 1 or line.blank_before or line.indented or _clause_end(prev_text):
        return False
    if len(prev_text) < _FULL_TITLE or not 4 <= len(next_text) <= 6 or not is_headline_like(prev_text):
        return False
    if len(next_text) <= 4 and match_bare_author(next_text) is not None:
        return False
    following = state.lines[line.index + 1] if line.index + 1 < len(state.lines) else None
    if following is None or following.blank_before:
        return False
    pieces = state.pieces[following.index]
    return bool(pieces) and pieces[0].kind not in ("text", "furniture", "toc")


def _one_character(text: str) -> bool:
    return len(text) == 1 and regex.match(r"\p{Han}", text) is not None


def _one_character_label(state: ParseState, unit: Unit, line: Line) -> bool:
    """Whether ``line`` belongs to a label printed one character per line, which is read as one
    line of its own (``综`` / ``合`` / ``新`` / ``闻`` → ``综合新闻``), not as the tail of the text above."""
    if all(_one_character(p.text) for p in unit.pieces):
        return True
    following = state.lines[line.index + 1] if line.index + 1 < len(state.lines) else None
    return following is not None and not following.blank_before and _one_character(following.text)


def _column_width(texts: list[str]) -> int | None:
    """The column width, when the text is really set in a narrow column.

    A column shows not only in lines of one length but in lines that stop in
    mid-sentence: most full-width lines must end without sentence punctuation.
    """
    width = estimate_wrap_width(texts)
    if width is None:
        return None
    full = [t for t in texts if len(t) >= 0.8 * width]
    running = sum(1 for t in full if not _terminal(t))
    return width if len(full) >= 4 and running >= 0.6 * len(full) else None


#: Elements that close the article above them (a leading dateline or credit opens the next one instead).
_CLOSING_KINDS = frozenset({"source", "note", "credit-tail", "furniture"})
_EXCLAIMED = regex.compile(r"[！!][”’」』）)]*$")


def closes_text(units: list[Unit], i: int) -> bool:
    """Whether text unit ``i`` is an exclamation closing the paragraphs above it, so a sentence of the
    body and not a headline: ``让我们携手共建美好家园！`` after the story, with no paragraph under it.

    >>> story = [Unit([], text="全县干部群众纷纷参与，帮助农户抢收晚稻。"), Unit([], text="让我们携手共建美好家园！")]
    >>> closes_text(story, 1), closes_text([*story, Unit([], text="这是新一段正文，讲述新的故事。")], 1)
    (True, False)
    """
    unit = units[i]
    if unit.kind != "text" or not _EXCLAIMED.search(unit.text) or i == 0:
        return False
    before = units[i - 1]
    if before.kind != "text" or len(before.text) < 20 or not _terminal(before.text):
        return False
    after = units[i + 1] if i + 1 < len(units) else None
    if after is None or after.kind in _CLOSING_KINDS:
        return True
    # the next headline follows: its own text comes after it
    return after.kind == "text" and is_headline_like(after.text)


def paragraphs_rule(state: ParseState) -> None:
    """Build units: text joined across wraps, and one unit for every element piece."""
    state.wrap_width = _column_width([line.text for line in state.lines if line.kind is None])
    state.marked_headings = sum(1 for line in state.lines if line.heading_level) >= 2
    units: list[Unit] = []
    current: Unit | None = None
    # the open unit's text grows here, not in ``current.text``: a local string is extended in
    # place, so a paragraph joined over many lines costs its length once, not once per line
    text = ""
    block = 0
    for line in state.lines:
        if line.blank_before:
            block += 1
        for piece in state.pieces[line.index]:
            if piece.kind == "toc" and current is not None:
                current.text, text = text, ""  # no text runs on across a table of contents
                current = None
            if piece.kind in ("furniture", "toc"):
                continue
            if piece.kind != "text":
                if current is not None:
                    current.text, text = text, ""
                units.append(Unit([piece], kind=piece.kind, text=piece.text, block=block))
                current = None
                continue
            if current is not None and piece.start == 0 and _joins(state, current, piece):
                following = piece.text
                # lines cut out of one normalised line keep what it prints between them
                gap = printed_gap(current.last.line, line, state.normalized)
                text += (wrap_separator(text, following) if gap is None else gap) + following
                current.pieces.append(piece)
            else:
                if current is not None:
                    current.text = text
                # a label printed letter-spaced reads as one word: ``刊 首 语`` → ``刊首语`` (a two-character
                # heading such as ``改  变`` keeps its spacing, which tells it from a column name)
                text = piece.text
                if piece.whole_line and len(text) >= 5:
                    text = join_letter_spaced(text)
                current = Unit([piece], kind="text", block=block)
                units.append(current)
            if piece.end < len(line.text):
                current.text, text = text, ""
                current = None
    if current is not None:
        current.text = text
    state.units = units
