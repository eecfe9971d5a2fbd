"""Views and interchange formats of a parsed bulletin, by name.

:data:`FORMATS` maps each format's name to a function from a
:class:`~bulletin.model.Bulletin` to text; :func:`export` looks one up.

>>> from bulletin import parse
>>> sorted(FORMATS)
['gigaword', 'html', 'json', 'markdown', 'ninjs', 'outline', 'text']
>>> print(export(parse("王明主持会议\\n\\n本报讯 会议昨天举行。"), "text"))
王明主持会议
<BLANKLINE>
本报讯 会议昨天举行。
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from bulletin.export.gigaword import to_gigaword
from bulletin.export.html import to_html
from bulletin.export.markdown import to_markdown
from bulletin.export.ninjs import dumps_ninjs, to_ninjs
from bulletin.export.outline import to_outline
from bulletin.export.schema import json_schema
from bulletin.export.text import to_text
from bulletin.model import Bulletin

__all__ = [
    "FORMATS",
    "dumps_ninjs",
    "export",
    "json_schema",
    "to_gigaword",
    "to_html",
    "to_json",
    "to_markdown",
    "to_ninjs",
    "to_outline",
    "to_text",
]


def to_json(bulletin: Bulletin) -> str:
    """The JSON contract (:meth:`Bulletin.to_json`, indented by one space)."""
    return bulletin.to_json()


#: Every output format by name: the model's JSON, the views (a terminal outline, Markdown,
#: plain text, the highlighted HTML page) and the interchange formats.
FORMATS: Mapping[str, Callable[[Bulletin], str]] = MappingProxyType(
    {
        "json": to_json,
        "markdown": to_markdown,
        "text": to_text,
        "ninjs": dumps_ninjs,
        "gigaword": to_gigaword,
        "outline": to_outline,
        "html": to_html,
    }
)


def export(bulletin: Bulletin, fmt: str) -> str:
    """``bulletin`` in the format named ``fmt``; :class:`ValueError` names the formats when it is unknown.

    >>> export(None, "docx")  # type: ignore[arg-type]
    Traceback (most recent call last):
    ...
    ValueError: unknown format 'docx'; formats: json, markdown, text, ninjs, gigaword, outline, html
    """
    try:
        render = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}") from None
    return render(bulletin)
