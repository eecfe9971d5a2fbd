"""Mojibake: where the text was lost before it reached us, kept and reported.

Why: a bulletin decoded with the wrong codec, or converted by a tool that
could not map a character, carries U+FFFD replacement characters (seed 000
ends a sentence with ``让人才在上海\\ufffd``) or the classic GBK rendering of
UTF-8 replacement bytes, ``锟斤拷``.  No normaliser can restore the lost
text, and deleting the marks would hide the loss and glue unrelated words,
so they stay in the text and :func:`find_mojibake` reports where they are.

>>> text = "\\ufffd记者 周明 李晓雪"
>>> find_mojibake(text)
(Span(start=0, end=1),)
"""

from __future__ import annotations

import functools

import regex

from bulletin.span import Span

__all__ = ["find_mojibake"]


@functools.cache
def _pattern() -> regex.Pattern[str]:
    return regex.compile(r"\ufffd+|(?:锟斤拷)+|(?:烫烫烫)烫*|(?:屯屯屯)屯*")


def find_mojibake(text: str) -> tuple[Span, ...]:
    """Spans of runs of replacement characters and well-known garbage in ``text``.

    Runs of U+FFFD, ``锟斤拷`` (UTF-8 replacement bytes read as GBK) and the
    debugger fill patterns ``烫烫烫``/``屯屯屯`` are reported; nothing else.

    >>> find_mojibake("上海\\ufffd\\ufffd更好锟斤拷锟斤拷了")
    (Span(start=2, end=4), Span(start=6, end=12))
    >>> find_mojibake("本报讯 会议昨天举行。")
    ()
    """
    if "\ufffd" not in text and "锟" not in text and "烫" not in text and "屯" not in text:
        return ()
    return tuple(Span(m.start(), m.end()) for m in _pattern().finditer(text))
