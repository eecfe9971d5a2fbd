"""Blocks and reading order: lines grouped into blocks, blocks read column by column.

A line joins the block above it when it is set in the same size and weight, overlaps it
horizontally and follows within about one line's leading.  Blocks are then
ordered by a recursive XY cut: a page is cut at the vertical gutters that run
all the way down it, else at the horizontal whitespace that runs all the way
across it, and each part is read in turn; so a title over two columns is read
first, then the left column, then the right one.  A table (blocks of one line
each) is read row by row.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from bulletin.pdf.lines import PrintedLine

__all__ = ["Block", "group_blocks", "reading_order"]

#: Lines further apart than this many line heights start a new block.
_LEADING = 0.9
#: A vertical whitespace narrower than this many ems is not a column gutter.
_GUTTER_EMS = 0.8


@attrs.define(eq=False)
class Block:
    """Lines that belong together on a page: a paragraph run of one column, a headline, a caption."""

    lines: list[PrintedLine]
    frame: tuple[float, float] = (0.0, 0.0)

    @property
    def x0(self) -> float:
        return min(line.x0 for line in self.lines)

    @property
    def x1(self) -> float:
        return max(line.x1 for line in self.lines)

    @property
    def top(self) -> float:
        return self.lines[0].top

    @property
    def bottom(self) -> float:
        return self.lines[-1].bottom

    @property
    def size(self) -> float:
        return self.lines[0].size


def _same_size(a: float, b: float) -> bool:
    return abs(a - b) <= 0.12 * max(a, b)


def _fits(block: Block, line: PrintedLine) -> bool:
    last = block.lines[-1]
    if line.furniture or last.furniture or not _same_size(last.size, line.size) or line.bold != last.bold:
        return False
    height = max(last.bottom - last.top, line.bottom - line.top)
    if line.top - last.bottom > _LEADING * height or line.top < last.top + 0.5 * height:
        return False
    overlap = min(block.x1, line.x1) - max(block.x0, line.x0)
    return overlap > 0.3 * min(line.width, block.x1 - block.x0)


def group_blocks(lines: Sequence[PrintedLine]) -> list[Block]:
    """Lines (top to bottom) grouped into blocks."""
    blocks: list[Block] = []
    for line in lines:
        for block in reversed(blocks[-6:]):
            if _fits(block, line):
                block.lines.append(line)
                break
        else:
            blocks.append(Block([line]))
    return blocks


def _cuts(spans: list[tuple[float, float, int]], min_gap: float) -> list[list[int]]:
    """Indices grouped where an empty stretch of at least ``min_gap`` parts the spans."""
    spans.sort()
    groups: list[list[int]] = [[spans[0][2]]]
    reach = spans[0][1]
    for low, high, index in spans[1:]:
        if low - reach >= min_gap:
            groups.append([])
        groups[-1].append(index)
        reach = max(reach, high)
    return groups


def _order(blocks: list[Block], frame: tuple[float, float], em: float) -> list[Block]:
    if len(blocks) <= 1:
        for block in blocks:
            block.frame = frame
        return blocks
    rows = _cuts([(b.top, b.bottom, i) for i, b in enumerate(blocks)], 0.01)
    columns = _cuts([(b.x0, b.x1, i) for i, b in enumerate(blocks)], _GUTTER_EMS * em)
    # columns of text are read one after the other; a table (blocks of one line each) row by row
    table = sum(len(b.lines) == 1 for b in blocks) >= 0.7 * len(blocks)
    if len(columns) > 1 and not (table and len(rows) > 1):
        ordered: list[Block] = []
        for column in columns:
            part = [blocks[i] for i in column]
            ordered += _order(part, (min(b.x0 for b in part), max(b.x1 for b in part)), em)
        return ordered
    if len(rows) > 1:
        return [b for row in rows for b in _order([blocks[i] for i in row], frame, em)]
    for block in blocks:
        block.frame = frame
    return sorted(blocks, key=lambda b: (b.top, b.x0))


def reading_order(blocks: list[Block], em: float) -> list[Block]:
    """The blocks of one page in reading order; each block learns the frame (x-extent) it sits in.

    >>> def line(text, x0, top):
    ...     return PrintedLine(page=1, text=text, x0=x0, top=top, x1=x0 + 12 * len(text), bottom=top + 12, size=12.0)
    >>> left = [line("左栏第一行文字", 30, 100 + 16 * i) for i in range(3)]
    >>> right = [line("右栏第一行文字", 200, 100 + 16 * i) for i in range(3)]
    >>> title = [PrintedLine(page=1, text="通栏标题", x0=60, top=40, x1=300, bottom=68, size=28.0)]
    >>> blocks = group_blocks(sorted(left + right + title, key=lambda l: (l.top, l.x0)))
    >>> [b.lines[0].text for b in reading_order(blocks, 12.0)]
    ['通栏标题', '左栏第一行文字', '右栏第一行文字']
    """
    if not blocks:
        return []
    return _order(list(blocks), (min(b.x0 for b in blocks), max(b.x1 for b in blocks)), em)
