"""The top-level functions: :func:`parse`, :func:`parse_file` and :func:`read_text`."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import attrs

from bulletin.decode import decode
from bulletin.errors import BulletinError, InputTooLargeError, PathAsTextError, SourceParserError
from bulletin.model import Bulletin
from bulletin.parsers.base import SourceParser
from bulletin.parsers.registry import choose_parser, get_parser
from bulletin.parsing.state import ParseOptions

__all__ = ["MAX_BYTES", "parse", "parse_file", "read_text"]

Input = str | bytes | os.PathLike[str]

#: Inputs larger than this (in bytes; for ``str``, UTF-8 bytes) are refused unless ``max_bytes`` says otherwise.
MAX_BYTES = 256 * 1024 * 1024


def _check_size(size: int, max_bytes: int | None, name: str | None = None) -> None:
    if max_bytes is not None and size > max_bytes:
        raise InputTooLargeError(size, max_bytes, name=name)


#: A ``str`` longer than this is text, whatever it looks like; a shorter one may be a file name.
_LONGEST_PATH = 4096


def _check_not_a_path(text: str) -> None:
    """Refuse a one-line ``str`` that names an existing file: the caller meant ``Path(text)``."""
    if len(text) > _LONGEST_PATH or "\n" in text or "\r" in text or not text.strip():
        return
    try:
        is_file = os.path.isfile(text)
    except (OSError, ValueError):  # NUL bytes, names too long for the system
        return
    if is_file:
        raise PathAsTextError(text)


def read_text(source: Input, *, errors: str = "strict", max_bytes: int | None = MAX_BYTES) -> str:
    """The text of a ``str``, of ``bytes`` (encoding detected), or of the file a path names.

    A ``str`` is text: one without a line break that names an existing file
    raises :class:`~bulletin.errors.PathAsTextError` (pass ``Path(name)``).

    ``errors="replace"`` reads bytes as UTF-8 and replaces undecodable bytes
    with U+FFFD (see :func:`bulletin.decode.decode_with_report` for where);
    by default they raise :class:`~bulletin.errors.BulletinDecodeError`.
    Inputs over ``max_bytes`` (``None``: no limit) raise
    :class:`~bulletin.errors.InputTooLargeError`; a file is measured before
    it is read.

    >>> read_text("本报讯".encode("gb18030"))
    '本报讯'
    """
    if isinstance(source, str):
        _check_not_a_path(source)
        # a str of n code points is at most 4n UTF-8 bytes: only count when it could be over
        if max_bytes is not None and len(source) * 4 > max_bytes:
            _check_size(len(source.encode("utf-8", "surrogatepass")), max_bytes)
        return source
    if isinstance(source, bytes):
        _check_size(len(source), max_bytes)
        return decode(source, errors=errors)
    path = Path(source)
    if max_bytes is not None:
        _check_size(path.stat().st_size, max_bytes, name=os.fspath(source))
        with path.open("rb") as handle:  # the file may have grown since
            data = handle.read(max_bytes + 1)
        _check_size(len(data), max_bytes, name=os.fspath(source))
    else:
        data = path.read_bytes()
    return decode(data, errors=errors)


def parse(
    source: Input,
    *,
    parser: str | SourceParser | None = None,
    options: ParseOptions | None = None,
    errors: str = "strict",
    max_bytes: int | None = MAX_BYTES,
    pages: Sequence[int] | None = None,
) -> Bulletin:
    """Parse a bulletin from text, bytes or a path.

    A ``str`` is the text itself; give a file as a :class:`~pathlib.Path` (or
    use :func:`parse_file`): a one-line ``str`` naming an existing file raises
    :class:`~bulletin.errors.PathAsTextError` rather than parse the name.
    ``parser`` names an installed source parser (see ``bulletin sources``) or
    is a parser object (a :class:`~bulletin.parsers.base.SourceParser`, such
    as a :class:`~bulletin.parsing.parser.Parser`); by default the one whose
    detection is surest is used.  ``errors`` and ``max_bytes`` are as for
    :func:`read_text`.
    Bytes or a file that start like a PDF are read as one (extra
    ``bulletin[pdf]``; ``pages`` picks pages, from 1), and the bulletin keeps
    the layout (see :mod:`bulletin.layout`).

    >>> bulletin = parse("市长会见友好城市代表团\\n推动两市务实合作走深走实\\n\\n本报讯 市长昨天会见了友好城市代表团。")
    >>> article = bulletin.articles[0]
    >>> article.title, article.headline.subtitle.text, article.dateline.agency
    ('市长会见友好城市代表团', '推动两市务实合作走深走实', '本报')
    """
    from bulletin.documents import read_document

    document = read_document(source, errors=errors, max_bytes=max_bytes, pages=pages)
    text = document.text
    options = options or ParseOptions()
    if document.layout is not None:
        options = attrs.evolve(options, layout=document.layout)
    chosen = _parser_for(parser, text)
    try:
        return chosen.parse(text, options=options)
    except BulletinError:
        raise
    except Exception as exc:
        raise SourceParserError(chosen.name, f"{type(exc).__name__}: {exc}") from exc


def _parser_for(parser: str | SourceParser | None, text: str) -> SourceParser:
    if parser is None:
        return choose_parser(text)
    if isinstance(parser, str):
        return get_parser(parser)
    if not callable(getattr(parser, "parse", None)) or not isinstance(getattr(parser, "name", None), str):
        raise TypeError(
            "parser must be the name of an installed source parser or an object with a name and "
            f"parse(text, *, options); got {type(parser).__name__}"
        )
    return parser


def parse_file(
    path: str | os.PathLike[str],
    *,
    parser: str | SourceParser | None = None,
    options: ParseOptions | None = None,
    errors: str = "strict",
    max_bytes: int | None = MAX_BYTES,
) -> Bulletin:
    """Parse the file ``path`` names (a ``str`` or a :class:`~pathlib.Path`); the rest is as for :func:`parse`.

    >>> import pathlib, tempfile
    >>> page = pathlib.Path(tempfile.mkdtemp(), "page.txt")
    >>> _ = page.write_text("市政协召开专题协商会\\n\\n本报讯 会议举行。", encoding="utf-8")
    >>> parse_file(str(page))[0].title
    '市政协召开专题协商会'
    """
    return parse(Path(path), parser=parser, options=options, errors=errors, max_bytes=max_bytes)
