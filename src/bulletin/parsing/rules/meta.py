"""Metadata rule: the ``发布时间：… 来源：… 作者：…`` line of a web page saved as text.

The line credits the article it stands under (its source, authors and
editors) and dates it; it is neither body nor headline.  Two more lines of
this sort are read here: a paper's credit line under the headline, alone or
after the byline (``本报记者 王小明《某某日报》（2031年01月03日第 11 版）``), and
an ``原标题：某某晚报｜…`` line naming the outlet a reposted piece comes from,
and a series line (``系列：某某观察``) naming the article's column.
Unlike a source line after the text, neither closes the article.
"""

from __future__ import annotations

from bulletin.parsing.pieces import whole_text
from bulletin.parsing.state import ParseState
from bulletin.recognize.byline import match_credit_line
from bulletin.recognize.column import match_series_line
from bulletin.recognize.common import keywords
from bulletin.recognize.meta import MetaMatch, match_meta_line
from bulletin.recognize.source import match_original_title, match_source_line, match_trailing_source

__all__ = ["match_paper_credit", "meta_rule"]

#: A metadata line is short; longer lines are text and are not tried.
_META_LINE_MAX = 120


@keywords(lambda: ("《", "》"))  # a publication's name in title marks
def match_paper_credit(line: str) -> MetaMatch | None:
    """A paper's credit line, alone or after a byline, read as metadata: its source and authors.

    >>> meta = match_paper_credit("本报记者 王小明《某某日报》（2031年01月03日第11版）")
    >>> meta.source.name, [(a.name, a.role) for a in meta.authors]
    ('某某日报', [('王小明', '记者')])
    >>> match_paper_credit("《某某日报》（2031年01月03日第11版）").source.name
    '某某日报'
    >>> match_paper_credit("（来源：区委办）") is None
    True
    """
    if not line.startswith("《"):
        source = match_trailing_source(line)
        if source is None or "》" not in line[source.start : source.end] or not line[: source.start].strip():
            return None
        credit = match_credit_line(line[: source.start])
        if credit is None:
            return None
        return MetaMatch(fields=(), source=source, authors=credit.bylines, start=0, end=len(line))
    whole = match_source_line(line)
    if whole is None or whole.relation != "reprinted" or whole.start != 0 or ("（" not in line and "(" not in line):
        return None
    return MetaMatch(fields=(), source=whole, start=0, end=len(line))


def _series(line: str) -> MetaMatch | None:
    found = match_series_line(line)
    if found is None:
        return None
    name, start, end = found
    return MetaMatch(fields=(("series", name, start, end),), start=0, end=len(line))


def _original_title(line: str) -> MetaMatch | None:
    source = match_original_title(line)
    return None if source is None else MetaMatch(fields=(), source=source, start=0, end=len(line))


def meta_rule(state: ParseState) -> None:
    """Claim web metadata lines."""
    for line in state.lines_for(match_meta_line, match_paper_credit, match_original_title, match_series_line):
        if line.kind is not None or len(line.text) > _META_LINE_MAX:
            continue
        if whole_text(state, line) is None:
            continue
        text = line.text
        match = match_meta_line(text) or match_paper_credit(text) or _original_title(text) or _series(text)
        if match is not None:
            state.claim(line, "meta", match)
