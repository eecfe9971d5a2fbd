"""Benchmark corpora built from distinct documents.

Repeating one bulletin to a megabyte makes every short line of it a running
header (a short line printed three times or more), which real text never
does, so the figures measured on such a corpus are not those of real work.
These corpora are built from distinct documents instead:

* the documents: the seed bulletins (``seeds/*.txt``) and the real dev texts
  (``tests/data/dev/raw/*.txt``);
* three variants of each, as other sources print the same text:
  ``re-wrapped`` (long lines hard-wrapped at 20–49 characters, as a PDF
  extraction leaves them), ``re-spaced`` (body lines indented with two
  ideographic spaces, short lines letter-spaced, a space after full-width
  commas) and ``traditional`` (OpenCC ``s2t``);
* every shape but the first documents *scrambled*: every Han character that
  none of the package's patterns and data files mentions is replaced through
  a permutation that differs per shape and round (past the first round the
  documents are used again), so every keyword, date word, surname,
  role word and punctuation mark stays and the line shapes stay, but no line
  is printed again.

The corpus interleaves the shapes (document 1 in its four shapes, then
document 2, …), so a prefix of any size holds the same mix.

>>> docs = documents()
>>> len(docs) > 20 and all(text.endswith("\\n") for text in docs)
True
>>> sorted(SHAPES)
['documents', 're-spaced', 're-wrapped', 'traditional']
>>> rewrap("一二三四五六七八九十", 4)
'一二三四\\n五六七八\\n九十'
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DOCUMENT_DIRS = (ROOT / "seeds", ROOT / "tests" / "data" / "dev" / "raw")
PACKAGE = ROOT / "src" / "bulletin"

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HAN_PAIR = re.compile(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])")


def documents() -> list[str]:
    """The distinct documents, each ending in a newline."""
    files = sorted(path for folder in DOCUMENT_DIRS for path in folder.glob("*.txt"))
    if not files:
        raise SystemExit(f"no documents in {', '.join(map(str, DOCUMENT_DIRS))}")
    return [path.read_text(encoding="utf-8").rstrip("\n") + "\n" for path in files]


def rewrap(line: str, width: int) -> str:
    """``line`` hard-wrapped every ``width`` characters."""
    return "\n".join(line[i : i + width] for i in range(0, len(line), width)) or line


def _rewrapped(text: str, index: int) -> str:
    width = 20 + (index * 7) % 30
    return "\n".join(rewrap(line, width) if len(line) > width else line for line in text.split("\n"))


def _respaced(text: str, index: int) -> str:
    out = []
    for line in text.split("\n"):
        if 0 < len(line) <= 8:
            out.append(_HAN_PAIR.sub(" ", line))  # a letter-spaced title or name
        elif len(line) > 40:
            out.append("\u3000\u3000" + line.replace("，", "， "))
        else:
            out.append(line)
    return "\n".join(out)


@functools.cache
def _to_traditional() -> Callable[[str], str]:
    import opencc

    converter = opencc.OpenCC("s2t.json")
    return converter.convert  # type: ignore[no-any-return]


def _traditional(text: str, index: int) -> str:
    return _to_traditional()(text)


SHAPES: dict[str, Callable[[str, int], str]] = {
    "documents": lambda text, index: text,
    "re-wrapped": _rewrapped,
    "re-spaced": _respaced,
    "traditional": _traditional,
}


@functools.cache
def _protected() -> frozenset[str]:
    """Han characters the package's code or data mentions (keywords, date and role words, surnames)."""
    chars: set[str] = set()
    for path in itertools.chain(PACKAGE.rglob("*.py"), PACKAGE.rglob("*.toml")):
        chars.update(_HAN.findall(path.read_text(encoding="utf-8")))
    return frozenset(chars)


@functools.cache
def _pool() -> tuple[str, ...]:
    """The Han characters the documents use that no pattern mentions, in a fixed order."""
    seen = set("".join(_HAN.findall("".join(documents()))))
    return tuple(sorted(seen - _protected()))


def scramble(text: str, copy: int) -> str:
    """``text`` with every unprotected Han character moved ``copy`` places along the pool."""
    if copy == 0:
        return text
    pool = _pool()
    shift = (copy * 7919) % len(pool) or 1
    table = str.maketrans({ch: pool[(i + shift) % len(pool)] for i, ch in enumerate(pool)})
    return text.translate(table)


def _stream(shapes: tuple[str, ...]) -> Iterator[str]:
    docs = documents()
    for copy in itertools.count():
        for index, doc in enumerate(docs):
            for offset, name in enumerate(shapes):
                # each shape of each round its own permutation: the shapes share no short line
                base = scramble(doc, copy * len(shapes) + offset)
                yield SHAPES[name](base, index).rstrip("\n") + "\n\n"


def build(size: int, shapes: tuple[str, ...] = tuple(SHAPES)) -> str:
    """About ``size`` bytes of UTF-8 from the documents in ``shapes``, cut after a whole document."""
    parts: list[str] = []
    total = 0
    for part in _stream(shapes):
        parts.append(part)
        total += len(part.encode("utf-8"))
        if total >= size:
            break
    return "".join(parts)
