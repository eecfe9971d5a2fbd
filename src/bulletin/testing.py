"""Test helpers for parser and recogniser authors: fixture files of real lines.

A fixture file holds cases in the style of markdown-it-py's fixtures: a
``#`` title line, then three blocks each closed by a line holding only ``.``:
the title's block is empty, then the input line, then the expected result as
JSON (``null`` for "must not match")::

    # a dateline with a credit
    .
    本报讯（记者 杨硕）上海全球资产管理中心
    .
    {"agency": "本报", "credits": ["杨硕"]}
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

import json
import os
from typing import Any

import attrs

__all__ = ["Fixture", "FixtureError", "read_fixtures"]


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
