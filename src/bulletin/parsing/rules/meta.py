"""Metadata rule: the ``发布时间：… 来源：… 作者：…`` line of a web page saved as text.

The line credits the article it stands under (its source, authors and
editors) and dates it; it is neither body nor headline.
"""

from __future__ import annotations

from bulletin.parsing.pieces import whole_text
from bulletin.parsing.state import ParseState
from bulletin.recognize.meta import match_meta_line

__all__ = ["meta_rule"]

#: A metadata line is short; longer lines are text and are not tried.
_META_LINE_MAX = 120


def meta_rule(state: ParseState) -> None:
    """Claim web metadata lines."""
    for line in state.lines:
        if line.kind is not None or len(line.text) > _META_LINE_MAX:
            continue
        if whole_text(state, line) is None:
            continue
        match = match_meta_line(line.text)
        if match is not None:
            state.claim(line, "meta", match)
