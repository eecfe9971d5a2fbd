"""Invisible characters: deleted.

Why: copy-paste from web pages and PDF extraction leave zero-width spaces and
joiners (U+200B-U+200D, U+2060), byte-order marks (U+FEFF, also in the middle
of concatenated files), soft hyphens, bidi marks and stray control
characters.  They are invisible, yet they break every later match: ``厦门\\u200b市``
is not ``厦门市``.  Line breaks (``\\n``, and the CR/NEL/FF/VT that
:mod:`~bulletin.normalize.newlines` handles) and tabs are kept, and so is
U+FFFD: a replacement character marks lost text and must stay visible (see
:mod:`~bulletin.normalize.mojibake`).

>>> from bulletin.normalize.pipeline import normalize
>>> normalize("\\ufeff厦门\\u200b市信息协会\\u00ad", steps=["invisible"]).text
'厦门市信息协会'
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from bulletin.normalize.edits import Edit

__all__ = ["is_invisible", "strip_invisible"]

# Format characters (Cf: zero-width, BOM, soft hyphen, bidi marks, tags ...) and
# control characters (Cc) other than tab and the line breaks.
_INVISIBLE = r"[\p{Cf}\p{Cc}--[\t\n\r\x0b\x0c\x85]]"


@functools.cache
def _pattern() -> regex.Pattern[str]:
    return regex.compile(_INVISIBLE + "+", regex.VERSION1)


@functools.cache
def _single() -> regex.Pattern[str]:
    return regex.compile(_INVISIBLE, regex.VERSION1)


def is_invisible(char: str) -> bool:
    """Whether :func:`strip_invisible` deletes ``char`` (one character).

    >>> is_invisible("\\u200b"), is_invisible("\\ufffd"), is_invisible("\\n")
    (True, False, False)
    """
    return _single().fullmatch(char) is not None


def strip_invisible(text: str) -> Iterator[Edit]:
    """Describe deleting every run of invisible format and control characters.

    >>> list(strip_invisible("市\\u200b\\u200d委"))
    [Edit(start=1, end=3, replacement='')]
    """
    # Every invisible character is unprintable: a text that is printable apart from its line
    # breaks, tabs and ideographic spaces has none (str methods answer far faster than a scan).
    if text.replace("\n", "").replace("\t", "").replace("\u3000", "").isprintable():
        return
    for match in _pattern().finditer(text):
        yield Edit(match.start(), match.end(), "")
