"""Spans: where an element came from in the original input."""

from __future__ import annotations

from collections.abc import Iterator
from typing import overload

import attrs

from bulletin.errors import ModelError

__all__ = ["SourceText", "Span"]


@attrs.frozen(order=True)
class Span:
    """A half-open range ``[start, end)`` of code points in the original input.

    >>> text = SourceText("本报讯 全市防汛工作会议昨天上午举行。")
    >>> span = Span(0, 3)
    >>> text[span]
    '本报讯'
    >>> span.to_list(), len(span)
    ([0, 3], 3)
    >>> start, end = span
    >>> start, end
    (0, 3)
    """

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        # one check for all three rules (a span is made for every element: no validator calls)
        if self.start < 0 or self.end < self.start:
            for name, value in (("start", self.start), ("end", self.end)):
                if value < 0:
                    raise ModelError(f"span {name} must be >= 0, got {value}")
            raise ModelError(f"span is inverted: end {self.end} < start {self.start}")

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self) -> Iterator[int]:
        """``start`` then ``end``, so that ``start, end = span`` works."""
        yield self.start
        yield self.end

    def of(self, text: str) -> str:
        """The slice of ``text`` this span covers."""
        return text[self.start : self.end]

    def to_list(self) -> list[int]:
        """``[start, end]``, the form spans take in JSON."""
        return [self.start, self.end]

    def cover(self, other: Span) -> Span:
        """The smallest span that holds both spans.

        >>> Span(2, 4).cover(Span(7, 9))
        Span(start=2, end=9)
        """
        return Span(min(self.start, other.start), max(self.end, other.end))

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one code point."""
        return self.start < other.end and other.start < self.end


class SourceText(str):
    """The original input; indexing it with a :class:`Span` returns what the span covers."""

    __slots__ = ()

    @overload  # type: ignore[override]  # widens str's key type to spans
    def __getitem__(self, key: Span) -> str: ...
    @overload
    def __getitem__(self, key: int | slice) -> str: ...
    def __getitem__(self, key: Span | int | slice) -> str:
        if isinstance(key, Span):
            return str.__getitem__(self, slice(key.start, key.end))
        return str.__getitem__(self, key)
