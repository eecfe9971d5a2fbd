"""Page furniture proved by the layout: page numbers and running headers and footers.

A line in the top or bottom margin band of a page is a page number when it
reads as one (``第 15 页``, ``- 3 -``, ``12``), and a running header or footer
when the same text (digits aside) stands in the same margin band on other
pages of the document: on two or three of a few pages, on a fifth of many.  A page number printed anywhere is recognised only
when it is the first or last line of the page.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping

import regex

from bulletin.pdf.lines import PrintedLine

__all__ = ["is_page_number", "mark_furniture"]

#: The top and bottom fractions of a page where running headers, footers and page numbers stand.
BAND = 0.09
_PAGE_NUMBER = regex.compile(
    r"[-–—·\s]*+(?:第\s*+\d{1,4}\s*+[页頁版]|\d{1,4}(?:\s*+/\s*+\d{1,4})?|[Pp](?:age|\.)\s*+\d{1,4}"
    r"|(?:Page|頁|页)\s*+\d{1,4}\s*+(?:of|/)\s*+\d{1,4})[-–—·\s]*+"
)
_DIGITS = regex.compile(r"\d+")
_SPACES = regex.compile(r"\s+")
_BARE_NUMBER = regex.compile(r"\d{1,2}")  # a bare small number outside the margins is too often text


def is_page_number(text: str) -> bool:
    """Whether a line reads as a page number.

    >>> is_page_number("第 15 页"), is_page_number("- 3 -"), is_page_number("2025年")
    (True, True, False)
    """
    return bool(_PAGE_NUMBER.fullmatch(text))


def _key(line: PrintedLine) -> str:
    return _DIGITS.sub("#", _SPACES.sub("", line.text))


def mark_furniture(pages: Mapping[int, list[PrintedLine]], heights: Mapping[int, float]) -> None:
    """Set ``furniture`` on the page numbers and running headers and footers of ``pages``.

    ``pages`` maps a page number to its lines (top to bottom); the more pages
    are given, the surer the running headers (one page alone has none).
    """
    seen: dict[str, set[int]] = defaultdict(set)
    banded: list[tuple[PrintedLine, str]] = []
    for number, lines in pages.items():
        height = heights[number]
        for line in lines:
            if line.top < BAND * height or line.bottom > (1 - BAND) * height:
                key = _key(line)
                where = "top" if line.top < BAND * height else "bottom"
                seen[f"{where}:{key}"].add(number)
                banded.append((line, f"{where}:{key}"))
    # on a few pages, two or three repeats; on many, a fifth of the pages (a line that opens some
    # articles, such as a reprint line above untitled ones, repeats too, but on few of them)
    need = max(2 if len(pages) <= 3 else 3, math.ceil(0.2 * len(pages)))
    for line, key in banded:
        if is_page_number(line.text):
            line.furniture = "page-number"
        elif len(seen[key]) >= min(need, len(pages)) and len(pages) > 1:
            line.furniture = "running-header"
    for lines in pages.values():
        for line in (lines[:1] + lines[-1:]) if lines else []:
            if line.furniture is None and is_page_number(line.text) and not _BARE_NUMBER.fullmatch(line.text):
                line.furniture = "page-number"
