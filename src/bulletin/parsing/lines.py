"""Lines of a bulletin as the parser reads them: normalised text, original span, layout cues."""

from __future__ import annotations

import functools

import attrs
import regex

from bulletin.normalize.pipeline import LINE_STEPS, NormalizedText, normalize
from bulletin.recognize.common import lazy_pattern
from bulletin.span import Span

__all__ = ["Line", "build_lines", "fragment_text", "is_bold_line", "text_offset"]

_HEADING_MARK = lazy_pattern(r"^[ \t\u3000]*+(#{1,6})[ \t]")
_BULLET_MARK = lazy_pattern(r"^[ \t\u3000]*+[-*+•·][ \t]")
_INDENT = lazy_pattern(r"^[ \t\u3000\xa0]+")
# every break the ``newlines`` step turns into "\n" (form feed and vertical tab too)
_BREAK = lazy_pattern(r"[\r\n\x0b\x0c\x85\u2028\u2029]")
_LAST_BREAK = lazy_pattern(r"[\r\n\x0b\x0c\x85\u2028\u2029]", regex.REVERSE)
_BREAKS = frozenset("\r\n\x0b\x0c\x85\u2028\u2029")


@attrs.define(eq=False)
class Line:
    """One non-blank line: its normalised text, where it stands in the input and how it was laid out.

    ``kind`` is set by the rule that claims the line (``"furniture"``, ``"toc"``, ...);
    ``None`` means no rule has claimed it yet.  ``bold`` says the whole line was set in bold
    (``**…**``, ``<strong>…</strong>``, ``<b>…</b>``): evidence of a heading, or of a teaser.
    """

    index: int
    text: str
    raw: str
    span: Span
    norm_start: int
    heading_level: int = 0
    bullet: bool = False
    indented: bool = False
    blank_before: int = 0
    kind: str | None = None
    bold: bool = False

    def sub_span(self, start: int, end: int, normalized: NormalizedText) -> Span:
        """The input span of ``text[start:end]``, widened to the line's edges where it touches them."""
        if start <= 0 and end >= len(self.text):
            return self.span  # the whole line: both ends are widened to its edges
        a, b = normalized.offsets.span(self.norm_start + start, self.norm_start + end)
        if start <= 0:
            a = self.span.start
        if end >= len(self.text):
            b = self.span.end
        a = max(a, self.span.start)
        b = min(max(b, a), self.span.end)
        return Span(a, b)


@functools.lru_cache(maxsize=4096)
def fragment_text(original: str) -> str:
    """Normalise a fragment of input as the parser does a line (no hard-wrap rejoining).

    >>> fragment_text("# 王明:坚持问题导向")
    '王明：坚持问题导向'
    """
    return normalize(original, steps=LINE_STEPS).text.strip()


def _after_last_break(original: str, start: int, stop: int) -> int:
    """Just past the last line break in ``original[start:stop]``; ``start`` when there is none."""
    if start < stop and original[stop - 1] in _BREAKS:
        return stop  # the usual case, found without a search
    found = _LAST_BREAK.search(original, start, stop)
    return found.end() if found else start


def _next_break(original: str, pos: int) -> int:
    """Where the first line break at or after ``pos`` is; the end of ``original`` when there is none."""
    if pos < len(original) and original[pos] in _BREAKS:
        return pos  # the usual case, found without a search
    found = _BREAK.search(original, pos)
    return found.start() if found else len(original)


#: Every character a layout mark (``#``, a bullet, an indent) can open a raw line with.
_LAYOUT_OPENERS = frozenset("# \t\u3000\xa0-*+•·")


def _layout(raw: str) -> tuple[int, bool, bool]:
    """The markdown heading level of a raw line, and whether it is a bullet item and indented."""
    if raw[:1] not in _LAYOUT_OPENERS:
        return 0, False, False  # none of the marks can match
    heading = _HEADING_MARK.match(raw)
    if heading:
        return len(heading.group(1)), False, False
    return 0, bool(_BULLET_MARK.match(raw)), bool(_INDENT.match(raw))


_BOLD_LINE = lazy_pattern(
    r"(?:</?(?:p|div|h[1-6]|li)(?:\s[^<>]*)?>\s*)*(?:\*\*(?!\s)[^*]+?(?<!\s)\*\*|__(?!\s)[^_]+?(?<!\s)__"
    r"|<(?P<tag>strong|b)(?:\s[^<>]*)?>[^<]+</(?P=tag)>)\s*(?:</?(?:p|div|h[1-6]|li)(?:\s[^<>]*)?>\s*)*",
    regex.IGNORECASE,
)


def is_bold_line(raw: str) -> bool:
    """Whether a raw line is set in bold as a whole.

    >>> is_bold_line("</p><p><strong>某某县新馆开放</strong>"), is_bold_line("**某某县新馆开放**")
    (True, True)
    >>> is_bold_line("某某县**新馆**开放")
    False
    """
    stripped = raw.strip()
    return bool(stripped) and stripped[0] in "*_<" and _BOLD_LINE.fullmatch(stripped) is not None


def build_lines(original: str, normalized: NormalizedText) -> list[Line]:
    """Split the normalised text into non-blank lines, each traced to its input line."""
    lines: list[Line] = []
    text = normalized.text
    offsets = normalized.offsets
    pos = 0
    blanks = 0
    previous_end = 0
    size = len(text)
    while pos <= size:
        end = text.find("\n", pos)
        if end < 0:
            end = size
        content = text[pos:end]
        stripped = content.strip()
        if not stripped:
            blanks += 1
            pos = end + 1
            continue
        lead = len(content) - len(content.lstrip())
        n_start = pos + lead
        n_end = n_start + len(stripped)
        in_start, in_end = offsets.span(n_start, n_end)
        # widen to the whole input line, so marks the normalisers removed stay covered
        line_start = _after_last_break(original, previous_end, in_start)
        line_end = _next_break(original, in_end)
        if end < size:  # a break the normalisers made (``<br/>``, ``</p>``) ends the line where it came from
            line_end = max(in_end, min(line_end, offsets.char(end)))
        previous_end = line_end
        raw = original[line_start:line_end]
        raw_lead = len(raw) - len(raw.lstrip())
        raw_body = raw.strip()
        span_start = line_start + raw_lead
        span = Span(span_start, span_start + len(raw_body))
        heading_level, bullet, indented = _layout(raw)
        lines.append(
            Line(
                index=len(lines),
                text=stripped,
                raw=raw,
                span=span,
                norm_start=n_start,
                heading_level=heading_level,
                bullet=bullet,
                indented=indented,
                blank_before=blanks if lines else 0,
                bold=is_bold_line(raw),
            )
        )
        blanks = 0
        pos = end + 1
    return lines


def text_offset(line: Line, input_pos: int, normalized: NormalizedText) -> int:
    """The offset into ``line.text`` of the first character that comes from ``input_pos`` or later."""
    low, high = 0, len(line.text)
    while low < high:
        mid = (low + high) // 2
        if normalized.offsets.char(line.norm_start + mid) < input_pos:
            low = mid + 1
        else:
            high = mid
    return low
