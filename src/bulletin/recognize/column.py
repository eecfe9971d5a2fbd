"""Column tags printed with a title: ``【基层走访】夏粮收购忙``, ``老街新貌（我和这座城）``.

A bracketed tag before the title, or a parenthesised one after it, names the
standing column (栏目) the article runs in; the title is given without it.
A parenthesis that is part of the title (``（试行）``, ``（上）``, ``（2031年版）``)
is not a column: the words are data (``data/columns.toml``).  A series line
under the title (``系列：某某观察``) names the column too.

>>> tag = split_column_tag("【基层走访】夏粮收购忙")
>>> tag.column, tag.title
('基层走访', '夏粮收购忙')
>>> split_column_tag("老街新貌（我和这座城）").column
'我和这座城'
>>> split_column_tag("某某条例（试行）") is None
True
>>> match_series_line("系列：某某观察·文旅篇")
('某某观察·文旅篇', 3, 11)
"""

from __future__ import annotations

import functools

import attrs

from bulletin.knowledge import load, with_variants
from bulletin.recognize.common import keywords, lazy_pattern, memoized

__all__ = ["ColumnTag", "match_series_line", "split_column_tag"]


@attrs.frozen(kw_only=True)
class ColumnTag:
    """A column tag and the title beside it, with their offsets in the headline text."""

    column: str
    title: str
    column_start: int
    column_end: int
    title_start: int
    title_end: int


_TAG = "[^【】\\[\\]（）()。，,！？!?：:；;\\s]{2,16}+"
_LEADING = lazy_pattern(
    f"(?:\\d{{1,2}}[.、．]\\s*+)?+[【\\[](?P<column>{_TAG})[】\\]]\\s*+(?P<title>\\S.{{1,}}+)"
)
_TRAILING = lazy_pattern(f"(?P<title>.{{4,}}?)\\s*+[（(](?P<column>{_TAG})[）)]")
#: The labels a series line opens with (``系列：某某观察``).
_SERIES_LABELS = ("系列", "栏目", "欄目", "专栏", "專欄")
_SERIES = lazy_pattern(f"(?:{'|'.join(_SERIES_LABELS)})" "\\s*+[：:]\\s*+(?P<column>[^\\s：:。，,]{2,20}+)\\s*+")
_PART = lazy_pattern("[\\d０-９一二三四五六七八九十百上中下之续續]+|第.{1,4}[部篇章期集回]|.*\\d.*")


@functools.cache
def _not_columns() -> frozenset[str]:
    return with_variants(load("columns")["not_columns"]["words"])


def split_column_tag(title: str) -> ColumnTag | None:
    """The column tag printed before or after ``title``, and the title without it."""
    found = _LEADING.fullmatch(title) if title[:1] in "【[" or title[:1].isdigit() else None
    trailing = found is None and title.endswith(("）", ")"))
    if trailing:
        found = _TRAILING.fullmatch(title)
    if found is None:
        return None
    column = found.group("column")
    if column in _not_columns() or (trailing and _PART.fullmatch(column)):
        return None  # 某某条例（试行）, 某某访谈（上）, 某某规划（2031年版）: part of the title
    return ColumnTag(
        column=column,
        title=found.group("title").strip(),
        column_start=found.start("column"),
        column_end=found.end("column"),
        title_start=found.start("title"),
        title_end=found.end("title"),
    )


@keywords(lambda: _SERIES_LABELS)
@memoized
def match_series_line(line: str) -> tuple[str, int, int] | None:
    """A series line under a title: the column it names and its offsets."""
    found = _SERIES.fullmatch(line.strip())
    if found is None:
        return None
    return found.group("column"), found.start("column"), found.end("column")
