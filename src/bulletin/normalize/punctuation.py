"""Punctuation in Chinese text: the full-width forms Chinese typesetting uses.

Why: PDF extraction, OCR and hurried typing put half-width ``, : ; ? ! ( )``
and straight quotes into Chinese sentences (``王明:坚持问题导向,抓住``),
spell the ellipsis ``...`` and the dash ``--`` or ``—``, and bracket the year of
a document number any way (``国办发[2024]48号``).  The parser's patterns (and
every reader) expect ``，：；？！（）“”……——〔〕``.

What is changed, and only where a Chinese character is the nearest neighbour
(spaces and punctuation in between do not count):

* ``, ; : ! ?`` become ``，；：！？``, never between two digits (``1,000``,
  ``12:30``), never in a URL or e-mail address, never ``://``;
  ``Q:问题`` becomes ``Q：问题``.
* ``(`` and its matching ``)`` become ``（）`` together, when the text inside
  has a Chinese character or the pair stands next to one: ``基金(REITs)业务``.
* straight quotes are paired in order within a block (lines that may be
  one sentence; see :func:`~bulletin.normalize.hardwrap.hard_break`) and a
  pair becomes ``“”`` (``‘’``) when it quotes or touches Chinese; an
  unpaired quote, English quotes and apostrophes (``don't``) are left.
* ``...`` (3 to 6 dots), ``。。。`` and a single ``…`` become ``……``;
  ``--``, ``－－``, a single ``—`` and ``――`` used as a dash become ``——``,
  never between digits (``2024--2026``); hyphens (``COVID-19``,
  ``0592-5092199``) are never touched.
* the brackets around the year of a document number (issuer, bracketed
  year, number, ``号``) become ``〔〕``: ``工信部网安［2024］214号``.

A half-width ``.`` after a Chinese character is left: it may end a sentence
or belong to an abbreviation, a number or a domain name.

>>> from bulletin.normalize.pipeline import normalize
>>> normalize('市长:坚持问题导向,抓住关键环节.深化整治"指尖上的形式主义"', steps=["punctuation"]).text
'市长：坚持问题导向，抓住关键环节.深化整治“指尖上的形式主义”'
>>> normalize("国发[2023]15号 基金(REITs)业务 详见http://www.example.org.cn 12:30", steps=["punctuation"]).text
'国发〔2023〕15号 基金（REITs）业务 详见http://www.example.org.cn 12:30'
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Iterator

import regex

from bulletin.normalize.edits import Edit
from bulletin.normalize.hardwrap import hard_break

__all__ = ["fix_punctuation"]

# Characters this step may produce or consume: context looks through them,
# so a decision never depends on what the step itself changed.
_MUTABLE = r"\s\"'“”‘’（）()…—―\-－.。,，;；:：!！?？\[\]〔〕［］【】"
# What counts as Chinese context.
_CONTEXT = r"\p{Han}\p{Hiragana}\p{Katakana}、《》「」『』"
_WIDE = str.maketrans(",;:!?()", "，；：！？（）")


@functools.cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    return {
        "quick": regex.compile(r"[,;:!?()\"'.。…\-－—―\[［【]"),
        "mark": regex.compile(r"[,;:!?]+"),
        "ellipsis": regex.compile(r"\.{3,6}|…+|。{3,}"),
        "dash": regex.compile(r"-{2,}|－{2,}|[—―]+"),
        "docno": regex.compile(
            r"(?<=\p{Han}\s*)(?P<open>[\[(［（【〔])\s*(?:19|20)\d{2}\s*(?P<close>[\])］）】〕])"
            r"(?=\s*\d{1,5}\s*号)"
        ),
        "paren": regex.compile(r"\((?P<inner>[^()（）\n]*)\)"),
        "han": regex.compile(rf"[{_CONTEXT}]"),
        "prev": regex.compile(rf"(?r)[{_CONTEXT}][{_MUTABLE}]*"),
        "next": regex.compile(rf"[{_MUTABLE}]*[{_CONTEXT}]"),
        "protect": regex.compile(
            r"(?:https?|ftp)://[!-~]*[A-Za-z0-9/=#&_\-]|www\.[!-~]*[A-Za-z0-9/=#&_\-]"
            r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
        ),
        "dquote": regex.compile(r"\""),
        "squote": regex.compile(r"(?<![A-Za-z0-9])'|'(?![A-Za-z0-9])"),
        "lines": regex.compile(r"^[^\n]*\S[^\n]*$", regex.MULTILINE),
    }


def _chinese_before(text: str, pos: int) -> bool:
    return _patterns()["prev"].match(text, 0, pos) is not None


def _chinese_after(text: str, pos: int) -> bool:
    return _patterns()["next"].match(text, pos) is not None


def _chinese_beside(text: str, start: int, end: int) -> bool:
    return _chinese_before(text, start) or _chinese_after(text, end)


def _digit_both(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and text[start - 1].isdigit() and text[end].isdigit()


def _marks(text: str) -> Iterator[Edit]:
    for match in _patterns()["mark"].finditer(text):
        start, end = match.span()
        if _digit_both(text, start, end) or (":" in match.group() and text.startswith("//", end)):
            continue
        if _chinese_beside(text, start, end):
            yield Edit(start, end, match.group().translate(_WIDE))


def _ellipses(text: str) -> Iterator[Edit]:
    for match in _patterns()["ellipsis"].finditer(text):
        start, end = match.span()
        found = match.group()
        if found[0] == "。":
            yield Edit(start, end, "……")
        elif found[0] == "." and text[start - 1 : start] != "." and text[end : end + 1] != ".":
            if _chinese_beside(text, start, end):
                yield Edit(start, end, "……")
        elif found == "…" and _chinese_beside(text, start, end):
            yield Edit(start, end, "……")


def _dashes(text: str) -> Iterator[Edit]:
    for match in _patterns()["dash"].finditer(text):
        start, end = match.span()
        if match.group() not in ("--", "－－", "—", "――", "—―", "―—"):
            continue
        if not _digit_both(text, start, end) and _chinese_beside(text, start, end):
            yield Edit(start, end, "——")


def _document_numbers(text: str) -> Iterator[Edit]:
    for match in _patterns()["docno"].finditer(text):
        if match.group("open") != "〔":
            yield Edit(match.start("open"), match.end("open"), "〔")
        if match.group("close") != "〕":
            yield Edit(match.start("close"), match.end("close"), "〕")


def _parentheses(text: str, taken: set[int]) -> Iterator[Edit]:
    han = _patterns()["han"]
    for match in _patterns()["paren"].finditer(text):
        start, end = match.span()
        if start in taken or end - 1 in taken:
            continue
        if han.search(match.group("inner")) is not None or _chinese_beside(text, start, end):
            yield Edit(start, start + 1, "（")
            yield Edit(end - 1, end, "）")


def _block_starts(text: str) -> list[int]:
    """Where each block of lines that may form one sentence starts."""
    starts = [0]
    previous: str | None = None
    for match in _patterns()["lines"].finditer(text):
        line = match.group()
        if previous is not None and hard_break(previous, line):
            starts.append(match.start())
        previous = line
    return starts


def _quotes(text: str) -> Iterator[Edit]:
    patterns = _patterns()
    found = [(m.start(), '"') for m in patterns["dquote"].finditer(text)]
    found += [(m.start(), "'") for m in patterns["squote"].finditer(text)]
    if len(found) < 2:
        return
    blocks = _block_starts(text)
    han = patterns["han"]
    for kind, (opening, closing) in (('"', "“”"), ("'", "‘’")):
        positions = sorted(pos for pos, what in found if what == kind)
        index = 0
        while index + 1 < len(positions):
            first, second = positions[index], positions[index + 1]
            if bisect_right(blocks, first) != bisect_right(blocks, second):
                index += 1  # the quote is unpaired in its block
                continue
            index += 2
            inner = han.search(text, first + 1, second) is not None
            outer = kind == '"' and _chinese_beside(text, first, second + 1)
            if inner or outer:
                yield Edit(first, first + 1, opening)
                yield Edit(second, second + 1, closing)


def _protected(text: str) -> list[tuple[int, int]]:
    if "://" not in text and "@" not in text and "www." not in text:
        return []
    return [m.span() for m in _patterns()["protect"].finditer(text)]


def fix_punctuation(text: str) -> Iterator[Edit]:
    """Describe the full-width punctuation a Chinese text should have.

    >>> from bulletin.normalize.edits import apply_edits
    >>> line = '王委员就"数据要素流通的难点"分享了思考...'
    >>> apply_edits(line, fix_punctuation(line))[0]
    '王委员就“数据要素流通的难点”分享了思考……'
    >>> line = "电话:0592-5092199,传真:0592-5092198,2024-2026年,COVID-19疫情"
    >>> apply_edits(line, fix_punctuation(line))[0]
    '电话：0592-5092199，传真：0592-5092198,2024-2026年，COVID-19疫情'
    """
    if _patterns()["quick"].search(text) is None:
        return
    docs = list(_document_numbers(text))
    taken = {edit.start for edit in docs}
    edits = [
        *docs,
        *_parentheses(text, taken),
        *_marks(text),
        *_ellipses(text),
        *_dashes(text),
        *_quotes(text),
    ]
    edits.sort()
    protected = _protected(text)
    if protected:
        starts = [span[0] for span in protected]
        kept = []
        for edit in edits:
            k = bisect_right(starts, edit.start) - 1
            if k < 0 or edit.start >= protected[k][1]:
                kept.append(edit)
        edits = kept
    yield from edits
