"""Views and interchange formats of a parsed bulletin, by name.

:data:`FORMATS` maps each format's name to a function from a
:class:`~bulletin.model.Bulletin` to text; :func:`export` looks one up.
``export(b, "records")`` gives the rows of the ``csv`` format as dicts.

>>> from bulletin import parse
>>> sorted(FORMATS)
['csv', 'gigaword', 'html', 'json', 'markdown', 'ninjs', 'outline', 'text']
>>> export(parse("王明主持会议\\n\\n本报讯 会议昨天举行。"), "records")[0]["dateline_agency"]
'本报'
>>> print(export(parse("王明主持会议\\n\\n本报讯 会议昨天举行。"), "text"))
王明主持会议
<BLANKLINE>
本报讯 会议昨天举行。
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Literal, overload

from bulletin.export.gigaword import to_gigaword
from bulletin.export.html import to_html
from bulletin.export.markdown import to_markdown
from bulletin.export.ninjs import dumps_ninjs, to_ninjs
from bulletin.export.outline import to_outline
from bulletin.export.records import records, to_csv
from bulletin.export.schema import json_schema
from bulletin.export.text import to_text
from bulletin.model import Bulletin

__all__ = [
    "FORMATS",
    "dumps_ninjs",
    "export",
    "json_schema",
    "records",
    "to_csv",
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
        "csv": to_csv,
    }
)


@overload
def export(bulletin: Bulletin, fmt: Literal["records"]) -> list[dict[str, Any]]: ...  # type: ignore[overload-overlap]
@overload
def export(bulletin: Bulletin, fmt: str) -> str: ...
def export(bulletin: Bulletin, fmt: str) -> str | list[dict[str, Any]]:
    """``bulletin`` in the format named ``fmt``; :class:`ValueError` names the formats when it is unknown.

    ``"records"`` gives one dict per article (see :func:`~bulletin.export.records.records`).

    >>> export(None, "docx")  # type: ignore[arg-type]
    Traceback (most recent call last):
    ...
    ValueError: unknown format 'docx'; formats: json, markdown, text, ninjs, gigaword, outline, html, csv, records
    """
    if fmt == "records":
        return records(bulletin)
    try:
        render = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}, records") from None
    return render(bulletin)
