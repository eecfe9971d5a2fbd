"""Source rule: ``（来源：区委办）``, ``（《人民日报》）``, ``（综合自：政协联线）`` close an article."""

from __future__ import annotations

from bulletin.parsing.pieces import last_text, split_trailing, whole_text
from bulletin.parsing.state import ParseState
from bulletin.recognize.source import match_source_line, match_trailing_source

__all__ = ["source_rule"]

#: A source line is short; longer lines are text and are not tried.
_SOURCE_LINE_MAX = 80


def source_rule(state: ParseState) -> None:
    """Claim source lines and sources in brackets at the end of a paragraph."""
    for line in state.lines:
        if line.kind is not None:
            continue
        piece = whole_text(state, line)
        if piece is not None and len(line.text) <= _SOURCE_LINE_MAX:
            source = match_source_line(line.text)
            if source is not None:
                state.claim(line, "source", source)
                continue
        piece = last_text(state, line)
        if piece is not None:
            tail = match_trailing_source(line.text[: piece.end])
            if tail is not None and tail.start > piece.start:
                split_trailing(state, piece, tail.start, "source", tail)
