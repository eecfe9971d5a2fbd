"""Inputs that are documents rather than text: a PDF recognised by its magic bytes, an HTML page.

:func:`read_document` turns any input :func:`bulletin.parse` accepts into the
text to parse and, for a PDF or an HTML page, the :class:`~bulletin.layout.Layout`
of that text.  Documents are recognised by their content, never by a file name.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import attrs

from bulletin.errors import InputTooLargeError
from bulletin.layout import Layout

__all__ = ["Document", "document_kind", "read_document"]

_PDF_MAGIC = b"%PDF-"


@attrs.frozen
class Document:
    """The text to parse and, when the input was laid out (a PDF), its layout."""

    text: str
    layout: Layout | None = None


def document_kind(head: bytes) -> str:
    """``"pdf"``, ``"html"`` or ``"text"``, from the first bytes of an input.

    A PDF starts with ``%PDF-`` (after blank bytes at most); a text that merely
    mentions ``%PDF-`` further on stays text.

    >>> document_kind(b"%PDF-1.7\\n%"), document_kind(b"<!DOCTYPE html>"), document_kind("本报讯".encode())
    ('pdf', 'html', 'text')
    """
    if head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n\x00").startswith(_PDF_MAGIC):
        return "pdf"
    from bulletin.htmlpage import is_html

    sample = head[:4096].decode("latin-1")
    if sample.startswith(("\xff\xfe", "\xfe\xff")):
        sample = head[2:4096].decode("utf-16-le" if sample[0] == "\xff" else "utf-16-be", "ignore")
    return "html" if is_html(sample) else "text"


def _text_document(text: str) -> Document:
    from bulletin.htmlpage import is_html, read_html

    return read_html(text) if is_html(text) else Document(text)


def _read_bytes(path: Path, max_bytes: int | None) -> bytes:
    name = os.fspath(path)
    if max_bytes is None:
        return path.read_bytes()
    size = path.stat().st_size
    if size > max_bytes:
        raise InputTooLargeError(size, max_bytes, name=name)
    with path.open("rb") as handle:  # read to the end (a buffer of max_bytes would be allocated up front)
        data = handle.read()
    if len(data) > max_bytes:
        raise InputTooLargeError(len(data), max_bytes, name=name)
    return data


def read_document(
    source: str | bytes | os.PathLike[str],
    *,
    errors: str = "strict",
    max_bytes: int | None = None,
    pages: Sequence[int] | None = None,
) -> Document:
    """The text (and layout) of a ``str``, of ``bytes`` or of the file a path names.

    A ``str`` is text as it is.  Bytes that start like a PDF are read as one
    (the ``pdf`` extra); other bytes are decoded (see :func:`bulletin.read_text`).
    Text that starts like an HTML page (a doctype or ``<html>``) is read as one
    (the ``html`` extra): the text stays the source, the layout marks its chrome
    and headings.
    ``pages`` (1-based) selects the pages of a PDF and is refused for text.
    """
    from bulletin.api import read_text

    if isinstance(source, str):
        if pages is not None:
            raise ValueError("pages apply to a PDF input, not to text")
        return _text_document(read_text(source, errors=errors, max_bytes=max_bytes))
    data = source if isinstance(source, bytes) else _read_bytes(Path(source), max_bytes)
    if max_bytes is not None and len(data) > max_bytes:
        raise InputTooLargeError(len(data), max_bytes)
    if document_kind(data[:1024]) == "pdf":
        from bulletin.pdf.reader import read_pdf

        read = read_pdf(data, pages=pages)
        return Document(read.text, read.layout)
    if pages is not None:
        raise ValueError("pages apply to a PDF input, not to text")
    return _text_document(read_text(data, errors=errors, max_bytes=max_bytes))
