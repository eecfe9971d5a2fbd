"""JSON written article by article is the JSON of the whole tree, byte for byte, with both encoders.

The reference is what ``bulletin.serialize`` did before it streamed: one cattrs
converter unstructured the whole bulletin and ``json.dumps`` (or msgspec)
encoded the tree at once.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import attrs
import cattrs
import pytest
from cattrs.gen import make_dict_unstructure_fn, override
from hypothesis import given, settings

import bulletin
from bulletin import jsontext, serialize
from bulletin.layout import Box, Layout, LineLayout, Page
from bulletin.model import Article, Dateline, IssueDate
from bulletin.span import SourceText, Span
from bulletin_strategies import bulletin_like

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "dev" / "raw").glob("*.txt"))


def _reference_converter() -> cattrs.Converter:
    """The converter that wrote the JSON before it was streamed."""
    conv = cattrs.Converter(forbid_extra_keys=False)
    conv.register_unstructure_hook(Span, Span.to_list)
    conv.register_unstructure_hook(SourceText, str)
    conv.register_unstructure_hook(IssueDate, IssueDate.iso)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    dateline_out = make_dict_unstructure_fn(Dateline, conv, date=override(omit=True))

    def unstructure_dateline(dateline: Dateline) -> dict[str, Any]:
        data = dateline_out(dateline)
        ordered = {k: data[k] for k in ("text", "agency", "place", "year", "month", "day")}
        ordered["date"] = dateline.iso_date()
        ordered["resolved"] = dateline.date is not None
        ordered["position"] = data["position"]
        ordered["span"] = data["span"]
        return ordered

    conv.register_unstructure_hook(Dateline, unstructure_dateline)
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

    conv.register_unstructure_hook(Article, unstructure_article)
    return conv


_REFERENCE = _reference_converter()


def _reference_tree(parsed: bulletin.Bulletin) -> dict[str, Any]:
    data: dict[str, Any] = _REFERENCE.unstructure(parsed)
    data["text"] = data.pop("text")
    return data


def _check(parsed: bulletin.Bulletin) -> None:
    tree = _reference_tree(parsed)
    assert serialize.unstructure(parsed) == tree
    assert parsed.to_dict() == tree
    for indent in (1, None, 2, 0):
        expected = json.dumps(tree, ensure_ascii=False, indent=indent)
        for fast in (True, False):
            assert "".join(serialize.iter_json(parsed, indent=indent, fast=fast)) == expected
        assert serialize.dumps(parsed, indent=indent) == expected
        assert jsontext.dumps(tree, indent=indent) == expected
        out = io.StringIO()
        serialize.write_json(parsed, out, indent=indent)
        assert out.getvalue() == expected


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.name)
def test_a_parsed_text_has_the_json_of_its_whole_tree(path: Path) -> None:
    _check(bulletin.parse(path))


def test_issue_dates_resolved_datelines_and_a_layout() -> None:
    text = "市长会见代表团\n\n新华社北京6月2日电 市长会见了代表团。\n\n第3版"
    options = bulletin.ParseOptions(issue_date=IssueDate(year=2024, month=6, day=3))
    parsed = bulletin.parse(text, options=options)
    dateline = parsed.articles[0].dateline
    assert dateline is not None
    assert dateline.date is not None
    layout = Layout(
        pages=[Page(number=1, width=595.5, height=842)],
        lines=[LineLayout(start=0, end=7, page=1, box=Box(x0=10.25, top=20, x1=300.5, bottom=40.0), size=18.0,
                          bold=True, heading_level=1),
               LineLayout(start=9, end=30, furniture="page-number")],
    )
    _check(attrs.evolve(parsed, layout=layout, issue_date=IssueDate(year=2024, month=6), publication="某某日报"))


def test_an_empty_bulletin() -> None:
    _check(bulletin.parse(""))
    _check(bulletin.Bulletin(text="本报讯"))


@settings(max_examples=60, deadline=None)
@given(bulletin_like())
def test_generated_texts_have_the_json_of_their_whole_tree(text: str) -> None:
    _check(bulletin.parse(text))


def test_lone_surrogates_and_line_separators_are_written_as_json_writes_them() -> None:
    text = "会议举行\ud800\n\n本报讯 会议\u2028举行。\x85"
    _check(bulletin.parse(text))


def _corpus(size: int) -> str:
    parts, total = [], 0
    while total < size:
        for path in TEXTS:
            chunk = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
            parts.append(chunk)
            total += len(chunk)
    return "".join(parts)


def test_writing_never_holds_the_whole_text_nor_the_whole_tree() -> None:
    parsed = bulletin.parse(_corpus(600_000))
    for indent in (None, 1):
        whole = sys.getsizeof(parsed.to_json(indent=indent))
        serialize.write_json(parsed, _Discard(), indent=indent)  # encoders warmed up
        tracemalloc.start()
        serialize.write_json(parsed, _Discard(), indent=indent)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert peak < whole / 6, (indent, peak, whole)


class _Discard:
    def write(self, text: str) -> int:
        return len(text)
