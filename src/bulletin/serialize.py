"""JSON (un)structuring of the document model.

The JSON shape is a contract (see the README): spans are ``[start, end]``,
dates are ISO strings, and each article also carries its headline parts as
plain strings (``title``, ``kicker``, ``subtitle``, ``column``) for readers
that want no nesting.

Writing walks the model directly (:func:`unstructure`); reading goes through
one cattrs converter (:func:`structure`), imported only when something is
read, so printing a parse never loads cattrs.

The JSON text is made article by article (:func:`iter_json`): the plain
dicts of one article exist only while it is encoded, so the whole tree of a
large bulletin never does, and :func:`write_json` writes each piece to a file
as it is made, so the whole text never does either.  The pieces join to the
bytes ``json.dumps(unstructure(bulletin), ensure_ascii=False, indent=indent)``
writes (``tests/test_serialize_stream.py``).

>>> import bulletin, io
>>> b = bulletin.parse("市政协召开专题协商会\\n\\n本报讯 会议举行。")
>>> out = io.StringIO()
>>> write_json(b, out, indent=None)
>>> out.getvalue() == b.to_json(indent=None) == json.dumps(b.to_dict(), ensure_ascii=False)
True
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import typing
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from bulletin import jsontext
from bulletin.errors import ModelError
from bulletin.gcpause import collector_paused
from bulletin.model import Article, Bulletin, Dateline, IssueDate
from bulletin.span import SourceText, Span

if TYPE_CHECKING:
    import cattrs

__all__ = ["dumps", "iter_json", "structure", "unstructure", "write_json"]

_FLAT_HEADLINE = ("title", "kicker", "subtitle", "column")


class TextWriter(Protocol):
    """Where :func:`write_json` writes: anything with ``write(str)`` (a text file, ``sys.stdout``, ``io.StringIO``)."""

    def write(self, text: str, /) -> object: ...


# --- writing: the model as plain data -----------------------------------------------------------

_AS_IS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    """``value`` as JSON-ready data: dicts with string keys, lists, strings, numbers, booleans, ``None``."""
    kind = type(value)
    if kind in _AS_IS:
        return value
    return _handler(kind)(value)


def _dateline(dateline: Dateline) -> dict[str, Any]:
    return {
        "text": dateline.text,
        "agency": dateline.agency,
        "place": dateline.place,
        "year": dateline.year,
        "month": dateline.month,
        "day": dateline.day,
        "date": dateline.iso_date(),
        "resolved": dateline.date is not None,
        "position": dateline.position,
        "span": _plain(dateline.span),
    }


def _article(article: Article) -> dict[str, Any]:
    headline = article.headline
    data: dict[str, Any] = {
        "title": headline.title.text if headline.title else None,
        "kicker": headline.kicker.text if headline.kicker else None,
        "subtitle": headline.subtitle.text if headline.subtitle else None,
        "column": headline.column.name if headline.column else None,
    }
    data.update(_attrs_fields(Article)(article))
    return data


#: Types written otherwise than field by field.
_HOOKS: dict[type, Callable[[Any], Any]] = {
    Span: Span.to_list,
    SourceText: str,
    IssueDate: IssueDate.iso,
    dt.date: dt.date.isoformat,
    Dateline: _dateline,
    Article: _article,
}


_FIELDS: dict[type, Callable[[Any], dict[str, Any]]] = {}

#: Declared field types whose values are written as they are (no call per value).
_SCALARS = frozenset({str, int, float, bool, type(None), str | None, int | None, float | None, bool | None})


def _attrs_fields(cls: type) -> Callable[[Any], dict[str, Any]]:
    """The dict of an attrs class's fields, in their order (made once per class, as attrs makes ``__init__``)."""
    found = _FIELDS.get(cls)
    if found is None:
        try:
            types = typing.get_type_hints(cls)
        except Exception:  # a type that does not resolve: every value is looked at when written
            types = {}
        items = ", ".join(
            f"{field.name!r}: o.{field.name}" if types.get(field.name) in _SCALARS else f"{field.name!r}: _plain(o.{field.name})"
            for field in attrs.fields(cls)
        )
        namespace: dict[str, Any] = {"_plain": _plain}
        exec(f"def fields(o):\n    return {{{items}}}\n", namespace)  # the code names fields only, as attrs writes __init__
        found = _FIELDS[cls] = namespace["fields"]
    return found


def _sequence(value: Any) -> list[Any]:
    return [_plain(item) for item in value]


def _mapping(value: Any) -> dict[Any, Any]:
    return {key: _plain(item) for key, item in value.items()}


_HANDLERS: dict[type, Callable[[Any], Any]] = {}


def _handler(kind: type) -> Callable[[Any], Any]:
    """How values of ``kind`` are written (found once per type)."""
    found = _HANDLERS.get(kind)
    if found is None:
        found = _HANDLERS[kind] = _find_handler(kind)
    return found


def _find_handler(kind: type) -> Callable[[Any], Any]:
    for base in kind.__mro__:
        hook = _HOOKS.get(base)
        if hook is not None:
            return hook
    if attrs.has(kind):
        return _attrs_fields(kind)
    if issubclass(kind, enum.Enum):
        return lambda value: _plain(value.value)
    if issubclass(kind, (tuple, list, set, frozenset)):
        return _sequence
    if issubclass(kind, dict):
        return _mapping
    for simple in (str, bool, int, float):
        if issubclass(kind, simple):
            return simple
    return lambda value: value


@collector_paused()
def unstructure(bulletin: Bulletin) -> dict[str, Any]:
    """The bulletin as plain dicts and lists, keys in a fixed order, the original text last.

    >>> import bulletin
    >>> data = unstructure(bulletin.parse("市政协召开专题协商会\\n\\n本报讯 会议举行。"))
    >>> list(data)[-3:], data["articles"][0]["title"], data["articles"][0]["span"]
    (['captions', 'layout', 'text'], '市政协召开专题协商会', [0, 21])
    """
    data = _attrs_fields(type(bulletin))(bulletin)
    data["text"] = data.pop("text")
    return data


# --- writing: JSON text, piece by piece ---------------------------------------------------------


def _top_level(bulletin: Bulletin) -> Iterator[tuple[str, Any, bool]]:
    """``(key, value, is_sequence)`` for each top-level field, in :func:`unstructure`'s order."""
    for field in attrs.fields(type(bulletin)):
        if field.name != "text":
            value = getattr(bulletin, field.name)
            yield field.name, value, isinstance(value, (tuple, list))
    yield "text", bulletin.text, False


#: Characters of a long string encoded at a time (the original text is written in pieces of this many).
_STRING_PIECE = 1 << 14


#: Small elements (furniture, toc entries, captions) encoded at a time.
_SMALL_RUN = 64


def _string(text: str) -> Iterator[str]:
    """``json.dumps(text, ensure_ascii=False)`` in pieces: JSON escapes each character on its own."""
    if len(text) <= _STRING_PIECE:
        yield json.dumps(text, ensure_ascii=False)
        return
    yield '"'
    for start in range(0, len(text), _STRING_PIECE):
        yield json.dumps(text[start : start + _STRING_PIECE], ensure_ascii=False)[1:-1]
    yield '"'


def iter_json(bulletin: Bulletin, *, indent: int | None = 1, fast: bool = True) -> Iterator[str]:
    """The JSON text of :func:`dumps` in pieces: each article (and toc entry, furniture, caption) is one.

    Only one element's plain data exists at a time.  ``indent`` is as for
    :func:`json.dumps`; ``fast`` lets :mod:`bulletin.jsontext` use msgspec.

    >>> import bulletin
    >>> b = bulletin.parse("市政协召开专题协商会\\n\\n本报讯 会议举行。")
    >>> "".join(iter_json(b, indent=2)) == json.dumps(b.to_dict(), ensure_ascii=False, indent=2)
    True
    """
    if indent is None:
        item, newline, pad = ", ", "", ""
    else:
        item, newline, pad = ",", "\n", " " * indent

    def encode(value: Any, depth: int) -> str:
        with collector_paused():
            text = jsontext.dumps(_plain(value), indent=indent, fast=fast)
        if newline and depth and "\n" in text:
            text = text.replace("\n", "\n" + pad * depth)
        return text

    yield "{"
    for number, (key, value, is_sequence) in enumerate(_top_level(bulletin)):
        yield f"{item if number else ''}{newline}{pad}{json.dumps(key)}: "
        if isinstance(value, str) and not isinstance(value, enum.Enum):
            yield from _string(value)
        elif not is_sequence:
            yield encode(value, 1)
        elif not value:
            yield "[]"
        else:
            # A run of elements is encoded as a list whose brackets are cut off: one article at a
            # time (they are large), small elements (furniture, toc entries) a few dozen at a time.
            run = 1 if key == "articles" else _SMALL_RUN
            tail = len(newline + pad) + 1  # the closing bracket on its own line
            yield "["
            for start in range(0, len(value), run):
                items = encode(value[start : start + run], 1)
                yield f"{item if start else ''}{items[1:-tail]}"
            yield f"{newline}{pad}]"
    yield newline + "}"


def write_json(bulletin: Bulletin, stream: TextWriter, *, indent: int | None = 1, fast: bool = True) -> None:
    """Write :func:`dumps` text to ``stream`` piece by piece: the whole text is never held."""
    for piece in iter_json(bulletin, indent=indent, fast=fast):
        stream.write(piece)


def dumps(bulletin: Bulletin, *, indent: int | None = 1) -> str:
    """Stable JSON text of a bulletin (``ensure_ascii=False``, fixed key order).

    Made piece by piece (:func:`iter_json`), so its peak is the text twice
    (the pieces and the joined text), never the plain-data tree of the whole bulletin.
    """
    return "".join(iter_json(bulletin, indent=indent))


# --- reading --------------------------------------------------------------------------------------


@functools.cache
def _converter() -> cattrs.Converter:
    import cattrs
    from cattrs.gen import make_dict_structure_fn, override

    conv = cattrs.Converter(forbid_extra_keys=False)
    conv.register_structure_hook(Span, lambda value, _: Span(int(value[0]), int(value[1])))
    conv.register_structure_hook(SourceText, lambda value, _: SourceText(value))
    conv.register_structure_hook(IssueDate, lambda value, _: IssueDate.from_iso(value))
    conv.register_structure_hook(dt.date, lambda value, _: dt.date.fromisoformat(value))

    dateline_in = make_dict_structure_fn(Dateline, conv, date=override(omit=True))

    def structure_dateline(data: dict[str, Any], cls: type[Dateline]) -> Dateline:
        dateline = dateline_in(data, cls)
        if data.get("resolved") and data.get("date"):
            return attrs.evolve(dateline, date=dt.date.fromisoformat(data["date"]))
        return dateline

    conv.register_structure_hook(Dateline, structure_dateline)

    article_in = make_dict_structure_fn(Article, conv)

    def structure_article(data: dict[str, Any], cls: type[Article]) -> Article:
        return article_in({k: v for k, v in data.items() if k not in _FLAT_HEADLINE}, cls)

    conv.register_structure_hook(Article, structure_article)
    return conv


def structure(data: dict[str, Any]) -> Bulletin:
    """Rebuild a :class:`Bulletin` from :func:`unstructure` output.

    Data that does not fit the model raises :class:`~bulletin.errors.ModelError`
    listing what is wrong where:

    >>> structure({"text": "本报讯", "articles": [{"span": "0-3"}]})
    Traceback (most recent call last):
    ...
    bulletin.errors.ModelError: not a bulletin: ... @ $.articles[0].span
    """
    import cattrs

    if not isinstance(data, dict):
        raise ModelError(f"not a bulletin: expected a dict, got {type(data).__name__}")
    try:
        return _converter().structure(data, Bulletin)
    except cattrs.BaseValidationError as exc:
        from cattrs.v import format_exception

        def describe(error: BaseException, kind: Any) -> str:
            return str(error) if isinstance(error, ModelError) else format_exception(error, kind)

        problems = cattrs.transform_error(exc, path="$", format_exception=describe)
        raise ModelError("not a bulletin: " + "; ".join(problems[:5])) from exc
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        if isinstance(exc, ModelError):
            raise
        raise ModelError(f"not a bulletin: {type(exc).__name__}: {exc}") from exc
