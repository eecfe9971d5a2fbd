"""Byline rule: credit lines (``记者 周明 李晓雪``, ``王强 赵丽 摄影报道``) and trailing credits (``（谢达成）``)."""

from __future__ import annotations

from bulletin.parsing.pieces import last_text, split_trailing, whole_text
from bulletin.parsing.state import ParseState
from bulletin.recognize.byline import match_credit_line, match_trailing_credit

__all__ = ["byline_rule"]

#: A credit line is short; longer lines are text and are not tried.
_CREDIT_LINE_MAX = 60


def byline_rule(state: ParseState) -> None:
    """Claim whole credit lines, and credits in brackets at the end of a paragraph."""
    for line in state.lines:
        if line.kind is not None:
            continue
        piece = whole_text(state, line)
        if piece is not None and len(line.text) <= _CREDIT_LINE_MAX:
            credit = match_credit_line(line.text)
            if credit is not None:
                state.claim(line, "credit", credit)
                continue
        piece = last_text(state, line)
        if piece is not None and len(piece.line.text) > 8:
            tail = match_trailing_credit(line.text[: piece.end])
            if tail is not None and tail.start > piece.start:
                split_trailing(state, piece, tail.start, "credit-tail", tail)
