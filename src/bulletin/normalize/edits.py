"""The one engine that applies normalisers' edits and keeps the offset map.

Normalisers never build text or maps themselves: they *describe* edits on
their input (``Edit(start, end, replacement)``) and :func:`apply_edits` does
the rest, so every step is traceable back to the original input.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

import regex

from bulletin.normalize.offsets import OffsetMap

__all__ = ["Edit", "apply_edits", "edits_from_pattern"]


class Edit(NamedTuple):
    """Replace ``text[start:end]`` by ``replacement`` (empty to delete)."""

    start: int
    end: int
    replacement: str


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    """Apply sorted, non-overlapping edits; return the new text and its offset map.

    A same-length replacement maps character for character; any other maps
    each new character to the whole range it replaced.

    >>> apply_edits("王明:坚持", [Edit(2, 3, "：")])[0]
    '王明：坚持'
    >>> text, offsets = apply_edits("等等...", [Edit(2, 5, "……")])
    >>> text, offsets.span(2, 4)
    ('等等……', (2, 5))
    """
    # the OffsetMapBuilder's work, inlined: this loop runs once per edit of every step
    out0: list[int] = []
    out1: list[int] = []
    in0: list[int] = []
    in1: list[int] = []
    lin: list[bool] = []
    pieces: list[str] = []
    append = pieces.append
    size = len(text)
    pos = 0
    out = 0
    linear_end = -1  # input end of the last segment when it is linear (a copy may extend it), else -1
    for start, end, replacement in edits:
        if start < pos or end < start or end > size:
            raise ValueError(f"edit ({start}, {end}) overlaps an earlier edit or leaves the text")
        if start > pos:
            append(text[pos:start])
            if linear_end == pos:
                out1[-1] += start - pos
                in1[-1] = start
            else:
                out0.append(out)
                out1.append(out + start - pos)
                in0.append(pos)
                in1.append(start)
                lin.append(True)
            out += start - pos
            linear_end = start
        if replacement:
            append(replacement)
            length = len(replacement)
            if length == end - start:
                if linear_end == start:
                    out1[-1] += length
                    in1[-1] = end
                else:
                    out0.append(out)
                    out1.append(out + length)
                    in0.append(start)
                    in1.append(end)
                    lin.append(True)
                linear_end = end
            else:
                out0.append(out)
                out1.append(out + length)
                in0.append(start)
                in1.append(end)
                lin.append(False)
                linear_end = -1
            out += length
        pos = end
    if pos < size:
        append(text[pos:])
        if linear_end == pos:
            out1[-1] += size - pos
            in1[-1] = size
        else:
            out0.append(out)
            out1.append(out + size - pos)
            in0.append(pos)
            in1.append(size)
            lin.append(True)
        out += size - pos
    offsets = OffsetMap(
        input_length=size,
        output_length=out,
        out_starts=tuple(out0),
        out_ends=tuple(out1),
        in_starts=tuple(in0),
        in_ends=tuple(in1),
        linear=tuple(lin),
    )
    return "".join(pieces), offsets


def edits_from_pattern(
    pattern: regex.Pattern[str], text: str, replace: Callable[[regex.Match[str]], str | None]
) -> Iterator[Edit]:
    """Turn every match of ``pattern`` into an edit; ``replace`` returns ``None`` to skip one.

    >>> list(edits_from_pattern(regex.compile(r"\\.{3}"), "好...", lambda m: "……"))
    [Edit(start=1, end=4, replacement='……')]
    """
    for match in pattern.finditer(text):
        replacement = replace(match)
        if replacement is not None and replacement != match.group():
            yield Edit(match.start(), match.end(), replacement)
