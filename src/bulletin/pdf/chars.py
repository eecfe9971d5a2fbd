"""The characters of a PDF page, with their boxes, sizes and weight, read through pypdfium2.

This is the only module that talks to the PDF backend; the rest of
:mod:`bulletin.pdf` works on :class:`Char` tuples, so it can be tested on
characters made up in the tests.
"""

from __future__ import annotations

import ctypes
import math
from typing import Any, NamedTuple

__all__ = ["Char", "page_chars"]

# text render modes that stroke the glyph outline: a fill plus a stroke is how faux bold is drawn
_STROKED = frozenset({1, 2, 5, 6})
_BOLD_NAMES = ("bold", "black", "heavy")


class Char(NamedTuple):
    """One printed character: its text and box (points from the top-left corner), size and weight."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool


def _is_bold_font(name: str, weight: int, mode: int) -> bool:
    lowered = name.lower().split("+")[-1]
    return weight >= 600 or mode in _STROKED or any(mark in lowered for mark in _BOLD_NAMES)


def _doubled_regions(page: Any, used: set[int | None], height: float) -> list[tuple[float, float, float, float]]:
    """Where text objects lie that pdfium left out as copies of others: text drawn twice, faux bold."""
    import pypdfium2.raw as raw

    regions = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for index in range(raw.FPDFPage_CountObjects(page)):
        obj = raw.FPDFPage_GetObject(page, index)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_TEXT or ctypes.cast(obj, ctypes.c_void_p).value in used:
            continue
        if raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            regions.append((left.value - 1, height - top.value - 1, right.value + 1, height - bottom.value + 1))
    return regions


def _in(char: Char, region: tuple[float, float, float, float]) -> bool:
    x, y = (char.x0 + char.x1) / 2, (char.top + char.bottom) / 2
    return region[0] <= x <= region[2] and region[1] <= y <= region[3]


def page_chars(page: Any) -> list[Char]:
    """Every printed character of a pypdfium2 page, in the order the page draws them.

    Characters pdfium makes up (spaces and line breaks it infers) and control
    characters are left out: lines and spaces are decided from the geometry.
    pdfium reads text drawn twice at nearly one place (faux bold) once; the
    characters under such a second copy are marked bold.
    """
    import pypdfium2.raw as raw

    height = page.get_height()
    textpage = page.get_textpage()
    try:
        count = raw.FPDFText_CountChars(textpage)
        rect = raw.FS_RECTF()
        matrix = raw.FS_MATRIX()
        name = ctypes.create_string_buffer(128)
        styles: dict[int | None, tuple[float, bool]] = {}
        chars: list[Char] = []
        for index in range(count):
            code = raw.FPDFText_GetUnicode(textpage, index)
            if code < 32 or code in (0xFFFE, 0xFFFF) or raw.FPDFText_IsGenerated(textpage, index) == 1:
                continue
            if not raw.FPDFText_GetLooseCharBox(textpage, index, rect):
                continue
            obj = raw.FPDFText_GetTextObject(textpage, index)
            key = ctypes.cast(obj, ctypes.c_void_p).value
            style = styles.get(key)
            if style is None:
                raw.FPDFText_GetMatrix(textpage, index, matrix)
                size = raw.FPDFText_GetFontSize(textpage, index) * (math.hypot(matrix.c, matrix.d) or 1.0)
                flags = ctypes.c_int()
                raw.FPDFText_GetFontInfo(textpage, index, name, 128, flags)
                weight = raw.FPDFText_GetFontWeight(textpage, index)
                mode = raw.FPDFTextObj_GetTextRenderMode(obj) if obj else 0
                font = name.value.decode("latin-1", "replace")
                style = (round(size, 2), _is_bold_font(font, weight, mode) or bool(flags.value & (1 << 18)))
                styles[key] = style
            chars.append(
                Char(chr(code), rect.left, height - rect.top, rect.right, height - rect.bottom, style[0], style[1])
            )
        doubled = _doubled_regions(page.raw, set(styles), height)
        if doubled:
            chars = [c._replace(bold=True) if not c.bold and any(_in(c, r) for r in doubled) else c for c in chars]
        return chars
    finally:
        textpage.close()
