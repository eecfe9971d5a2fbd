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
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

import regex

from bulletin.normalize.edits import Edit
from bulletin.normalize.hardwrap import hard_break
from bulletin.normalize.scan import matches_at

__all__ = ["fix_punctuation", "widen_marks"]

# Characters this step may produce or consume: context looks through them,
# so a decision never depends on what the step itself changed.
_MUTABLE = r"\s\"'“”‘’（）()…—―\-－.。,，;；:：!！?？\[\]〔〕［］【】"
# What counts as Chinese context.
_CONTEXT = r"\p{Han}\p{Hiragana}\p{Katakana}、《》「」『』"
_WIDE = str.maketrans(",;:!?()", "，；：！？（）")
_MARKS = (",", ";", ":", "!", "?")
_OPENING_BRACKETS = ("[", "(", "［", "（", "【", "〔")


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
        "prev_run": regex.compile(rf"(?r)[{_MUTABLE}]*"),
        "next_run": regex.compile(rf"[{_MUTABLE}]*"),
        "long_run": regex.compile(rf"[{_MUTABLE}]{{{_WINDOW},}}"),
        "url": regex.compile(r"(?:https?|ftp)://[!-~]*[A-Za-z0-9/=#&_\-]|www\.[!-~]*[A-Za-z0-9/=#&_\-]"),
        # an e-mail address is read from its "@": the local part backwards, the domain forwards
        "mail_local": regex.compile(r"(?r)[A-Za-z0-9._%+\-]+"),
        "mail_domain": regex.compile(r"[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"),
        "dquote": regex.compile(r"\""),
        "squote": regex.compile(r"(?<![A-Za-z0-9])'|'(?![A-Za-z0-9])"),
        "lines": regex.compile(r"^[^\n]*\S[^\n]*$", regex.MULTILINE),
    }


@functools.lru_cache(maxsize=4096)
def _context(char: str) -> bool:
    """Whether ``char`` counts as Chinese context."""
    return _patterns()["han"].match(char) is not None


@functools.cache
def _mutable_chars() -> frozenset[str]:
    """Every character of :data:`_MUTABLE` (all in the Basic Multilingual Plane)."""
    # the plane as one string, decoded from its code units (a string per character would cost megabytes)
    units = array("H", range(0xD800))
    units.extend(range(0xE000, 0x10000))
    plane = units.tobytes().decode("utf-16-le" if sys.byteorder == "little" else "utf-16-be")
    return frozenset(regex.findall(rf"[{_MUTABLE}]", plane))


#: How far the context checks look through mutable characters before they switch to the run table.
_WINDOW = 32


class _Context:
    """Whether Chinese is the nearest neighbour of a position, looking through mutable characters.

    The checks look at most :data:`_WINDOW` characters away; a longer run of
    mutable characters (a line of quotes, dots or spaces) is looked up in a
    table of such runs built once per text, so the cost per check stays
    bounded whatever the input.
    """

    __slots__ = ("_long", "_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._long: list[tuple[int, int]] | None = None
        self._starts: list[int] = []

    def _known_run(self, pos: int) -> tuple[int, int] | None:
        """The long run holding ``pos`` if the run table is built and one does, else ``None``."""
        if not self._long:
            return None
        k = bisect_right(self._starts, pos) - 1
        if k >= 0 and pos < self._long[k][1]:
            return self._long[k]
        return None

    def _run(self, pos: int) -> tuple[int, int]:
        """The maximal run of mutable characters holding position ``pos`` (known to be in a long run)."""
        if self._long is None:
            self._long = [m.span() for m in _patterns()["long_run"].finditer(self.text)]
            self._starts = [start for start, _ in self._long]
        return self._long[bisect_right(self._starts, pos) - 1]

    def before(self, pos: int) -> bool:
        if pos == 0:
            return False
        text = self.text
        char = text[pos - 1]
        if "\u4e00" <= char <= "\u9fff":
            return True  # the common case: a CJK ideograph right there
        if char not in _mutable_chars():
            return _context(char)  # the nearest character that counts
        known = self._known_run(pos - 1)
        if known is not None:
            return known[0] > 0 and _context(text[known[0] - 1])
        low = max(pos - _WINDOW, 0)
        start = _patterns()["prev_run"].match(text, low, pos).start()  # type: ignore[union-attr]
        if start > low or low == 0:  # the run of mutable characters ends inside the window
            return start > 0 and _context(text[start - 1])
        start = self._run(pos - 1)[0]
        return start > 0 and _context(text[start - 1])

    def after(self, pos: int) -> bool:
        text = self.text
        if pos >= len(text):
            return False
        char = text[pos]
        if "\u4e00" <= char <= "\u9fff":
            return True
        if char not in _mutable_chars():
            return _context(char)
        known = self._known_run(pos)
        if known is not None:
            return known[1] < len(text) and _context(text[known[1]])
        high = min(pos + _WINDOW, len(text))
        end = _patterns()["next_run"].match(text, pos, high).end()  # type: ignore[union-attr]
        if end < high or high == len(text):
            return end < len(text) and _context(text[end])
        end = self._run(pos)[1]
        return end < len(text) and _context(text[end])

    def beside(self, start: int, end: int) -> bool:
        return self.before(start) or self.after(end)


def _digit_both(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and text[start - 1].isdigit() and text[end].isdigit()


def _marks(ctx: _Context) -> Iterator[Edit]:
    text = ctx.text
    for match in matches_at(_patterns()["mark"], text, _MARKS):
        start, end = match.span()
        found = match.group()
        if ":" in found and text.startswith("//", end):
            continue
        # the common case first: a CJK ideograph right before (so not between two digits)
        if (start and "\u4e00" <= text[start - 1] <= "\u9fff") or (
            not _digit_both(text, start, end) and ctx.beside(start, end)
        ):
            yield Edit(start, end, found.translate(_WIDE))


@functools.cache
def _after_ideograph() -> tuple[tuple[regex.Pattern[str], str], ...]:
    # one pattern per mark, led by the mark itself: the engine jumps from one to the next
    return tuple(
        (regex.compile(rf"(?<=[\u4e00-\u9fff]){regex.escape(mark)}(?![,;:!?]{'|//' if mark == ':' else ''})"),
         wide)
        for mark, wide in zip(",;:!?", "，；：！？", strict=True)
    )


def widen_marks(text: str) -> str:
    """The common case of :func:`fix_punctuation` in one pass: a lone mark right after a CJK ideograph.

    Every change replaces one character by one, so positions stay; what is
    left (marks elsewhere, quotes, brackets, ellipses, dashes) is for
    :func:`fix_punctuation` on the result.

    >>> widen_marks("会议指出,要坚持问题导向:一是...12:30,OK")
    '会议指出，要坚持问题导向：一是...12:30,OK'
    """
    if "," not in text and ";" not in text and ":" not in text and "!" not in text and "?" not in text:
        return text
    for pattern, wide in _after_ideograph():
        text = pattern.sub(wide, text)
    return text


def _ellipses(ctx: _Context) -> Iterator[Edit]:
    text = ctx.text
    for match in matches_at(_patterns()["ellipsis"], text, ("...", "…", "。。。")):
        start, end = match.span()
        found = match.group()
        if found[0] == "。":
            yield Edit(start, end, "……")
        elif found[0] == "." and text[start - 1 : start] != "." and text[end : end + 1] != ".":
            if ctx.beside(start, end):
                yield Edit(start, end, "……")
        elif found == "…" and ctx.beside(start, end):
            yield Edit(start, end, "……")


def _dashes(ctx: _Context) -> Iterator[Edit]:
    text = ctx.text
    for match in matches_at(_patterns()["dash"], text, ("--", "－－", "—", "―")):
        start, end = match.span()
        if match.group() not in ("--", "－－", "—", "――", "—―", "―—"):
            continue
        if not _digit_both(text, start, end) and ctx.beside(start, end):
            yield Edit(start, end, "——")


def _document_numbers(text: str) -> Iterator[Edit]:
    for match in matches_at(_patterns()["docno"], text, _OPENING_BRACKETS):
        if match.group("open") != "〔":
            yield Edit(match.start("open"), match.end("open"), "〔")
        if match.group("close") != "〕":
            yield Edit(match.start("close"), match.end("close"), "〕")


def _parentheses(ctx: _Context, taken: set[int]) -> Iterator[Edit]:
    text = ctx.text
    han = _patterns()["han"]
    for match in _patterns()["paren"].finditer(text):
        start, end = match.span()
        if start in taken or end - 1 in taken:
            continue
        if han.search(match.group("inner")) is not None or ctx.beside(start, end):
            yield Edit(start, start + 1, "（")
            yield Edit(end - 1, end, "）")


class _Blocks:
    """Whether two positions lie in one block of lines that may form one sentence.

    A block starts at every non-blank line that :func:`hard_break` parts from
    the one before.  Lines are judged as the step's other edits leave them
    (``一...`` opens an item, ``一……`` does not), so that a second run, which
    reads them so, pairs the same quotes.  Only the line breaks between the two
    positions are looked at (none for two positions on one line), each decided once.
    """

    __slots__ = ("_breaks", "_edits", "_starts", "text")

    def __init__(self, text: str, edits: list[Edit]) -> None:
        self.text = text
        self._edits = edits  # sorted; none holds a line break
        self._starts = [edit.start for edit in edits]
        self._breaks: dict[int, bool] = {}  # line start -> whether a block starts there

    def _edited(self, start: int, line: str) -> str:
        """``line`` (at ``start``) with the edits inside it applied."""
        k = bisect_left(self._starts, start)
        end = start + len(line)
        if k == len(self._edits) or self._edits[k].start >= end:
            return line
        pieces: list[str] = []
        pos = start
        while k < len(self._edits) and self._edits[k].start < end:
            edit = self._edits[k]
            pieces += (self.text[pos : edit.start], edit.replacement)
            pos = edit.end
            k += 1
        pieces.append(self.text[pos:end])
        return "".join(pieces)

    def same(self, first: int, second: int) -> bool:
        text = self.text
        if text.find("\n", first, second) < 0:
            return True
        lines = _patterns()["lines"]
        previous: str | None = None
        for match in lines.finditer(text, text.rfind("\n", 0, first) + 1):
            start = match.start()
            if start > second:
                break
            line = self._edited(start, match.group())
            if previous is not None:
                starts = self._breaks.get(start)
                if starts is None:
                    starts = self._breaks[start] = hard_break(previous, line)
                if starts:
                    return False
            previous = line
        return True


def _quotes(ctx: _Context, protected: list[tuple[int, int]], others: list[Edit]) -> Iterator[Edit]:
    """Paired straight quotes as Chinese ones; a quote inside a URL or e-mail address pairs with none.

    Left out before pairing, not after: a pair half inside a URL would have one
    quote turned and the other not, and the next normalisation would pair again.
    """
    text = ctx.text
    patterns = _patterns()
    found = [(m.start(), '"') for m in patterns["dquote"].finditer(text)]
    found += [(m.start(), "'") for m in patterns["squote"].finditer(text)]
    if protected and found:
        starts = [span[0] for span in protected]
        found = [(pos, kind) for pos, kind in found
                 if (k := bisect_right(starts, pos) - 1) < 0 or pos >= protected[k][1]]
    if len(found) < 2:
        return
    blocks = _Blocks(text, others)
    han = patterns["han"]
    for kind, (opening, closing) in (('"', "“”"), ("'", "‘’")):
        positions = sorted(pos for pos, what in found if what == kind)
        index = 0
        while index + 1 < len(positions):
            first, second = positions[index], positions[index + 1]
            if not blocks.same(first, second):
                index += 1  # the quote is unpaired in its block
                continue
            index += 2
            inner = han.search(text, first + 1, second) is not None
            outer = kind == '"' and ctx.beside(first, second + 1)
            if inner or outer:
                yield Edit(first, first + 1, opening)
                yield Edit(second, second + 1, closing)


def _protected(text: str) -> list[tuple[int, int]]:
    """Sorted, disjoint spans of URLs and e-mail addresses, where nothing is changed."""
    patterns = _patterns()
    spans: list[tuple[int, int]] = []
    if "://" in text or "www." in text:
        spans = [m.span() for m in matches_at(patterns["url"], text, ("http", "ftp:", "www."))]
    at = text.find("@")
    while at >= 0:
        local = patterns["mail_local"].match(text, 0, at)
        domain = patterns["mail_domain"].match(text, at + 1)
        if local is not None and domain is not None:
            spans.append((local.start(), domain.end()))
        at = text.find("@", at + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


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
    ctx = _Context(text)
    docs = list(_document_numbers(text))
    taken = {edit.start for edit in docs}
    protected = _protected(text)
    # quotes are paired last, on lines as the other edits leave them (see _Blocks)
    others = _outside(
        sorted([*docs, *_parentheses(ctx, taken), *_marks(ctx), *_ellipses(ctx), *_dashes(ctx)]), protected
    )
    yield from sorted([*others, *_outside(list(_quotes(ctx, protected, others)), protected)])


def _outside(edits: list[Edit], protected: list[tuple[int, int]]) -> list[Edit]:
    """``edits`` without those that start inside a protected span (a URL or an e-mail address)."""
    if not protected:
        return edits
    starts = [span[0] for span in protected]
    kept = []
    for edit in edits:
        k = bisect_right(starts, edit.start) - 1
        if k < 0 or edit.start >= protected[k][1]:
            kept.append(edit)
    return kept
