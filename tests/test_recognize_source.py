"""Source recognisers against tests/fixtures/source.txt.

An expected value names the recogniser in ``match`` (``line``, the default;
``trailing``; ``publication``); ``null`` means none of them may match.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bulletin.recognize.source import (
    SourceMatch,
    match_publication_name,
    match_source_line,
    match_trailing_source,
)
from bulletin.testing import Fixture, read_fixtures

CASES = read_fixtures(Path(__file__).parent / "fixtures" / "source.txt")
RECOGNISERS = {
    "line": match_source_line,
    "trailing": match_trailing_source,
    "publication": match_publication_name,
}


@pytest.mark.parametrize("case", CASES, ids=[case.title for case in CASES])
def test_fixture(case: Fixture) -> None:
    expected: dict[str, Any] | None = case.expected
    if expected is None:
        for name, recognise in RECOGNISERS.items():
            assert recognise(case.input) is None, name
        return
    match: SourceMatch | None = RECOGNISERS[expected.get("match", "line")](case.input)
    assert match is not None
    for key, value in expected.items():
        if key == "match":
            continue
        if key == "credits":
            assert [[c.name, c.role, c.kind] for c in match.credits] == value
        elif key == "names":
            assert list(match.names) == value
        else:
            assert getattr(match, key) == value, key
    assert 0 <= match.start < match.end <= len(case.input)


@pytest.mark.parametrize(
    ("title", "outlet"),
    [
        ("某某网｜新馆开放", "某某网"),
        ("某某之声 | 新馆开放", "某某之声"),
        ("某某观察家|新馆开放", "某某观察家"),
        ("独家｜新馆开放", None),
        ("新馆开放", None),
    ],
)
def test_outlet_prefix(title: str, outlet: str | None) -> None:
    from bulletin.recognize.source import match_outlet_prefix

    found = match_outlet_prefix(title)
    assert (found.name if found else None) == outlet


def test_original_title_names_the_outlet() -> None:
    from bulletin.recognize.source import match_original_title

    found = match_original_title("原标题：某某晚报|新馆开放")
    assert found is not None
    assert found.name == "某某晚报"
    assert match_original_title("原标题：新馆开放") is None


def test_reposted_article_gets_its_outlet_and_paper_credit_as_sources() -> None:
    import bulletin

    text = (
        "某某晚报｜新馆开放\n\n原标题：某某晚报|新馆开放\n\n"
        "本报记者 王小明《某某日报》（2031年01月03日第11版）\n\n某某县新馆昨天开放，市民排队参观。\n"
    )
    article = bulletin.parse(text).articles[0]
    assert [s.name for s in article.sources] == ["某某晚报", "某某日报"]
    assert [(b.name, b.role) for b in article.bylines] == [("王小明", "记者")]
    assert [p.text for p in article.paragraphs] == ["某某县新馆昨天开放，市民排队参观。"]
