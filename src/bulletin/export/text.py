"""A plain-text view of a bulletin: headline, credits, body and sources of one article after another.

The view keeps what a reader needs and nothing else: no spans, no page
furniture, no table of contents.  An article's head (column in 【】, kicker,
title, subtitle, credits) is parted from its body by a blank line; articles
are parted by two blank lines.
"""

from __future__ import annotations

from bulletin.model import Article, Bulletin

__all__ = ["article_text", "credits_line", "to_text"]


def credits_line(article: Article) -> str:
    """The article's bylines as one line, role words as printed: ``记者 王明 李华、通讯员 周涛``.

    >>> from bulletin import parse
    >>> credits_line(parse("王明主持会议\\n\\n本报讯（记者 王明 李华 通讯员 周涛）会议昨天举行。").articles[0])
    '记者 王明 李华、通讯员 周涛'
    """
    groups: list[tuple[str, list[str]]] = []
    for byline in article.bylines:
        label = f"{byline.organization or ''}{byline.role or ''}"
        if groups and groups[-1][0] == label:
            groups[-1][1].append(byline.name)
        else:
            groups.append((label, [byline.name]))
    return "、".join(" ".join(([label] if label else []) + names) for label, names in groups)


def body_lines(article: Article) -> list[str]:
    """Paragraphs and subheads in reading order, the dateline where it was printed."""
    items = sorted([(p.span.start, p.text) for p in article.paragraphs] + [(s.span.start, s.text) for s in article.subheads])
    lines = [text for _, text in items]
    dateline = article.dateline
    if dateline is not None and lines:
        if dateline.position == "leading":
            lines[0] = f"{dateline.text} {lines[0]}"
        else:
            lines[-1] = f"{lines[-1]}（{dateline.text}）"
    elif dateline is not None:
        lines.append(dateline.text)
    return lines


def article_text(article: Article) -> str:
    """One article as plain text."""
    head = []
    if article.headline.column is not None:
        head.append(f"【{article.headline.column.name}】")
    head.extend(part.text for part in article.headline.parts())
    credits = credits_line(article)
    if credits:
        head.append(credits)
    tail = []
    if article.sources:
        tail.append("来源：" + "、".join(source.name for source in article.sources))
    tail.extend(note.text for note in article.notes)
    body = "\n".join(body_lines(article) + tail)
    return "\n\n".join(block for block in ("\n".join(head), body) if block)


def to_text(bulletin: Bulletin) -> str:
    """Headline, credits, body and sources of every article as plain text.

    >>> from bulletin import parse
    >>> print(to_text(parse("王明主持会议\\n\\n本报讯 会议昨天举行。（记者 李华）")))
    王明主持会议
    记者 李华
    <BLANKLINE>
    本报讯 会议昨天举行。
    """
    return "\n\n\n".join(article_text(article) for article in bulletin.articles)
