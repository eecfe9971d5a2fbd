"""Layout evidence: how each line of a text was set on the page (PDF) or marked up (HTML).

A reader that knows more than the characters (a PDF page's font sizes and
positions, an HTML page's ``<h1>`` and ``<strong>``) describes every line it
wrote into the text as a :class:`LineLayout`, keyed by code-point offsets into
that text.  The parser reads the heading level, boldness and furniture marks
through the same channel markdown ``#`` marks use (:class:`~bulletin.parsing.lines.Line`),
and the :class:`~bulletin.model.Bulletin` keeps the :class:`Layout`, so any
element can be traced to its page and boxes with :func:`boxes`.

>>> layout = Layout(
...     pages=(Page(number=1, width=595.0, height=842.0),),
...     lines=(LineLayout(start=0, end=4, page=1, box=Box(x0=100.0, top=50.0, x1=212.0, bottom=78.0), size=28.0,
...                       heading_level=1),
...            LineLayout(start=5, end=13, page=1, box=Box(x0=31.0, top=90.0, x1=127.0, bottom=102.0), size=12.0)),
... )
>>> from bulletin.span import Span
>>> [b.page for b in layout.boxes(Span(0, 13))]
[1, 1]
>>> layout.boxes(Span(5, 9))[0].x1  # the part of the line the span covers
79.0
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from bulletin.span import Span

__all__ = ["Box", "Layout", "LineLayout", "Page", "boxes", "pages"]


def _as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    return value if isinstance(value, tuple) else tuple(value)


@attrs.frozen(kw_only=True)
class Box:
    """A rectangle on a page, in PDF points from the page's top-left corner (y grows downwards)."""

    page: int = 1
    x0: float
    top: float
    x1: float
    bottom: float

    def part(self, start: float, end: float) -> Box:
        """The slice of a line's box from fraction ``start`` to ``end`` of its width."""
        width = self.x1 - self.x0
        return attrs.evolve(self, x0=round(self.x0 + start * width, 2), x1=round(self.x0 + end * width, 2))


@attrs.frozen(kw_only=True)
class Page:
    """A page that was read: its number (1-based, as in the PDF) and size in points."""

    number: int
    width: float
    height: float


@attrs.frozen(kw_only=True)
class LineLayout:
    """One printed line, as it stands in the text (``[start, end)``) and on the page.

    ``heading_level`` is 1 for the largest type on the page (a title), 2, 3 …
    for the sizes between it and the body size, and 0 for body text and
    anything smaller; ``furniture`` names the kind of page furniture the line
    is (``page-number``, ``running-header``) when the layout proves it.
    ``page`` and ``box`` are ``None`` for a source without pages (HTML).
    """

    start: int
    end: int
    page: int | None = None
    box: Box | None = None
    size: float | None = None
    bold: bool = False
    heading_level: int = 0
    furniture: str | None = None


@attrs.frozen(kw_only=True)
class Layout:
    """The layout of a whole text: the pages read and every line, in text order."""

    pages: tuple[Page, ...] = attrs.field(default=(), converter=_as_tuple)
    lines: tuple[LineLayout, ...] = attrs.field(default=(), converter=_as_tuple)

    def lines_in(self, start: int, end: int) -> Iterator[LineLayout]:
        """The lines that share at least one code point with ``[start, end)``, in text order."""
        lines = self.lines
        at = max(0, bisect.bisect_right(lines, start, key=_start) - 1)
        for index in range(at, len(lines)):
            line = lines[index]
            if line.start >= end:
                break
            if line.end > start:
                yield line

    def boxes(self, span: Span) -> tuple[Box, ...]:
        """The boxes a span covers: one per line it touches, cut to the part of the line it covers.

        The cut assumes the characters of a line are evenly set, which holds
        for Chinese type; a line with Latin text in it may be cut a little off.
        """
        found = []
        for line in self.lines_in(span.start, span.end):
            if line.box is None:
                continue
            length = max(1, line.end - line.start)
            first = max(0, span.start - line.start) / length
            last = min(length, span.end - line.start) / length
            found.append(line.box if (first, last) == (0, 1) else line.box.part(first, last))
        return tuple(found)

    def body_size(self) -> float | None:
        """The type size most of the text is set in (``None`` when no line has a size).

        >>> Layout(lines=(LineLayout(start=0, end=8, size=28.0), LineLayout(start=9, end=99, size=12.0))).body_size()
        12.0
        """
        weights: dict[float, int] = {}
        for line in self.lines:
            if line.size is not None and line.furniture is None:
                weights[line.size] = weights.get(line.size, 0) + line.end - line.start
        return max(weights, key=weights.__getitem__) if weights else None

    def pages_of(self, span: Span) -> tuple[int, ...]:
        """The numbers of the pages a span runs over, in order."""
        numbers: list[int] = []
        for line in self.lines_in(span.start, span.end):
            if line.page is not None and (not numbers or numbers[-1] != line.page):
                numbers.append(line.page)
        return tuple(numbers)


def _start(line: LineLayout) -> int:
    return line.start


def boxes(bulletin: Any, element: Any) -> tuple[Box, ...]:
    """The boxes on the page of any element with a span (an article, a paragraph, a title …).

    Empty when the bulletin was not read from a laid-out source (plain text).
    """
    layout: Layout | None = getattr(bulletin, "layout", None)
    span: Span | None = getattr(element, "span", None)
    if layout is None or span is None:
        return ()
    return layout.boxes(span)


def pages(bulletin: Any, element: Any) -> tuple[int, ...]:
    """The page numbers an element was printed on (empty for plain text)."""
    layout: Layout | None = getattr(bulletin, "layout", None)
    span: Span | None = getattr(element, "span", None)
    if layout is None or span is None:
        return ()
    return layout.pages_of(span)
