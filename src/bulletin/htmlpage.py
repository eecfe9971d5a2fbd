"""HTML input (the ``html`` extra): a saved web page read with its structure as layout evidence.

The bulletin's text is the HTML source itself, so every span points into it;
the parser reads it through the ``markup`` normaliser (tags removed, entities
decoded, block ends made line ends).  What the page's structure proves is
given to the parser as a :class:`~bulletin.layout.Layout`, one
:class:`~bulletin.layout.LineLayout` per run of text:

- the whole of ``<head>``, ``<script>``, ``<style>``, ``<noscript>`` and
  ``<template>`` (found in the source, so what a script writes never reads
  as text), and text inside ``<nav>``, ``<footer>``,
  ``<aside>``, ``<noscript>``, ``<template>``, ``<form>`` and a page-level
  ``<header>`` is furniture (kind ``page-chrome``);
- text inside ``<h1>``–``<h6>`` has that heading level, and a paragraph whose
  text is all ``<strong>``/``<b>`` (or a bold line between ``<br>``) is a
  heading one level below the deepest ``<hN>`` the page uses;
- bold text is marked bold.

selectolax (its Lexbor engine) parses the page as browsers do; each text node
is found in the source by searching its text in the ``markup`` normaliser's
output, whose offset map leads back to the source.

>>> page = ("<!DOCTYPE html><html><head><title>网站</title><style>p{margin:0}</style></head><body>"
...         "<nav>首页 | 新闻</nav><h1>区图书馆延长开放时间</h1><p>本报讯 区图书馆本周起延长开放时间。</p></body></html>")
>>> document = read_html(page)
>>> [(page[line.start:line.end], line.heading_level, line.furniture) for line in document.layout.lines][1:]
[('首页 | 新闻', 0, 'page-chrome'), ('区图书馆延长开放时间', 1, None), ('本报讯 区图书馆本周起延长开放时间。', 0, None)]
"""

from __future__ import annotations

from typing import Any

import regex

from bulletin.documents import Document
from bulletin.errors import MissingExtraError
from bulletin.layout import Layout, LineLayout

__all__ = ["is_html", "read_html"]

# elements whose whole source is chrome, found in the source itself: what a script or style holds
# may not read as text at all (``document.write("<p>…")``)
_RAW_CHROME = regex.compile(
    r"<(script|style|noscript|template|head)\b[^>]*+>.*?</\1\s*+>", regex.IGNORECASE | regex.DOTALL
)
_SPACES = regex.compile(r"\s+")
_HTML_START = regex.compile(r"(?:\ufeff|\s|<!--.*?-->|<\?xml[^>]*>)*+<(?:!doctype\s+html|html[\s>])", regex.IGNORECASE | regex.DOTALL)
_CHROME = frozenset({"head", "script", "style", "nav", "footer", "aside", "noscript", "template", "form", "title"})
_CONTENT = frozenset({"article", "main"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BOLD = frozenset({"strong", "b"})
_PARAGRAPHS = frozenset({"p", "div", "li", "td"})


def is_html(head: str) -> bool:
    """Whether text starts like an HTML page (a doctype or an ``<html>`` tag, after comments).

    >>> is_html("<!DOCTYPE html><html>"), is_html("<p>本报讯 会议举行。</p>")
    (True, False)
    """
    return _HTML_START.match(head[:4096]) is not None


def _backend() -> Any:
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError:
        raise MissingExtraError("reading an HTML page", "html") from None
    return LexborHTMLParser


def _context(node: Any) -> tuple[str | None, int, bool, Any]:
    """Furniture kind, heading level, boldness and the paragraph a text node stands in."""
    furniture = None
    level = 0
    bold = False
    paragraph = None
    in_content = False
    parent = node.parent
    tags = []
    while parent is not None and parent.tag not in ("-undef", "html", None):
        tags.append(parent.tag)
        if parent.tag in _CONTENT:
            in_content = True
        if level == 0 and parent.tag in _HEADINGS:
            level = _HEADINGS[parent.tag]
        if parent.tag in _BOLD:
            bold = True
        if paragraph is None and parent.tag in _PARAGRAPHS:
            paragraph = parent
        parent = parent.parent
    for tag in tags:
        if tag in _CHROME or (tag == "header" and not in_content and "article" not in tags):
            furniture = "page-chrome"
            break
    return furniture, level, bold, paragraph


def _blank(node: Any) -> bool:
    return node.tag == "-text" and not node.text(deep=False).strip()


def _bold_line(node: Any) -> bool:
    """Whether a text node is in a ``<strong>``/``<b>`` that fills a line of its block (``<br>`` on each side)."""
    parent = node.parent
    while parent is not None and parent.tag not in _BOLD:
        if parent.tag in _PARAGRAPHS or parent.tag in _HEADINGS:
            return False
        parent = parent.parent
    if parent is None or len(parent.text(deep=True, strip=True)) > 60:
        return False
    before, after = parent.prev, parent.next
    while before is not None and _blank(before):
        before = before.prev
    while after is not None and _blank(after):
        after = after.next
    return (before is None or before.tag == "br") and (after is None or after.tag == "br")


def _all_bold(paragraph: Any) -> bool:
    """Whether every word of a paragraph is inside ``<strong>`` or ``<b>``."""
    text = paragraph.text(deep=True, strip=True)
    if not text or len(text) > 60:
        return False
    bold = "".join(node.text(deep=True, strip=True) for node in paragraph.css("strong, b"))
    return _SPACES.sub("", bold) == _SPACES.sub("", text)


def read_html(source: str) -> Document:
    """The layout of an HTML page's text runs, by offsets into ``source`` (which stays the text)."""
    from bulletin.normalize.pipeline import normalize

    parser = _backend()
    tree = parser(source)
    stripped = normalize(source, steps=["newlines", "markup"])
    plain = stripped.text
    runs: list[tuple[int, int, str | None, int, bool, Any, Any]] = []
    cursor = 0
    deepest = 0
    root = tree.root
    for node in root.traverse(include_text=True) if root is not None else ():
        if node.tag != "-text":
            continue
        raw = node.text(deep=False)
        needle = raw.replace("\xa0", " ").strip()
        if not needle:
            continue
        found = plain.find(needle, cursor)
        if found < 0:
            continue  # text the normaliser reads differently (a tag it does not know): left to the parser
        cursor = found + len(needle)
        span = stripped.input_span(found, cursor)
        furniture, level, bold, paragraph = _context(node)
        deepest = max(deepest, level)
        runs.append((span.start, span.end, furniture, level, bold, paragraph, node))
    lines = []
    chrome = [(m.start(), m.end()) for m in _RAW_CHROME.finditer(source)]
    for start, end in chrome:
        lines.append(LineLayout(start=start, end=end, furniture="page-chrome"))
    strong_level = min(6, deepest + 1)
    all_bold: dict[int, bool] = {}
    k = 0
    for start, end, furniture, level, bold, paragraph, node in runs:
        while k < len(chrome) and chrome[k][1] <= start:
            k += 1
        if k < len(chrome) and chrome[k][0] <= start:
            continue  # inside a script, a style or the head: chrome already
        if not level and not furniture and paragraph is not None:
            key = paragraph.mem_id
            if key not in all_bold:
                all_bold[key] = _all_bold(paragraph)
            if all_bold[key] or (bold and _bold_line(node)):
                level = strong_level
        lines.append(LineLayout(start=start, end=end, bold=bold, heading_level=level, furniture=furniture))
    lines.sort(key=lambda line: line.start)
    return Document(source, Layout(lines=tuple(lines)))
