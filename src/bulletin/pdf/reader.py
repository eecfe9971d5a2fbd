"""Read a PDF into text and layout: :func:`read_pdf`.

pypdfium2 (the ``pdf`` extra) reads the characters; the rest of
:mod:`bulletin.pdf` groups them into lines and blocks, finds the page
furniture, ranks the type sizes and writes the text.  When only some pages
are read, a few other pages of the document are looked at too, so running
headers and the document's type sizes are known as well as when it is read
whole.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import attrs
import regex

from bulletin.errors import MissingExtraError, UnreadableDocumentError
from bulletin.layout import Layout, Page
from bulletin.pdf.blocks import group_blocks, reading_order
from bulletin.pdf.chars import page_chars
from bulletin.pdf.compose import body_size, compose, heading_sizes, set_heading_levels
from bulletin.pdf.furniture import mark_furniture
from bulletin.pdf.lines import PrintedLine, group_lines

__all__ = ["PDF_MAGIC", "PdfText", "is_pdf", "parse_pages", "read_pdf"]

PDF_MAGIC = b"%PDF-"
#: How many other pages are looked at for running headers and type sizes when only some are read.
_CONTEXT_PAGES = 6
_RANGE = regex.compile(r"\s*(\d+)\s*(?:-\s*(\d*)\s*)?")


@attrs.frozen
class PdfText:
    """What a PDF reads as: the text written from its pages, and the layout of every line in it."""

    text: str
    layout: Layout


def is_pdf(head: bytes) -> bool:
    """Whether bytes start like a PDF (``%PDF-``, after blank bytes at most).

    >>> is_pdf(b"%PDF-1.7\\n..."), is_pdf("本报讯".encode())
    (True, False)
    """
    return head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n\x00").startswith(PDF_MAGIC)


def parse_pages(spec: str) -> list[int]:
    """Page numbers from a ``--pages`` value: ``3``, ``3-5``, ``1,4-6``, ``7-`` (to the end: -1).

    >>> parse_pages("3-5"), parse_pages("1,4-5")
    ([3, 4, 5], [1, 4, 5])
    """
    pages: list[int] = []
    for part in spec.split(","):
        match = _RANGE.fullmatch(part)
        if not match:
            raise ValueError(f"--pages: {part.strip()!r} is not a page number or range (3, 3-5, 1,4-6)")
        first = int(match.group(1))
        if first < 1:
            raise ValueError("--pages: pages are numbered from 1")
        if match.group(2) is None and "-" not in part:
            pages.append(first)
        elif not match.group(2):
            pages += [first, -1]
        else:
            last = int(match.group(2))
            if last < first:
                raise ValueError(f"--pages: {part.strip()!r} runs backwards")
            pages += range(first, last + 1)
    return pages


def _backend() -> Any:
    try:
        import pypdfium2
    except ImportError:
        raise MissingExtraError("reading a PDF", "pdf") from None
    return pypdfium2


def _wanted(pages: Sequence[int] | None, count: int) -> list[int]:
    if pages is None:
        return list(range(1, count + 1))
    wanted: list[int] = []
    for i, number in enumerate(pages):
        if number == -1 and i:  # ``7-``: to the last page
            wanted += range(pages[i - 1] + 1, count + 1)
            continue
        if not 1 <= number <= count:
            raise UnreadableDocumentError(f"page {number} is not in the PDF, which has {count} pages")
        wanted.append(number)
    return sorted(set(wanted))


def _context(wanted: list[int], count: int) -> list[int]:
    """A few pages besides ``wanted``, near them and spread over the document."""
    if len(wanted) >= _CONTEXT_PAGES or count <= len(wanted):
        return []
    chosen = set(wanted)
    candidates = [n for w in wanted for n in (w - 1, w + 1, w - 2, w + 2)]
    step = max(1, count // _CONTEXT_PAGES)
    candidates += list(range(1, count + 1, step))
    extra: list[int] = []
    for number in candidates:
        if 1 <= number <= count and number not in chosen:
            chosen.add(number)
            extra.append(number)
        if len(extra) + len(wanted) >= _CONTEXT_PAGES:
            break
    return extra


def read_pdf(source: str | bytes | os.PathLike[str], *, pages: Sequence[int] | None = None) -> PdfText:
    """Read a PDF (a path or its bytes) into text and layout; ``pages`` are 1-based page numbers.

    Raises :class:`~bulletin.errors.MissingExtraError` without the ``pdf``
    extra and :class:`~bulletin.errors.UnreadableDocumentError` for a damaged
    or encrypted file, a page it does not have, or pages with no text at all
    (a scan without a text layer).
    """
    pdfium = _backend()
    try:
        document = pdfium.PdfDocument(source if isinstance(source, bytes) else os.fspath(source))
    except pdfium.PdfiumError as exc:
        raise UnreadableDocumentError(f"the PDF cannot be read: {exc}") from exc
    try:
        count = len(document)
        wanted = _wanted(pages, count)
        lines: dict[int, list[PrintedLine]] = {}
        sizes: dict[int, tuple[float, float]] = {}
        for number in sorted(set(wanted) | set(_context(wanted, count))):
            page = document[number - 1]
            try:
                sizes[number] = (page.get_width(), page.get_height())
                lines[number] = group_lines(page_chars(page), number)
            finally:
                page.close()
    finally:
        document.close()
    if wanted and not any(lines[n] for n in wanted):
        shown = f"page {wanted[0]} of the PDF has" if len(wanted) == 1 else f"pages {wanted[0]}-{wanted[-1]} of the PDF have"
        raise UnreadableDocumentError(f"{shown} no text (scanned images?); run OCR first")
    mark_furniture(lines, {n: size[1] for n, size in sizes.items()})
    every = [line for page_lines in lines.values() for line in page_lines]
    body = body_size(every)
    ranks = heading_sizes(every, body)
    ordered = []
    for number in wanted:
        blocks = reading_order(group_blocks(lines[number]), body or 10.0)
        set_heading_levels(blocks, body, ranks)
        ordered.append(blocks)
    text, layouts = compose(ordered)
    return PdfText(
        text,
        Layout(
            pages=tuple(Page(number=n, width=round(sizes[n][0], 2), height=round(sizes[n][1], 2)) for n in wanted),
            lines=tuple(layouts),
        ),
    )
