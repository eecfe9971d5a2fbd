"""The text of laid-out pages, with wraps joined where the layout proves them, and its :class:`Layout`.

Headings come from type size: the body size is the size most of a document's
text is set in; every larger size, largest first, is a heading level (1 is
the title size), and a line set bold in the body size standing alone is a
heading one level below the smallest larger size.  Lines of one heading
block in one size, centred on one axis or flush left, are one heading, so they are written on one line (parted
by a space unless the first line runs to the edge of its frame, a wrap).

A body line is joined to the next one (a hard wrap) when it runs to the right
edge of its block and the next line starts at the block's usual left margin;
a line that stops short, or a next line that is indented or hangs out (a
numbered item), ends the paragraph.  The joined text keeps one
:class:`~bulletin.layout.LineLayout` per printed line, so spans stay exact.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import regex

from bulletin.layout import Box, LineLayout
from bulletin.pdf.blocks import Block
from bulletin.pdf.lines import PrintedLine

__all__ = ["body_size", "compose", "heading_sizes", "set_heading_levels"]

_WRAP_EMS = 1.5
_INDENT_EMS = 0.8
_LARGER = 1.12
_SENTENCE_END = regex.compile(r"[。！？；!?;…]\W*$")
_WORD_END = regex.compile(r"[\p{Latin}\p{Nd}]$")
_WORD_START = regex.compile(r"^[\p{Latin}\p{Nd}]")


def body_size(lines: Iterable[PrintedLine]) -> float:
    """The size most of the text is set in (weighted by characters)."""
    weights: Counter[float] = Counter()
    for line in lines:
        if line.furniture is None:
            weights[line.size] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def heading_sizes(lines: Sequence[PrintedLine], body: float) -> list[float]:
    """The sizes larger than the body size, largest first; sizes within 5 % of each other are one.

    On three pages or more where headings of another style recur on several
    pages, a size set on one line only is display type (a motto or a cover
    line on the first page), not a heading level.
    """
    sizes = sorted({line.size for line in lines if line.furniture is None and line.size >= _LARGER * body}, reverse=True)
    merged: list[float] = []
    for size in sizes:
        if not merged or size < 0.95 * merged[-1]:
            merged.append(size)
    if len({line.page for line in lines}) < 3:
        return merged
    # each heading style (a larger size, or bold body type: -1) with the pages it is set on
    pages: dict[float, list[int]] = {}
    for line in lines:
        if line.furniture is None and (line.size >= _LARGER * body or line.bold):
            style = next((m for m in merged if line.size >= 0.95 * m), -1.0)
            pages.setdefault(style, []).append(line.page)
    recurring = {style for style, seen in pages.items() if len(set(seen)) >= 2}
    return [m for m in merged if len(pages.get(m, ())) > 1 or not recurring - {m}]


def _level(size: float, ranks: Sequence[float]) -> int:
    for i, rank in enumerate(ranks):
        if size >= 0.95 * rank:
            return min(6, i + 1)
    return 0


def set_heading_levels(blocks: Iterable[Block], body: float, ranks: Sequence[float]) -> None:
    """Give every line its heading level from its size, or from bold type standing alone."""
    bold_level = min(6, len(ranks) + 1)
    for block in blocks:
        for line in block.lines:
            line.heading_level = 0 if line.furniture else _level(line.size, ranks)
        lone = len(block.lines) <= 2 and all(line.bold for line in block.lines)
        if lone and abs(block.size - body) <= 0.12 * body:
            for line in block.lines:
                if len(line.text) <= 40 and not _SENTENCE_END.search(line.text):
                    line.heading_level = bold_level


def _margin(block: Block) -> float:
    """The left edge the lines of a block run on from: the median of all but the first line
    (a first line is indented, or hangs out with its number; other paragraph starts are fewer)."""
    edges = sorted(line.x0 for line in block.lines[1:]) or [block.lines[0].x0]
    return edges[(len(edges) - 1) // 2]


def _aligned(a: PrintedLine, b: PrintedLine, em: float) -> bool:
    """Whether two lines are set on one axis: both centred on it, or both flush with one edge."""
    return abs((a.x0 + a.x1) - (b.x0 + b.x1)) < 2 * em or abs(a.x0 - b.x0) < 0.5 * em


def _separator(block: Block, prev: PrintedLine, line: PrintedLine, margin: float, right: float) -> str:
    em = max(prev.size, 1.0)
    joiner = " " if _WORD_END.search(prev.text) and _WORD_START.match(line.text) else ""
    if prev.heading_level and prev.heading_level == line.heading_level and _aligned(prev, line, em):
        # one heading set on two lines: a wrap when the first line fills its frame
        return joiner if prev.x1 >= block.frame[1] - _WRAP_EMS * em else " "
    if prev.heading_level != line.heading_level or prev.bold != line.bold:
        return "\n"
    if prev.x1 < right - _WRAP_EMS * em:
        return "\n"  # the line stops short: the paragraph ends
    if abs(line.x0 - margin) > _INDENT_EMS * em:
        return "\n"  # an indented first line, or a numbered item hanging out
    return joiner


def _box(line: PrintedLine) -> Box:
    return Box(page=line.page, x0=round(line.x0, 2), top=round(line.top, 2), x1=round(line.x1, 2), bottom=round(line.bottom, 2))


def compose(pages: Iterable[Sequence[Block]]) -> tuple[str, list[LineLayout]]:
    """The text of pages of blocks in reading order, and the layout of every printed line in it.

    Blocks are parted by a line break, pages by a blank line.
    """
    parts: list[str] = []
    layouts: list[LineLayout] = []
    position = 0

    def write(text: str) -> None:
        nonlocal position
        parts.append(text)
        position += len(text)

    for blocks in pages:
        if parts and blocks:
            write("\n\n")
        for b, block in enumerate(blocks):
            if b:
                write("\n")
            margin = _margin(block)
            right = max(line.x1 for line in block.lines)
            for i, line in enumerate(block.lines):
                if i:
                    write(_separator(block, block.lines[i - 1], line, margin, right))
                start = position
                write(line.text)
                layouts.append(
                    LineLayout(
                        start=start,
                        end=position,
                        page=line.page,
                        box=_box(line),
                        size=line.size,
                        bold=line.bold,
                        heading_level=line.heading_level,
                        furniture=line.furniture,
                    )
                )
    return "".join(parts), layouts
