"""A bulletin behaves like the sequence of its articles; spans unpack; reprs stay short."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import bulletin
from bulletin import Bulletin, Span
from conftest import SEEDS

TWO = "市政协召开专题协商会\n\n本报讯 会议举行。\n\n全市防汛工作会议举行\n\n本报讯 会议部署防汛。"


def test_a_bulletin_is_a_sequence_of_its_articles() -> None:
    b = bulletin.parse(TWO)
    assert len(b) == 2
    assert b[0] is b.articles[0]
    assert b[-1] is b.articles[-1]
    assert b[0:2] == b.articles
    assert list(b) == list(b.articles)
    assert [a.title for a in b] == ["市政协召开专题协商会", "全市防汛工作会议举行"]


def test_an_empty_bulletin_is_still_true() -> None:
    b = Bulletin(text="")
    assert len(b) == 0
    assert b
    assert list(b) == []


def test_indexing_by_span_is_deprecated_but_still_answers() -> None:
    b = bulletin.parse(TWO)
    with pytest.warns(DeprecationWarning, match=r"bulletin\.text\[span\]"):
        text = b[b[0].headline.title.span]  # type: ignore[call-overload]
    assert text == b.text[b[0].headline.title.span] == "市政协召开专题协商会"


def test_reprs_are_one_short_line() -> None:
    b = bulletin.parse(Path(SEEDS / "001_0c3caed24b89a787.txt"))
    shown = repr(b)
    assert shown.startswith(f"<Bulletin {len(b)} articles: '")
    assert shown.endswith(", …>")
    assert "\n" not in shown
    assert len(shown) < 80
    assert repr(b[0]).startswith("<Article '")
    assert len(repr(b[0])) < 80
    assert repr(Bulletin(text="")) == "<Bulletin 0 articles>"


def test_a_span_unpacks_into_start_and_end() -> None:
    start, end = Span(3, 9)
    assert (start, end) == (3, 9)
    assert len(Span(3, 9)) == 6


def test_the_containers_still_round_trip() -> None:
    b = bulletin.parse(TWO)
    assert Bulletin.from_dict(b.to_dict()) == b
    assert pickle.loads(pickle.dumps(b)) == b


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"text": "本报讯", "articles": [{"span": "0-3"}]}, "$.articles[0].span"),
        ({"articles": []}, "$.text"),
        ({"text": "本报讯", "articles": [{"span": [0, 9]}]}, "runs past the text"),
        ([1, 2], "expected a dict"),
    ],
)
def test_from_dict_on_bad_data_raises_model_error(data: object, where: str) -> None:
    with pytest.raises(bulletin.ModelError, match="not a bulletin") as caught:
        Bulletin.from_dict(data)  # type: ignore[arg-type]
    assert where in str(caught.value)
