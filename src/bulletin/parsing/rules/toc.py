"""Table-of-contents rule: a printed 目录 becomes TOC entries with their sections.

Everything printed before the 目录 is front matter (masthead, cover lines).
The entries end where the content starts: at the first line that repeats a
section or entry of the 目录, or at the first line that reads like body text.
"""

from __future__ import annotations

from collections.abc import Collection

import regex

from bulletin.model import Furniture, TocEntry
from bulletin.parsing.lines import Line
from bulletin.parsing.state import ParseState
from bulletin.span import Span

__all__ = ["fold_title", "folds_into", "toc_rule"]

_TOC_HEAD = regex.compile(r"(?:本期)?目\s*[录錄次]|(?i:contents?)|本期(?:导读|導讀|要目)")
_SECTION = regex.compile(r"(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[、.．]\s*(\S.{0,15})")
# leaders or a space before a page number that ends the line; only the last two characters before the
# number are looked at, so a long run of leaders costs one step per position, not one run each
_PAGE_TAIL = regex.compile(r"(?:[.·…．\s]{2}|\s)\d{1,3}$")
_FOLD = regex.compile(r"[\s\p{P}\p{S}]+")


def _without_page_tail(text: str) -> str:
    """``text`` without the page number that ends it and the leaders or spaces before it.

    >>> _without_page_tail("协会动态……12"), _without_page_tail("协会动态 12"), _without_page_tail("2024")
    ('协会动态', '协会动态', '2024')
    """
    match = _PAGE_TAIL.search(text)
    if match is None:
        return text
    start = match.start()
    while start > 0 and (text[start - 1] in ".·…．" or text[start - 1].isspace()):
        start -= 1
    return text[:start]


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


def _section_name(line: Line, following: Line | None) -> str | None:
    """The section a 目录 line names: numbered (``一、协会动态``), or a short line without a page
    number over an entry with one (``协会动态`` over ``协会召开……1``); ``None`` for an entry."""
    if line.bullet:
        return None
    numbered = _SECTION.fullmatch(line.text)
    if numbered:
        return numbered.group(1).strip()
    if (
        following is not None
        and len(line.text) <= 12
        and not _PAGE_TAIL.search(line.text)
        and _PAGE_TAIL.search(following.text) is not None
        and not _is_body(following)
    ):
        return line.text.strip()
    return None


def _is_body(line: Line) -> bool:
    return len(line.text) > 60 or line.text.endswith("。")


def toc_rule(state: ParseState) -> None:
    """Find a 目录 and claim its entries; claim what stands before it as front matter."""
    lines = [line for line in state.lines if line.kind is None]
    head = next((i for i, line in enumerate(lines) if _TOC_HEAD.fullmatch(line.text)), None)
    if head is None:
        return
    entries: list[tuple[str | None, str, Span, list[Line]]] = []
    section: str | None = None
    seen: set[str] = set()
    sections: list[Line] = []
    end = head + 1
    for end in range(head + 1, len(lines) + 1):
        if end == len(lines):
            break
        line = lines[end]
        folded = fold_title(line.text)
        if _is_body(line) or (folded in seen and entries):
            break
        name = _section_name(line, lines[end + 1] if end + 1 < len(lines) else None)
        if name is not None:
            section = name
            seen.add(fold_title(section))
            state.claim(line, "toc")
            sections.append(line)
            continue
        if entries and len(line.text) <= 3 and not line.bullet and not line.text.isdigit():
            section_, title, span, parts = entries[-1]
            entries[-1] = (section_, title + line.text, span.cover(line.span), [*parts, line])
            state.claim(line, "toc")
            continue
        if not line.bullet and entries and section is not None and len(line.text) <= 12 and not _PAGE_TAIL.search(
            line.text
        ):
            # a bare short line after the entries: the content has begun
            break
        title = _without_page_tail(line.text).strip()
        if not title:
            break
        entries.append((section, title, line.span, [line]))
        seen.add(fold_title(title))
        state.claim(line, "toc")
    if not entries:
        return
    head_line = lines[head]
    state.claim(head_line, "furniture", "toc-heading")
    state.furniture.append(Furniture(kind="toc-heading", text=head_line.text, span=head_line.span))
    for section_, title, span, _ in entries:
        state.toc.append(TocEntry(section=section_, title=title, span=span))
    for line in sections:
        state.furniture.append(Furniture(kind="toc-section", text=line.text, span=line.span))
    for line in lines[:head]:
        if line.kind is None:
            state.claim(line, "furniture", "front-matter")
            state.furniture.append(Furniture(kind="front-matter", text=line.text, span=line.span))
            if state.publication is None and regex.fullmatch(r"\p{Han}{2,12}", line.text):
                state.publication = line.text
