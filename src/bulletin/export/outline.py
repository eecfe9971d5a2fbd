"""A readable outline of a bulletin, for a person at a terminal: what ``bulletin parse`` shows there.

Each article takes a few lines: its number and title, the other headline
parts, dateline, credits and sources when there are any, and the first line
of its body with a count of paragraphs; the bulletin's table of contents,
captions and page furniture are counted at the end.  Long lines are cut to
the width given, so an article fits on one screen.  With ``color=True``
titles are bold and labels dim (ANSI escapes).

>>> from bulletin import parse
>>> print(to_outline(parse("市长会见友好城市代表团\\n推动两市务实合作\\n\\n本报讯（记者 王明）市长昨天会见了代表团。\\n双方就经贸合作交换了意见。")))
1 article (parser: generic)
<BLANKLINE>
[1] 市长会见友好城市代表团
    subtitle  推动两市务实合作
    dateline  本报讯 (本报)
    bylines   记者 王明
    body      2 paragraphs: 市长昨天会见了代表团。
"""

from __future__ import annotations

import collections
import unicodedata

from bulletin.model import Article, Bulletin

__all__ = ["article_outline", "to_outline"]

_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
_LABEL_WIDTH = 10


def _cells(text: str) -> int:
    """Terminal cells ``text`` takes: two for a wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cut(text: str, cells: int) -> str:
    """``text`` on one line, cut with an ellipsis to fit ``cells`` terminal cells.

    >>> _cut("全市防汛工作会议昨天上午举行", 12)
    '全市防汛工…'
    """
    text = " ".join(text.split())
    if _cells(text) <= cells:
        return text
    used, kept = 0, []
    for char in text:
        used += _cells(char)
        if used > cells - 1:
            break
        kept.append(char)
    return "".join(kept) + "…"


def _dateline(article: Article) -> str | None:
    dateline = article.dateline
    if dateline is None:
        return None
    facts = [x for x in (dateline.agency, dateline.place, dateline.iso_date()) if x]
    return f"{dateline.text} ({', '.join(facts)})" if facts else dateline.text


def article_outline(article: Article, number: int, *, width: int = 80, color: bool = False) -> list[str]:
    """The outline lines of one article (``number`` counts from 1)."""
    from bulletin.export.text import credits_line

    bold, dim, reset = (_BOLD, _DIM, _RESET) if color else ("", "", "")
    head = f"[{number}] "
    title = article.title or "(untitled)"
    lines = [f"{head}{bold}{_cut(title, width - len(head))}{reset}"]
    headline = article.headline
    paragraphs = len(article.paragraphs)
    first = article.paragraphs[0].text.splitlines()[0] if article.paragraphs else ""
    body = f"{paragraphs} paragraph{'' if paragraphs == 1 else 's'}"
    if article.subheads:
        body += f", {len(article.subheads)} subheads"
    fields = [
        ("column", headline.column.name if headline.column else None),
        ("kicker", headline.kicker.text if headline.kicker else None),
        ("subtitle", headline.subtitle.text if headline.subtitle else None),
        ("dateline", _dateline(article)),
        ("bylines", credits_line(article) or None),
        ("sources", "、".join(f"{s.name} ({s.relation})" for s in article.sources) or None),
        ("notes", "、".join(sorted({n.kind for n in article.notes})) or None),
        ("captions", str(len(article.captions)) if article.captions else None),
        ("body", f"{body}: {first}" if first else body),
    ]
    indent = " " * 4
    room = width - len(indent) - _LABEL_WIDTH
    for label, value in fields:
        if value:
            lines.append(f"{indent}{dim}{label.ljust(_LABEL_WIDTH)}{reset}{_cut(value, room)}")
    return lines


def to_outline(bulletin: Bulletin, *, width: int = 80, color: bool = False) -> str:
    """The whole bulletin as an outline of at most ``width`` terminal cells a line."""
    count = len(bulletin.articles)
    about = [f"parser: {bulletin.parser}"]
    if bulletin.publication:
        about.insert(0, bulletin.publication)
    if bulletin.issue_date:
        about.insert(1 if bulletin.publication else 0, bulletin.issue_date.iso())
    blocks = [_cut(f"{count} article{'' if count == 1 else 's'} ({', '.join(about)})", width)]
    for number, article in enumerate(bulletin.articles, 1):
        blocks.append("\n".join(article_outline(article, number, width=width, color=color)))
    rest = []
    if bulletin.toc:
        rest.append(f"table of contents: {len(bulletin.toc)} entries")
    if bulletin.captions:
        rest.append(f"captions: {len(bulletin.captions)}")
    if bulletin.furniture:
        kinds = collections.Counter(f.kind for f in bulletin.furniture)
        rest.append(f"furniture: {len(bulletin.furniture)} ("
                    + ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items())) + ")")
    if rest:
        blocks.append("\n".join(_cut(line, width) for line in rest))
    return "\n\n".join(blocks)
