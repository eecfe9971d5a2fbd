"""Test helpers for parser and recogniser authors: fixture files of real lines.

A fixture file holds cases in the style of markdown-it-py's fixtures: a
``#`` title line, then three blocks each closed by a line holding only ``.``:
the title's block is empty, then the input line, then the expected result as
JSON (``null`` for "must not match")::

    # a dateline with a credit
    .
    本报讯（记者 王晓丽）全市防汛工作会议昨天召开
    .
    {"agency": "本报", "credits": ["王晓丽"]}
    .

>>> import pathlib, tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     path = pathlib.Path(folder, "dateline.txt")
...     text = '# wire\\n.\\n新华社北京6月2日电\\n.\\n{"place": "北京"}\\n.\\n'
...     _ = path.write_text(text, encoding="utf-8")
...     cases = read_fixtures(path)
>>> cases[0].title, cases[0].input, cases[0].expected, cases[0].line
('wire', '新华社北京6月2日电', {'place': '北京'}, 1)
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from bulletin.model import Bulletin

if TYPE_CHECKING:
    from bulletin.knowledge import KnowledgeSource
    from bulletin.parsers.base import SourceParser

__all__ = ["Fixture", "FixtureError", "assert_parses", "pinned_registry", "read_fixtures", "summarize"]


class FixtureError(ValueError):
    """A fixture file that does not follow the format; ``line`` is where reading stopped."""

    def __init__(self, message: str, *, path: str, line: int) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line


@attrs.frozen(kw_only=True)
class Fixture:
    """One case: its title, input line, expected value (parsed JSON) and the line number of its title."""

    title: str
    input: str
    expected: Any
    line: int


def read_fixtures(path: str | os.PathLike[str]) -> list[Fixture]:
    """The cases of a fixture file, in order."""
    name = os.fspath(path)
    with open(name, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    cases: list[Fixture] = []
    index = 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        if not lines[index].startswith("#"):
            raise FixtureError("expected a '# title' line", path=name, line=index + 1)
        title, title_line = lines[index][1:].strip(), index + 1
        blocks: list[list[str]] = []
        index += 1
        current: list[str] = []
        while len(blocks) < 3:
            if index >= len(lines):
                raise FixtureError(f"case {title!r} is not closed by '.'", path=name, line=index)
            if lines[index] == ".":
                blocks.append(current)
                current = []
            else:
                current.append(lines[index])
            index += 1
        _, given, expected = blocks
        try:
            value = json.loads("\n".join(expected))
        except json.JSONDecodeError as error:
            raise FixtureError(
                f"case {title!r}: expected value is not JSON ({error})", path=name, line=title_line
            ) from None
        cases.append(Fixture(title=title, input="\n".join(given), expected=value, line=title_line))
    return cases


def summarize(bulletin: Bulletin) -> list[dict[str, Any]]:
    """A compact, comparable view of a bulletin's articles (the form segmentation fixtures expect).

    >>> from bulletin import parse
    >>> summarize(parse("王明主持会议\\n\\n本报讯 会议昨天举行。"))
    [{'title': '王明主持会议', 'kicker': None, 'subtitle': None, 'column': None, 'dateline': '本报', 'bylines': [], 'sources': [], 'subheads': [], 'paragraphs': 1, 'body_start': '会议昨天举行。', 'body_end': '会议昨天举行。'}]
    """
    out = []
    for article in bulletin.articles:
        head = article.headline
        paragraphs = article.paragraphs
        out.append(
            {
                "title": article.title,
                "kicker": head.kicker.text if head.kicker else None,
                "subtitle": head.subtitle.text if head.subtitle else None,
                "column": head.column.name if head.column else None,
                "dateline": article.dateline.agency if article.dateline else None,
                "bylines": [[b.name, b.role] for b in article.bylines],
                "sources": [s.name for s in article.sources],
                "subheads": [s.text for s in article.subheads],
                "paragraphs": len(paragraphs),
                "body_start": paragraphs[0].text[:12] if paragraphs else None,
                "body_end": paragraphs[-1].text[-12:] if paragraphs else None,
            }
        )
    return out


def assert_parses(text: str, expected: list[dict[str, Any]], *, parser: str | None = None) -> Bulletin:
    """Parse ``text`` and check every article against ``expected`` (keys not given are not checked).

    ``body_start`` and ``body_end`` match as prefix and suffix of the body.

    >>> _ = assert_parses("王明主持会议\\n\\n本报讯 会议昨天举行。", [{"title": "王明主持会议", "dateline": "本报"}])
    """
    from bulletin.api import parse

    bulletin = parse(text, parser=parser)
    got = summarize(bulletin)
    titles = [a["title"] for a in got]
    assert len(got) == len(expected), f"expected {len(expected)} articles, got {len(got)}: {titles}"
    for index, (want, have) in enumerate(zip(expected, got, strict=True)):
        for key, value in want.items():
            if key == "body_start":
                ok = bool(have["body_start"]) and bulletin.articles[index].paragraphs[0].text.startswith(value)
            elif key == "body_end":
                ok = bool(have["body_end"]) and bulletin.articles[index].paragraphs[-1].text.endswith(value)
            else:
                ok = have[key] == value
            assert ok, f"article {index} ({have['title']!r}): {key} expected {value!r}, got {have[key]!r}"
    return bulletin


@contextlib.contextmanager
def pinned_registry(
    parsers: Iterable[SourceParser] = (), *, knowledge: Iterable[KnowledgeSource] = ()
) -> Iterator[None]:
    """Within the block, only bulletin's own parsers and ``parsers`` are installed, and of the
    installed knowledge plug-ins only ``knowledge`` is in force.

    So a test suite gives the same results whatever other parser packages the
    environment holds.  bulletin's own suite runs every test inside it (an
    autouse fixture in its ``conftest.py``); a parser package pins itself:

    >>> import bulletin
    >>> from bulletin import RuleBasedParser
    >>> class Campus(RuleBasedParser):
    ...     name = "campus"
    >>> with pinned_registry([Campus()]):
    ...     bulletin.parser_names()
    ('campus', 'generic', 'xinhua')
    """
    from bulletin import knowledge as knowledge_module
    from bulletin.parsers import registry

    pinned = registry.builtin_parsers()
    pinned.update((parser.name, parser) for parser in parsers)
    previous_parsers = registry.pin(pinned)
    previous_knowledge = knowledge_module.pin_installed(knowledge)
    try:
        yield
    finally:
        registry.unpin(previous_parsers)
        knowledge_module._restore_pinned(previous_knowledge)
