"""Paragraph rule: join the text pieces of consecutive lines across hard wraps and page breaks.

Whether a line break is a hard wrap is decided by the shared wrap logic of the
``hardwrap`` normaliser (column width, sentence-final punctuation, indents),
plus two artefacts of PDF extraction it cannot see line by line: a dangling
tail of one to three characters, and headings marked up as such.
"""

from __future__ import annotations

import regex

from bulletin.normalize.hardwrap import continues, estimate_wrap_width, wrap_separator
from bulletin.parsing.rules.headline import is_headline_like
from bulletin.parsing.state import ParseState, Piece, Unit
from bulletin.recognize.byline import match_bare_author
from bulletin.recognize.common import ends_with_run

__all__ = ["paragraphs_rule"]

_DIGITS = regex.compile(r"[\d\s]+")
_NUMBERED = regex.compile(r"[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．]")
_CLAUSE = regex.compile(r"[，、；,;]")


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


def _visible(text: str) -> int:
    return len(text) - text.count(" ")


def _joins(state: ParseState, unit: Unit, piece: Piece) -> bool:
    prev = unit.last
    if prev.end < len(prev.line.text):
        return False  # an element (a trailing dateline, a source) closes the previous line
    line = piece.line
    if line.heading_level or line.bullet or prev.line.heading_level:
        return False
    # the whole printed line counts for the wrap: a dateline split off its start (本报某地…电) was set in it too
    prev_text = prev.line.text if prev.start > 0 else prev.text
    if _terminal(prev_text):
        return False
    next_text = piece.text
    if (
        not _clause_end(prev_text)
        and len(next_text) <= 3
        and not _DIGITS.fullmatch(next_text)
        and not line.indented
        and match_bare_author(next_text) is None
    ):
        return True  # a dangling tail: ``…建设生育友好型社会的通`` / ``知``
    following = (" " if line.indented else "") + next_text
    if continues(prev_text, following, width=state.wrap_width):
        return True
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


def paragraphs_rule(state: ParseState) -> None:
    """Build units: text joined across wraps, and one unit for every element piece."""
    state.wrap_width = _column_width([line.text for line in state.lines if line.kind is None])
    state.marked_headings = sum(1 for line in state.lines if line.heading_level) >= 2
    units: list[Unit] = []
    current: Unit | None = None
    block = 0
    for line in state.lines:
        if line.blank_before:
            block += 1
        for piece in state.pieces[line.index]:
            if piece.kind in ("furniture", "toc"):
                continue
            if piece.kind != "text":
                units.append(Unit([piece], kind=piece.kind, text=piece.text, block=block))
                current = None
                continue
            if current is not None and piece.start == 0 and _joins(state, current, piece):
                current.text += wrap_separator(current.text, piece.text) + piece.text
                current.pieces.append(piece)
            else:
                current = Unit([piece], kind="text", text=piece.text, block=block)
                units.append(current)
            if piece.end < len(line.text):
                current = None
    state.units = units
