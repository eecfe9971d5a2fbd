"""Furniture rule: page numbers, issue lines, notices and web navigation residue are not articles.

The patterns are data (``data/furniture.toml``); this rule claims every line
that one of them matches whole, reads the issue date off issue lines such as
``2024年11月刊``, and treats short lines repeated three times or more as
running headers.
"""

from __future__ import annotations

import calendar
import functools
from collections import Counter

import regex

from bulletin.knowledge import load
from bulletin.model import Furniture, IssueDate
from bulletin.parsing.state import ParseState

__all__ = ["furniture_kind", "furniture_rule"]

_ISSUE_DATE = regex.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_TERMINAL = regex.compile(r"[。！？；!?;]$")
_ENCLOSED = regex.compile(r"[（(【\[〔]")  # a bracketed line is a credit or source, not a running header


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


def furniture_kind(text: str) -> str | None:
    """The kind of furniture a whole line is, or ``None``.

    >>> furniture_kind("2024年11月刊"), furniture_kind("内部资料 免费交流"), furniture_kind("上一篇：新闻")
    ('issue-line', 'notice', 'navigation')
    >>> furniture_kind("市委书记王明主持会议。") is None
    True
    """
    if not _any_pattern().fullmatch(text):
        return None
    for kind, pattern in _patterns():
        if pattern.fullmatch(text):
            return kind
    return None


def _issue_date(text: str) -> IssueDate | None:
    match = _ISSUE_DATE.search(text)
    if not match:
        return None
    year, month, day = int(match.group(1)), int(match.group(2)), match.group(3)
    if not 1 <= month <= 12 or not 1800 <= year <= 2999:
        return None
    real = day is not None and 1 <= int(day) <= calendar.monthrange(year, month)[1]
    return IssueDate(year=year, month=month, day=int(day) if real else None)


def furniture_rule(state: ParseState) -> None:
    """Claim furniture lines and note the issue date they print."""
    repeated = Counter(line.text for line in state.lines if len(line.text) <= 24)
    for line in state.lines:
        if line.kind is not None:
            continue
        kind = furniture_kind(line.text)
        if kind is None and repeated.get(line.text, 0) >= 3 and not _TERMINAL.search(line.text) and not _ENCLOSED.match(line.text):
            kind = "running-header"
        if kind is None:
            continue
        state.claim(line, "furniture", kind)
        state.furniture.append(Furniture(kind=kind, text=line.text, span=line.span))
        if kind == "issue-line" and state.issue_date is None:
            state.issue_date = _issue_date(line.text)
