"""Furniture rule: page numbers, issue lines, notices and web navigation residue are not articles.

The patterns are data (``data/furniture.toml``); this rule claims every line
that one of them matches whole, reads the issue date off issue lines such as
``2024年11月刊``, and treats short lines repeated three times or more as
running headers.  A page label printed at the start of a line of text
(``第2版(要闻)本报讯…``) and content-system residue glued after the text
(``…举行。 content_12345.html -->``) are split off the line.  Every kind is
a :class:`~bulletin.model.FurnitureKind`.
"""

from __future__ import annotations

import calendar
import functools
from collections import Counter

import regex

from bulletin.knowledge import load
from bulletin.model import Furniture, FurnitureKind, IssueDate
from bulletin.parsing.lines import Line
from bulletin.parsing.pieces import first_text, last_text, split_leading, split_trailing, whole_text
from bulletin.parsing.state import ParseState, Piece
from bulletin.recognize.common import memoized
from bulletin.recognize.source import match_publication_name

__all__ = ["furniture_kind", "furniture_rule", "is_leading_issue_line"]

_ISSUE_DATE = regex.compile(r"(\d{4})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]?(?:\s*(\d{1,2})\s*[日号號]?)?")
_TERMINAL = regex.compile(r"[。！？；!?;]$")
_INKED = regex.compile(r"[\p{Han}\p{L}]")  # a line of words, not a rule of dashes or a number
_ENCLOSED = regex.compile(r"[（(【\[〔]")  # a bracketed line is a credit or source, not a running header
_RESIDUE_REACH = 240
#: A breadcrumb's page name before the title on one line: ``頭條要聞 〉 標題``.
_CRUMB_MARKS = "〉＞»›"
_LEADING_CRUMB = regex.compile(rf"(?:[^\s〉>＞»›]{{2,10}}\s*[{_CRUMB_MARKS}]\s*){{1,3}}(?=\S)")
#: A date alone under the headline at the top of a page is the page's date stamp (a date alone at the
#: end of a document signs it, and stays body).
_TOP_DATE = regex.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-./]\d{1,2}[-./]\d{1,2}")
_TOP_LINES = 3
_LEADING_LABEL = regex.compile(r"第\s*[A-Za-z]?\d{1,3}\s*版\s*[（(][^（）()]{1,10}[）)]")
_TRAILING_RESIDUE = regex.compile(
    r"[\s|｜]*+(?:[\x21-\x7e]{0,120}content_\d{3,}\.s?html?[\x21-\x7e]{0,60}(?:[\s|｜]*-->)?|-->)[\s|｜]*$"
)


@functools.cache
def _patterns() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    data = load("furniture")
    compiled = []
    for kind, spec in data["kinds"].items():
        alternation = "|".join(f"(?:{p})" for p in spec["patterns"])
        compiled.append((kind, regex.compile(alternation)))
    return tuple(compiled)


@functools.cache
def _any_pattern() -> regex.Pattern[str]:
    """Every kind's patterns in one alternation, to rule most lines out with one match.

    An alternation matches a whole line exactly when one of its alternatives does.
    """
    return regex.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in _patterns()))


@memoized
def furniture_kind(text: str) -> FurnitureKind | None:
    """The kind of furniture a whole line is, or ``None``.

    >>> [str(furniture_kind(t)) for t in ("2024年11月刊", "内部资料 免费交流", "上一篇：新闻")]
    ['issue-line', 'notice', 'navigation']
    >>> furniture_kind("市委书记王明主持会议。") is None
    True
    """
    if not _any_pattern().fullmatch(text):
        return None
    for kind, pattern in _patterns():
        if pattern.fullmatch(text):
            return FurnitureKind(kind)
    return None


@functools.cache
def _leading_pattern() -> regex.Pattern[str]:
    return regex.compile("|".join(f"(?:{p})" for p in load("furniture")["leading"]["patterns"]))


def is_leading_issue_line(text: str) -> bool:
    """Whether a line names the issue when it stands before the first headline: a bare date,
    a page label, a weekday.

    >>> [is_leading_issue_line(t) for t in ("2031-04-17", "第 2 版", "二〇三一年四月十七日 星期四", "市委召开全会")]
    [True, True, True, False]
    """
    return _leading_pattern().fullmatch(text.strip()) is not None


def _leading_lines(state: ParseState) -> None:
    """Stray lines before the first headline (a date, a page label, the masthead over them) are the
    issue's furniture, not an untitled article that swallows what follows."""
    block: list[tuple[Line, str]] = []
    dated = False
    for line in state.lines:
        if line.kind == "furniture":
            dated = True
            continue
        if line.kind is not None or whole_text(state, line) is None:
            break  # a line a rule has split already keeps its parts
        if is_leading_issue_line(line.text):
            block.append((line, "issue-line"))
            dated = True
        elif len(line.text) <= 16 and match_publication_name(line.text) is not None:
            block.append((line, "masthead"))
        else:
            break
    if not dated:
        return
    for line, kind in block:
        state.claim(line, "furniture", kind)
        state.furniture.append(Furniture(kind=kind, text=line.text, span=line.span))
        if kind == "masthead" and state.publication is None:
            state.publication = line.text.strip("《》")
        elif state.issue_date is None:
            state.issue_date = _issue_date(line.text)


def _issue_date(text: str) -> IssueDate | None:
    match = _ISSUE_DATE.search(text)
    if not match:
        return None
    year, month, day = int(match.group(1)), int(match.group(2)), match.group(3)
    if not 1 <= month <= 12 or not 1800 <= year <= 2999:
        return None
    real = day is not None and 1 <= int(day) <= calendar.monthrange(year, month)[1]
    return IssueDate(year=year, month=month, day=int(day) if real else None)


def _split_edges(state: ParseState) -> None:
    """Split a leading page label or breadcrumb and trailing content-system residue off lines of text."""
    for line in state.lines:
        if line.kind is not None:
            continue
        piece = first_text(state, line)
        crumb = (
            _LEADING_CRUMB.match(line.text)
            if piece is not None and piece.start == 0 and any(mark in line.text for mark in _CRUMB_MARKS)
            else None
        )
        if piece is not None and crumb is not None and line.text[crumb.end() :].strip():
            split_leading(state, piece, crumb.end(), "furniture", FurnitureKind.NAVIGATION, crumb.end())
            _record(state, state.pieces[line.index][0])
            piece = first_text(state, line)
        if piece is not None and piece.start == 0 and line.text.startswith("第"):
            label = _LEADING_LABEL.match(line.text)
            if label is not None and line.text[label.end() :].strip():
                body = len(line.text) - len(line.text[label.end() :].lstrip())
                split_leading(state, piece, label.end(), "furniture", FurnitureKind.PAGE_LABEL, body)
                _record(state, state.pieces[line.index][0])
        piece = last_text(state, line)
        if piece is not None and ("-->" in line.text or "content_" in line.text):
            # the residue is short and at the end: look only there (a search over a long line
            # would try the pattern at every character)
            residue = _TRAILING_RESIDUE.search(line.text, max(piece.start, piece.end - _RESIDUE_REACH), piece.end)
            if residue is not None and residue.start() > piece.start and line.text[piece.start : residue.start()].strip():
                split_trailing(state, piece, residue.start(), "furniture", FurnitureKind.CMS_RESIDUE)
                _record(state, state.pieces[line.index][-1])


_FRONT_MATTER_FENCE = regex.compile(r"-{3,}")
_FRONT_MATTER_FIELD = regex.compile(r"(?P<key>[A-Za-z_][A-Za-z0-9_-]{0,30})\s*[：:]")
_FRONT_MATTER_LINES = 60


def _front_matter(state: ParseState) -> None:
    """A YAML front-matter block (``---`` … ``---``) at the top is furniture, field by field.

    Its ``title:`` is the headline only where the text prints no other one
    (no Markdown heading follows): then only the key is furniture.
    """
    lines = state.lines
    if not lines or not _FRONT_MATTER_FENCE.fullmatch(lines[0].text):
        return
    close = next(
        (k for k in range(1, min(len(lines), _FRONT_MATTER_LINES)) if _FRONT_MATTER_FENCE.fullmatch(lines[k].text)), None
    )
    if close is None:
        return
    headed = any(line.heading_level for line in lines[close + 1 :])
    for line in lines[1:close]:
        piece = first_text(state, line)
        field = _FRONT_MATTER_FIELD.match(line.text)
        if line.kind is not None or piece is None or not piece.whole_line:
            continue
        if field is not None and field.group("key").lower() == "title" and not headed:
            value = len(line.text) - len(line.text[field.end() :].lstrip(" \t\"'“”"))
            if line.text[value:].strip(" \t\"'“”"):
                split_leading(state, piece, field.end(), "furniture", FurnitureKind.FRONT_MATTER, value)
                _record(state, state.pieces[line.index][0])
                continue
        state.claim(line, "furniture", FurnitureKind.FRONT_MATTER)
        state.furniture.append(Furniture(kind=FurnitureKind.FRONT_MATTER, text=line.text, span=line.span))


_SIDEBAR_ENDINGS = (
    "小檔案", "小档案", "事件簿", "大事記", "大事记", "管道", "檔案", "档案", "小知識", "小知识", "小贴士", "小貼士",
    "知多少", "背景資料", "背景资料", "一覽表", "一览表", "時間表", "时间表", "懶人包", "懒人包",
)
_SIDEBAR_HEAD = regex.compile(rf"[\p{{Han}}A-Za-z0-9·]{{1,14}}(?:{'|'.join(_SIDEBAR_ENDINGS)})")
_SIDEBAR_BULLETS = "★☆◎●◆◇■□▲△※•"
_SIDEBAR_ITEM = regex.compile(rf"[{_SIDEBAR_BULLETS}]\s*\S.*")
_SIDEBAR_SOURCE_WORDS = ("資料來源", "资料来源", "資料提供", "资料提供", "整理", "製表", "制表")
_SIDEBAR_SOURCE = regex.compile(rf"(?:{'|'.join(_SIDEBAR_SOURCE_WORDS)})\s*[：:].{{0,60}}")


def _sidebar_head(text: str) -> bool:
    return text.endswith(_SIDEBAR_ENDINGS) and _SIDEBAR_HEAD.fullmatch(text) is not None


def _sidebar_member(text: str) -> bool:
    """A bulleted line of a box, or its ``資料來源：`` line (each tested first by its mark or word)."""
    if text[:1] in _SIDEBAR_BULLETS:
        return _SIDEBAR_ITEM.fullmatch(text) is not None
    return _sidebar_source(text)


def _sidebar_source(text: str) -> bool:
    return text.startswith(_SIDEBAR_SOURCE_WORDS) and _SIDEBAR_SOURCE.fullmatch(text) is not None


def _sidebars(state: ParseState) -> None:
    """Fact boxes, timelines and help boxes: a box heading (``某某小檔案``, ``某某事件簿``) over
    bulleted lines (``★…``, ``◎…``) and a ``資料來源：`` line; also bulleted lines closed by such a line."""
    lines = state.lines
    i = 0
    while i < len(lines):
        line = lines[i]
        headed = line.kind is None and _sidebar_head(line.text)
        start = i + 1 if headed else i
        j = start
        while j < len(lines) and lines[j].kind is None and _sidebar_member(lines[j].text):
            j += 1
        items = lines[start:j]
        closed = bool(items) and _sidebar_source(items[-1].text)
        if (headed and items) or (len(items) >= 3 and closed):
            for member in lines[i:j]:
                state.claim(member, "furniture", FurnitureKind.SIDEBAR)
                state.furniture.append(Furniture(kind=FurnitureKind.SIDEBAR, text=member.text, span=member.span))
            i = j
            continue
        i += 1


#: How many linked titles a ``相关阅读：`` heading can list.
_CROSS_REFERENCE_LINES = 6
_LINKED_TITLE = regex.compile(r"(?=.{2,60}$)[^。！？!?]*[^。！？!?：:，,]")


def _cross_reference_blocks(state: ParseState) -> None:
    """The titles a ``相关阅读：`` heading lists (an embedded link under it) are furniture with it."""
    lines = state.lines
    for i, line in enumerate(lines):
        payload = state.pieces[line.index][0].payload if line.kind == "furniture" else None
        if payload != FurnitureKind.CROSS_REFERENCE or not line.text.endswith(("：", ":")):
            continue
        for following in lines[i + 1 : i + 1 + _CROSS_REFERENCE_LINES]:
            if following.kind is not None or following.blank_before > 1 or not _LINKED_TITLE.fullmatch(following.text):
                break
            state.claim(following, "furniture", FurnitureKind.CROSS_REFERENCE)
            state.furniture.append(
                Furniture(kind=FurnitureKind.CROSS_REFERENCE, text=following.text, span=following.span)
            )


def _top_date(state: ParseState) -> None:
    """A date alone among the first lines, under a headline, is the page's date stamp."""
    for line in state.lines[1:_TOP_LINES]:
        above = state.lines[line.index - 1]
        if line.kind is None and _TOP_DATE.fullmatch(line.text) and "。" not in above.text:
            state.claim(line, "furniture", FurnitureKind.DATE_STAMP)
            state.furniture.append(Furniture(kind=FurnitureKind.DATE_STAMP, text=line.text, span=line.span))
            if state.issue_date is None:
                state.issue_date = _issue_date(line.text)
            return


def _record(state: ParseState, piece: Piece) -> None:
    state.furniture.append(Furniture(kind=piece.payload, text=piece.text, span=piece.span(state.normalized)))


def _faux_bold(state: ParseState) -> None:
    """A line the text layer prints twice in a row (a PDF's bold overprint) is read once: the copy
    is furniture, so its text keeps its span and stays out of the article."""
    previous = None
    for line in state.lines:
        if line.kind is not None:
            previous = None
            continue
        if previous is not None and not line.blank_before and line.text == previous.text and _INKED.search(line.text):
            state.claim(line, "furniture", "faux-bold")
            state.furniture.append(Furniture(kind="faux-bold", text=line.text, span=line.span))
            continue  # a third print is a copy of the same line
        previous = line


def furniture_rule(state: ParseState) -> None:
    """Claim furniture lines and note the issue date they print."""
    _faux_bold(state)
    _front_matter(state)
    _sidebars(state)
    # laid-out pages prove their running headers by position (bulletin.pdf); repeats of text alone
    # would take a reprint line that opens every article of a page for one
    paged = state.options.layout is not None and bool(state.options.layout.pages)
    repeated = Counter(line.text for line in state.lines if len(line.text) <= 24 and not paged)
    for line in state.lines:
        if line.kind is not None:
            continue
        kind = line.furniture or furniture_kind(line.text)
        if kind is None and repeated.get(line.text, 0) >= 3 and not _TERMINAL.search(line.text) and not _ENCLOSED.match(line.text):
            kind = FurnitureKind.RUNNING_HEADER
        if kind is None:
            continue
        state.claim(line, "furniture", kind)
        state.furniture.append(Furniture(kind=kind, text=line.text, span=line.span))
        if kind in (FurnitureKind.ISSUE_LINE, FurnitureKind.DATE_STAMP) and state.issue_date is None:
            state.issue_date = _issue_date(line.text)
    _cross_reference_blocks(state)
    _top_date(state)
    _split_edges(state)
    _leading_lines(state)
