"""Hard wraps: lines broken inside a sentence are joined again.

Why: PDF and OCR dumps break lines where the printed column ended.  Seed
bulletin 002 is set in narrow columns: every ~15 characters a line ends in
mid-word, followed by a blank line.  Other dumps keep one line per paragraph
but break a paragraph where a page or column ended.  A sentence split over
lines cannot be found by the parser, so this step removes those line breaks,
and only those: a line that ends a sentence (``。！？；…：``, optionally
followed by closing quotes or brackets), a line followed by an indented line
or by a structural marker (``一、``, ``（一）``, ``1.``, ``Q：``, ``【``, ``#``,
``- ``), and a short line (a headline, a credit line) keep their break.

The same logic is public, because the parser reads lines through the
line-keeping steps and asks the same questions: :func:`estimate_wrap_width`
(how wide is the column, if the document is set in one),
:func:`continues` (does this line run on into the next) and
:func:`wrap_separator` (what goes where the break was: nothing between
Chinese characters, a space between two Latin words).

Decisions: lengths are counted without whitespace, so removing spurious
spaces does not change any decision.  The step repeats its decisions on its
own output until nothing more joins (usually once or twice), so it is
idempotent.  Limitation: in a narrow column, a headline exactly as wide as
the column followed by a line that does not start a paragraph cannot be told
from a wrapped sentence and is joined.

>>> from bulletin.normalize.pipeline import normalize
>>> wrapped = ("区政协委员、市农业科学研究院研\\n\\n究员围绕“数字农业赋能乡村振兴的\\n\\n"
...            "实践与思考：现状与展望”作主旨\\n\\n报告，介绍了智慧农业的进展。\\n\\n区政协主席致辞。")
>>> print(normalize(wrapped, steps=["hardwrap"]).text)
区政协委员、市农业科学研究院研究员围绕“数字农业赋能乡村振兴的实践与思考：现状与展望”作主旨报告，介绍了智慧农业的进展。
<BLANKLINE>
区政协主席致辞。
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import itertools
import unicodedata
from array import array
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Iterator, Sequence

import regex

from bulletin.normalize.edits import Edit

__all__ = [
    "BRACKET_PAIRS",
    "continues",
    "decisions_remembered",
    "estimate_wrap_width",
    "hard_break",
    "join_gaps",
    "rejoin_hard_wraps",
    "starts_block",
    "wrap_separator",
]

#: A line without width longer than this (in non-space characters) is a paragraph cut by a page break.
LONG_LINE = 40
#: Without a column width, a shorter line of running text cut in mid-sentence runs on when it has this many.
MIN_RUNNING = 10
# a bracket left open at a line's end is a wrap in a line up to this long (a title, a short line)
_TITLE_SIZE = 60
#: With a column width, a line at least this share of it ran to the column's end.
FULL_SHARE = 0.8
_WINDOW = 4
_MAX_ROUNDS = 50


_FINAL = "。！？；…：.!?;:"
# closing quotes and brackets; straight and opening quotes too, so that pairing quotes changes nothing
_CLOSERS = "”’」』）》)\"'\\]】〕“‘"


# every character str.isspace() accepts, and the closers: one rstrip() does what rstrip() and
# dropping closers one at a time did
_TRAILING = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000" + _CLOSERS
)


#: What the pattern class ``\s`` matches (Unicode White_Space), for ``str.rstrip``.
_WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
#: An item's number alone on a line (``1.``), which a space separates from the item's text.
_ITEM_NUMBER = regex.compile(r"\d{1,2}[.．、]")


def _ends_sentence(line: str) -> bool:
    # trailing whitespace and closers, stripped in one pass (not one closer at a time: that is quadratic)
    last = line.rstrip(_TRAILING)[-1:]
    return last != "" and last in _FINAL


@functools.cache
def _block_start() -> regex.Pattern[str]:
    numeral = r"[一二三四五六七八九十百零〇]+"
    return regex.compile(
        r"[ \t\u3000]"
        r"|\#|[-*+•·●■◆]\s++(?=\S)"  # a bullet before text (a marker with only spaces after it is none)
        rf"|{numeral}\s*[、．.]"
        rf"|[（(]\s*(?:{numeral}|\d{{1,3}})\s*[）)]"
        r"|\d{1,3}\s*(?:[、．)）]|\.(?!\d))"
        r"|[QAqa问答]\s*[:：]"
        r"|[【〔\[]"
        r"|本报讯|本报记者|新华社"
    )


#: What a block start (:func:`_block_start`) can begin with, besides a digit: a line that begins
#: otherwise is never tried against the pattern.
_BLOCK_FIRST = frozenset(" \t\u3000#-*+•·●■◆一二三四五六七八九十百零〇（(QAqa问答【〔[本新")


def _block_opening(line: str) -> regex.Match[str] | None:
    """The match of :func:`_block_start` at the start of ``line``, found without the pattern on
    lines whose first character no block start begins with (most of them).

    >>> _block_opening("（一）加强组织领导").group(), _block_opening("验室主任助理")
    ('（一）', None)
    """
    first = line[:1]
    if first not in _BLOCK_FIRST and not first.isdigit():
        return None
    return _block_start().match(line)


@functools.cache
def _sentence_mark() -> regex.Pattern[str]:
    return regex.compile(r"[。！？；，、：…,;:!?.]")


@functools.cache
def _word_end() -> regex.Pattern[str]:
    """The last character of a line that ends a Latin word or a number (tried on that character)."""
    return regex.compile(r"[\p{Latin}\p{Nd},;:!?)%]")


@functools.cache
def _word_start() -> regex.Pattern[str]:
    return regex.compile(r"\s*[\p{Latin}\p{Nd}(]")


def _visible(line: str) -> int:
    return len(line) - line.count(" ") - line.count("\t") - line.count("\u3000")


def estimate_wrap_width(lines: Sequence[str]) -> int | None:
    """The column width of a narrow-column document, or ``None`` if it is not set in one.

    A column shows as most non-blank lines having nearly the same length,
    below :data:`LONG_LINE`; widths count non-space characters.

    >>> estimate_wrap_width(["区政协委员、市农业科学研究院研究", "员围绕“数字农业赋能乡村振兴的实践",
    ...                      "与思考：现状与展望”作主旨报告，介绍", "了智慧农业的发展态势、关键技术进展",
    ...                      "与推广应用情况，以及从一线研究者角", "度提出的思考与建议。"])
    17
    >>> paragraph = "本报讯 全市防汛工作会议昨天上午举行。市长主持会议并讲话，部署防汛工作。" * 2
    >>> print(estimate_wrap_width([paragraph] * 5))
    None
    """
    return _estimate(sorted(_visible(line) for line in lines if line and not line.isspace()))


def starts_block(line: str) -> bool:
    """Whether ``line`` starts a new block: indented, or opened by a structural marker.

    >>> starts_block("（一）加强组织领导"), starts_block("\\u3000会议指出"), starts_block("验室主任助理")
    (True, True, False)
    """
    return _block_opening(line) is not None


def hard_break(prev: str, next: str) -> bool:
    """Whether the break between two lines can never be a hard wrap, whatever the widths.

    True after a sentence end (``。！？；…：``, also half-width, optionally
    followed by closing quotes or brackets) and before a new block (see
    :func:`starts_block`).

    >>> hard_break("市领导李政出席。", "王明指出"), hard_break("坚持服务国家", "战略导向")
    (True, False)
    """
    if _split_number(prev, next):
        return False  # a decimal broken after its point: ``上调0.`` / ``1个百分点``
    return _ends_sentence(prev) or starts_block(next)


def _split_number(prev: str, nxt: str) -> bool:
    if not nxt[:1].isdigit():
        return False
    end = prev.rstrip()
    return end[-1:] in (".", "．") and end[-2:-1].isdigit()


@functools.cache
def _inner_sentence_end() -> regex.Pattern[str]:
    """A sentence end inside a line: the line is running text, never a headline."""
    return regex.compile(r"[。！？；!?;](?=.*\S)")


@functools.cache
def _clause_mark() -> regex.Pattern[str]:
    return regex.compile(r"[，、,]")


#: The brackets and quotes a hard wrap can fall inside, as (opener, closer).
BRACKET_PAIRS: tuple[tuple[str, str], ...] = (("（", "）"), ("(", ")"), ("“", "”"), ("《", "》"), ("【", "】"), ("「", "」"))


def _unclosed(prev: str, nxt: str) -> bool:
    """Whether ``prev`` leaves a bracket or quote open that ``nxt`` closes: ``…（总`` / ``书记的关切）``."""
    for opener, closer in BRACKET_PAIRS:
        if opener in prev and prev.count(opener) > prev.count(closer) and nxt.count(closer) > nxt.count(opener):
            return True
    return False


def _cut_in_sentence(prev: str, nxt: str, prev_size: int, next_size: int, *, running: bool) -> bool:
    """Without a column width: a line of running text that stops in mid-sentence runs on.

    Running text shows in a sentence end inside the line (a headline has none),
    or in clause marks (``，``, ``、``) when the next line is running text
    too but no complete paragraph of its own: a headline such as ``青岚县、临江县联合开展植树活动``
    keeps its break before the paragraph under it.  ``running`` says the
    caller knows ``prev`` continues running text from the lines above it.
    """
    if prev_size < MIN_RUNNING:
        return False
    if running or _inner_sentence_end().search(prev):
        return True
    numbered = _block_opening(prev)
    if not _clause_mark().search(prev, numbered.end() if numbered else 0) or _sentence_mark().search(nxt) is None:
        return False  # a headline over a name or a caption is no sentence cut in two
    return not (_ends_sentence(nxt) and next_size > prev_size)


def continues(prev: str, next: str, *, width: int | None, running: bool = False) -> bool:
    """Whether ``next`` continues the sentence of ``prev`` across a hard wrap.

    With a column ``width``, ``prev`` must fill at least :data:`FULL_SHARE`
    of it, or all of it but three characters (a paragraph's first line lost
    its two-character indentation in extraction); without, ``prev`` must be
    a long line (at least :data:`LONG_LINE` non-space characters: a page
    break inside a paragraph).  And ``next`` must look like running text:
    it has punctuation, or it is as full as ``prev`` must be, or (in a
    column) it is a remainder of at most four characters.  So a short
    headline-like line after a long one keeps its break.

    >>> continues("区政协委员、市农业科学研究院研究", "员围绕“数字农业赋能乡村振兴的实践", width=17)
    True
    >>> continues("并为获奖代表颁发证书。", "区政协委员、市农业科学研究院研究", width=17)
    False
    >>> continues("“古镇新韵”焕发生机", "3月5日，区政协“委员讲堂”走进", width=17)
    False
    >>> continues("市委召开全会部署年度重点工作", "奋力开创高质量发展新局面", width=None)
    False

    Line widths that vary too much to show a column still join a line of
    running text cut in mid-sentence (see :func:`_cut_in_sentence`), and a
    line that leaves a bracket open which the next one closes:

    >>> continues("亩，预计产量比去年增长一成，农", "户增收预期明显。", width=None)
    True
    >>> continues("青岚县、临江县联合开展春季植树活动", "两县干部群众三千余人参加了植树活动，共栽种苗木两万余株。", width=None)
    False
    >>> continues("久久为功，“蓝天”成为常态（总", "书记的关切·落地的回响）", width=None)
    True
    """
    if not prev.strip() or not next.strip():
        return False
    return _decide(prev, next, _visible(prev), _visible(next), width, running=running)


def wrap_separator(prev: str, next: str) -> str:
    """What replaces the line break when ``next`` continues ``prev``.

    >>> wrap_separator("人工智能实", "验室"), wrap_separator("the", "model"), wrap_separator("浦江", "AI")
    ('', ' ', '')
    >>> wrap_separator("1.", "12/3 校运会举行")
    ' '
    >>> wrap_separator("国际货币基金组织（I", "MF）和世界银行")
    ''
    >>> wrap_separator("caf\u0065\u0301", "noir")  # a decomposed é ends a Latin word too
    ' '
    """
    if "\u4e00" <= prev[-1:] <= "\u9fff":
        return ""  # the common case: a line ends in a Chinese character, no word, no item number
    # the last character that is not a space, looked at directly (a search for the pattern
    # followed by spaces and the end would try it at every character of a long line); combining
    # marks are looked through, so decomposed ``é`` (e + U+0301) decides as composed ``é`` does
    # (by index, never copying ``prev``: a paragraph joined over thousands of lines asks once per line)
    body_end = len(prev)
    while body_end and prev[body_end - 1] in _WHITE_SPACE:
        body_end -= 1
    end = body_end
    while end and unicodedata.category(prev[end - 1]) in ("Mn", "Me"):
        end -= 1
    last = prev[end - 1 : end]
    if last and _word_end().match(last) and _word_start().match(next):
        # (looked for on the text without its combining marks, so ``É`` decides alike composed or not)
        if last.isupper() and next.lstrip()[:1].isupper() and _acronym_cut().search(prev, _acronym_reach(prev, end), end):
            return ""  # an acronym in Chinese text broken by the column: ``（I`` / ``MF）``
        return " "
    if body_end <= 3 and _ITEM_NUMBER.fullmatch(prev, 0, body_end):
        return " "  # an item's number printed on a line of its own: ``1.`` / ``12/3 校运会…``
    return ""


def _acronym_reach(text: str, end: int) -> int:
    """Where a match of :func:`_acronym_cut` ending at ``end`` can start at the earliest: before
    the spaces at ``end``, four capitals and the character in front of them, each with its
    combining marks (decomposed ``Ç`` is ``C`` + U+0327)."""
    start = end
    while start and text[start - 1].isspace():
        start -= 1
    for _ in range(5):
        while start and unicodedata.category(text[start - 1]) in ("Mn", "Me"):
            start -= 1
        start = max(0, start - 1)
    return start


@functools.cache
def _acronym_cut() -> regex.Pattern[str]:
    """Capitals right after Chinese text or a bracket at the end of a line: the start of an acronym.

    A combining mark belongs to the character before it, so a run of capitals reads alike
    composed or decomposed (``ÆÇ`` / ``ÆC`` + U+0327): the mark is no character an acronym starts after.
    """
    mark = r"[\p{Mn}\p{Me}]"
    return regex.compile(rf"(?:^|[^\p{{Latin}}\s\p{{Mn}}\p{{Me}}]){mark}*(?:\p{{Lu}}{mark}*){{1,4}}\s*$")


def _local_width(sizes: Sequence[int], index: int, default: int) -> int:
    local = _window_width(tuple(sizes[max(0, index - _WINDOW) : index + _WINDOW + 1]))
    return default if local is None else local


@functools.lru_cache(maxsize=4096)
def _window_width(window: tuple[int, ...]) -> int | None:
    """:func:`_estimate` of a few neighbouring lines (in a column the same windows come back often)."""
    return _estimate(sorted(window))


def _estimate(lengths: Sequence[int]) -> int | None:
    """:func:`estimate_wrap_width` on sorted non-space lengths."""
    count = len(lengths)
    if count < 4:
        return None
    width = lengths[(3 * (count - 1)) // 4]
    if width > LONG_LINE or width < 4:
        return None
    low, high = 0.6 * width, width + max(2.0, 0.15 * width)
    # the lengths are sorted: counted by where the bounds fall
    near = bisect_right(lengths, high) - bisect_left(lengths, low)
    far = count - bisect_right(lengths, 2 * width)
    if near * 2 < count or far * 10 > count:
        return None
    return width


def _decide(prev: str, nxt: str, prev_size: int, next_size: int, width: int | None, *, running: bool = False) -> bool:
    """:func:`continues` with the non-space lengths known."""
    if _split_number(prev, nxt):
        return True  # a decimal broken after its point: never a hard break (see hard_break)
    if _ends_sentence(prev) or _block_opening(nxt) is not None:
        return False
    full = LONG_LINE if width is None else min(FULL_SHARE * width, width - 3)
    if prev_size < full:
        if prev_size <= _TITLE_SIZE and _unclosed(prev, nxt):
            return True
        return width is None and _cut_in_sentence(prev, nxt, prev_size, next_size, running=running)
    return (
        next_size >= full
        or (width is not None and next_size <= 4)
        or _sentence_mark().search(nxt) is not None
        or (prev_size <= _TITLE_SIZE and _unclosed(prev, nxt))
    )


#: Lines are read from blocks of about this many characters (a split of the whole text holds a
#: string per line at once: on text dense with short lines, ten times the text's size).
_BLOCK = 1 << 13
#: A block with more lines than this share of its characters keeps no string per line: a line's
#: text is read from the input when a decision needs it.
_SHORT_LINES = 1 / 20
_JOIN_EVERY = 4096


def _line_table(text: str) -> tuple[array[int], array[int], array[int], list[str | None]]:
    """Where every non-blank line starts, where its content ends (trailing spaces left out), its
    non-space size (flat arrays, no object per line) and its text, kept unless lines are short."""
    starts, ends, sizes = array("q"), array("q"), array("q")
    texts: list[str | None] = []
    pos = 0
    size = len(text)
    while True:
        cut = text.find("\n", pos + _BLOCK) if pos + _BLOCK < size else -1
        block = (text[pos:] if cut < 0 else text[pos:cut]).split("\n")
        lines = [line for line in block if line and not line.isspace()]
        # a block's own lists, then its columns at once (an array's append is slower than a list's)
        block_starts = []
        for line in block:
            if line and not line.isspace():
                block_starts.append(pos)
            pos += len(line) + 1
        starts += array("q", block_starts)
        ends += array("q", [start + len(line.rstrip()) for start, line in zip(block_starts, lines, strict=True)])
        sizes += array(
            "q", [len(line) - line.count(" ") - line.count("\t") - line.count("\u3000") for line in lines]
        )
        if len(block) <= _SHORT_LINES * _BLOCK:
            texts += lines
        else:
            texts += [None] * len(lines)
        if cut < 0:
            return starts, ends, sizes, texts


def _line(text: str, texts: list[str | None], starts: array[int], index: int) -> str:
    """The text of logical line ``index``: kept, or read from the input."""
    found = texts[index]
    if found is not None:
        return found
    start = starts[index]
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


class _Gaps:
    """The line-break runs to replace, as flat columns (an edit object each is ~140 bytes)."""

    __slots__ = ("ends", "separators", "starts")

    def __init__(self) -> None:
        self.starts = array("q")
        self.ends = array("q")
        self.separators: list[str] = []

    def add(self, start: int, end: int, separator: str) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.separators.append(separator)

    def sort(self) -> None:
        """In text order (each round's gaps come in order; a later round's fall between them)."""
        starts = self.starts
        if all(map(int.__lt__, starts, starts[1:])):
            return
        order = sorted(range(len(starts)), key=starts.__getitem__)
        self.starts = array("q", map(starts.__getitem__, order))
        self.ends = array("q", map(self.ends.__getitem__, order))
        self.separators = list(map(self.separators.__getitem__, order))

    def edits(self) -> Iterator[Edit]:
        return map(Edit, self.starts, self.ends, self.separators)


def join_gaps(text: str) -> list[Edit]:
    """The edits that join hard-wrapped lines: each replaces a line-break run by its separator.

    The decisions are repeated on the joined lines until none is left, so
    the result joins nothing more when run on its own output.

    >>> join_gaps("坚持服务国家" * 8 + "\\n\\n战略导向。")
    [Edit(start=48, end=50, replacement='')]
    """
    return list(_gap_table(text).edits())


#: The breaks that the gap tables computed inside :func:`decisions_remembered` kept, each by the pair of
#: lines and what else a decision reads: ``(prev, next, prev_size, next_size, width)``.
_KEPT_BREAKS: contextvars.ContextVar[set[tuple[str, str, int, int, int | None]] | None] = (
    contextvars.ContextVar("bulletin_hardwrap_kept_breaks", default=None)
)


@contextlib.contextmanager
def decisions_remembered() -> Iterator[None]:
    """Inside this block, a break between two lines kept once is kept again without a new decision.

    A decision reads only its two lines, their sizes and the column width, so
    the result is the same, only found sooner when the same text, or most of
    it, is looked at again: :func:`~bulletin.normalize.pipeline.normalize`
    asks after every round whether lines join further, on a text that changed
    in a few lines.  What is remembered goes when the block ends.

    >>> text = "坚持服务国家" * 8 + "\\n\\n战略导向。"
    >>> with decisions_remembered():
    ...     join_gaps(text) == join_gaps(text) == [Edit(48, 50, "")]
    True
    """
    token = _KEPT_BREAKS.set(set())
    try:
        yield
    finally:
        _KEPT_BREAKS.reset(token)


def _gap_table(text: str) -> _Gaps:
    """:func:`join_gaps` as columns, in text order."""
    remembered = _KEPT_BREAKS.get()
    kept: set[tuple[str, str, int, int, int | None]] = set()  # the breaks this text keeps, as decided
    # each logical line: where its first line starts, where its last line's content ends, its
    # non-space length, its text (None: read it from the input) and whether it changed in the last round
    starts, ends, sizes, texts = _line_table(text)
    count = len(starts)
    changed = bytearray(b"\x01") * count
    gaps = _Gaps()
    previous_width: int | None = None
    ordered: list[int] | None = None  # the sizes in order, kept so while few lines join
    for round_ in range(_MAX_ROUNDS):
        if count < 2:
            break
        if ordered is None:
            ordered = sorted(sizes)
        width = _estimate(ordered)
        everything = round_ == 0 or width != previous_width
        previous_width = width
        pairs: Iterable[int] = range(1, count)
        if width is None and not everything:
            # without a column a decision reads its two lines alone: after the first round only the
            # neighbours of joined lines can change
            joined_lines = itertools.compress(range(count), changed)
            pairs = sorted({j for i in joined_lines for j in (i, i + 1) if 0 < j < count})
        # a decision reads its two lines and, in a column, the sizes of the lines around the
        # first (_local_width): with the same width, only a pair near a joined line can decide anew
        near = None if everything else _near_changed(changed)
        joins: list[int] = []
        local = None
        for index in pairs:
            if near is not None and not near[index]:
                continue
            prev = texts[index - 1]
            if prev is None:
                prev = _line(text, texts, starts, index - 1)
            if width is None:
                # without a column only a long line can run on, and a line that ends a sentence
                # never does, unless it ends in a decimal point
                if sizes[index - 1] < MIN_RUNNING:
                    continue
                last = prev.rstrip(_TRAILING)[-1:]
                if last and last in _FINAL and prev.rstrip()[-1:] not in ".．":
                    continue
            else:
                local = _local_width(sizes, index - 1, width)
            nxt = texts[index]
            if nxt is None:
                nxt = _line(text, texts, starts, index)
            if remembered is None:
                joined = _decide(prev, nxt, sizes[index - 1], sizes[index], local)
            else:
                key = (prev, nxt, sizes[index - 1], sizes[index], local)
                joined = key not in remembered and key not in kept and _decide(*key)
                if not joined:
                    kept.add(key)
            if joined:
                joins.append(index)
        if not joins:
            break
        if len(joins) * _RESORT > count:
            ordered = None
        else:
            _merge_sizes(ordered, sizes, joins)
        texts, sizes, starts, ends, changed = _merge(text, texts, sizes, starts, ends, joins, gaps)
        count = len(starts)
    if remembered is not None:
        # what is remembered for the next text: the breaks kept between lines that are lines of the
        # result (the lines of a join are gone from it), and nothing of the text before
        lines = set(map(id, texts))
        remembered.clear()
        remembered.update(key for key in kept if id(key[0]) in lines and id(key[1]) in lines)
    gaps.sort()
    return gaps


#: Sizes are sorted anew when more than one line in this many joins in a round; else each join is
#: moved in the sorted sizes.
_RESORT = 16


def _merge_sizes(ordered: list[int], sizes: array[int], joins: list[int]) -> None:
    """Update the sorted sizes ``ordered`` for the joins of a round: each run of joined lines leaves
    its sizes and brings their sum.

    >>> ordered = [3, 5, 8, 9]
    >>> _merge_sizes(ordered, array("q", [8, 3, 9, 5]), [2, 3])
    >>> ordered
    [8, 17]
    """
    k = 0
    while k < len(joins):
        first = last = joins[k]
        while k + 1 < len(joins) and joins[k + 1] == last + 1:
            k += 1
            last = joins[k]
        run = sizes[first - 1 : last + 1]
        for size in run:
            del ordered[bisect_left(ordered, size)]
        insort(ordered, sum(run))
        k += 1


def _near_changed(changed: bytearray) -> bytearray:
    """For each pair index ``i`` (lines ``i - 1`` and ``i``): whether a changed line is within
    :data:`_WINDOW` lines of line ``i - 1``, so that its decision may differ from the last round's."""
    count = len(changed)
    near = bytearray(count + 1)
    for line in (k for k, flag in enumerate(changed) if flag):
        for index in range(max(1, line + 1 - _WINDOW), min(count, line + 2 + _WINDOW)):
            near[index] = 1
    return near


def _merge(
    text: str,
    texts: list[str | None],
    sizes: array[int],
    starts: array[int],
    ends: array[int],
    joins: list[int],
    gaps: _Gaps,
) -> tuple[list[str | None], array[int], array[int], array[int], bytearray]:
    """Join every line ``i`` in ``joins`` to the one before; record the gaps; the lines between are copied whole."""
    n_texts: list[str | None] = []
    n_sizes, n_starts, n_ends = array("q"), array("q"), array("q")
    n_changed = bytearray()
    copied = 0  # lines before this are in the new lists
    k = 0
    while k < len(joins):
        first = joins[k] - 1  # the line the run of joins starts from
        last = joins[k]
        while k + 1 < len(joins) and joins[k + 1] == last + 1:
            k += 1
            last = joins[k]
        n_texts += texts[copied:first]
        n_sizes += sizes[copied:first]
        n_starts += starts[copied:first]
        n_ends += ends[copied:first]
        n_changed += bytes(first - copied)
        # a joined logical line is built from its parts once
        # (appending to one growing string is quadratic in the number of lines joined)
        previous = _line(text, texts, starts, first)
        parts = [previous]
        done: list[str] = []  # parts joined a few thousand at a time (a string per line held is ~10x the text)
        for index in range(first + 1, last + 1):
            line = _line(text, texts, starts, index)
            sep = wrap_separator(previous, line)
            gaps.add(ends[index - 1], starts[index], sep)
            parts[-1] = parts[-1].rstrip()
            if sep:
                parts.append(sep)
            if len(parts) > _JOIN_EVERY:
                done.append("".join(parts))
                parts.clear()
            parts.append(line)
            previous = line
        n_texts.append("".join(done + parts))
        n_sizes.append(sum(sizes[first : last + 1]))
        n_starts.append(starts[first])
        n_ends.append(ends[last])
        n_changed.append(1)
        copied = last + 1
        k += 1
    n_texts += texts[copied:]
    n_sizes += sizes[copied:]
    n_starts += starts[copied:]
    n_ends += ends[copied:]
    n_changed += bytes(len(texts) - copied)
    return n_texts, n_sizes, n_starts, n_ends, n_changed


def rejoin_hard_wraps(text: str) -> Iterator[Edit]:
    """Describe joining lines that :func:`continues` says were broken inside a sentence.

    A paragraph cut where a page ended:

    >>> from bulletin.normalize.edits import apply_edits
    >>> cut = ("会议强调，要坚持稳中求进工作总基调，统筹发展和安全，扎实推进各项工作。坚持以人民为中心的发展\\n\\n"
    ...        "思想，着力保障和改善民生。")
    >>> apply_edits(cut, rejoin_hard_wraps(cut))[0]
    '会议强调，要坚持稳中求进工作总基调，统筹发展和安全，扎实推进各项工作。坚持以人民为中心的发展思想，着力保障和改善民生。'
    """
    if "\n" not in text:
        return iter(())
    return _gap_table(text).edits()
