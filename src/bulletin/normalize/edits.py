"""The one engine that applies normalisers' edits and keeps the offset map.

Normalisers never build text or maps themselves: they *describe* edits on
their input (``Edit(start, end, replacement)``) and :func:`apply_edits` does
the rest, so every step is traceable back to the original input.
"""

from __future__ import annotations

import heapq
import itertools
import operator
from array import array
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

import regex

from bulletin.normalize.offsets import OffsetMap, OffsetMapBuilder

__all__ = ["Edit", "EditColumns", "apply_edits", "edited_text", "edits_from_pattern"]


class Edit(NamedTuple):
    """Replace ``text[start:end]`` by ``replacement`` (empty to delete)."""

    start: int
    end: int
    replacement: str


class EditColumns:
    """Edits kept as three flat columns (start, end, replacement): about 24 bytes an edit, where an
    :class:`Edit` and its two positions take some 130.  Read back as edits one at a time.

    >>> edits = EditColumns([Edit(4, 5, ""), Edit(0, 1, "甲")])
    >>> edits.sort()
    >>> list(edits), edits[1]
    ([Edit(start=0, end=1, replacement='甲'), Edit(start=4, end=5, replacement='')], Edit(start=4, end=5, replacement=''))
    """

    __slots__ = ("ends", "replacements", "starts")

    def __init__(self, edits: Iterable[Edit] = ()) -> None:
        self.starts = array("q")
        self.ends = array("q")
        self.replacements: list[str] = []
        for edit in edits:
            self.add(*edit)

    def add(self, start: int, end: int, replacement: str) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.replacements.append(replacement)

    def append(self, edit: Edit) -> None:
        self.add(*edit)

    def extend(self, edits: Iterable[Edit]) -> None:
        for edit in edits:
            self.add(*edit)

    def copy(self) -> EditColumns:
        copied = EditColumns()
        copied.starts, copied.ends, copied.replacements = self.starts[:], self.ends[:], self.replacements[:]
        return copied

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: int) -> Edit:
        return Edit(self.starts[index], self.ends[index], self.replacements[index])

    def __iter__(self) -> Iterator[Edit]:
        return map(Edit, self.starts, self.ends, self.replacements)

    def sort(self) -> None:
        """In the order a list of the edits sorts in (start, then end, then replacement).

        The columns are usually runs in order, one per kind of edit appended: the
        runs are merged, so that no key is held for every edit at once.
        """
        starts, ends, replacements = self.starts, self.ends, self.replacements
        size = len(starts)
        if size < 2 or all(map(operator.lt, starts, starts[1:])):
            return
        keys = zip(starts, ends, replacements, strict=True)
        following = zip(starts[1:], ends[1:], replacements[1:], strict=True)
        cuts = [0, *itertools.compress(range(1, size), map(operator.gt, keys, following)), size]
        if len(cuts) == 2:
            return
        runs = [zip(starts[a:b], ends[a:b], replacements[a:b], strict=True) for a, b in itertools.pairwise(cuts)]
        self.starts, self.ends, self.replacements = array("q"), array("q"), []
        merged = heapq.merge(*runs)
        while chunk := list(itertools.islice(merged, _JOIN_EVERY)):  # a few thousand keys at a time
            self.starts.extend(map(_START, chunk))
            self.ends.extend(map(_END, chunk))
            self.replacements += map(_REPLACEMENT, chunk)


def edited_text(text: str, edits: Iterable[Edit]) -> str:
    """The text :func:`apply_edits` gives, without its map (for a look at the result).

    >>> edited_text("等等...", [Edit(2, 5, "……")])
    '等等……'
    """
    pieces: list[str] = []
    done: list[str] = []
    pos = 0
    for start, end, replacement in edits:
        if start < pos or end < start or end > len(text):
            raise ValueError(f"edit ({start}, {end}) overlaps an earlier edit or leaves the text")
        pieces += (text[pos:start], replacement)
        pos = end
        if len(pieces) >= _JOIN_EVERY:
            done.append("".join(pieces))
            pieces.clear()
    pieces.append(text[pos:])
    done.append("".join(pieces))
    return "".join(done)


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
        return _apply_deletions(text, array("q", map(_START, edits)), array("q", map(_END, edits)))
    if isinstance(edits, EditColumns) and edits.starts and not any(edits.replacements):
        return _apply_deletions(text, edits.starts, edits.ends)
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
_REPLACEMENT = operator.itemgetter(2)


def _apply_deletions(text: str, starts: array[int], ends: array[int]) -> tuple[str, OffsetMap]:
    """:func:`apply_edits` for edits that only delete, with the per-edit work done by C loops.

    What is kept are the runs between deletions, each mapping char for char;
    there is nothing else to the map.
    """
    size = len(text)
    if not all(map(operator.ne, starts, ends)):  # deleting nothing is no edit
        real = bytes(map(operator.ne, starts, ends))
        starts, ends = array("q", itertools.compress(starts, real)), array("q", itertools.compress(ends, real))
    kept_starts = array("q", [0]) + ends
    kept_ends = starts + array("q", [size])
    del starts, ends
    # sorted, not overlapping, inside the text: no kept run and no deletion of negative length
    gaps = map(operator.sub, kept_ends, kept_starts)
    if min(gaps) < 0 or min(map(operator.sub, kept_starts[1:], kept_ends[:-1]), default=0) < 0:
        for previous_end, start, end in zip(kept_starts, kept_ends, kept_starts[1:], strict=False):
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
