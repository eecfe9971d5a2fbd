"""An HTML view of a bulletin: the original text with every element's span highlighted, coloured by kind.

Like displaCy's entity view, it shows at a glance what the parser found and
what it missed: each element (headline part, dateline, byline, paragraph,
page furniture …) is a ``<mark>`` over the text it was read from, its kind
shown as a label and in the legend, its details in a tooltip; each article is
a framed block.  Text no element claims stays plain.  The page is self-contained
(inline CSS, no script, no network) and the text inside the marks is exactly
the original input, so copying from the view copies the input.

>>> from bulletin import parse
>>> b = parse("市长会见代表团\\n\\n本报讯（记者 王明）市长昨天会见了代表团。")
>>> page = to_html(b)
>>> page.startswith("<!DOCTYPE html>"), page.count('data-kind="byline"')
(True, 1)
>>> [h.kind for h in highlights(b)]
['article', 'title', 'dateline', 'byline', 'paragraph']
"""

from __future__ import annotations

import collections
import html
from collections.abc import Iterator

import attrs

from bulletin.model import Article, Bulletin
from bulletin.span import Span

__all__ = ["KINDS", "Highlight", "highlights", "to_html"]

#: Every kind of highlight, in legend order, with its colour.
KINDS: dict[str, str] = {
    "article": "#64748b",
    "column": "#e9d5ff",
    "kicker": "#fef08a",
    "title": "#fcd34d",
    "subtitle": "#fde68a",
    "dateline": "#bfdbfe",
    "byline": "#bbf7d0",
    "source": "#99f6e4",
    "note": "#fbcfe8",
    "subhead": "#fed7aa",
    "paragraph": "#f1f5f9",
    "caption": "#ddd6fe",
    "toc": "#c7d2fe",
    "furniture": "#e5e7eb",
    "unclaimed": "#fecaca",
}


@attrs.frozen
class Highlight:
    """One element of the view: its kind (a key of :data:`KINDS`), span and tooltip."""

    kind: str
    span: Span
    tip: str


def _article_highlights(article: Article, number: int) -> Iterator[Highlight]:
    headline = article.headline
    yield Highlight("article", article.span, f"article {number}: {article.title or '(untitled)'}")
    if headline.column is not None and headline.column.span is not None:
        yield Highlight("column", headline.column.span, f"column: {headline.column.name}")
    for kind in ("kicker", "title", "subtitle"):
        part = getattr(headline, kind)
        if part is not None:
            yield Highlight(kind, part.span, f"{kind}: {part.text}")
    d = article.dateline
    if d is not None and d.span is not None:  # a dateline shared by several briefs is shown once
        facts = ", ".join(x for x in (d.agency, d.place, d.iso_date()) if x)
        yield Highlight("dateline", d.span, f"dateline: {facts or d.text}")
    for byline in article.bylines:
        who = " ".join(x for x in (byline.organization, byline.role) if x)
        yield Highlight("byline", byline.span, f"byline: {byline.name}" + (f" ({who})" if who else ""))
    for source in article.sources:
        yield Highlight("source", source.span, f"source ({source.relation}): {source.name}")
    for note in article.notes:
        yield Highlight("note", note.span, f"note ({note.kind})")
    for subhead in article.subheads:
        yield Highlight("subhead", subhead.span, f"subhead: {subhead.text}")
    for paragraph in article.paragraphs:
        yield Highlight("paragraph", paragraph.span, f"paragraph of article {number}")
    for caption in article.captions:
        yield Highlight("caption", caption.span, f"caption: {caption.text}")


def highlights(bulletin: Bulletin) -> list[Highlight]:
    """Every element of ``bulletin`` that has a span, as the view highlights it, articles first."""
    found: list[Highlight] = []
    for number, article in enumerate(bulletin.articles, 1):
        found.extend(_article_highlights(article, number))
    for entry in bulletin.toc:
        found.append(Highlight("toc", entry.span, f"table of contents: {entry.title}"))
    for caption in bulletin.captions:
        found.append(Highlight("caption", caption.span, f"caption: {caption.text}"))
    for item in bulletin.furniture:
        kind = "unclaimed" if item.kind == "unclaimed" else "furniture"
        found.append(Highlight(kind, item.span, f"{kind}: {item.kind}"))
    return found


def _open(number: int, item: Highlight, *, continued: bool = False) -> str:
    label = item.kind.upper() if item.kind != "article" else item.tip.split(":", 1)[0].upper()
    classes = f"k-{item.kind}" + (" cont" if continued else "")
    return (
        f'<mark class="{classes}" data-kind="{item.kind}" data-id="{number}" '
        f'data-label="{html.escape(label)}" title="{html.escape(item.tip)}">'
    )


def _marked_text(text: str, items: list[Highlight]) -> str:
    """``text`` with a ``<mark>`` per item; a mark that crosses another is closed and reopened around it."""
    starts: dict[int, list[int]] = collections.defaultdict(list)
    ends: dict[int, set[int]] = collections.defaultdict(set)
    for number, item in enumerate(items):
        starts[item.span.start].append(number)
        ends[item.span.end].add(number)
    out: list[str] = []
    stack: list[int] = []
    position = 0
    for boundary in sorted({0, len(text), *starts, *ends}):
        out.append(html.escape(text[position:boundary]))
        position = boundary
        closing = ends.get(boundary, set()) & set(stack)
        reopen: list[int] = []
        while closing:
            top = stack.pop()
            out.append("</mark>")
            if top in closing:
                closing.discard(top)
            else:
                reopen.append(top)
        for number in reversed(reopen):
            out.append(_open(number, items[number], continued=True))
            stack.append(number)
        # outer (longer) elements open first; on a tie, in the order of `items` (articles first)
        for number in sorted(starts.get(boundary, ()), key=lambda n: (-items[n].span.end, n)):
            out.append(_open(number, items[number]))
            if items[number].span.end == boundary:
                out.append("</mark>")
            else:
                stack.append(number)
    return "".join(out)


def _style() -> str:
    rules = [
        ".bulletin-view{font-family:system-ui,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;"
        "line-height:1.9;color:#111827;max-width:60em;margin:1em auto}",
        ".bulletin-view .text{white-space:pre-wrap;word-break:break-all}",
        ".bulletin-view mark{border-radius:.3em;padding:.1em .15em;color:inherit}",
        ".bulletin-view mark::after{content:attr(data-label);font-size:.55em;font-weight:700;"
        "letter-spacing:.05em;margin-left:.3em;vertical-align:middle;color:#374151}",
        ".bulletin-view mark.cont::after,.bulletin-view mark.k-paragraph::after{content:none}",
        ".bulletin-view mark.k-article{display:block;background:none;border:2px solid #64748b;"
        "border-radius:.5em;padding:.4em .6em;margin:.8em 0}",
        ".bulletin-view mark.k-article::after{content:none}",
        ".bulletin-view mark.k-article::before{content:attr(data-label);display:block;font-size:.7em;"
        "font-weight:700;color:#64748b}",
        ".bulletin-view .legend{display:flex;flex-wrap:wrap;gap:.4em;font-size:.8em;line-height:1.6}",
        ".bulletin-view .legend span{border-radius:.3em;padding:0 .4em}",
        ".bulletin-view .legend span.k-article{border:2px solid #64748b}",
        ".bulletin-view h1{font-size:1.1em}",
    ]
    for kind, colour in KINDS.items():
        if kind != "article":
            rules.append(f".bulletin-view .k-{kind}{{background:{colour}}}")
    return "\n".join(rules)


def to_html(bulletin: Bulletin, *, standalone: bool = True, title: str | None = None) -> str:
    """The view as an HTML page (``standalone``) or as a ``<div>`` for a notebook cell.

    ``title`` heads the page (default: the publication, or "bulletin").
    """
    items = highlights(bulletin)
    counts = collections.Counter(item.kind for item in items)
    legend = "".join(
        f'<span class="k-{kind}">{kind} {counts[kind]}</span>' for kind in KINDS if counts[kind]
    )
    heading = title or bulletin.publication or "bulletin"
    count = len(bulletin.articles)
    summary = f"{count} article{'' if count == 1 else 's'}, parser {bulletin.parser}, {len(items)} elements"
    body = (
        f'<div class="bulletin-view"><style>{_style()}</style>'
        f"<h1>{html.escape(heading)}</h1><p>{html.escape(summary)}</p>"
        f'<div class="legend">{legend}</div>'
        f'<div class="text">{_marked_text(bulletin.text, items)}</div></div>'
    )
    if not standalone:
        return body
    return (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(heading)}</title></head><body>{body}</body></html>\n"
    )
