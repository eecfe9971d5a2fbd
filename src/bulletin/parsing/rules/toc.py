"""Table-of-contents rule: a printed table of contents becomes TOC entries with their sections.

A table of contents is found in one of its printed forms:

* under a heading (``目录``, ``本期导读``, ``本期要目``, a programme's
  ``本期节目主要内容：``; the words are data, ``data/toc.toml``);
* as an e-paper page index, ``01版：要闻`` one or more to a line;
* as a list of in-page links (``- <a href="#x">标题</a>``, ``- [标题](#x)``);
* as an unheaded numbered list under the masthead whose entries reappear
  below as headlines.

Its entries are read line by line (:mod:`~bulletin.parsing.rules.toc_entry`)
and end where the content starts: at a closing stamp (``（《某某新闻》 20240105
19:00）``), a markdown heading, a line that repeats an entry, a line that
reads like body text, or a line that fits none of the entries' forms.  A
heading with no entries (a lone ``目录`` link) is not a table of contents.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence

import attrs
import regex

from bulletin.knowledge import alternation, load, with_variants
from bulletin.model import Furniture, TocEntry
from bulletin.parsing.lines import Line
from bulletin.parsing.rules.toc_entry import EntryLine, read_entry, read_page_index
from bulletin.parsing.state import ParseState

__all__ = ["fold_title", "folds_into", "is_toc_heading", "toc_rule"]

_FOLD = regex.compile(r"[\s\p{P}\p{S}]+")
# a stamp that closes a programme's rundown: （《某某新闻》 20240105 19:00）
_STAMP = regex.compile(r"[（(〔【\[](?=[^）)〕】\]]*\d).{2,40}[）)〕】\]]")
_HEADWORD_LINE = regex.compile(r"[\p{Han}A-Za-z\d]{0,12}")
_LINK_RAW = regex.compile(r"""href\s*=\s*["']#|\]\(#""")
_MIN_ENTRIES = 2


def fold_title(text: str) -> str:
    """Fold a title for matching 目录 entries against headlines (no spaces, punctuation or marks).

    >>> fold_title("中共中央办公厅 国务院办公厅关于…的意见") == fold_title("中共中央办公厅国务院办公厅关于…的意见")
    True
    """
    return _FOLD.sub("", text).casefold()


def folds_into(text: str, folded: Collection[str]) -> bool:
    """Whether ``fold_title(text)`` is one of ``folded`` (titles folded already); cheap when there are none.

    >>> folds_into("市委 召开全会", {"市委召开全会"}), folds_into("市委召开全会", set())
    (True, False)
    """
    return bool(folded) and fold_title(text) in folded


@functools.cache
def _head_pattern() -> regex.Pattern[str]:
    data = load("toc")
    words = alternation(with_variants(data["headings"]["words"]))
    suffixes = alternation(with_variants(data["headings"]["suffixes"]))
    return regex.compile(
        rf"(?:{words}|[\p{{Han}}A-Za-z\d]{{0,12}}?{suffixes}(?:\s*(?i:contents?))?|(?i:contents?)(?:\s*{suffixes})?)"
        r"\s*[：:]?"
    )


def is_toc_heading(text: str) -> bool:
    """Whether a line is the heading of a table of contents (letter-spacing and a colon allowed).

    >>> [is_toc_heading(t) for t in ("目  录", "本期导读", "某某日报文章目录", "本期节目主要内容：", "目录很长的一句话，")]
    [True, True, True, True, False]
    """
    compact = regex.sub(r"(?<=\p{Han})\s+(?=\p{Han})", "", text.strip())
    return _head_pattern().fullmatch(compact) is not None


def _is_body(text: str) -> bool:
    """A line of running text, which no table of contents prints."""
    return len(text) > 60 or (text.endswith(("。", "！", "？")) and len(text) > 24 and "，" in text)


def _open_link(raw: str) -> bool:
    """Whether a link opened on this line is closed on a later one (a wrapped entry)."""
    return raw.count("<a ") > raw.count("</a>")


@attrs.define
class _Draft:
    section: str | None
    lines: list[Line]
    entry: EntryLine

    def text(self) -> str:
        parts = [self.lines[0].text]
        for line in self.lines[1:]:
            glue = " " if regex.match(r"[A-Za-z\d]", line.text) and regex.search(r"[A-Za-z\d]$", parts[-1]) else ""
            parts.append(glue + line.text)
        return "".join(parts)


@attrs.define
class _Walk:
    """Reading the entries of one table of contents, line by line."""

    state: ParseState
    lines: Sequence[Line]
    drafts: list[_Draft] = attrs.field(factory=list)
    sections: list[Line] = attrs.field(factory=list)
    stamp: Line | None = None
    section: str | None = None
    sub_section: str | None = None
    top_style: str | None = None
    last_number: int | None = None
    seen: set[str] = attrs.field(factory=set)

    def next_line(self, k: int) -> Line | None:
        return self.lines[k + 1] if k + 1 < len(self.lines) else None

    def in_sequence(self, entry: EntryLine) -> bool:
        """Whether a numbered line goes on with the entries' running number."""
        if entry.number is None or entry.style != self.top_style:
            return False
        return self.last_number is None or entry.number == self.last_number + 1

    def continues(self, line: Line, entry: EntryLine) -> bool:
        """Whether ``line`` is the rest of the entry above it, wrapped."""
        if not self.drafts or entry.number is not None or line.heading_level:
            return False
        last = self.drafts[-1]
        if _open_link(last.lines[-1].raw):
            return True
        if line.bullet:
            return False
        if last.entry.open_end and last.entry.style == self.top_style:
            return True  # 12.海外华侨华人： / 中华民族伟大复兴是中华儿女共同期盼；
        if len(line.text) <= 3 and not line.text.isdigit():
            return True  # a dangling tail: …的通 / 知
        return not last.entry.closed and self.closes_entries() and (entry.closed or entry.paged)

    def closes_entries(self) -> bool:
        """Whether the entries so far end in ``；``, ``。`` or a page number (so an open one is wrapped)."""
        closed = sum(1 for d in self.drafts if d.entry.closed)
        return closed >= 1 and closed >= len(self.drafts) - 1

    def section_name(self, line: Line, entry: EntryLine, following: Line | None) -> str | None:
        """The section a line names: a numbered heading over entries of another form (``一、协会动态``
        over bullets), or a short line without a page number over an entry with one."""
        if line.bullet or entry.paged or following is None:
            return None
        nxt = read_entry(following.text)
        if entry.number is not None:
            if len(entry.title) > 16 or entry.open_end or (nxt.number is not None and nxt.style == entry.style):
                return None
            return entry.title if self.top_style in (None, entry.style) and not self.drafts_of(entry.style) else None
        if entry.number is None and len(line.text) <= 12 and nxt.paged and not _is_body(following.text):
            return entry.title
        return None

    def drafts_of(self, style: str | None) -> bool:
        return any(d.entry.style == style for d in self.drafts)

    def run(self) -> None:
        for k, line in enumerate(self.lines):
            if line.kind is not None:
                continue
            if not self.step(k, line):
                break

    def step(self, k: int, line: Line) -> bool:
        """Read one line; ``False`` when the contents end before it."""
        text = line.text
        if line.heading_level and (self.drafts or not line.bullet):
            return False
        entry = read_entry(text)
        if self.drafts and _STAMP.fullmatch(text) and entry.number is None and not entry.link:
            self.stamp = line
            return False
        if self.continues(line, entry):
            self.drafts[-1].lines.append(line)
            self.drafts[-1].entry = read_entry(self.drafts[-1].text())
            return True
        in_sequence = self.in_sequence(entry)
        if not in_sequence:
            if _is_body(text) or (self.drafts and fold_title(entry.title) in self.seen):
                return False
            following = self.next_line_unclaimed(k)
            if following is not None and _is_body(following.text) and not entry.paged:
                return False  # a headline over its text: the content has begun
        if not entry.title:
            return False
        name = None if in_sequence else self.section_name(line, entry, self.next_line_unclaimed(k))
        if name is not None:
            self.section, self.sub_section = name, None
            self.sections.append(line)
            self.seen.add(fold_title(name))
            return True
        if not self.accepts(line, entry, in_sequence):
            return False
        section = self.section
        if entry.number is None or entry.style == self.top_style:
            self.sub_section = None
        elif self.sub_section is not None:
            section = self.sub_section
        self.drafts.append(_Draft(section=section, lines=[line], entry=entry))
        self.seen.add(fold_title(entry.title))
        if entry.number is not None and (self.top_style is None or entry.style == self.top_style):
            self.top_style, self.last_number = entry.style, entry.number
            following = self.next_line_unclaimed(k)
            if entry.open_end and following is not None:
                nxt = read_entry(following.text)
                if nxt.number is not None and nxt.style != entry.style:
                    self.sub_section = entry.title  # 10.国内快讯： over （1）… sub-entries
        return True

    def accepts(self, line: Line, entry: EntryLine, in_sequence: bool) -> bool:
        """Whether a line that is neither a section nor a wrap is one more entry."""
        if in_sequence or not self.drafts:
            return True
        if entry.number is not None:
            return entry.style != self.top_style or self.sub_section is not None or self.top_style is None
        if self.top_style is not None and self.sub_section is None and not (line.bullet or entry.paged or entry.link):
            return False  # an unnumbered line after numbered entries: the content has begun
        # a bare short line after paged entries: the content has begun
        return not (
            not line.bullet
            and self.section is not None
            and len(line.text) <= 12
            and not entry.paged
            and any(d.entry.paged for d in self.drafts)
        )

    def next_line_unclaimed(self, k: int) -> Line | None:
        for line in self.lines[k + 1 :]:
            if line.kind is None:
                return line
        return None

    def entries(self) -> list[TocEntry]:
        out = []
        for draft in self.drafts:
            span = draft.lines[0].span
            for line in draft.lines[1:]:
                span = span.cover(line.span)
            out.append(TocEntry(section=draft.section, title=draft.entry.title, span=span))
        return out

    def claim(self) -> None:
        for draft in self.drafts:
            for line in draft.lines:
                self.state.claim(line, "toc")
        for line in self.sections:
            self.state.claim(line, "toc")
            self.state.furniture.append(Furniture(kind="toc-section", text=line.text, span=line.span))
        if self.stamp is not None:
            self.state.claim(self.stamp, "furniture", "toc-stamp")
            self.state.furniture.append(Furniture(kind="toc-stamp", text=self.stamp.text, span=self.stamp.span))
        self.state.toc.extend(self.entries())


def _walk(state: ParseState, start: int) -> _Walk:
    walk = _Walk(state, state.lines[start:])
    walk.run()
    return walk


def _headed(state: ParseState) -> bool:
    """A table of contents under its heading; what stands before the heading is front matter."""
    for index, line in enumerate(state.lines):
        if line.kind is not None or not is_toc_heading(line.text):
            continue
        walk = _walk(state, index + 1)
        if len(walk.drafts) < _MIN_ENTRIES:
            continue
        walk.claim()
        state.claim(line, "furniture", "toc-heading")
        state.furniture.append(Furniture(kind="toc-heading", text=line.text, span=line.span))
        before = [other for other in state.lines[:index] if other.kind is None]
        if not any(_is_body(other.text) for other in before):
            for other in before:
                state.claim(other, "furniture", "front-matter")
                state.furniture.append(Furniture(kind="front-matter", text=other.text, span=other.span))
                if state.publication is None and regex.fullmatch(r"\p{Han}{2,12}", other.text):
                    state.publication = other.text
        return True
    return False


def _page_index(state: ParseState) -> bool:
    """An e-paper's page index: ``01版：要闻`` lines, the page label as section, the page name as title."""
    runs: list[list[tuple[Line, list[tuple[str, str]]]]] = [[]]
    for line in state.lines:
        pairs = read_page_index(line.text) if line.kind in (None, "furniture") else None
        if pairs is None:
            if line.kind is None and runs[-1]:
                runs.append([])
            continue
        runs[-1].append((line, pairs))
    found = False
    for run in runs:
        if sum(len(pairs) for _, pairs in run) < _MIN_ENTRIES:
            continue
        found = True
        for line, pairs in run:
            if line.kind == "furniture":
                state.furniture[:] = [f for f in state.furniture if f.span != line.span]
            state.claim(line, "toc")
            state.toc.extend(TocEntry(section=label, title=name, span=line.span) for label, name in pairs)
    return found


def _links(state: ParseState) -> bool:
    """A list of in-page links (a generated table of contents)."""
    for index, line in enumerate(state.lines):
        if line.kind is not None or not _LINK_RAW.search(line.raw):
            continue
        walk = _walk(state, index)
        linked = sum(1 for d in walk.drafts if _LINK_RAW.search(d.lines[0].raw))
        if linked >= _MIN_ENTRIES:
            walk.claim()
            return True
    return False


def _unheaded(state: ParseState) -> bool:
    """A numbered list under the masthead whose entries reappear below as headlines."""
    for index, line in enumerate(state.lines):
        if line.kind is not None:
            continue
        if _is_body(line.text):
            return False  # the list stands before any text
        entry = read_entry(line.text)
        if entry.number != 1 or len(line.text) > 50:
            continue
        walk = _walk(state, index)
        numbered = [d for d in walk.drafts if d.entry.number is not None]
        if len(numbered) < 3:
            continue
        last = walk.drafts[-1].lines[-1].index
        later = {fold_title(read_entry(other.text).title) for other in state.lines[last + 1 :] if other.kind is None}
        again = sum(1 for d in walk.drafts if fold_title(d.entry.title) in later)
        if again >= 2 and 2 * again >= len(walk.drafts):
            walk.claim()
            return True
        return False
    return False


def toc_rule(state: ParseState) -> None:
    """Find the table of contents in whichever form it is printed and claim its lines."""
    _page_index(state)
    if not _headed(state) and not _links(state):
        _unheaded(state)
