"""Reading the entries of a table of contents line by line, until the content starts.

The reader keeps what the entries so far show: their numbering style and
running number, the section they stand under (``一、协会动态`` over bullets, a
short line over paged entries, ``10.国内快讯：`` over ``（1）…``), and whether
they end in ``；`` or a page number, so that an entry left open is known to
wrap onto the next line.  It stops at a closing stamp (``（《某某新闻》 20240105
19:00）``), a markdown heading, a line that repeats an entry, a line that reads
like body text or a headline over it, or a line that fits none of the
entries' forms.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from bulletin.model import Furniture, TocEntry
from bulletin.parsing.lines import Line, fragment_text
from bulletin.parsing.rules.toc_entry import (
    EntryLine,
    fold_title,
    is_page_numbers,
    read_entry,
    split_side_by_side,
)
from bulletin.parsing.state import ParseState

__all__ = ["ContentsWalk", "entry_text", "is_running_text", "read_contents", "read_line"]

# a stamp that closes a programme's rundown: （《某某新闻》 20240105 19:00）
_STAMP = regex.compile(r"[（(〔【\[](?=[^）)〕】\]]*\d).{2,40}[）)〕】\]]")
_LEAD_NUMBER = regex.compile(r"[ \t\u3000]*(\d{1,3})[ \t\u3000]+\S")


def is_running_text(text: str) -> bool:
    """A line of running text, which no table of contents prints.

    >>> is_running_text("青岚县昨天启动秋季助农行动，全县干部群众纷纷参与，帮助农户抢收晚稻。"), is_running_text("临江港吞吐量创新高")
    (True, False)
    """
    return len(text) > 60 or (text.endswith(("。", "！", "？")) and len(text) > 24 and "，" in text)


def entry_text(line: Line) -> str:
    """A contents line's text, with the space the input prints after a leading page number
    (normalising joins ``04  春风化雨`` into ``04春风化雨``)."""
    text = line.text
    lead = _LEAD_NUMBER.match(line.raw)
    if lead and text.startswith(lead.group(1)) and not text[len(lead.group(1)) :][:1].isdigit():
        return f"{lead.group(1)} {text[len(lead.group(1)) :]}"
    return text


def read_line(line: Line) -> EntryLine:
    """Read a contents line (see :func:`entry_text`)."""
    return read_entry(entry_text(line))


def _open_link(raw: str) -> bool:
    """Whether a link opened on this line is closed on a later one (a wrapped entry)."""
    return raw.count("<a ") > raw.count("</a>")


@attrs.define
class _Draft:
    section: str | None
    lines: list[Line]
    entry: EntryLine
    texts: list[str] = attrs.field(factory=list)

    def add(self, line: Line) -> None:
        """The entry wraps onto ``line``."""
        self.lines.append(line)
        glue = " " if regex.match(r"[A-Za-z\d]", line.text) and regex.search(r"[A-Za-z\d]$", self.texts[-1]) else ""
        self.texts.append(glue + line.text)
        self.entry = read_entry("".join(self.texts))


@attrs.define
class ContentsWalk:
    """Reading the entries of one table of contents, line by line."""

    state: ParseState
    lines: Sequence[Line]
    drafts: list[_Draft] = attrs.field(factory=list)
    sections: list[Line] = attrs.field(factory=list)
    stamp: Line | None = None
    pages: list[Line] = attrs.field(factory=list)
    section: str | None = None
    sub_section: str | None = None
    top_style: str | None = None
    last_number: int | None = None
    seen: set[str] = attrs.field(factory=set)

    def in_sequence(self, entry: EntryLine) -> bool:
        """Whether a numbered line goes on with the entries' running number."""
        if entry.number is None or entry.style != self.top_style:
            return False
        if entry.style == "page":
            return self.last_number is None or entry.number >= self.last_number
        return self.last_number is None or entry.number == self.last_number + 1

    def continues(self, line: Line, entry: EntryLine, following: Line | None) -> bool:
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
        if (
            self.top_style is not None
            and last.entry.style == self.top_style
            and not last.entry.closed
            and following is not None
            and self.in_sequence(read_line(following))
            and not is_running_text(line.text)
        ):
            return True  # an unnumbered line between item 2 and item 3 is the rest of item 2
        if last.entry.closed or not (entry.closed or entry.paged):
            return False
        # a long title without its page number, whose page number comes on the next line with the rest
        return self.closes_entries() or (entry.paged and len(last.entry.title) >= 15)

    def closes_entries(self) -> bool:
        """Whether the entries so far end in ``；``, ``。`` or a page number (so an open one is wrapped)."""
        closed = sum(1 for d in self.drafts if d.entry.closed)
        return closed >= 1 and closed >= len(self.drafts) - 1

    def section_name(self, line: Line, entry: EntryLine, following: Line | None) -> str | None:
        """The section a line names: a numbered heading over entries of another form (``一、协会动态``
        over bullets), or a short line without a page number over an entry with one."""
        if line.bullet or entry.paged or following is None or is_page_numbers(following.text):
            return None  # a line over its page number, printed apart, is an entry
        nxt = read_line(following)
        if entry.number is not None:
            if len(entry.title) > 16 or entry.open_end or (nxt.number is not None and nxt.style == entry.style):
                return None
            return entry.title if self.top_style in (None, entry.style) and not self.drafts_of(entry.style) else None
        if entry.number is None and len(line.text) <= 12 and nxt.paged and not is_running_text(following.text):
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
        if is_page_numbers(text):
            self.pages.append(line)  # a page number printed apart from its entry
            if self.drafts:
                self.drafts[-1].entry = attrs.evolve(self.drafts[-1].entry, paged=True, closed=True)
            return True
        entry = read_line(line)
        if self.drafts and _STAMP.fullmatch(text) and entry.number is None and not entry.link:
            self.stamp = line
            return False
        if self.continues(line, entry, self.next_line_unclaimed(k)):
            self.drafts[-1].add(line)
            return True
        in_sequence = self.in_sequence(entry)
        if not in_sequence:
            side_by_side = entry.paged and len(split_side_by_side(line.raw.strip())) > 1
            if (is_running_text(text) and not side_by_side) or (self.drafts and fold_title(entry.title) in self.seen):
                return False
            following = self.next_line_unclaimed(k)
            if following is not None and is_running_text(following.text) and not entry.paged:
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
        # the input keeps the spaces between entries side by side that normalising takes out after a number
        parts = [fragment_text(part) for part in split_side_by_side(line.raw.strip())] if entry.paged else [text]
        if len(parts) > 1:  # entries printed side by side: one line, several entries
            for part in parts:
                self.drafts.append(_Draft(section=section, lines=[line], entry=read_entry(part), texts=[part]))
        else:
            self.drafts.append(_Draft(section=section, lines=[line], entry=entry, texts=[entry_text(line)]))
        self.seen.update(fold_title(d.entry.title) for d in self.drafts[-len(parts) :])
        if entry.number is not None and (self.top_style is None or entry.style == self.top_style):
            self.top_style, self.last_number = entry.style, entry.number
            following = self.next_line_unclaimed(k)
            if entry.open_end and following is not None:
                nxt = read_line(following)
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
        """Claim the lines read and record the entries."""
        for draft in self.drafts:
            for line in draft.lines:
                self.state.claim(line, "toc")
        for line in self.sections:
            self.state.claim(line, "toc")
            self.state.furniture.append(Furniture(kind="toc-section", text=line.text, span=line.span))
        for line in self.pages:
            self.state.claim(line, "furniture", "page-number")
            self.state.furniture.append(Furniture(kind="page-number", text=line.text, span=line.span))
        if self.stamp is not None:
            self.state.claim(self.stamp, "furniture", "toc-stamp")
            self.state.furniture.append(Furniture(kind="toc-stamp", text=self.stamp.text, span=self.stamp.span))
        self.state.toc.extend(self.entries())


def read_contents(state: ParseState, start: int) -> ContentsWalk:
    """Read the entries of a table of contents from line ``start`` on (nothing is claimed yet)."""
    walk = ContentsWalk(state, state.lines[start:])
    walk.run()
    return walk
