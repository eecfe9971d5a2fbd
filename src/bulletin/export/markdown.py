"""A Markdown view of a bulletin: what a person would rather read than JSON."""

from __future__ import annotations

from bulletin.model import Article, Bulletin

__all__ = ["to_markdown"]


def _article(article: Article) -> list[str]:
    head = article.headline
    out: list[str] = []
    if head.column is not None:
        out.append(f"*{head.column.name}*")
    if head.kicker is not None:
        out.append(f"**{head.kicker.text}**")
    out.append(f"## {article.title or '(untitled)'}")
    if head.subtitle is not None:
        out.append(f"### {head.subtitle.text}")
    meta = []
    if article.dateline is not None:
        meta.append(f"dateline: {article.dateline.text}")
    if article.bylines:
        meta.append("by: " + "、".join(f"{b.name}（{b.role}）" if b.role else b.name for b in article.bylines))
    if article.sources:
        meta.append("source: " + "、".join(s.name for s in article.sources))
    if meta:
        out.append("> " + " · ".join(meta))
    body = sorted(
        [(p.span.start, p.text) for p in article.paragraphs] + [(s.span.start, f"#### {s.text}") for s in article.subheads]
    )
    out.extend(text for _, text in body)
    out.extend(f"*{note.kind}: {note.text}*" for note in article.notes)
    return out


def to_markdown(bulletin: Bulletin) -> str:
    """Render headline anatomy, dateline, bylines, body and sources as Markdown.

    >>> from bulletin import parse
    >>> print(to_markdown(parse("王明主持会议\\n\\n本报讯 会议昨天举行。")))
    ## 王明主持会议
    > dateline: 本报讯
    <BLANKLINE>
    会议昨天举行。
    """
    blocks: list[str] = []
    if bulletin.publication or bulletin.issue_date:
        title = " ".join(x for x in (bulletin.publication, bulletin.issue_date and bulletin.issue_date.iso()) if x)
        blocks.append(f"# {title}")
    if bulletin.toc:
        blocks.append("\n".join(f"- {e.section + ' / ' if e.section else ''}{e.title}" for e in bulletin.toc))
    for article in bulletin.articles:
        lines = _article(article)
        head_end = next((i for i, line in enumerate(lines) if line.startswith("> ")), None)
        if head_end is None:
            head_end = next(i for i, line in enumerate(lines) if line.startswith("## ")) + (
                1 if article.headline.subtitle is None else 2
            )
        else:
            head_end += 1
        blocks.append("\n".join(lines[:head_end]) + ("\n\n" + "\n\n".join(lines[head_end:]) if lines[head_end:] else ""))
    return "\n\n".join(blocks)
