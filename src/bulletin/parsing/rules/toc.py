"""Table-of-contents rule: a printed table of contents becomes TOC entries with their sections.

A table of contents is found in one of its printed forms:

* under a heading (``目录``, ``本期导读``, ``本期要目``, a programme's
  ``本期节目主要内容：``; the words are data, ``data/toc.toml``);
* as an e-paper page index, ``01版：要闻`` one or more to a line;
* as a list of in-page links (``- <a href="#x">标题</a>``, ``- [标题](#x)``);
* as an unheaded numbered list under the masthead whose entries reappear
  below as headlines.

Its entries are read line by line (:mod:`~bulletin.parsing.rules.toc_walk`,
each line by :mod:`~bulletin.parsing.rules.toc_entry`) until the content
starts.  A heading with no entries (a lone ``目录`` link) is navigation, not a
table of contents.
"""

from __future__ import annotations

import functools

import regex

from bulletin.knowledge import alternation, load, with_variants
from bulletin.model import Furniture, TocEntry
from bulletin.parsing.lines import Line
from bulletin.parsing.pieces import whole_text
from bulletin.parsing.rules.toc_entry import (
    fold_title,
    folds_into,
    join_letter_spaced,
    read_entry,
    read_inline,
    read_page_index,
)
from bulletin.parsing.rules.toc_walk import is_running_text, read_contents, read_line
from bulletin.parsing.state import ParseState

__all__ = ["fold_title", "folds_into", "is_toc_heading", "toc_rule"]

_LINK_RAW = regex.compile(r"""href\s*=\s*["']#|\]\(#""")
_MIN_ENTRIES = 2
#: A heading of a table of contents is never longer than this.
_HEADING_LENGTH = 40
_LETTER_GAP = regex.compile(r"(?<=\p{Han})\s+(?=\p{Han})")
_LINK_TEXT = regex.compile(r"\[.+\]（")


@functools.cache
def _head_pattern() -> regex.Pattern[str]:
    data = load("toc")
    words = alternation(with_variants(data["headings"]["words"]))
    suffixes = alternation(with_variants(data["headings"]["suffixes"]))
    return regex.compile(
        rf"(?:{words}|[\p{{Han}}A-Za-z\d]{{0,12}}?{suffixes}(?:\s*(?i:contents?))?|(?i:contents?)(?:\s*{suffixes})?)"
        r"\s*[：:]?"
    )


@functools.cache
def _heading_ends() -> frozenset[str]:
    """The characters a heading can end with (before a colon): a heading word's or suffix's last, or
    ``contents``'s.  A line holding none of them is no heading, and is not read as one."""
    data = load("toc")
    words = with_variants(data["headings"]["words"]) | with_variants(data["headings"]["suffixes"])
    return frozenset({word[-1] for word in words} | set("tTsS"))


def _head_word(text: str) -> bool:
    """Whether a line is only a heading word (``目录``), not a longer title that ends in one."""
    compact = regex.sub(r"\s+", "", text).rstrip("：:")
    return compact in with_variants(load("toc")["headings"]["words"]) or compact.casefold() in ("contents", "content")


def is_toc_heading(text: str) -> bool:
    """Whether a line is the heading of a table of contents (letter-spacing and a colon allowed).

    >>> [is_toc_heading(t) for t in ("目  录", "本期导读", "某某日报文章目录", "本期节目主要内容：", "目录很长的一句话，")]
    [True, True, True, True, False]
    """
    compact = _LETTER_GAP.sub("", text.strip())
    return _head_pattern().fullmatch(compact) is not None


def _headed(state: ParseState) -> bool:
    """A table of contents under its heading; what stands before the heading is front matter."""
    lone: list[Line] = []
    for index, line in enumerate(state.lines):
        if line.kind is not None or len(line.text) > _HEADING_LENGTH or _heading_ends().isdisjoint(line.text):
            continue
        if not is_toc_heading(read_entry(line.text).title):
            continue
        walk = read_contents(state, index + 1)
        if len(walk.drafts) < _MIN_ENTRIES:
            if _head_word(read_entry(line.text).title):
                lone.append(line)
            continue
        walk.claim()
        state.claim(line, "furniture", "toc-heading")
        state.furniture.append(Furniture(kind="toc-heading", text=line.text, span=line.span))
        # lines still whole (a line a rule has split already keeps its parts)
        before = [other for other in state.lines[:index] if other.kind is None and whole_text(state, other) is not None]
        if not any(is_running_text(other.text) for other in before):
            for other in before:
                state.claim(other, "furniture", "front-matter")
                state.furniture.append(Furniture(kind="front-matter", text=other.text, span=other.span))
                if state.publication is None and regex.fullmatch(r"\p{Han}{2,12}", other.text):
                    state.publication = other.text
        return True
    for line in lone:  # a 目录 link with no entries under it is navigation
        state.claim(line, "furniture", "navigation")
        state.furniture.append(Furniture(kind="navigation", text=line.text, span=line.span))
    return False


def _inline(state: ParseState) -> bool:
    """A rundown printed as one paragraph: ``本期节目主要内容：1.…；2.…；`` (heading and items on one
    line), or the items on the one line under their heading."""
    previous: Line | None = None
    for line in state.lines:
        if line.kind is not None:
            continue
        entries = read_inline(line.text) if "；" in line.text or ";" in line.text else None
        if entries:
            head = entries[0][1] if entries[0][0] == "" else None
            headed = head is not None and is_toc_heading(head)
            under = head is None and previous is not None and is_toc_heading(read_entry(previous.text).title)
            if headed or under:
                state.claim(line, "toc")
                state.toc.extend(TocEntry(section=s, title=t, span=line.span) for s, t in entries if s != "")
                if under and previous is not None:
                    state.claim(previous, "furniture", "toc-heading")
                    state.furniture.append(Furniture(kind="toc-heading", text=previous.text, span=previous.span))
                return True
        previous = line
    return False


def _page_index(state: ParseState) -> bool:
    """An e-paper's page index: ``01版：要闻`` lines, the page label as section, the page name as title."""
    runs: list[list[tuple[Line, list[tuple[str, str]]]]] = [[]]
    for line in state.lines:
        pairs = None
        if line.kind in (None, "furniture") and "版" in line.text:
            pairs = read_page_index(line.text)
            if pairs is None and (line.bullet or _LINK_TEXT.match(line.text)):
                pairs = read_page_index(read_entry(line.text).title)  # - [01版：要闻](…)
        if pairs is None:
            if line.kind is None and runs[-1]:
                runs.append([])
            continue
        runs[-1].append((line, pairs))
    names: set[str] = set()
    for run in runs:
        if sum(len(pairs) for _, pairs in run) < _MIN_ENTRIES:
            continue
        for line, pairs in run:
            if line.kind == "furniture":
                state.furniture[:] = [f for f in state.furniture if f.span != line.span]
            state.claim(line, "toc")
            state.toc.extend(TocEntry(section=label, title=name, span=line.span) for label, name in pairs)
            names.update(name for _, name in pairs)
    for line in state.lines:  # a page's name printed over its page is furniture, not a headline
        if line.kind is None and join_letter_spaced(line.text) in names:
            state.claim(line, "furniture", "page-name")
            state.furniture.append(Furniture(kind="page-name", text=line.text, span=line.span))
    return bool(names)


def _links(state: ParseState) -> bool:
    """A list of in-page links (a generated table of contents)."""
    for index, line in enumerate(state.lines):
        if line.kind is not None or not _LINK_RAW.search(line.raw):
            continue
        walk = read_contents(state, index)
        linked = sum(1 for d in walk.drafts if _LINK_RAW.search(d.lines[0].raw))
        if linked >= _MIN_ENTRIES:
            walk.claim()
            return True
    return False


def _reappears(entry: str, later: set[str]) -> bool:
    """Whether a folded entry is printed again as a headline: the same, or one the entry extends
    with a subtitle (``主题——副题`` listed, ``主题`` printed)."""
    if entry in later:
        return True
    return any(len(title) >= 6 and (entry.startswith(title) or title.startswith(entry)) for title in later)


def _unheaded(state: ParseState) -> bool:
    """A numbered list under the masthead whose entries reappear below as headlines."""
    for index, line in enumerate(state.lines):
        if line.kind is not None:
            continue
        if is_running_text(line.text):
            return False  # the list stands before any text
        entry = read_line(line)
        if entry.number != 1 or len(line.text) > 50:
            continue
        walk = read_contents(state, index)
        numbered = [d for d in walk.drafts if d.entry.number is not None]
        if len(numbered) < 3:
            continue
        last = walk.drafts[-1].lines[-1].index
        later = {fold_title(read_line(other).title) for other in state.lines[last + 1 :] if other.kind is None}
        again = sum(1 for d in walk.drafts if _reappears(fold_title(d.entry.title), later))
        if again >= 2 and 2 * again >= len(walk.drafts):
            walk.claim()
            return True
        return False
    return False


def toc_rule(state: ParseState) -> None:
    """Find the table of contents in whichever form it is printed and claim its lines."""
    _page_index(state)
    if not _inline(state) and not _headed(state) and not _links(state):
        _unheaded(state)
