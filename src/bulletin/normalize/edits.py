"""The one engine that applies normalisers' edits and keeps the offset map.

Normalisers never build text or maps themselves: they *describe* edits on
their input (``Edit(start, end, replacement)``) and :func:`apply_edits` does
the rest, so every step is traceable back to the original input.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

import regex

from bulletin.normalize.offsets import OffsetMap, OffsetMapBuilder

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
    builder = OffsetMapBuilder()
    pieces: list[str] = []
    append = pieces.append
    size = len(text)
    pos = 0  # input position up to which text has been taken
    out = 0  # output position of ``pos``
    linear_from = 0  # input start of the run that maps char for char onto the output (same-length edits keep it)
    for start, end, replacement in edits:
        if start < pos or end < start or end > size:
            raise ValueError(f"edit ({start}, {end}) overlaps an earlier edit or leaves the text")
        if start > pos:
            append(text[pos:start])
            out += start - pos
        length = len(replacement)
        if length == end - start:
            append(replacement)  # char for char: the linear run goes on
            out += length
            pos = end
            continue
        # the run that maps char for char ends here; the edit maps as a whole
        builder.copy(out - (start - linear_from), linear_from, start - linear_from)
        if replacement:
            append(replacement)
            builder.replace(out, out + length, start, end)
            out += length
        pos = linear_from = end
    if pos < size:
        append(text[pos:])
        out += size - pos
    builder.copy(out - (size - linear_from), linear_from, size - linear_from)
    offsets = builder.build(size, out)
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
