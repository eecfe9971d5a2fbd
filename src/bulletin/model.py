"""The document model: frozen, slotted, keyword-only value classes.

Every element carries a :class:`~bulletin.span.Span` into the original input,
so ``bulletin.text[element.span]`` shows the text it was read from.  A
:class:`Bulletin` is a sequence of its articles: ``len(b)``, ``b[0]``,
``for article in b``.  Text
fields hold normalised text (punctuation and whitespace normalised, script as
printed).  Sequences are tuples.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from typing import Any, overload

import attrs

from bulletin.errors import ModelError
from bulletin.layout import Layout
from bulletin.span import SourceText, Span

__all__ = [
    "Article",
    "Bulletin",
    "Byline",
    "Caption",
    "Column",
    "Dateline",
    "Furniture",
    "FurnitureKind",
    "Headline",
    "HeadlinePart",
    "IssueDate",
    "Note",
    "Paragraph",
    "Source",
    "Subhead",
    "TocEntry",
]


def _nfc(value: str) -> str:
    return value if unicodedata.is_normalized("NFC", value) else unicodedata.normalize("NFC", value)


def _nfc_optional(value: str | None) -> str | None:
    return None if value is None else _nfc(value)


def _not_blank(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not value.strip():
        raise ModelError(f"{type(instance).__name__}.{attribute.name} must not be empty")


def _text() -> Any:
    return attrs.field(converter=_nfc, validator=_not_blank)


def _optional_text() -> Any:
    return attrs.field(default=None, converter=_nfc_optional, validator=_not_blank)


def _as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    return value if isinstance(value, tuple) else tuple(value)


def _in_range(low: int, high: int) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
        if value is not None and not low <= value <= high:
            raise ModelError(f"{type(instance).__name__}.{attribute.name} must be in {low}..{high}, got {value}")

    return check


def _real_day(instance: IssueDate, day: int | None) -> None:
    """A day needs its month, and must exist in it (``2023-02-29`` does not)."""
    if day is None:
        return
    if instance.month is None:
        raise ModelError(f"IssueDate.day needs a month, got day {day} without one")
    if day > calendar.monthrange(instance.year, instance.month)[1]:
        raise ModelError(f"IssueDate {instance.year:04d}-{instance.month:02d}-{day:02d} is not a date")


@attrs.frozen(kw_only=True)
class IssueDate:
    """The date an issue carries, as precise as it is printed (``2024年11月刊`` is year and month).

    >>> IssueDate(year=2024, month=11).iso()
    '2024-11'
    """

    year: int = attrs.field(validator=_in_range(1800, 2999))
    month: int | None = attrs.field(default=None, validator=_in_range(1, 12))
    day: int | None = attrs.field(default=None, validator=[_in_range(1, 31), lambda i, a, v: _real_day(i, v)])

    def iso(self) -> str:
        """ISO 8601 with the precision printed: ``2024``, ``2024-11`` or ``2024-11-05``."""
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
            if self.day is not None:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @classmethod
    def from_iso(cls, value: str) -> IssueDate:
        """Read what :meth:`iso` writes."""
        numbers = [int(x) for x in value.split("-")]
        return cls(
            year=numbers[0],
            month=numbers[1] if len(numbers) > 1 else None,
            day=numbers[2] if len(numbers) > 2 else None,
        )


class FurnitureKind(str, enum.Enum):
    """What a piece of page furniture is; the value is the name used in JSON.

    >>> FurnitureKind("date-stamp") is FurnitureKind.DATE_STAMP, str(FurnitureKind.DATE_STAMP)
    (True, 'date-stamp')
    """

    # print pages
    PAGE_NUMBER = "page-number"
    ISSUE_LINE = "issue-line"
    PAGE_LABEL = "page-label"
    RUNNING_HEADER = "running-header"
    DISTRIBUTION = "distribution"
    NOTICE = "notice"
    PRODUCTION_CREDIT = "production-credit"
    PICTURE_CREDIT = "picture-credit"
    # web pages and scrapes
    NAVIGATION = "navigation"
    SCRAPER_HEADER = "scraper-header"
    DATE_STAMP = "date-stamp"
    LINK = "link"
    CROSS_REFERENCE = "cross-reference"
    SIGN_OFF = "sign-off"
    PROMOTION = "promotion"
    POST_TAGS = "post-tags"
    CMS_RESIDUE = "cms-residue"
    MARKUP = "markup"
    SIDEBAR = "sidebar"
    # set by the parser
    FRONT_MATTER = "front-matter"
    MASTHEAD = "masthead"
    ITEM_NUMBER = "item-number"
    TOC_HEADING = "toc-heading"
    TOC_SECTION = "toc-section"
    TOC_STAMP = "toc-stamp"
    PAGE_NAME = "page-name"
    FAUX_BOLD = "faux-bold"
    PAGE_CHROME = "page-chrome"
    UNCLAIMED = "unclaimed"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class Furniture:
    """Page furniture: page numbers, running headers, issue lines, navigation residue, front matter.

    ``kind`` is a :class:`FurnitureKind`; its name is accepted too.
    """

    kind: FurnitureKind = attrs.field(converter=FurnitureKind)
    text: str = _text()
    span: Span


@attrs.frozen(kw_only=True)
class Caption:
    """A picture caption (``启动仪式活动现场``): not body, not an article."""

    text: str = _text()
    span: Span


@attrs.frozen(kw_only=True)
class TocEntry:
    """An entry of a printed table of contents (目录), with the section it is listed under."""

    section: str | None = _optional_text()
    title: str = _text()
    span: Span


@attrs.frozen(kw_only=True)
class HeadlinePart:
    """One part of a headline: the text of a kicker, title or subtitle and where it was printed."""

    text: str = _text()
    span: Span


@attrs.frozen(kw_only=True)
class Column:
    """The standing name of the column or section an article sits in (栏目: ``伟大征程``).

    ``span`` is ``None`` when the name is not printed over this article: a section's heading that an
    earlier article of the section, or a table of contents, carries.
    """

    name: str = _text()
    span: Span | None = None


@attrs.frozen(kw_only=True)
class Headline:
    """A headline's anatomy: kicker (引题), title (主题), subtitle (副题) and column (栏目)."""

    title: HeadlinePart | None = None
    kicker: HeadlinePart | None = None
    subtitle: HeadlinePart | None = None
    column: Column | None = None

    def parts(self) -> Iterator[HeadlinePart]:
        """The printed parts, in reading order."""
        for part in (self.kicker, self.title, self.subtitle):
            if part is not None:
                yield part


@attrs.frozen(kw_only=True)
class Dateline:
    """Who filed a report, from where and when: ``新华社北京6月2日电``.

    ``year``, ``month`` and ``day`` are as printed; ``date`` is the full date
    when it is certain (printed, or fixed by the issue date).
    """

    text: str = _text()
    agency: str | None = _optional_text()
    place: str | None = _optional_text()
    year: int | None = attrs.field(default=None, validator=_in_range(1800, 2999))
    month: int | None = attrs.field(default=None, validator=_in_range(1, 12))
    day: int | None = attrs.field(default=None, validator=_in_range(1, 31))
    date: dt.date | None = None
    position: str = "leading"
    #: ``None`` for a dateline a brief shares with the digest it stands in (printed once, on the first)
    span: Span | None = None

    def iso_date(self) -> str | None:
        """``2024-10-09`` when the year is known, ``--10-09`` when only month and day are."""
        if self.date is not None:
            return self.date.isoformat()
        if self.month is None or self.day is None:
            return None
        if self.year is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"--{self.month:02d}-{self.day:02d}"


@attrs.frozen(kw_only=True)
class Byline:
    """A person credited with an article: name, role word as printed, organisation."""

    name: str = _text()
    role: str | None = _optional_text()
    organization: str | None = _optional_text()
    span: Span


@attrs.frozen(kw_only=True)
class Source:
    """A publication or body an article is credited to or reprinted from (``（来源：区委办）``)."""

    name: str = _text()
    relation: str = "credited"
    span: Span


@attrs.frozen(kw_only=True)
class Note:
    """An author note (``作者系…``), editor note (``编者按``, ``【按：…】``) or document number."""

    kind: str
    text: str = _text()
    span: Span


@attrs.frozen(kw_only=True)
class Subhead:
    """A heading inside an article's body (``一、指导思想``)."""

    text: str = _text()
    span: Span


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph of body text, rejoined across hard wraps and page breaks.

    ``pieces`` are the stretches of input it was assembled from (more than one
    when page furniture interrupts it); ``span`` runs from the first to the last.
    """

    text: str = _text()
    span: Span
    pieces: tuple[Span, ...] = attrs.field(default=(), converter=_as_tuple)


def _short(text: str | None, width: int = 12) -> str:
    """``text`` cut to ``width`` characters with an ellipsis, quoted (for reprs)."""
    if text is None:
        return "untitled"
    return repr(text if len(text) <= width else text[: width - 1] + "…")


@attrs.frozen(kw_only=True, repr=False)
class Article:
    """One story, report, document or commentary.

    Its repr is one short line:

    >>> Article(headline=Headline(title=HeadlinePart(text="市政协召开专题协商会", span=Span(0, 10))),
    ...         span=Span(0, 40))
    <Article '市政协召开专题协商会' 0 paragraphs [0, 40)>
    """

    headline: Headline = attrs.field(factory=Headline)
    dateline: Dateline | None = None
    bylines: tuple[Byline, ...] = attrs.field(default=(), converter=_as_tuple)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_as_tuple)
    notes: tuple[Note, ...] = attrs.field(default=(), converter=_as_tuple)
    subheads: tuple[Subhead, ...] = attrs.field(default=(), converter=_as_tuple)
    paragraphs: tuple[Paragraph, ...] = attrs.field(default=(), converter=_as_tuple)
    captions: tuple[Caption, ...] = attrs.field(default=(), converter=_as_tuple)
    span: Span

    @property
    def title(self) -> str | None:
        """The title's text, or ``None`` for an untitled item (photo news, a brief)."""
        return self.headline.title.text if self.headline.title else None

    @property
    def body(self) -> str:
        """The paragraphs' text, one paragraph a line."""
        return "\n".join(p.text for p in self.paragraphs)

    def elements(self) -> Iterator[Any]:
        """Every element of the article that carries a span, in no particular order."""
        yield from self.headline.parts()
        if self.headline.column is not None and self.headline.column.span is not None:
            yield self.headline.column
        if self.dateline is not None and self.dateline.span is not None:
            yield self.dateline
        for group in (self.bylines, self.sources, self.notes, self.subheads, self.paragraphs, self.captions):
            yield from group

    def __repr__(self) -> str:
        count = len(self.paragraphs)
        return (
            f"<Article {_short(self.title, 20)} {count} paragraph{'' if count == 1 else 's'}"
            f" [{self.span.start}, {self.span.end})>"
        )


@attrs.frozen(kw_only=True, repr=False)
class Bulletin:
    """A parsed bulletin: its articles, table of contents and page furniture, and the original text.

    A bulletin is a sequence of its articles, and its repr is one short line:

    >>> import bulletin
    >>> b = bulletin.parse("市政协召开专题协商会\\n\\n本报讯 会议举行。\\n\\n全市防汛工作会议举行\\n\\n本报讯 会议部署防汛。")
    >>> len(b), b[0].title, [a.title for a in b]
    (2, '市政协召开专题协商会', ['市政协召开专题协商会', '全市防汛工作会议举行'])
    >>> b
    <Bulletin 2 articles: '市政协召开专题协商会', '全市防汛工作会议举行'>
    >>> b.text[b[0].span]  # the original text an element was read from
    '市政协召开专题协商会\\n\\n本报讯 会议举行。'

    A bulletin is true even when it has no articles (it still holds its text).

    ``layout`` is how the text was laid out when it was read from a PDF or HTML
    page (``None`` for plain text): :func:`bulletin.boxes` gives the page boxes
    of any element from it.
    """

    text: SourceText = attrs.field(converter=SourceText, repr=False)
    publication: str | None = _optional_text()
    issue_date: IssueDate | None = None
    issue_number: str | None = _optional_text()
    parser: str = "generic"
    articles: tuple[Article, ...] = attrs.field(default=(), converter=_as_tuple)
    toc: tuple[TocEntry, ...] = attrs.field(default=(), converter=_as_tuple)
    furniture: tuple[Furniture, ...] = attrs.field(default=(), converter=_as_tuple)
    captions: tuple[Caption, ...] = attrs.field(default=(), converter=_as_tuple)
    layout: Layout | None = attrs.field(default=None, repr=False)

    def __attrs_post_init__(self) -> None:
        size = len(self.text)
        for element in self.elements():
            if element.span is not None and element.span.end > size:
                raise ModelError(
                    f"{type(element).__name__} span {element.span.to_list()} runs past the text ({size} code points)"
                )

    def __len__(self) -> int:
        """The number of articles."""
        return len(self.articles)

    def __bool__(self) -> bool:
        return True

    def __iter__(self) -> Iterator[Article]:
        """The articles, in reading order."""
        return iter(self.articles)

    @overload
    def __getitem__(self, key: int) -> Article: ...
    @overload
    def __getitem__(self, key: slice) -> tuple[Article, ...]: ...
    @overload
    def __getitem__(self, key: Span) -> str: ...
    def __getitem__(self, key: int | slice | Span) -> Article | tuple[Article, ...] | str:
        """``b[i]`` is an article, ``b[i:j]`` a tuple of them.

        ``b[span]`` (the text a span covers) is deprecated: write ``b.text[span]``.
        """
        if isinstance(key, Span):
            warnings.warn(
                "bulletin[span] is deprecated and will be removed; use bulletin.text[span]",
                DeprecationWarning,
                stacklevel=2,
            )
            return self.text[key]
        return self.articles[key]

    def __repr__(self) -> str:
        count = len(self.articles)
        titles = [_short(a.title) for a in self.articles[:2]]
        if count > 2:
            titles.append("…")
        listed = f": {', '.join(titles)}" if titles else ""
        return f"<Bulletin {count} article{'' if count == 1 else 's'}{listed}>"

    def _repr_html_(self) -> str:
        """The highlighted view of :mod:`bulletin.export.html`, which Jupyter shows for a bulletin."""
        from bulletin.export.html import to_html

        return to_html(self, standalone=False)

    def elements(self) -> Iterator[Any]:
        """Every element with a span: articles, their parts, toc entries, furniture, captions."""
        for article in self.articles:
            yield article
            yield from article.elements()
        yield from self.toc
        yield from self.furniture
        yield from self.captions

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with a fixed key order; :meth:`from_dict` reads it back."""
        from bulletin.serialize import unstructure

        return unstructure(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Bulletin:
        """Rebuild a bulletin from :meth:`to_dict` output (after a JSON round trip too)."""
        from bulletin.serialize import structure

        return structure(data)

    def to_json(self, *, indent: int | None = 1) -> str:
        """Stable JSON: fixed key order, non-ASCII kept as is."""
        from bulletin.serialize import dumps

        return dumps(self, indent=indent)

    def write_json(self, file: Any, *, indent: int | None = 1) -> None:
        """Write :meth:`to_json` text to a text file (anything with ``write(str)``) article by article,
        never holding the whole text: for large bulletins."""
        from bulletin.serialize import write_json

        write_json(self, file, indent=indent)
