"""Run-in dateline rule: a dated dateline in the middle of a line opens the report it starts.

Archive records and pages flattened to one line print the headline and the report on one line,
parted by a printed space: ``某部印发指导意见 三类企业将获减税 新华社北京5月7日电 正文…``.  The
space is evidence the normaliser removes, so it is looked for in the input.  Where a dated
dateline (agency, month and day) follows such a space and what comes before it reads as a
headline or ends a sentence, the line is cut there: the part before is text of its own (a
headline, or the end of what came before), and the dateline opens the rest.
"""

from __future__ import annotations

import attrs
import regex

from bulletin.parsing.lines import text_offset
from bulletin.parsing.pieces import last_text
from bulletin.parsing.rules.headline import is_headline_like
from bulletin.parsing.state import ParseState, Piece
from bulletin.recognize.dateline import DatelineMatch, match_leading_dateline

__all__ = ["run_in_dateline_rule"]

_GAP = regex.compile(r"[ \t\u3000]++")
_FINISHED = regex.compile(r"[。！？!?][”’」』）)]*+$")
#: how far into a line a run-in dateline is looked for (a headline, a page label and a column)
_REACH = 160


def _shifted(match: DatelineMatch, by: int) -> DatelineMatch:
    """``match`` with its offsets moved ``by`` characters on (it was found in a line's tail)."""
    credits = tuple(attrs.evolve(c, start=c.start + by, end=c.end + by) for c in match.credits)
    return attrs.evolve(match, start=match.start + by, end=match.end + by, body_start=match.body_start + by, credits=credits)


def run_in_dateline_rule(state: ParseState) -> None:
    """Cut a line where a dated dateline follows a printed space after a headline or a sentence.

    >>> import bulletin
    >>> b = bulletin.parse("青岚县启动秋季助农行动 全县三千名志愿者参与 新华社青岚5月7日电 青岚县昨日启动秋季助农行动。")
    >>> b.articles[0].title, b.articles[0].dateline.place
    ('青岚县启动秋季助农行动全县三千名志愿者参与', '青岚')
    """
    for line in state.lines_for(match_leading_dateline):
        if line.kind is not None or len(line.text) < 20:
            continue
        piece = last_text(state, line)
        if piece is None or piece.end < len(line.text):
            continue
        if any(p.kind != "furniture" for p in state.pieces[line.index] if p is not piece):
            continue  # the text after a dateline or a credit is a report's own, not a headline
        start = piece.span(state.normalized).start
        window = state.original[start : min(line.span.end, start + _REACH)]
        for gap in _GAP.finditer(window):
            at = text_offset(line, start + gap.end(), state.normalized)
            if not piece.start < at < len(line.text):
                continue
            match = match_leading_dateline(line.text[at:])
            if match is None or match.start != 0 or match.month is None or match.day is None:
                continue
            before = line.text[piece.start : at].strip()
            if not (is_headline_like(before) or _FINISHED.search(before)):
                continue
            match = _shifted(match, at)
            cut = [Piece(line, piece.start, at, "text"), Piece(line, at, match.end, "dateline", match)]
            if line.text[match.body_start :].strip():
                cut.append(Piece(line, match.body_start, len(line.text), "text"))
            else:
                cut[-1].end = len(line.text)
            pieces = state.pieces[line.index]
            pieces[pieces.index(piece) :] = cut
            break
