"""Run-in subhead rule: a numbered heading printed on the same line as the paragraph it heads.

PDF extraction often runs ``一、指导思想`` into the first sentence of its
section (``一、我国…成果显著 清华大学、…``).  Where a line opens with a
first-level number and a short heading ends at a printed space (or a question
mark, or before a second-level number such as ``（十一）``), the heading is split off.
"""

from __future__ import annotations

import regex

from bulletin.parsing.lines import text_offset
from bulletin.parsing.pieces import split_leading, whole_text
from bulletin.parsing.state import ParseState

__all__ = ["NUMBERED_HEADING", "run_in_subhead_rule"]

#: A first-level section number: ``一、`` ``二、`` … (not ``（一）`` or ``1.``, which number paragraphs).
NUMBERED_HEADING = regex.compile(r"[一二三四五六七八九十]{1,3}[、．.]")
_RAW_SPLIT = regex.compile(
    r"^[ \t\u3000]*+(?:[-*+][ \t])?(?P<head>[一二三四五六七八九十]{1,3}[、．.][^。\n]{2,40}?(?:[?？](?=[ \t\u3000])|(?=[ \t\u3000]+[（(][一二三四五六七八九十]{1,3}[）)])|(?=[ \t\u3000]+\S)))[ \t\u3000]+(?P<rest>\S)"
)


def run_in_subhead_rule(state: ParseState) -> None:
    """Split a numbered heading off the body text it was run into."""
    for line in state.lines:
        if line.kind is not None or len(line.text) <= 40:
            continue
        piece = whole_text(state, line)
        if piece is None or not NUMBERED_HEADING.match(line.text):
            continue
        match = _RAW_SPLIT.match(line.raw)
        if match is None:
            continue
        raw_start = line.span.start - (len(line.raw) - len(line.raw.lstrip()))
        head_end = text_offset(line, raw_start + match.end("head"), state.normalized)
        body_start = text_offset(line, raw_start + match.start("rest"), state.normalized)
        if 0 < head_end <= body_start < len(line.text):
            split_leading(state, piece, head_end, "subhead", None, body_start)
