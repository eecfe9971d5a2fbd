"""The one engine that applies normalisers' edits and keeps the offset map.

Normalisers never build text or maps themselves: they *describe* edits on
their input (``Edit(start, end, replacement)``) and :func:`apply_edits` does
the rest, so every step is traceable back to the original input.
"""

from __future__ import annotations

import itertools
import operator
from array import array
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
    # a list of deletions only takes the fast lane; anything else is applied as it comes, so that a
    # generator of many edits is never held whole
    if isinstance(edits, list) and edits and not any(edit[2] for edit in edits):
        return _apply_deletions(text, edits)
    builder = OffsetMapBuilder()
    pieces: list[str] = []
    append = pieces.append
    # the pieces are joined every few thousand: a piece per edit held to the end costs more than the text
    done: list[str] = []
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
        if len(pieces) >= _JOIN_EVERY:
            done.append("".join(pieces))
            pieces.clear()
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
    done.append("".join(pieces))
    return "".join(done), offsets


#: :func:`apply_edits` joins its pieces every this many.
_JOIN_EVERY = 4096

_START = operator.itemgetter(0)
_END = operator.itemgetter(1)


def _apply_deletions(text: str, edits: list[Edit]) -> tuple[str, OffsetMap]:
    """:func:`apply_edits` for edits that only delete, with the per-edit work done by C loops.

    What is kept are the runs between deletions, each mapping char for char;
    there is nothing else to the map.
    """
    size = len(text)
    starts, ends = array("q", map(_START, edits)), array("q", map(_END, edits))
    if not all(map(operator.ne, starts, ends)):  # deleting nothing is no edit
        edits = [edit for edit in edits if edit[1] != edit[0]]
        starts, ends = array("q", map(_START, edits)), array("q", map(_END, edits))
    kept_starts = array("q", [0]) + ends
    kept_ends = starts + array("q", [size])
    del starts, ends
    # sorted, not overlapping, inside the text: no kept run and no deletion of negative length
    gaps = map(operator.sub, kept_ends, kept_starts)
    if min(gaps) < 0 or min(map(operator.sub, kept_starts[1:], kept_ends[:-1]), default=0) < 0:
        for previous_end, (start, end, _) in zip(kept_starts, edits, strict=False):
            if start < previous_end or end < start or end > size:
                raise ValueError(f"edit ({start}, {end}) overlaps an earlier edit or leaves the text")
    nonempty = bytes(map(operator.lt, kept_starts, kept_ends))
    in_starts = array("q", itertools.compress(kept_starts, nonempty))
    in_ends = array("q", itertools.compress(kept_ends, nonempty))
    del kept_starts, kept_ends
    out_starts = array("q", itertools.accumulate(map(operator.sub, in_ends, in_starts), initial=0))
    out_starts.pop()
    kept = map(text.__getitem__, map(slice, in_starts, in_ends))
    blocks = []
    while block := list(itertools.islice(kept, _JOIN_EVERY)):  # joined a few thousand at a time
        blocks.append("".join(block))
    new = "".join(blocks)
    zeros = array("q", bytes(8 * len(in_starts)))
    offsets = OffsetMap(
        input_length=size,
        output_length=len(new),
        out_starts=out_starts,
        in_starts=in_starts,
        piece_out=zeros,
        piece_in=zeros,
    )
    return new, offsets


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
