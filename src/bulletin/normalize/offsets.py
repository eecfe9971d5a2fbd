"""Offset maps: for every character of a normalised text, the input it came from.

A map is a list of segments that tile the output.  A *linear* segment maps
character for character (copied text, or a same-length substitution such as
``，`` for ``,``); any other segment maps each of its output characters to the
whole input range it replaced (``……`` for ``...``).  Deleted input lies in
the gaps between segments.  Maps compose, so a pipeline of normalisers keeps
one map from its final output back to the input.

Replacements of one shape that follow each other (every ``\\r\\n`` of a text
made one ``\\n``) are kept as one *run*: its output and input advance by the
same two lengths from piece to piece.  So a text dense with edits costs a few
bytes per run, not per edit; :meth:`OffsetMap.segments` still lists every
piece.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import TypeAlias

import attrs

__all__ = ["OffsetMap", "OffsetMapBuilder"]


#: Positions are kept in flat machine arrays: 8 bytes each instead of a Python int and a pointer
#: (about 36 bytes), so a map of an input dense with edits stays a few times the input's size.
Positions: TypeAlias = "array[int]"

_TYPECODE = "q"


def positions(values: Iterable[int]) -> array[int]:
    """Positions as a flat array of 64-bit integers (taken as is when already one)."""
    if isinstance(values, array) and values.typecode == _TYPECODE:
        return values
    return array(_TYPECODE, values)


@attrs.frozen(hash=False)
class OffsetMap:
    """Map positions of a normalised text back to positions of its input.

    Segment ``k`` covers output ``[out_starts[k], out_starts[k + 1])`` (the
    last one up to ``output_length``) from input ``in_starts[k]`` on.  With
    ``piece_out[k] == 0`` it is linear; otherwise it is a run of pieces, each
    mapping ``piece_out[k]`` output characters to ``piece_in[k]`` input
    characters as a whole.

    >>> from bulletin.normalize.edits import Edit, apply_edits
    >>> text, offsets = apply_edits("12 月 17 日", [Edit(2, 3, ""), Edit(4, 5, ""), Edit(7, 8, "")])
    >>> text
    '12月17日'
    >>> offsets.span(2, 5)  # '月17' in the output is '月 17' in the input
    (3, 7)
    >>> offsets.char(5)  # '日'
    8
    """

    input_length: int
    output_length: int
    out_starts: Positions = attrs.field(converter=positions)
    in_starts: Positions = attrs.field(converter=positions)
    piece_out: Positions = attrs.field(converter=positions)
    piece_in: Positions = attrs.field(converter=positions)

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text that no step changed."""
        builder = OffsetMapBuilder()
        builder.copy(0, 0, length)
        return builder.build(length, length)

    @property
    def is_identity(self) -> bool:
        """Whether output and input are the same text position for position."""
        return self.input_length == self.output_length and (
            self.output_length == 0
            or (len(self.out_starts) == 1 and self.piece_out[0] == 0 and self.in_starts[0] == 0)
        )

    def _out_end(self, k: int) -> int:
        return self.out_starts[k + 1] if k + 1 < len(self.out_starts) else self.output_length

    def _in_end(self, k: int) -> int:
        """Input position just past segment ``k``'s input."""
        size = self._out_end(k) - self.out_starts[k]
        step = self.piece_out[k]
        if step == 0:
            return self.in_starts[k] + size
        return self.in_starts[k] + size // step * self.piece_in[k]

    def segments(self) -> Iterator[tuple[int, int, int, int, bool]]:
        """``(out_start, out_end, in_start, in_end, linear)`` for every segment, in order (a run piece by piece)."""
        for k, (o0, i0, step, width) in enumerate(zip(self.out_starts, self.in_starts, self.piece_out, self.piece_in, strict=True)):
            o1 = self._out_end(k)
            if step == 0:
                yield o0, o1, i0, i0 + o1 - o0, True
                continue
            for o in range(o0, o1, step):
                yield o, o + step, i0, i0 + width, False
                i0 += width

    def linear_at(self, pos: int) -> bool:
        """Whether output character ``pos`` lies in a linear segment (it is the input character it maps to, or a
        same-length substitution of it)."""
        return self.piece_out[self._find(pos)] == 0

    def _find(self, pos: int) -> int:
        if not 0 <= pos < self.output_length:
            raise IndexError(f"output position {pos} outside 0..{self.output_length - 1}")
        return bisect_right(self.out_starts, pos) - 1

    def char(self, pos: int) -> int:
        """Input position of the first input character output character ``pos`` came from."""
        k = self._find(pos)
        step = self.piece_out[k]
        if step == 0:
            return self.in_starts[k] + pos - self.out_starts[k]
        return self.in_starts[k] + (pos - self.out_starts[k]) // step * self.piece_in[k]

    def char_end(self, pos: int) -> int:
        """Input position just past the input that output character ``pos`` came from."""
        k = self._find(pos)
        step = self.piece_out[k]
        if step == 0:
            return self.in_starts[k] + pos - self.out_starts[k] + 1
        return self.in_starts[k] + ((pos - self.out_starts[k]) // step + 1) * self.piece_in[k]

    def point(self, pos: int) -> int:
        """Input position of the boundary before output character ``pos`` (``pos`` may be the end)."""
        if pos < self.output_length:
            return self.char(pos)
        return self._in_end(len(self.out_starts) - 1) if self.out_starts else 0

    def linear_stretch(self, pos: int) -> tuple[int, int, int]:
        """``(start, end, shift)``: output ``[start, end)`` holds ``pos`` and maps position for position to the
        input ``shift`` further on; an empty stretch at ``pos`` when ``pos`` lies in a run of replacements.

        >>> from bulletin.normalize.edits import Edit, apply_edits
        >>> text, offsets = apply_edits("12 月 17 日", [Edit(2, 3, ""), Edit(4, 5, "")])
        >>> text
        '12月17 日'
        >>> offsets.linear_stretch(2), offsets.linear_stretch(4)  # '月' and '7'
        ((2, 3, 1), (3, 7, 2))
        """
        k = self._find(pos)
        if self.piece_out[k] != 0:
            return pos, pos, 0
        o0 = self.out_starts[k]
        return o0, self._out_end(k), self.in_starts[k] - o0

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The input range ``[a, b)`` that output range ``[start, end)`` came from."""
        if end <= start:
            p = self.point(start)
            return p, p
        if start < 0 or end > self.output_length:
            return self.char(start), self.char_end(end - 1)  # raises the IndexError that says where
        # ``char(start)`` and ``char_end(end - 1)`` inline: the parser asks this once per line and per element
        out_starts = self.out_starts
        k = bisect_right(out_starts, start) - 1
        o0, i0, step = out_starts[k], self.in_starts[k], self.piece_out[k]
        a = i0 + start - o0 if step == 0 else i0 + (start - o0) // step * self.piece_in[k]
        last = end - 1
        if k + 1 < len(out_starts) and out_starts[k + 1] <= last:
            k = bisect_right(out_starts, last, k + 1) - 1
            o0, i0, step = out_starts[k], self.in_starts[k], self.piece_out[k]
        b = i0 + last - o0 + 1 if step == 0 else i0 + ((last - o0) // step + 1) * self.piece_in[k]
        return a, b

    def _emit(self, builder: OffsetMapBuilder, k: int, low: int, high: int, shift: int) -> None:
        """Segment ``k`` restricted to middle positions ``[low, high)``, moved by ``shift`` along the output."""
        o0, i0, step, width = self.out_starts[k], self.in_starts[k], self.piece_out[k], self.piece_in[k]
        if step == 0:
            builder.copy(low + shift, i0 + low - o0, high - low)
            return
        j = (low - o0) // step
        if o0 + j * step < low:  # a piece cut at its start maps to its whole input
            end = min(o0 + (j + 1) * step, high)
            builder.replace(low + shift, end + shift, i0 + j * width, i0 + (j + 1) * width)
            low, j = end, j + 1
        whole = (high - low) // step
        if whole > 0:
            builder.run(low + shift, low + whole * step + shift, i0 + j * width, step, width)
            low, j = low + whole * step, j + whole
        if low < high:  # a piece cut at its end
            builder.replace(low + shift, high + shift, i0 + j * width, i0 + (j + 1) * width)

    def then(self, later: OffsetMap) -> OffsetMap:
        """Compose: ``self`` maps input to a middle text, ``later`` maps that text onwards.

        >>> from bulletin.normalize.edits import Edit, apply_edits
        >>> mid, first = apply_edits("A B C", [Edit(1, 2, "")])
        >>> out, second = apply_edits(mid, [Edit(2, 3, "")])
        >>> out, first.then(second).span(0, 3)
        ('ABC', (0, 5))
        """
        if self.is_identity and later.input_length == self.output_length:
            return later  # the first change of a pipeline: nothing to compose
        builder = OffsetMapBuilder()
        out_starts, in_starts, piece_out = self.out_starts, self.in_starts, self.piece_out
        size = len(out_starts)
        later_ends = later.out_starts[1:]
        if later.out_starts:
            later_ends.append(later.output_length)
        segments = zip(later.out_starts, later_ends, later.in_starts, later.piece_out, later.piece_in, strict=True)
        for o0, o1, m0, step, width in segments:
            if step != 0:
                self._compose_run(builder, o0, o1, m0, step, width)
                continue
            # a linear segment: split it wherever self's segments split the middle text
            m1 = m0 + o1 - o0
            k = bisect_right(out_starts, m0) - 1
            if m1 > m0 and (k + 1 == size or out_starts[k + 1] >= m1) and piece_out[k] == 0:
                # the most common case by far: inside one linear segment of self (``_emit`` inline)
                builder.copy(o0, in_starts[k] + m0 - out_starts[k], m1 - m0)
                continue
            last = bisect_right(out_starts, m1 - 1, k) - 1
            shift = o0 - m0
            if last == k:
                self._emit(builder, k, m0, m1, shift)
                continue
            self._emit(builder, k, m0, out_starts[k + 1], shift)
            if last > k + 1:
                # self's segments wholly inside: moved along the output as they are (self never holds
                # two segments that continue each other, so none of them joins its neighbour)
                builder.extend(self, k + 1, last, shift)
            self._emit(builder, last, out_starts[last], m1, shift)
        return builder.build(self.input_length, later.output_length)

    def _compose_run(self, builder: OffsetMapBuilder, o0: int, o1: int, m0: int, step: int, width: int) -> None:
        """A run of ``later`` (pieces of ``step`` output characters from ``width`` middle ones) through ``self``."""
        pieces = (o1 - o0) // step
        if width == 0:  # insertions at one middle point
            p = self.point(m0)
            builder.run(o0, o1, p, step, 0)
            return
        if pieces > 1 and m0 < self.output_length:
            k = self._find(m0)
            if self.piece_out[k] == 0 and m0 + pieces * width <= self._out_end(k):
                # the middle text of the whole run is copied input: the run keeps its shape
                builder.run(o0, o1, self.in_starts[k] + m0 - self.out_starts[k], step, width)
                return
        for j in range(pieces):
            a = m0 + j * width
            builder.replace(o0 + j * step, o0 + (j + 1) * step, self.char(a), self.char_end(a + width - 1))


class OffsetMapBuilder:
    """Collects segments in output order; joins a linear one to the linear one before it, and a piece to a
    run of its shape that it continues."""

    __slots__ = ("_in0", "_in_end", "_out0", "_out_end", "_step", "_width")

    def __init__(self) -> None:
        self._out0 = array(_TYPECODE)
        self._in0 = array(_TYPECODE)
        self._step = array(_TYPECODE)
        self._width = array(_TYPECODE)
        self._out_end = -1  # where the last segment ends, in the output and in the input
        self._in_end = -1

    def copy(self, out_start: int, in_start: int, length: int) -> None:
        """Output ``[out_start, +length)`` is input ``[in_start, +length)``, char for char."""
        if length <= 0:
            return
        if self._out_end == out_start and self._in_end == in_start and self._step and self._step[-1] == 0:
            self._out_end += length
            self._in_end += length
            return
        self._append(out_start, in_start, 0, 0)
        self._out_end = out_start + length
        self._in_end = in_start + length

    def replace(self, out_start: int, out_end: int, in_start: int, in_end: int) -> None:
        """Output ``[out_start, out_end)`` came from input ``[in_start, in_end)`` as a whole."""
        if out_end > out_start:
            self.run(out_start, out_end, in_start, out_end - out_start, in_end - in_start)

    def run(self, out_start: int, out_end: int, in_start: int, step: int, width: int) -> None:
        """Pieces of ``step`` output characters, each from the next ``width`` input characters as a whole."""
        if out_end <= out_start:
            return
        in_end = in_start + (out_end - out_start) // step * width
        if not (
            self._out_end == out_start
            and self._in_end == in_start
            and self._step
            and self._step[-1] == step
            and self._width[-1] == width
        ):
            self._append(out_start, in_start, step, width)
        self._out_end = out_end
        self._in_end = in_end

    def _append(self, out_start: int, in_start: int, step: int, width: int) -> None:
        self._out0.append(out_start)
        self._in0.append(in_start)
        self._step.append(step)
        self._width.append(width)

    def extend(self, other: OffsetMap, first: int, stop: int, shift: int) -> None:
        """Segments ``first`` to ``stop`` (excluded) of another map, moved by ``shift`` along the output."""
        self._out0.extend(map(shift.__add__, other.out_starts[first:stop]))
        self._in0 += other.in_starts[first:stop]
        self._step += other.piece_out[first:stop]
        self._width += other.piece_in[first:stop]
        self._out_end = other.out_starts[stop] + shift if stop < len(other.out_starts) else other.output_length + shift
        self._in_end = other._in_end(stop - 1)

    def build(self, input_length: int, output_length: int) -> OffsetMap:
        return OffsetMap(
            input_length=input_length,
            output_length=output_length,
            out_starts=self._out0,
            in_starts=self._in0,
            piece_out=self._step,
            piece_in=self._width,
        )
