"""A plain-text view of a bulletin: one article after another, paragraphs as lines."""

from __future__ import annotations

from bulletin.model import Bulletin

__all__ = ["to_text"]


def to_text(bulletin: Bulletin) -> str:
    """Titles, datelines and paragraphs as plain text, articles parted by a blank line.

    >>> from bulletin import parse
    >>> print(to_text(parse("王明主持会议\\n\\n本报讯 会议昨天举行。")))
    王明主持会议
    本报讯 会议昨天举行。
    """
    blocks = []
    for article in bulletin.articles:
        lines = [part.text for part in article.headline.parts()]
        paragraphs = [p.text for p in article.paragraphs]
        if article.dateline is not None and article.dateline.position == "leading" and paragraphs:
            paragraphs[0] = f"{article.dateline.text} {paragraphs[0]}"
        lines.extend(paragraphs)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
