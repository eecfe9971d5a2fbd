"""Printed lines: characters grouped by baseline, split at wide gaps, read once.

A row of characters that share a baseline is cut into separate lines where a
gap wider than :data:`GAP_EMS` ems parts them (a column gutter, a table cell).
Text set vertically (a 竖排 headline, or a line turned on its side) is found
first: three or more characters drawn one under the other, in the page's own
order, are one line read in that order.
Two artefacts of how PDFs are made are undone here: faux-bold text drawn
twice with a small offset keeps one copy of each character (and the line is
bold), and a letter-spaced heading (``刊 首 语``) reads as ``刊首语``.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable

import attrs
import regex

from bulletin.pdf.chars import Char

__all__ = ["GAP_EMS", "PrintedLine", "group_lines"]

#: A horizontal gap wider than this many ems parts two lines on one baseline.
GAP_EMS = 1.6
#: Two copies of a character closer than this many ems are one character drawn twice.
_DOUBLE_EMS = 0.35
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u3000-\u303f\uff00-\uffef]")
_LETTER_SPACED = regex.compile(r"\p{Han}(?:[ \u3000\xa0]+\p{Han}){2,}")
_WORD = regex.compile(r"[\p{Latin}\p{Nd}]")
_SPACE_RUN = regex.compile(r"[ \u3000\xa0]+")


@attrs.define(eq=False)
class PrintedLine:
    """One line as printed: its text, box (points from the top-left corner), type size and weight."""

    page: int
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool = False
    furniture: str | None = None
    heading_level: int = 0

    @property
    def width(self) -> float:
        return self.x1 - self.x0


def _rows(chars: Iterable[Char]) -> list[list[Char]]:
    """Characters grouped into rows that share a baseline (they overlap by half their height)."""
    rows: list[list[Char]] = []
    bands: list[tuple[float, float]] = []
    for char in sorted(chars, key=lambda c: (c.top + c.bottom) / 2):
        middle = (char.top + char.bottom) / 2
        height = max(char.bottom - char.top, 0.1)
        for i in range(len(rows) - 1, max(-1, len(rows) - 4), -1):
            top, bottom = bands[i]
            # a smaller character (a subscript, a footnote mark) belongs to the row its middle falls in
            reach = max(height, bottom - top)
            if top - 0.1 * reach <= middle <= bottom + 0.1 * reach and abs((top + bottom) / 2 - middle) < 0.5 * reach:
                rows[i].append(char)
                bands[i] = (min(top, char.top), max(bottom, char.bottom))
                break
        else:
            rows.append([char])
            bands.append((char.top, char.bottom))
    return rows


def _split(row: list[Char]) -> Iterable[list[Char]]:
    """A row cut at gaps wider than :data:`GAP_EMS` ems, with doubled characters dropped."""
    row.sort(key=lambda c: c.x0 + c.x1)
    part: list[Char] = []
    for char in row:
        if part:
            last = part[-1]
            em = max(char.size, last.size, 1.0)
            if char.text == last.text and abs(char.x0 - last.x0) < _DOUBLE_EMS * em and abs(char.top - last.top) < _DOUBLE_EMS * em:
                part[-1] = last._replace(bold=True)  # the same glyph drawn again a little off: faux bold
                continue
            if char.x0 - max(c.x1 for c in part[-3:]) > GAP_EMS * em:
                yield part
                part = []
        part.append(char)
    if part:
        yield part


def _spaced(parts: list[list[Char]]) -> list[list[Char]]:
    """Parts of one character each, evenly spaced, are one letter-spaced line (``刊   首   语``)."""
    if len(parts) < 3 or any(len(part) != 1 for part in parts):
        return parts
    gaps = [b[0].x0 - a[0].x1 for a, b in itertools.pairwise(parts)]
    if max(gaps) > 1.3 * min(gaps) + 0.5 * parts[0][0].size:
        return parts
    return [[part[0] for part in parts]]


def _text(chars: list[Char]) -> str:
    """The characters' text, with a space where a visible gap parts two Latin words."""
    out: list[str] = []
    previous: Char | None = None
    for char in chars:
        if previous is not None and char.text != " " and previous.text != " ":
            gap = char.x0 - previous.x1
            if (
                gap > 0.25 * max(char.size, 1.0)
                and (_WORD.match(previous.text) or _WORD.match(char.text))
                and not (_CJK.match(previous.text) and _CJK.match(char.text))
            ):
                out.append(" ")
        out.append(char.text)
        previous = char
    text = "".join(out).strip()
    if _LETTER_SPACED.fullmatch(text):
        text = _SPACE_RUN.sub("", text)  # 刊 首 语: a heading set with spaces reads once
    return text


def _line(page: int, chars: list[Char], *, ordered: bool = False) -> PrintedLine | None:
    text = "".join(c.text for c in chars).strip() if ordered else _text(chars)
    if not text:
        return None
    ink = [c for c in chars if not c.text.isspace()] or chars
    sizes = Counter(round(c.size * 2) / 2 for c in ink)
    size = sizes.most_common(1)[0][0]
    bold = sum(c.bold for c in ink) * 2 > len(ink)
    return PrintedLine(
        page=page,
        text=text,
        x0=min(c.x0 for c in ink),
        top=min(c.top for c in ink),
        x1=max(c.x1 for c in ink),
        bottom=max(c.bottom for c in ink),
        size=size,
        bold=bold,
    )


def _vertical_runs(chars: list[Char]) -> tuple[list[list[Char]], list[Char]]:
    """Runs of characters the page draws one under the other (vertical text), and the other characters."""
    runs: list[list[Char]] = []
    rest: list[Char] = []
    run: list[Char] = []

    def close() -> None:
        if len(run) >= 3:
            runs.append(list(run))
        else:
            rest.extend(run)
        run.clear()

    for char in chars:
        if run:
            last = run[-1]
            em = max(char.size, last.size, 1.0)
            step = (char.top + char.bottom - last.top - last.bottom) / 2
            direction = 0 if len(run) < 2 else (1 if run[1].top > run[0].top else -1)
            same_column = abs((char.x0 + char.x1 - last.x0 - last.x1) / 2) < 0.25 * em
            if same_column and 0.6 * em < abs(step) < 1.8 * em and (direction == 0 or direction * step > 0):
                run.append(char)
                continue
            close()
        run.append(char)
    close()
    return runs, rest


def group_lines(chars: Iterable[Char], page: int = 1) -> list[PrintedLine]:
    """The printed lines of a page's characters, top to bottom, left to right.

    >>> row = [Char(t, 100.0 + 12 * i, 50.0, 112.0 + 12 * i, 62.0, 12.0, False) for i, t in enumerate("全市会议")]
    >>> far = [Char(t, 400.0 + 12 * i, 50.0, 412.0 + 12 * i, 62.0, 12.0, False) for i, t in enumerate("另一栏")]
    >>> [line.text for line in group_lines(row + far)]
    ['全市会议', '另一栏']
    >>> doubled = row + [c._replace(x0=c.x0 + 0.5, x1=c.x1 + 0.5) for c in row]
    >>> [(line.text, line.bold) for line in group_lines(doubled)]
    [('全市会议', True)]
    """
    lines: list[PrintedLine] = []
    vertical, chars = _vertical_runs(list(chars))
    for run in vertical:
        line = _line(page, run, ordered=True)
        if line is not None:
            lines.append(line)
    for row in _rows(chars):
        for part in _spaced(list(_split(row))):
            line = _line(page, part)
            if line is not None:
                lines.append(line)
    lines.sort(key=lambda line: (line.top, line.x0))
    return lines
