"""Line breaks: one kind only, ``"\\n"``.

Why: text pulled out of Word files, web pages and PDFs mixes Windows line
ends (CR LF), old Mac ends (a lone CR), the Unicode line and paragraph
separators (U+2028, U+2029), NEL (U+0085) and page breaks (form feed, vertical
tab).  Every later step and the parser split lines on ``"\\n"`` alone, so this
step runs first.

>>> from bulletin.normalize.edits import apply_edits
>>> raw = "本报讯\\r\\n会议昨天举行。\\u2029市领导出席。"
>>> text, offsets = apply_edits(raw, normalize_newlines(raw))
>>> text
'本报讯\\n会议昨天举行。\\n市领导出席。'
>>> offsets.span(3, 4)  # the one "\\n" came from "\\r\\n"
(3, 5)
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from bulletin.normalize.edits import Edit
from bulletin.normalize.scan import in_blocks

__all__ = ["normalize_newlines", "single_breaks"]


_OTHER_BREAKS = "\r\x0b\x0c\x85\u2028\u2029"


@functools.cache
def _pattern() -> regex.Pattern[str]:
    return regex.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")


_ONE_FOR_ONE_MARKS = "\x0b\x0c\x85\u2028\u2029"


@functools.cache
def _lone_cr() -> regex.Pattern[str]:
    return regex.compile(r"\r(?!\n)")


def _lone_crs(text: str) -> str:
    """Every CR that no LF follows as ``"\\n"`` (block by block: a block ends just before a CR, so
    whether an LF follows a CR is seen inside its block).

    >>> _lone_crs("甲\\r乙\\r\\n丙\\r")
    '甲\\n乙\\r\\n丙\\n'
    """
    return in_blocks(text, functools.partial(_lone_cr().sub, "\n"), "\r")


def single_breaks(text: str) -> str:
    """Every break of one character as ``"\\n"`` (the pipeline's fast lane: no edit, no map segment).

    A lone CR, NEL, U+2028, U+2029, form feed and vertical tab are replaced
    one for one, so a text dense with them costs no memory per break; only
    CR LF, two characters for one, is left to :func:`normalize_newlines`.

    >>> single_breaks("甲\\r乙\\r\\n丙\\u2028丁")
    '甲\\n乙\\r\\n丙\\n丁'
    """
    if "\r" in text:
        text = text.replace("\r", "\n") if "\r\n" not in text else _lone_crs(text)
    # a search per mark is far faster than translating a text that has none (the common case)
    for mark in _ONE_FOR_ONE_MARKS:
        if mark in text:
            text = text.replace(mark, "\n")
    return text


def normalize_newlines(text: str) -> Iterator[Edit]:
    """Describe turning CR LF, CR, NEL, U+2028, U+2029, form feed and vertical tab into ``"\\n"``.

    >>> list(normalize_newlines("甲\\r\\n乙\\r丙"))
    [Edit(start=1, end=3, replacement='\\n'), Edit(start=4, end=5, replacement='\\n')]
    """
    if not any(mark in text for mark in _OTHER_BREAKS):  # one str search each beats a pattern scan
        return
    for match in _pattern().finditer(text):
        yield Edit(match.start(), match.end(), "\n")
