"""Source rule: ``（来源：区委办）``, ``（《人民日报》）``, ``（综合自：政协联线）`` close an article."""

from __future__ import annotations

from bulletin.parsing.pieces import claim_lines_and_tails
from bulletin.parsing.state import ParseState
from bulletin.recognize.source import match_source_line, match_trailing_source

__all__ = ["source_rule"]

#: A source line is short; longer lines are text and are not tried.
_SOURCE_LINE_MAX = 80


def source_rule(state: ParseState) -> None:
    """Claim source lines and sources in brackets at the end of a paragraph."""
    claim_lines_and_tails(
        state,
        whole=match_source_line,
        whole_kind="source",
        max_length=_SOURCE_LINE_MAX,
        tail=match_trailing_source,
        tail_kind="source",
    )
