"""Spurious spaces: removed where PDF extraction put them, kept where they mean something.

Why: Chinese is written without spaces, but text pulled out of PDFs has them
in odd places: ``厦 门市``, ``12 月 17 日``, ``参加。 市政协``, ``讲政治， 做到``.
They break names, dates and every pattern of the parser.  Yet some spaces
are meaningful: they separate the names of a credit line (``王强 赵丽
摄影报道``, ``记者 周明 李晓雪``), the two halves of a headline
(``全市安全生产工作会议举行 市长出席``, ``守好“责任田” 种好“试验田”``),
and Latin words from Chinese ones (``就 AI 发展趋势``).

The rules (spaces are runs of space, tab and U+3000 inside a line):

* next to sentence punctuation ``，。、；：！？``: removed everywhere;
* between a number and a following Chinese character (``12 月``, ``10 家``,
  ``150 余``), and between a Chinese character and a number that a Chinese
  character follows (``全球 150 余``): removed everywhere;
* between two Chinese characters (or Chinese quotes and brackets): removed only
  in running text, that is a line with sentence punctuation ``。，；！？、``
  and at least 25 characters, or a line that is part of a hard-wrapped
  sentence (see :mod:`~bulletin.normalize.hardwrap`); short headline-like
  lines keep them;
* between Latin words, or a Latin word and a Chinese one: kept, runs collapsed
  to one space;
* at the end of a line: removed.  At the start of a line: kept, it is the
  indentation that tells the parser a paragraph starts.

Only deletions, so every remaining character is an input character.  Line
lengths are counted without spaces, so the step is idempotent.

>>> from bulletin.normalize.pipeline import normalize
>>> raw = "3 月 5 日上午，区委书记带领“两代表一委员”以及区 市场监管局等单位参加。 区政协副主席出席"
>>> normalize(raw, steps=["spaces"]).text
'3月5日上午，区委书记带领“两代表一委员”以及区市场监管局等单位参加。区政协副主席出席'
>>> normalize("王强 赵丽 摄影报道\\n全市安全生产工作会议举行 市长出席", steps=["spaces"]).text
'王强 赵丽 摄影报道\\n全市安全生产工作会议举行 市长出席'
"""

from __future__ import annotations

import functools
import heapq
from collections.abc import Iterator

import regex

from bulletin.normalize.edits import Edit
from bulletin.normalize.hardwrap import _gap_table

__all__ = ["remove_spurious_spaces"]

_SPACE = "[ \\t\\u3000]"
_SENTENCE = "，。、；：！？"
_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}“”‘’（）《》【】〔〕「」『』…—·"
#: Running text has this many non-space characters at least (or is part of a hard-wrapped sentence).
RUNNING_LENGTH = 25


@functools.cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    return {
        "quick": regex.compile(rf"{_SPACE}"),
        # from the first space of a run only: starting again at every space of a long run is quadratic
        "trailing": regex.compile(rf"(?<!{_SPACE}){_SPACE}+$", regex.MULTILINE),
        "inner": regex.compile(rf"(?<=[^\s]){_SPACE}+(?=[^\s])"),
        "sentence": regex.compile(rf"[{_SENTENCE}]"),
        "running": regex.compile(r"[。，；！？、]"),
        "number": regex.compile(rf"\d+(?:\.\d+)?{_SPACE}*\p{{Han}}"),
        "han": regex.compile(r"\p{Han}"),
        "cjk": regex.compile(rf"[{_CJK}]"),
    }


class _Lines:
    """Which lines are running text; the hard-wrap plan is only computed when needed.

    Positions are asked in text order, so only the last line looked at is remembered.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._wrapped: set[int] | None = None  # where the lines that a hard wrap joins start
        self._line = (0, -1)  # the last line looked at: its start and end (its "\n" or the text's end)
        self._known = False  # whether that line is running text by itself

    def running(self, pos: int) -> bool:
        text = self._text
        if self._line[0] <= pos <= self._line[1]:
            known = self._known
        else:
            # positions come in order: look back only as far as the last line seen, not to the text's start
            low = self._line[1] if pos > self._line[1] >= 0 else 0
            start = text.rfind("\n", low, pos) + 1
            end = text.find("\n", pos)
            self._line = (start, len(text) if end < 0 else end)
            line = text[start : len(text) if end < 0 else end]
            visible = len(line) - line.count(" ") - line.count("\t") - line.count("\u3000")
            known = self._known = visible >= RUNNING_LENGTH and _patterns()["running"].search(line) is not None
        if known:
            return True
        if self._wrapped is None:
            self._wrapped = set()
            gaps = _gap_table(text)
            for start, end in zip(gaps.starts, gaps.ends, strict=True):
                self._wrapped.add(text.rfind("\n", 0, start) + 1)
                self._wrapped.add(text.rfind("\n", 0, end) + 1)
        return self._line[0] in self._wrapped


def _han(char: str) -> bool:
    """Whether ``char`` is a Chinese character (the common block answered without a regex)."""
    if "\u4e00" <= char <= "\u9fff":
        return True
    return char >= "\u2e80" and _patterns()["han"].match(char) is not None


_CJK_MARKS = frozenset("“”‘’（）《》【】〔〕「」『』…—·")


def _cjk(char: str) -> bool:
    """Whether ``char`` is Chinese or Japanese script or a CJK quote, bracket or mark."""
    if "\u4e00" <= char <= "\u9fff" or char in _CJK_MARKS:
        return True
    return char >= "\u2e80" and _patterns()["cjk"].match(char) is not None


def _number_gap(text: str, start: int, end: int) -> bool:
    """Whether the space run ``[start, end)`` separates a number from its Chinese unit or context."""
    before = text[start - 1]
    if before.isdigit():
        return _han(text[end])
    return text[end].isdigit() and _han(before) and _patterns()["number"].match(text, end) is not None


def remove_spurious_spaces(text: str) -> Iterator[Edit]:
    """Describe deleting the spaces that PDF extraction left inside Chinese text.

    >>> from bulletin.normalize.edits import apply_edits
    >>> line = "学术年会中， 全球人工智能领域的顶尖专家、 学者在 10 场专题论坛中就 AI 的前沿发展展开探讨。"
    >>> apply_edits(line, remove_spurious_spaces(line))[0]
    '学术年会中，全球人工智能领域的顶尖专家、学者在10场专题论坛中就 AI 的前沿发展展开探讨。'
    """
    patterns = _patterns()
    if patterns["quick"].search(text) is None:
        return iter(())
    trailing = (Edit(m.start(), m.end(), "") for m in patterns["trailing"].finditer(text))
    # both come in text order and never overlap: merged as they come, no list of every edit
    return heapq.merge(trailing, _inner(text))


def _inner(text: str) -> Iterator[Edit]:
    """The edits of the spaces inside lines, in text order."""
    lines = _Lines(text)
    for match in _patterns()["inner"].finditer(text):
        start, end = match.span()
        before, after = text[start - 1], text[end]
        if (
            before in _SENTENCE
            or after in _SENTENCE
            or _number_gap(text, start, end)
            or (_cjk(before) and _cjk(after) and lines.running(start))
        ):
            yield Edit(start, end, "")
        elif end - start > 1:
            yield Edit(start + 1, end, "")
