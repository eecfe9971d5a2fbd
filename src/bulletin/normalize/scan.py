"""Finding matches by their first characters: a ``str.find`` per mark instead of a pattern scan.

A pattern that starts with a character class or an alternation makes the
regex engine try it at every position of the text; ``str.find`` jumps from
one occurrence of a literal to the next at memory speed.  When every match
of a pattern starts with one of a few known marks, trying the pattern only
where those marks are finds the same matches many times faster on text that
has few of them.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterable, Iterator

import regex

__all__ = ["in_blocks", "matches_at", "matches_led", "positions"]

#: Above one mark in this many characters, one scan of the text beats a match per mark.
DENSE = 50



def positions(text: str, mark: str) -> Iterator[int]:
    """Every position where ``mark`` occurs in ``text`` (overlapping occurrences too).

    >>> list(positions("——与——", "—"))
    [0, 1, 3, 4]
    """
    pos = text.find(mark)
    while pos >= 0:
        yield pos
        pos = text.find(mark, pos + 1)


def matches_at(pattern: regex.Pattern[str], text: str, marks: tuple[str, ...]) -> Iterator[regex.Match[str]]:
    """What ``pattern.finditer(text)`` finds, given that every match starts with one of ``marks``.

    >>> [m.group() for m in matches_at(regex.compile(r"\\.{3,6}|…+"), "好...真好……", ("...", "…"))]
    ['...', '……']
    """
    starts = _mark_starts(text, marks)
    if starts is None:
        yield from pattern.finditer(text)
        return
    yield from _matches_from(pattern, text, starts)


#: :func:`_mark_starts` looks for every mark in one block of this many characters before the next,
#: so the block is read from the cache, not from memory, once per mark.
SCAN_BLOCK = 1 << 15


def _mark_starts(text: str, marks: tuple[str, ...]) -> list[int] | None:
    """Where one of ``marks`` starts in ``text``, in order; ``None`` once they prove dense (one
    in :data:`DENSE` characters of the text read so far), when one pattern scan is cheaper."""
    starts: list[int] = []
    for low in range(0, len(text), SCAN_BLOCK):
        high = min(len(text), low + SCAN_BLOCK)
        found: set[int] = set()
        for mark in marks:
            limit = high + len(mark) - 1  # a mark that starts in the block may end past it
            pos = text.find(mark, low, limit)
            while pos >= 0:
                found.add(pos)
                pos = text.find(mark, pos + 1, limit)
        starts += sorted(found)
        if len(starts) * DENSE > high:
            return None
    return starts


#: Marks rarer than one in this many characters are found by ``str.find``; denser ones by ``lead``.
_SPARSE = 256


def matches_led(
    pattern: regex.Pattern[str], text: str, lead: re.Pattern[str], marks: str | None = None
) -> Iterator[regex.Match[str]]:
    """What ``pattern.finditer(text)`` finds, given that every match starts where ``lead`` matches.

    ``lead`` is a cheap pattern (the standard ``re``, one character wide) for
    the places a match can start; ``pattern`` is tried only there.  When
    ``lead`` matches only at one of the characters ``marks``, those are found
    by ``str.find`` and ``lead`` is tried only there (a scan of the text by
    ``lead`` tries it at every position).

    >>> [m.group() for m in matches_led(regex.compile(r"<b>"), "<<<b>", re.compile(r"<(?=b)"))]
    ['<b>']
    >>> [m.group() for m in matches_led(regex.compile(r"<b>"), "<<<b>", re.compile(r"<(?=b)"), "<")]
    ['<b>']
    """
    if marks is None or sum(map(text.count, marks)) * _SPARSE > len(text):
        # marks as dense as this (``<<<…b>``) are found faster by ``lead`` itself, in C
        starts: Iterable[int] = (found.start() for found in lead.finditer(text))
    else:
        at_marks = heapq.merge(*(positions(text, mark) for mark in marks))
        starts = (pos for pos in at_marks if lead.match(text, pos))
    yield from _matches_from(pattern, text, starts)


def _matches_from(pattern: regex.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[regex.Match[str]]:
    """The matches of ``pattern`` at ``starts`` (in order), each start inside an earlier match skipped."""
    end = 0
    for pos in starts:
        if pos < end:
            continue
        match = pattern.match(text, pos)
        if match is not None:
            end = match.end()
            yield match


#: :func:`in_blocks` converts blocks of about this many characters.
BLOCK = 1 << 14


def in_blocks(text: str, convert: Callable[[str], str], mark: str) -> str:
    """``convert`` applied to blocks of ``text`` that each end just before a ``mark`` (or at the end).

    A substitution over a whole text holds a piece per replacement until it joins them (several
    times the text's size on text dense with them); block by block it holds those of one block.
    ``convert`` must give on the blocks what it gives on the whole: what it does at a position
    may look past a block's end only as far as a ``mark``.

    >>> in_blocks("甲\\n乙\\n", str.upper, "\\n")
    '甲\\n乙\\n'
    """
    if len(text) <= BLOCK:
        return convert(text)
    blocks = []
    pos = 0
    while pos < len(text):
        cut = text.find(mark, pos + BLOCK)
        end = len(text) if cut < 0 else cut
        blocks.append(convert(text[pos:end]))
        pos = end
    return "".join(blocks)
