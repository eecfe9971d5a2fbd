"""Byline rule: credit lines (``记者 周明 李晓雪``, ``王强 赵丽 摄影报道``) and trailing credits (``（谢达成）``)."""

from __future__ import annotations

from bulletin.parsing.pieces import claim_lines_and_tails, first_text, split_leading
from bulletin.parsing.state import ParseState
from bulletin.recognize.byline import (
    match_credit_line,
    match_leading_credit,
    match_signature_names,
    match_trailing_credit,
)
from bulletin.recognize.common import OPENERS

__all__ = ["byline_rule"]

#: A credit line is short; longer lines are text and are not tried.
_CREDIT_LINE_MAX = 60


def byline_rule(state: ParseState) -> None:
    """Claim whole credit lines, and credits in brackets at the end or the start of a paragraph."""
    claim_lines_and_tails(
        state,
        whole=match_credit_line,
        whole_kind="credit",
        max_length=_CREDIT_LINE_MAX,
        tail=match_trailing_credit,
        tail_kind="credit-tail",
    )
    for line in state.lines:
        if line.kind is not None or line.text[:1] not in OPENERS:  # a leading credit is bracketed
            continue
        piece = first_text(state, line)
        if piece is None or piece.start != 0:
            continue
        match = match_leading_credit(line.text[: piece.end])
        if match is not None:
            body = len(line.text) - len(line.text[match.end :].lstrip())
            split_leading(state, piece, match.end, "credit-lead", match, body)
    _signatures(state)


def _signatures(state: ParseState) -> None:
    """Bare names before an agency tail sign the report: ``王小明/李青（法新社、路透社）``."""
    for line in state.lines:
        pieces = state.pieces[line.index]
        if line.kind is not None or len(pieces) != 2 or pieces[0].kind != "text" or pieces[1].kind != "source":
            continue
        piece = pieces[0]
        if piece.start != 0 or piece.end - piece.start > 16:
            continue
        match = match_signature_names(line.text[: piece.end])
        if match is not None:
            piece.kind, piece.payload = "credit", match
