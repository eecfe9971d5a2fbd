"""Dateline rule: ``本报讯``, ``新华社北京6月2日电`` at the start of a report, ``（新华社北京6月2日电）`` at its end."""

from __future__ import annotations

from bulletin.parsing.pieces import first_text, last_text, split_leading, split_trailing
from bulletin.parsing.state import ParseState
from bulletin.recognize.common import ends_with_run
from bulletin.recognize.dateline import match_leading_dateline, match_trailing_dateline

__all__ = ["dateline_rule"]


def _finished(text: str) -> bool:
    """Whether ``text`` ends a sentence (``[。！？!?…][”’」』）)]*$``)."""
    return ends_with_run(text, "。！？!?…", "”’」』）)")


def dateline_rule(state: ParseState) -> None:
    """Split leading datelines off the paragraph they open and trailing ones off the paragraph they close."""
    lines = state.lines
    # every dateline, leading or trailing, holds one of the words of a leading one
    for line in state.lines_for(match_leading_dateline):
        if line.kind is not None:
            continue
        before = line.index - 1
        while before >= 0 and lines[before].kind is not None:
            before -= 1
        after_text = lines[before].text if before >= 0 else ""  # the unclaimed line above
        piece = first_text(state, line)
        if piece is not None and piece.whole_line and _finished(after_text):
            # a bracketed dateline alone on a line after a finished sentence closes that report
            tail = match_trailing_dateline(line.text)
            if tail is not None and tail.start == 0:
                split_trailing(state, piece, 0, "dateline", tail)
                continue
        if piece is not None and piece.start == 0:
            match = match_leading_dateline(line.text)
            if match is not None and match.start == 0:
                split_leading(state, piece, match.end, "dateline", match, match.body_start)
                continue
        piece = last_text(state, line)
        if piece is not None:
            tail = match_trailing_dateline(line.text[: piece.end])
            if tail is not None and tail.start >= piece.start:
                split_trailing(state, piece, tail.start, "dateline", tail)
