"""Offset maps: for every character of a normalised text, the input it came from.

A map is a list of segments that tile the output.  A *linear* segment maps
character for character (copied text, or a same-length substitution such as
``，`` for ``,``); any other segment maps each of its output characters to the
whole input range it replaced (``……`` for ``...``).  Deleted input lies in
the gaps between segments.  Maps compose, so a pipeline of normalisers keeps
one map from its final output back to the original input.
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
    out_ends: Positions = attrs.field(converter=positions)
    in_starts: Positions = attrs.field(converter=positions)
    in_ends: Positions = attrs.field(converter=positions)
    linear: bytes = attrs.field(converter=bytes)

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
            or (len(self.out_starts) == 1 and self.linear[0] == 1 and self.in_starts[0] == 0)
        )

    def segments(self) -> Iterator[tuple[int, int, int, int, bool]]:
        """``(out_start, out_end, in_start, in_end, linear)`` for every segment, in order."""
        return zip(self.out_starts, self.out_ends, self.in_starts, self.in_ends, map(bool, self.linear), strict=True)

    def _find(self, pos: int) -> int:
        if not 0 <= pos < self.output_length:
            raise IndexError(f"output position {pos} outside 0..{self.output_length - 1}")
        return bisect_right(self.out_starts, pos) - 1

    def char(self, pos: int) -> int:
        """Input position of the first input character output character ``pos`` came from."""
        k = self._find(pos)
        if self.linear[k]:
            return self.in_starts[k] + pos - self.out_starts[k]
        return self.in_starts[k]

    def char_end(self, pos: int) -> int:
        """Input position just past the input that output character ``pos`` came from."""
        k = self._find(pos)
        if self.linear[k]:
            return self.in_starts[k] + pos - self.out_starts[k] + 1
        return self.in_ends[k]

    def point(self, pos: int) -> int:
        """Input position of the boundary before output character ``pos`` (``pos`` may be the end)."""
        if pos < self.output_length:
            return self.char(pos)
        return self.in_ends[-1] if self.out_starts else 0

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The input range ``[a, b)`` that output range ``[start, end)`` came from."""
        if end <= start:
            p = self.point(start)
            return p, p
        return self.char(start), self.char_end(end - 1)

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
        out_starts, out_ends, in_starts, in_ends, linear = (
            self.out_starts, self.out_ends, self.in_starts, self.in_ends, self.linear
        )
        copy, replace = builder.copy, builder.replace
        for o0, o1, m0, m1, lin in later.segments():
            if not lin:
                if m1 > m0:
                    replace(o0, o1, self.char(m0), self.char_end(m1 - 1))
                else:
                    p = self.point(m0)
                    replace(o0, o1, p, p)
                continue
            # a linear segment: split it wherever self's segments split the middle text
            k = bisect_right(out_starts, m0) - 1
            last = bisect_right(out_starts, m1 - 1, k) - 1
            shift = o0 - m0
            # the first piece (it may start inside self's segment, and may join the piece before)
            stop = min(m1, out_ends[k])
            if linear[k]:
                copy(m0 + shift, in_starts[k] + m0 - out_starts[k], stop - m0)
            else:
                replace(m0 + shift, stop + shift, in_starts[k], in_ends[k])
            if last == k:
                continue
            if last > k + 1:
                # self's segments wholly inside: moved along the output as they are (self never holds
                # two linear segments that continue each other, so none of them joins its neighbour)
                builder.extend(out_starts, out_ends, in_starts, in_ends, linear, k + 1, last, shift)
            # the last piece (it may end inside self's segment)
            start = out_starts[last]
            if linear[last]:
                copy(start + shift, in_starts[last], m1 - start)
            else:
                replace(start + shift, m1 + shift, in_starts[last], in_ends[last])
        return builder.build(self.input_length, later.output_length)


class OffsetMapBuilder:
    """Collects segments in output order and merges adjacent linear ones."""

    __slots__ = ("_in0", "_in1", "_lin", "_out0", "_out1")

    def __init__(self) -> None:
        self._out0 = array(_TYPECODE)
        self._out1 = array(_TYPECODE)
        self._in0 = array(_TYPECODE)
        self._in1 = array(_TYPECODE)
        self._lin = bytearray()

    def copy(self, out_start: int, in_start: int, length: int) -> None:
        """Output ``[out_start, +length)`` is input ``[in_start, +length)``, char for char."""
        if length <= 0:
            return
        if (
            self._lin
            and self._lin[-1]
            and self._out1[-1] == out_start
            and self._in1[-1] == in_start
        ):
            self._out1[-1] += length
            self._in1[-1] += length
            return
        self._out0.append(out_start)
        self._out1.append(out_start + length)
        self._in0.append(in_start)
        self._in1.append(in_start + length)
        self._lin.append(1)

    def replace(self, out_start: int, out_end: int, in_start: int, in_end: int) -> None:
        """Output ``[out_start, out_end)`` came from input ``[in_start, in_end)`` as a whole."""
        if out_end <= out_start:
            return
        self._out0.append(out_start)
        self._out1.append(out_end)
        self._in0.append(in_start)
        self._in1.append(in_end)
        self._lin.append(0)

    def extend(
        self,
        out_starts: Positions,
        out_ends: Positions,
        in_starts: Positions,
        in_ends: Positions,
        linear: bytes,
        first: int,
        stop: int,
        shift: int,
    ) -> None:
        """Segments ``first`` to ``stop`` (excluded) of another map, moved by ``shift`` along the output."""
        add = shift.__add__
        self._out0.extend(map(add, out_starts[first:stop]))
        self._out1.extend(map(add, out_ends[first:stop]))
        self._in0 += in_starts[first:stop]
        self._in1 += in_ends[first:stop]
        self._lin += linear[first:stop]

    def build(self, input_length: int, output_length: int) -> OffsetMap:
        return OffsetMap(
            input_length=input_length,
            output_length=output_length,
            out_starts=self._out0,
            out_ends=self._out1,
            in_starts=self._in0,
            in_ends=self._in1,
            linear=bytes(self._lin),
        )
