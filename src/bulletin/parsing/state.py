"""The mutable state that parse rules read and change; the frozen model is built from it at the end."""

from __future__ import annotations

import bisect
import enum
import functools
import itertools
import re
from collections.abc import Callable
from typing import Any

import attrs

from bulletin.layout import Layout
from bulletin.model import Caption, Furniture, IssueDate, TocEntry
from bulletin.normalize.pipeline import NormalizedText
from bulletin.parsing.lines import Line
from bulletin.recognize.common import declared_recognisers, keywords_of
from bulletin.span import Span

__all__ = ["ArticleDraft", "ParseOptions", "ParseState", "Piece", "PieceKind", "Unit", "piece_kind"]

#: Up to this many keywords are searched for one by one; more, with one pattern of them all.
_FEW_WORDS = 4


def _check_keywords(words: frozenset[str]) -> None:
    for word in words:
        if not word or "\n" in word:
            raise ValueError(f"a keyword must be one line of text, not {word!r}")


def _sound_declarations() -> dict[Callable[..., object], frozenset[str]]:
    """Every keyword declaration that can be used: one that fails (a plug-in's) is left to the rule that asks."""
    sound = {}
    for recogniser in declared_recognisers():
        try:
            words = keywords_of(recogniser)
            if words is not None:
                _check_keywords(words)
                sound[recogniser] = words
        except Exception:
            continue
    return sound


@functools.lru_cache(maxsize=64)
def _shortest_forms(words: frozenset[str]) -> frozenset[str]:
    """The words that hold no other of ``words``: a line holds one of ``words`` exactly when it holds one of these
    (``摄影`` holds ``摄``, so a line with ``摄影`` is found by ``摄``)."""
    return frozenset(word for word in words if not any(other != word and other in word for other in words))


@functools.lru_cache(maxsize=64)
def _any_word(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)))


class PieceKind(str, enum.Enum):
    """What a rule claims a piece of a line as.

    Members are strings (``PieceKind.CREDIT == "credit"``), so rules that
    compare with string literals keep working; a string that names no kind is
    refused where a piece is made or claimed (see :func:`piece_kind`).  A new
    kind of element is a new member here, handled where the model is built.
    """

    TEXT = "text"  #: not claimed yet: body text or a headline
    FURNITURE = "furniture"  #: page furniture (payload: its kind, a str)
    TOC = "toc"  #: a table-of-contents line
    NOTE = "note"  #: an author or editor note, a document number, a wire end mark
    META = "meta"  #: a web page's metadata line (发布时间、来源、作者 …)
    SOURCE = "source"  #: a source line or trailing source (来源：…)
    DATELINE = "dateline"  #: a dateline (本报讯, 新华社北京6月2日电)
    CREDIT = "credit"  #: a credit line of bylines (payload: a CreditMatch)
    CREDIT_LEAD = "credit-lead"  #: a credit that opens a paragraph
    CREDIT_TAIL = "credit-tail"  #: a credit that closes a paragraph
    SUBHEAD = "subhead"  #: a run-in subhead
    AUTHOR = "author"  #: a bare author line under a title (set by segmentation)
    PUBLICATION = "publication"  #: a bare publication line under a title (set by segmentation)

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)


_KINDS: dict[str, PieceKind] = {kind.value: kind for kind in PieceKind}


def piece_kind(kind: str) -> PieceKind:
    """The :class:`PieceKind` a string names; :class:`ValueError` naming the kinds when it names none.

    >>> piece_kind("credit") is PieceKind.CREDIT
    True
    >>> piece_kind("credits")
    Traceback (most recent call last):
    ...
    ValueError: unknown piece kind 'credits'; kinds: text, furniture, toc, note, meta, source, dateline, credit, credit-lead, credit-tail, subhead, author, publication
    """
    if type(kind) is PieceKind:
        return kind
    found = _KINDS.get(kind)
    if found is None:
        raise ValueError(f"unknown piece kind {kind!r}; kinds: {', '.join(_KINDS)}")
    return found


@attrs.frozen(kw_only=True)
class ParseOptions:
    """Options of one parse; frozen and picklable.

    ``issue_date`` fixes the year of datelines when the bulletin does not print
    its own; ``disable`` names rules to skip; ``layout`` is the layout of the
    text when it was read from a PDF or HTML page (see :mod:`bulletin.layout`).
    """

    issue_date: IssueDate | None = None
    publication: str | None = None
    disable: frozenset[str] = attrs.field(default=frozenset(), converter=frozenset)
    layout: Layout | None = None


@attrs.define(eq=False, weakref_slot=False)
class Piece:
    """A stretch ``[start, end)`` of one line's text, claimed as one kind of element.

    ``kind`` is a :class:`PieceKind` (or the string of one); any other string
    raises :class:`ValueError`, when the piece is made and when its kind is set.
    """

    line: Line
    start: int
    end: int
    kind: PieceKind | str = attrs.field(default=PieceKind.TEXT, converter=piece_kind)  # always a PieceKind once set
    payload: Any = None

    @property
    def text(self) -> str:
        return self.line.text[self.start : self.end].strip()

    @property
    def whole_line(self) -> bool:
        return self.start == 0 and self.end >= len(self.line.text)

    def span(self, normalized: NormalizedText) -> Span:
        return self.line.sub_span(self.start, self.end, normalized)


@attrs.define(eq=False, weakref_slot=False)
class Unit:
    """Text pieces joined across hard wraps (a paragraph candidate), or one element piece."""

    pieces: list[Piece]
    kind: str = "text"
    text: str = ""
    block: int = 0

    @property
    def first(self) -> Piece:
        return self.pieces[0]

    @property
    def last(self) -> Piece:
        return self.pieces[-1]

    @property
    def payload(self) -> Any:
        return self.pieces[0].payload

    @property
    def heading_level(self) -> int:
        return min((p.line.heading_level for p in self.pieces if p.line.heading_level), default=0)

    @property
    def bold(self) -> bool:
        """Whether every line of the unit is printed all bold (``**…**``, ``<strong>…</strong>``)."""
        return all(p.line.bold for p in self.pieces)

    @property
    def blank_before(self) -> int:
        return self.pieces[0].line.blank_before

    def span(self, normalized: NormalizedText) -> Span:
        first = self.pieces[0].span(normalized)
        if len(self.pieces) == 1:
            return first
        return first.cover(self.pieces[-1].span(normalized))

    def cut(self, start: int, end: int) -> Unit | None:
        """The part ``text[start:end]`` of the unit as a unit of its own (``None`` when it is blank).

        The text of a unit is its pieces' texts joined with nothing or one space (a hard wrap);
        the part keeps the pieces it falls in, trimmed to it.
        """
        parts: list[Piece] = []
        at = 0
        for piece in self.pieces:
            text = piece.text
            found = self.text.find(text, at) if text else -1
            if found < 0:
                return None
            lo, hi = max(start, found), min(end, found + len(text))
            if lo < hi and self.text[lo:hi].strip():
                raw = piece.line.text[piece.start : piece.end]
                base = piece.start + len(raw) - len(raw.lstrip())
                parts.append(Piece(piece.line, base + lo - found, base + hi - found, piece.kind, piece.payload))
            at = found + len(text)
        if not parts:
            return None
        return Unit(parts, kind=self.kind, text=self.text[start:end].strip(), block=self.block)


@attrs.define(eq=False)
class ArticleDraft:
    """An article being assembled: units by role, in reading order."""

    kicker: list[Unit] = attrs.field(factory=list)
    title: list[Unit] = attrs.field(factory=list)
    subtitle: list[Unit] = attrs.field(factory=list)
    column: Unit | None = None
    column_name: str | None = None
    heads: list[Unit] = attrs.field(factory=list)
    dateline: Piece | None = None
    #: the dateline of the digest a brief stands in, printed once above its first brief
    shared_dateline: Piece | None = None
    credits: list[Piece] = attrs.field(factory=list)
    sources: list[Piece] = attrs.field(factory=list)
    notes: list[Piece] = attrs.field(factory=list)
    metas: list[Piece] = attrs.field(factory=list)
    subheads: list[Unit] = attrs.field(factory=list)
    body: list[Unit] = attrs.field(factory=list)
    captions: list[Unit] = attrs.field(factory=list)
    closed: bool = False
    title_level: int = 0
    title_bold: bool = False
    #: opened by a headline followed directly by text (no dateline or credit)
    bare: bool = False
    #: the running number printed before the title (``3. 标题``), if any
    item_number: int | None = None

    @property
    def titled(self) -> bool:
        return bool(self.title)

    @property
    def has_body(self) -> bool:
        return bool(self.body)


@attrs.define
class ParseState:
    """Everything the rules share while one text is parsed."""

    original: str
    normalized: NormalizedText
    options: ParseOptions
    lines: list[Line] = attrs.field(factory=list)
    pieces: list[list[Piece]] = attrs.field(factory=list)
    units: list[Unit] = attrs.field(factory=list)
    articles: list[ArticleDraft] = attrs.field(factory=list)
    toc: list[TocEntry] = attrs.field(factory=list)
    furniture: list[Furniture] = attrs.field(factory=list)
    captions: list[Caption] = attrs.field(factory=list)
    publication: str | None = None
    issue_date: IssueDate | None = None
    wrap_width: int | None = None
    marked_headings: bool = False
    editor_notes: list[tuple[Line, Line, Any]] = attrs.field(factory=list)
    keyword_hits: dict[Callable[..., object], bytearray | None] = attrs.field(factory=dict, init=False, repr=False)
    #: the spans of furniture split off lines that a rule claimed whole afterwards (see :meth:`claim`)
    taken_back: set[Span] = attrs.field(factory=set, init=False, repr=False)

    def may_match(self, recogniser: Callable[..., object], line: Line) -> bool:
        """Whether ``recogniser`` can find anything in ``line``: ``False`` when it declared keywords
        (:func:`~bulletin.recognize.common.keywords`) and the line holds none of them.

        >>> from bulletin.normalize.pipeline import normalize
        >>> from bulletin.recognize.common import keywords
        >>> state = ParseState("", normalize(""), ParseOptions())
        >>> state.lines = [Line(0, "国发〔2024〕5号", "", Span(0, 10), 0), Line(1, "会议举行", "", Span(11, 15), 11)]
        >>> number = keywords(lambda: ["号"])(lambda line: None)
        >>> [state.may_match(number, line) for line in state.lines]
        [True, False]
        """
        hits = self._keyword_lines(recogniser)
        return hits is None or bool(hits[line.index])

    def lines_for(self, *recognisers: Callable[..., object]) -> list[Line]:
        """The lines, in order, on which one of ``recognisers`` may find something (:meth:`may_match`):
        every line when one of them declared no keywords.  A rule that only ever calls these
        recognisers walks these lines instead of all of them.

        >>> from bulletin.normalize.pipeline import normalize
        >>> from bulletin.recognize.common import keywords
        >>> state = ParseState("", normalize(""), ParseOptions())
        >>> state.lines = [Line(0, "国发〔2024〕5号", "", Span(0, 10), 0), Line(1, "会议举行", "", Span(11, 15), 11)]
        >>> number = keywords(lambda: ["号"])(lambda line: None)
        >>> [line.index for line in state.lines_for(number)], len(state.lines_for(number, lambda line: None))
        ([0], 2)
        """
        marks = 0
        for recogniser in recognisers:
            hits = self._keyword_lines(recogniser)
            if hits is None:
                return list(self.lines)
            marks |= int.from_bytes(hits, "little")
        return list(itertools.compress(self.lines, marks.to_bytes(len(self.lines), "little")))

    def _keyword_lines(self, recogniser: Callable[..., object]) -> bytearray | None:
        """A byte per line, not zero where the line holds one of ``recogniser``'s keywords; ``None``
        when it declared none.  The first question marks the lines of every declaration at once."""
        if recogniser not in self.keyword_hits:
            words = keywords_of(recogniser)
            if words is None:
                self.keyword_hits[recogniser] = None
            else:
                _check_keywords(words)  # a bad declaration fails the rule that asks, as before
                # the declarations not marked yet (one made after the first question joins a new batch)
                batch = {r: w for r, w in _sound_declarations().items() if r not in self.keyword_hits}
                batch[recogniser] = words
                self.keyword_hits.update(self._lines_holding(batch))
        return self.keyword_hits[recogniser]

    def _lines_holding(self, declared: dict[Callable[..., object], frozenset[str]]) -> dict[Callable[..., object], bytearray]:
        """For each recogniser, which lines hold one of its words: one search of all lines' text per word
        (each text searched once however often it is printed: a running header, a hostile text of one line)."""
        texts = list(dict.fromkeys(line.text for line in self.lines))
        joined = "\n".join(texts)
        starts = [0, *itertools.accumulate(len(text) + 1 for text in texts)]
        marked: dict[Callable[..., object], bytearray] = {}
        for recogniser, words in declared.items():
            hits = marked[recogniser] = bytearray(len(texts))
            words = _shortest_forms(words)
            if len(words) <= _FEW_WORDS:
                for word in words:
                    pos = joined.find(word)
                    while pos >= 0:
                        index = bisect.bisect_right(starts, pos) - 1
                        hits[index] = 1
                        pos = joined.find(word, starts[index + 1])  # the rest of the line is known
                continue
            any_word = _any_word(words)  # one scan for many words
            found = any_word.search(joined)
            while found is not None:
                index = bisect.bisect_right(starts, found.start()) - 1
                hits[index] = 1
                found = any_word.search(joined, starts[index + 1])
        if len(texts) < len(self.lines):  # from each distinct text back to every line printing it
            position = {text: k for k, text in enumerate(texts)}
            at = [position[line.text] for line in self.lines]
            for recogniser, hits in marked.items():
                marked[recogniser] = bytearray(map(hits.__getitem__, at))
        return marked

    def claim(self, line: Line, kind: PieceKind | str, payload: Any = None) -> None:
        """Give a whole line to one kind of element (a :class:`PieceKind`; an unknown kind raises ``ValueError``).

        A line a rule has split gives up its parts: the furniture recorded for a part split off it
        goes too (into :attr:`taken_back`, left out when the bulletin is built), so that no text is
        held by two elements.
        """
        parts = self.pieces[line.index]
        if len(parts) > 1 or (parts and not parts[0].whole_line):
            self.taken_back.update(p.span(self.normalized) for p in parts if p.kind == PieceKind.FURNITURE)
        piece = Piece(line, 0, len(line.text), kind, payload)
        line.kind = piece.kind
        self.pieces[line.index] = [piece]

    def span_of(self, line: Line) -> Span:
        return line.span
