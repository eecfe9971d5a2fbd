"""Numbers as printed in Chinese dates: ``6``, ``１２``, ``十``, ``二十一``, ``廿九``, ``二〇二四``.

>>> [parse_number(text) for text in ("6", "１２", "十", "十二", "二十", "三十一", "廿九", "二〇二四")]
[6, 12, 10, 12, 20, 31, 29, 2024]
>>> parse_number("十十") is None, parse_number("") is None
(True, True)
"""

from __future__ import annotations

import functools

import regex

from bulletin import knowledge

__all__ = ["number_pattern", "parse_number"]

_TENS = {"十": 10, "廿": 20, "卅": 30}


@functools.cache
def _digits() -> str:
    return "".join(sorted(char for char in knowledge.numerals() if char not in _TENS))


@functools.cache
def number_pattern() -> str:
    """Regex source of a number of one to four digits, Arabic or Chinese.

    >>> bool(regex.fullmatch(number_pattern(), "二十一")), bool(regex.fullmatch(number_pattern(), "2024"))
    (True, True)
    """
    chinese = regex.escape("".join(knowledge.numerals()))
    return f"(?:\\d{{1,4}}+|[{chinese}]{{1,4}}+)"


def parse_number(text: str) -> int | None:
    """The value of ``text``; ``None`` when it is not a well-formed number."""
    if not text:
        return None
    if text.isdecimal():
        return int(text)
    values = knowledge.numerals()
    if any(char not in values for char in text):
        return None
    tens = [index for index, char in enumerate(text) if char in _TENS]
    if not tens:  # read digit by digit: 二〇二四
        return int("".join(str(values[char]) for char in text))
    if len(tens) > 1 or len(text) > 3:
        return None
    index = tens[0]
    head, tail = text[:index], text[index + 1 :]
    if len(head) > 1 or len(tail) > 1 or (head and text[index] != "十"):
        return None
    multiplier = values[head] if head else 1
    if head and not 1 <= multiplier <= 9:
        return None
    unit = values[tail] if tail else 0
    if tail and not 1 <= unit <= 9:
        return None
    return _TENS[text[index]] * multiplier + unit
