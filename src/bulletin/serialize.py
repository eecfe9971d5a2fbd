"""JSON (un)structuring of the document model, through one cattrs converter.

The JSON shape is a contract (see the README): spans are ``[start, end]``,
dates are ISO strings, and each article also carries its headline parts as
plain strings (``title``, ``kicker``, ``subtitle``, ``column``) for readers
that want no nesting.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from bulletin import jsontext
from bulletin.errors import ModelError
from bulletin.gcpause import collector_paused
from bulletin.model import Article, Bulletin, Dateline, IssueDate
from bulletin.span import SourceText, Span

__all__ = ["dumps", "structure", "unstructure"]

_FLAT_HEADLINE = ("title", "kicker", "subtitle", "column")


@functools.cache
def _converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=False)
    conv.register_unstructure_hook(Span, Span.to_list)
    conv.register_structure_hook(Span, lambda value, _: Span(int(value[0]), int(value[1])))
    conv.register_unstructure_hook(SourceText, str)
    conv.register_structure_hook(SourceText, lambda value, _: SourceText(value))
    conv.register_unstructure_hook(IssueDate, IssueDate.iso)
    conv.register_structure_hook(IssueDate, lambda value, _: IssueDate.from_iso(value))
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook(dt.date, lambda value, _: dt.date.fromisoformat(value))

    dateline_out = make_dict_unstructure_fn(Dateline, conv, date=override(omit=True))

    def unstructure_dateline(dateline: Dateline) -> dict[str, Any]:
        data = dateline_out(dateline)
        ordered = {k: data[k] for k in ("text", "agency", "place", "year", "month", "day")}
        ordered["date"] = dateline.iso_date()
        ordered["resolved"] = dateline.date is not None
        ordered["position"] = data["position"]
        ordered["span"] = data["span"]
        return ordered

    dateline_in = make_dict_structure_fn(Dateline, conv, date=override(omit=True))

    def structure_dateline(data: dict[str, Any], cls: type[Dateline]) -> Dateline:
        dateline = dateline_in(data, cls)
        if data.get("resolved") and data.get("date"):
            return attrs.evolve(dateline, date=dt.date.fromisoformat(data["date"]))
        return dateline

    conv.register_unstructure_hook(Dateline, unstructure_dateline)
    conv.register_structure_hook(Dateline, structure_dateline)

    article_out = make_dict_unstructure_fn(Article, conv)

    def unstructure_article(article: Article) -> dict[str, Any]:
        headline = article.headline
        flat: dict[str, Any] = {
            "title": headline.title.text if headline.title else None,
            "kicker": headline.kicker.text if headline.kicker else None,
            "subtitle": headline.subtitle.text if headline.subtitle else None,
            "column": headline.column.name if headline.column else None,
        }
        flat.update(article_out(article))
        return flat

    article_in = make_dict_structure_fn(Article, conv)

    def structure_article(data: dict[str, Any], cls: type[Article]) -> Article:
        return article_in({k: v for k, v in data.items() if k not in _FLAT_HEADLINE}, cls)

    conv.register_unstructure_hook(Article, unstructure_article)
    conv.register_structure_hook(Article, structure_article)
    return conv


@collector_paused()
def unstructure(bulletin: Bulletin) -> dict[str, Any]:
    """The bulletin as plain dicts and lists, keys in a fixed order, the original text last."""
    data: dict[str, Any] = _converter().unstructure(bulletin)
    text = data.pop("text")
    data["text"] = text
    return data


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


@collector_paused()
def dumps(bulletin: Bulletin, *, indent: int | None = 1) -> str:
    """Stable JSON text of a bulletin (``ensure_ascii=False``, fixed key order)."""
    return jsontext.dumps(unstructure(bulletin), indent=indent)
