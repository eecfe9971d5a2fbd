"""The top-level functions: :func:`parse` and :func:`read_text`."""

from __future__ import annotations

import os
from pathlib import Path

from bulletin.decode import decode
from bulletin.errors import BulletinError, SourceParserError
from bulletin.model import Bulletin
from bulletin.parsers.registry import choose_parser, get_parser
from bulletin.parsing.state import ParseOptions

__all__ = ["parse", "read_text"]

Input = str | bytes | os.PathLike[str]


def read_text(source: Input) -> str:
    """The text of a ``str``, of ``bytes`` (encoding detected), or of the file a path names.

    >>> read_text("本报讯".encode("gb18030"))
    '本报讯'
    """
    if isinstance(source, str):
        return source
    if isinstance(source, bytes):
        return decode(source)
    return decode(Path(source).read_bytes())


def parse(source: Input, *, parser: str | None = None, options: ParseOptions | None = None) -> Bulletin:
    """Parse a bulletin from text, bytes or a path.

    ``parser`` names an installed source parser (see ``bulletin sources``);
    by default the one whose detection is surest is used.

    >>> bulletin = parse("市长会见友好城市代表团\\n推动两市务实合作走深走实\\n\\n本报讯 市长昨天会见了友好城市代表团。")
    >>> article = bulletin.articles[0]
    >>> article.title, article.headline.subtitle.text, article.dateline.agency
    ('市长会见友好城市代表团', '推动两市务实合作走深走实', '本报')
    """
    text = read_text(source)
    chosen = get_parser(parser) if parser is not None else choose_parser(text)
    try:
        return chosen.parse(text, options=options or ParseOptions())
    except BulletinError:
        raise
    except Exception as exc:
        raise SourceParserError(chosen.name, f"{type(exc).__name__}: {exc}") from exc
