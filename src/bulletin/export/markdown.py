"""A Markdown view of a bulletin: what a person would rather read than JSON.

The bulletin's name and issue date make the page title, the table of
contents a nested list.  Each article shows its headline anatomy (column in
italics, kicker in bold, the title as a heading, the subtitle as a smaller
one), then a quote block with the dateline, bylines and sources, the body
with its subheads, and notes and captions at the end; articles are parted by
a rule.  Text that Markdown would read as markup (a paragraph starting with
``1.`` or ``#``, stray ``*``) is escaped.
"""

from __future__ import annotations

import regex

from bulletin.model import Article, Bulletin

__all__ = ["article_markdown", "to_markdown"]

_INLINE = regex.compile(r"([\\`*_<\[\]])")
_BLOCK_START = regex.compile(r"^([#>+\-=|]|\d+[.)])")


def _escape(text: str) -> str:
    text = _INLINE.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text)


def _meta(article: Article) -> list[str]:
    from bulletin.export.text import credits_line

    meta = []
    if article.dateline is not None:
        date = article.dateline.iso_date()
        meta.append(f"*dateline* {_escape(article.dateline.text)}" + (f" ({date})" if date else ""))
    credits = credits_line(article)
    if credits:
        meta.append(f"*by* {_escape(credits)}")
    if article.sources:
        meta.append("*source* " + "、".join(_escape(source.name) for source in article.sources))
    return ["> " + " · ".join(meta)] if meta else []


def article_markdown(article: Article) -> str:
    """One article as Markdown."""
    head = article.headline
    lines: list[str] = []
    if head.column is not None:
        lines.append(f"*{_escape(head.column.name)}*")
    if head.kicker is not None:
        lines.append(f"**{_escape(head.kicker.text)}**")
    lines.append(f"## {_escape(article.title) if article.title else '(untitled)'}")
    if head.subtitle is not None:
        lines.append(f"### {_escape(head.subtitle.text)}")
    blocks = ["\n".join(lines)]
    blocks.extend(_meta(article))
    body = sorted(
        [(p.span.start, _escape(p.text)) for p in article.paragraphs]
        + [(s.span.start, f"#### {_escape(s.text)}") for s in article.subheads]
    )
    blocks.extend(text for _, text in body)
    blocks.extend(f"> *{note.kind}* {_escape(note.text)}" for note in article.notes)
    blocks.extend(f"*picture:* {_escape(caption.text)}" for caption in article.captions)
    return "\n\n".join(blocks)


def to_markdown(bulletin: Bulletin) -> str:
    """Render the table of contents and each article's headline anatomy, dateline, bylines, body and sources.

    >>> from bulletin import parse
    >>> print(to_markdown(parse("王明主持会议\\n\\n本报讯（记者 李华）会议昨天举行。")))
    ## 王明主持会议
    <BLANKLINE>
    > *dateline* 本报讯 · *by* 记者 李华
    <BLANKLINE>
    会议昨天举行。
    """
    blocks: list[str] = []
    title = " ".join(
        x
        for x in (
            bulletin.publication,
            bulletin.issue_number,
            bulletin.issue_date.iso() if bulletin.issue_date is not None else None,
        )
        if x
    )
    if title:
        blocks.append(f"# {_escape(title)}")
    if bulletin.toc:
        toc: list[str] = []
        section: str | None = None
        for entry in bulletin.toc:
            if entry.section and entry.section != section:
                toc.append(f"- {_escape(entry.section)}")
            section = entry.section
            toc.append(f"{'  ' if entry.section else ''}- {_escape(entry.title)}")
        blocks.append("\n".join(toc))
    blocks.extend(article_markdown(article) for article in bulletin.articles)
    return "\n\n---\n\n".join(blocks)
