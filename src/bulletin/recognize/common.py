"""Pieces shared by the line recognisers: markers, brackets, separators.

Recognisers get single lines of normalised text, but normalisation is
heuristic, so they accept half- and full-width brackets and colons and
optional spaces.  Layout often prints a decorative marker (``■``, ``□``,
``●``) before a credit, and a garbled one comes out as U+FFFD.

>>> line = "\\ufffd记者 苏晓雯 程一鸣  "
>>> content_bounds(line)
(1, 11)
>>> enclosed("（谢达成）", 0, 5)
(1, 4)
>>> enclosed("谢达成", 0, 3) is None
True
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Iterable
from typing import Any, TypeVar, cast

import regex

__all__ = [
    "CLOSE",
    "CLOSERS",
    "COLON",
    "LEADING_MARKERS",
    "MEMO_LENGTH",
    "MEMO_LINES",
    "OPEN",
    "OPENERS",
    "PAIRS",
    "SENTENCE_END",
    "SPACE",
    "closes_with",
    "content_bounds",
    "declared_recognisers",
    "enclosed",
    "ends_with_run",
    "forget_lines",
    "keywords",
    "keywords_of",
    "lazy_pattern",
    "memoized",
]

#: Decorative or garbled markers printed before a credit or dateline.
LEADING_MARKERS = "\ufffd□■●◎◆◇★☆▲△▶►▷○•※▌▍█〓◉❖✦➤"

#: Bracket pairs that may enclose a credit, source or dateline.
PAIRS = {"（": "）", "(": ")", "【": "】", "[": "]", "［": "］", "〔": "〕", "〖": "〗", "﹝": "﹞"}

#: Character classes (regex source) for brackets, colons and spaces.
OPEN = "[（(【\\[［〔〖﹝]"
CLOSE = "[）)】\\]］〕〗﹞]"
#: The characters of :data:`OPEN` and of :data:`CLOSE`.
OPENERS = "".join(PAIRS)
CLOSERS = "".join(PAIRS.values())
COLON = "[：:]"
SPACE = "[\\s\u3000]"

#: Punctuation that ends a sentence (and may precede a trailing credit).
SENTENCE_END = frozenset("。！？!?…”」』\"'．.")


class _LazyPattern:
    """A pattern compiled on first use; then its methods are the compiled pattern's own."""

    _METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split")

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        compiled = regex.compile(*self._source)
        for method in self._METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def lazy_pattern(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, done on first use, so that ``import bulletin`` compiles nothing.

    >>> lazy_pattern(r"\\d+").search("第12期").group()
    '12'
    """
    return cast("regex.Pattern[str]", _LazyPattern(pattern, flags))

_LEAD = lazy_pattern(f"[\\s\u3000{regex.escape(LEADING_MARKERS)}]*+")
# matched backwards from the end: trailing whitespace costs its own length, not the line's
_TRAIL = lazy_pattern("[\\s\u3000]*+", regex.REVERSE)


Recogniser = TypeVar("Recogniser", bound=Callable[..., object])

#: How many distinct lines a :func:`memoized` recogniser remembers its answers for.
MEMO_LINES = 32
#: Lines longer than this are not remembered: a long line is seldom printed again, and a rule that
#: tries a recogniser on many tails of one long line would keep every tail.
MEMO_LENGTH = 256

_MEMOS: list[Any] = []


def memoized(recogniser: Recogniser) -> Recogniser:
    """Remember a line recogniser's answers for the last :data:`MEMO_LINES` distinct short lines.

    A recogniser is a pure function of the line's text and of the knowledge in
    force, and its answers are frozen values, so a line printed again (a
    running header, one credit under every brief, a hostile text of one short
    line repeated a million times) is read once.  Only lines of at most
    :data:`MEMO_LENGTH` characters are remembered.  The parser forgets the
    answers when a parse ends (:func:`forget_lines`), so nothing of one text
    is held after it; they are also forgotten when the knowledge changes, with
    every other cache of the recognisers (:func:`bulletin.knowledge.extend`).
    Apply it under :func:`keywords`.

    >>> calls = []
    >>> @memoized
    ... def match_end(line: str) -> bool:
    ...     calls.append(line)
    ...     return line.endswith("。")
    >>> [match_end(line) for line in ("（）", "会议举行。", "（）")], len(calls)
    ([False, True, False], 2)
    """
    remembering = functools.lru_cache(maxsize=MEMO_LINES)(recogniser)

    @functools.wraps(recogniser)
    def recognise(line: str) -> Any:
        return remembering(line) if len(line) <= MEMO_LENGTH else recogniser(line)

    recognise.cache_info = remembering.cache_info  # type: ignore[attr-defined]
    recognise.cache_clear = remembering.cache_clear  # type: ignore[attr-defined]
    _MEMOS.append(remembering)
    return cast(Recogniser, recognise)


def forget_lines() -> None:
    """Forget every :func:`memoized` recogniser's answers (the parser calls it when a parse ends)."""
    for remembering in _MEMOS:
        remembering.cache_clear()

#: What each recogniser that opted in declared: a function giving its keywords (built on first need).
#: A recogniser made and dropped (a test's, a plug-in's) leaves the table with it.
_KEYWORDS: weakref.WeakKeyDictionary[Callable[..., object], Callable[[], Iterable[str]]] = weakref.WeakKeyDictionary()


def keywords(words: Callable[[], Iterable[str]]) -> Callable[[Recogniser], Recogniser]:
    """Declare that a line recogniser finds nothing in a text holding none of ``words()``.

    The rule engine then never runs it on a line without one of them
    (:meth:`~bulletin.parsing.state.ParseState.may_match`: one scan of the
    whole text per recogniser, instead of a test per line).  ``words`` is
    called on first need, so data files load and patterns compile only when a
    parse asks.  The recogniser itself is unchanged: called directly, it still
    answers for any text.  ``tests/test_prefilter.py`` checks every
    declaration on real text.

    >>> @keywords(lambda: ("号", "號"))
    ... def match_number(line: str) -> str | None:
    ...     return line if line.endswith(("号", "號")) else None
    >>> sorted(keywords_of(match_number)), keywords_of(content_bounds)
    (['号', '號'], None)
    """

    def declare(recogniser: Recogniser) -> Recogniser:
        _KEYWORDS[recogniser] = words
        return recogniser

    return declare


def declared_recognisers() -> list[Callable[..., object]]:
    """Every recogniser that declared keywords (:func:`keywords`); :func:`keywords_of` gives them."""
    return list(_KEYWORDS)


def keywords_of(recogniser: Callable[..., object]) -> frozenset[str] | None:
    """The keywords a recogniser declared with :func:`keywords`, or ``None`` if it declared none."""
    words = _KEYWORDS.get(recogniser)
    return None if words is None else frozenset(words())


def content_bounds(line: str, start: int = 0, end: int | None = None) -> tuple[int, int]:
    """The bounds of ``line[start:end]`` without leading markers and surrounding whitespace."""
    stop = len(line) if end is None else end
    # most lines have nothing to trim: ``str.isspace`` holds for every character ``\s`` matches
    if 0 <= start < stop <= len(line) and _plain_edges(line, start, stop):
        return start, stop
    lead = _LEAD.match(line, start, stop)
    begin = lead.end() if lead else start
    trail = _TRAIL.match(line, begin, stop)
    return begin, (trail.start() if trail else stop)


def _plain_edges(line: str, start: int, stop: int) -> bool:
    """Whether ``line[start]`` is neither a space nor a marker and ``line[stop - 1]`` is not a space."""
    first = line[start]
    return not first.isspace() and first not in LEADING_MARKERS and not line[stop - 1].isspace()


def ends_with_run(text: str, last: str, trailing: str = "") -> bool:
    """Whether ``text`` ends with one of ``last`` and then only characters of ``trailing``.

    The answer of ``regex.search(f"[{last}][{trailing}]*$", text)`` (``$`` allows one
    final newline), found from the end of ``text`` instead of by scanning all of it.

    >>> ends_with_run("会议召开。”", "。", "”"), ends_with_run("会议召开", "。", "”"), ends_with_run("", "。")
    (True, False, False)
    """
    if text.endswith("\n"):
        text = text[:-1]
    body = text.rstrip(trailing)
    return (bool(body) and body[-1] in last) or any(char in last for char in text[len(body) :])


def closes_with(line: str, chars: str) -> bool:
    """Whether the last character of ``line`` that is not a space is one of ``chars``.

    A cheap test to run before a pattern anchored at the end of a line by a closing
    bracket and optional whitespace: ``str.rstrip`` strips every character ``\\s`` matches.

    >>> closes_with("……的人。（谢达成） ", "）)"), closes_with("……的人。", "）)"), closes_with("", "）)")
    (True, False, False)
    """
    stripped = line.rstrip()
    return bool(stripped) and stripped[-1] in chars


def enclosed(line: str, start: int, end: int) -> tuple[int, int] | None:
    """The inner bounds when ``line[start:end]`` is one bracketed group, else ``None``.

    >>> enclosed("(记者 张三)", 0, 7)
    (1, 6)
    >>> enclosed("（甲）（乙）", 0, 6) is None
    True
    """
    if end - start < 2:
        return None
    opener, closer = line[start], line[end - 1]
    if PAIRS.get(opener) != closer and not (opener in "（(" and closer in "）)"):
        return None
    inner = line[start + 1 : end - 1]
    if any(char in inner for char in "（()）【】[]［］"):
        return None
    return start + 1, end - 1
