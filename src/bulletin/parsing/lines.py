"""Lines of a bulletin as the parser reads them: normalised text, original span, layout cues."""

from __future__ import annotations

import functools
import itertools

import attrs
import regex

from bulletin.layout import Layout
from bulletin.normalize.pipeline import LINE_STEPS, NormalizedText, normalize
from bulletin.recognize.common import lazy_pattern
from bulletin.span import Span

__all__ = ["Line", "build_lines", "fragment_text", "printed_gap", "text_offset"]

_HEADING_MARK = lazy_pattern(r"^[ \t\u3000]*+(#{1,6})[ \t]")
_BULLET_MARK = lazy_pattern(r"^[ \t\u3000]*+[-*+•·][ \t]")
_INDENT = lazy_pattern(r"^[ \t\u3000\xa0]+")
# every break the ``newlines`` step turns into "\n" (form feed and vertical tab too)
_BREAK = lazy_pattern(r"[\r\n\x0b\x0c\x85\u2028\u2029]")
_LAST_BREAK = lazy_pattern(r"[\r\n\x0b\x0c\x85\u2028\u2029]", regex.REVERSE)
_BREAKS = frozenset("\r\n\x0b\x0c\x85\u2028\u2029")
# a heading element of web text: <h2>…</h2>, perhaps after the tags that closed the line before
_HTML_HEADING = lazy_pattern(r"^(?:\s*+</?(?:p|div|section|article|header|span|br)\b[^<>]*+>)*+\s*+<h([1-6])\b", regex.IGNORECASE)
# a bold run; the line may end before its closing tag (the break came from the ``</p>`` after it)
_STRONG = lazy_pattern(r"<(strong|b)\b[^<>]*+>(.*?)(?:</\1\s*+>|$)", regex.IGNORECASE | regex.DOTALL)
_CLOSING_TAGS = lazy_pattern(r"^(?:\s*+</[A-Za-z][^<>]*+>)++")
_ANY_TAG = lazy_pattern(r"</?[A-Za-z][^<>]*+>")
_MD_BOLD = lazy_pattern(r"^\s*+(\*\*|__)(?=\S)(.+?)(?<=\S)\1\s*+$")
# a setext underline: the line above it is a heading (``===`` level 1, ``---`` level 2)
_SETEXT = lazy_pattern(r"[ \t]{0,3}+(?:=++|-++)[ \t]*+")


@attrs.define(eq=False, weakref_slot=False)
class Line:
    """One non-blank line: its normalised text, where it stands in the input and how it was laid out.

    ``kind`` is set by the rule that claims the line (``"furniture"``, ``"toc"``, ...);
    ``None`` means no rule has claimed it yet.  ``bold``, ``page`` and
    ``furniture`` (a kind the layout proves, such as ``"page-number"``) come
    from the text's :class:`~bulletin.layout.Layout` when it has one.  ``bold`` says the whole
    line was set in bold (``**…**``, ``<strong>…</strong>``, ``<b>…</b>``): evidence of a heading,
    or of a teaser.
    """

    index: int
    text: str
    #: the input line as printed (``None``: cut from ``source`` when asked, see :attr:`raw`)
    _raw: str | None = attrs.field(alias="raw", repr=False)
    span: Span
    norm_start: int
    heading_level: int = 0
    bold: bool = False
    bullet: bool = False
    indented: bool = False
    blank_before: int = 0
    kind: str | None = None
    page: int | None = None
    furniture: str | None = None
    #: the whole input, and the bounds of this line in it (the parser keeps no copy of each line)
    source: str = attrs.field(default="", repr=False)
    raw_start: int = 0
    raw_end: int = 0

    @property
    def raw(self) -> str:
        """The input line as printed, indent and markup included."""
        return self._raw if self._raw is not None else self.source[self.raw_start : self.raw_end]

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


def _bold(raw: str) -> bool:
    """Whether a raw line is all bold: ``**…**``, or ``<strong>…</strong>`` with only tags around it.

    >>> _bold("<p><strong>商户回流</strong></p>"), _bold("**商户回流**"), _bold("<b>注</b>：见下文")
    (True, True, False)
    >>> _bold("</p><p><strong>商户回流"), _bold("</strong></p><p>改造完成后")
    (True, False)
    """
    if "<" in raw:
        raw = _CLOSING_TAGS.sub("", raw)  # what closed the line before
        inner = _STRONG.sub("", raw)
        return inner != raw and not _ANY_TAG.sub("", inner).strip()
    return ("**" in raw or "__" in raw) and _MD_BOLD.match(raw) is not None


def _layout(raw: str) -> tuple[int, bool, bool]:
    """The markdown heading level of a raw line, and whether it is a bullet item and indented."""
    if raw.find("<", 0, 80) >= 0:
        html = _HTML_HEADING.match(raw)
        if html:
            return int(html.group(1)), False, False
    if raw[:1] not in _LAYOUT_OPENERS:
        return 0, False, False  # none of the marks can match
    heading = _HEADING_MARK.match(raw)
    if heading:
        return len(heading.group(1)), False, False
    return 0, bool(_BULLET_MARK.match(raw)), bool(_INDENT.match(raw))


def _apply_layout(line: Line, layout: Layout) -> None:
    """Take the heading level, weight, page and furniture kind of a line from the layout's lines under it."""
    printed = list(layout.lines_in(line.span.start, line.span.end))
    if not printed:
        return
    if not line.heading_level:
        line.heading_level = min((p.heading_level for p in printed if p.heading_level), default=0)
    line.bold = all(p.bold for p in printed)
    line.page = printed[0].page
    kinds = {p.furniture for p in printed}
    if len(kinds) == 1:
        line.furniture = kinds.pop()


def build_lines(original: str, normalized: NormalizedText, layout: Layout | None = None) -> list[Line]:
    """Split the normalised text into non-blank lines, each traced to its input line.

    With a ``layout`` (text read from a PDF or HTML page), each line also takes
    its heading level, weight, page and furniture kind from it.
    """
    lines: list[Line] = []
    text = normalized.text
    offsets = normalized.offsets
    pos = 0
    blanks = 0
    previous_end = 0
    # where the next line break of the input is: one search serves every line a normaliser cut
    # out of one long input line (a page of ``<p>`` on one line), not one search per line
    following_break = -1
    # the stretch of the map that copies input position for position, last looked up
    stretch_start = stretch_end = shift = 0
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
        if not stretch_start <= n_start < stretch_end:
            stretch_start, stretch_end, shift = offsets.linear_stretch(n_start)
        if n_end <= stretch_end:  # the line lies in one stretch the normalisers copied: no lookup
            in_start, in_end = n_start + shift, n_end + shift
        else:
            in_start, in_end = offsets.span(n_start, n_end)
        # widen to the whole input line, so marks the normalisers removed stay covered
        line_start = _after_last_break(original, previous_end, in_start)
        if following_break < in_end:  # the last break found is still ahead of every later line
            following_break = _next_break(original, in_end)
        line_end = following_break
        if end < size:  # a break the normalisers made (``<br/>``, ``</p>``) ends the line where it came from
            break_at = end + shift if stretch_start <= end < stretch_end else offsets.char(end)
            line_end = max(in_end, min(line_end, break_at))
        previous_end = line_end
        raw = original[line_start:line_end]
        raw_lead = len(raw) - len(raw.lstrip())
        raw_body = raw.strip()
        # the span shares its offsets with the line's bounds where they are equal (most lines):
        # one integer object fewer per offset, on every line of the text
        span_start = line_start + raw_lead if raw_lead else line_start
        span_end = span_start + len(raw_body)
        span = Span(span_start, line_end if span_end == line_end else span_end)
        heading_level, bullet, indented = _layout(raw)
        if lines and not blanks and raw_body[:1] in ("=", "-") and _SETEXT.fullmatch(raw_body) and len(raw_body) >= 3:
            above = lines[-1]
            # a heading stands alone: the underlined line opens the text or follows a blank line
            standalone = above.index == 0 or above.blank_before > 0
            if standalone and not above.heading_level and not _SETEXT.fullmatch(above.text):
                above.heading_level = 1 if raw_body.lstrip()[0] == "=" else 2
        line = Line(
            index=len(lines),
            text=stripped,
            raw=None,
            source=original,
            raw_start=line_start,
            raw_end=line_end,
            span=span,
            norm_start=n_start,
            heading_level=heading_level,
            bold=_bold(raw_body) if ("<" in raw_body or "*" in raw_body or "_" in raw_body) else False,
            bullet=bullet,
            indented=indented,
            blank_before=blanks if lines else 0,
        )
        if ("\u3000\u3000" in raw_body or "   " in raw_body) and len(stripped) > 40:
            added = _split_run_on(line, original, normalized, len(lines))
        else:
            added = [line]
        for new in added:
            if layout is not None:
                _apply_layout(new, layout)
            lines.append(new)
        blanks = 0
        pos = end + 1
    return lines


# paragraphs run together on one line, each opened by an indent after the last one's end:
# ``…举行。　　中国驻地代表…`` (two ideographic spaces, or three and more spaces)
_RUN_ON_GAP = lazy_pattern(r"(?<=[。！？!?…”’」』）)])(?:\u3000{2,}|[ \t\u3000\xa0]{3,})(?=\S)")


def _split_run_on(line: Line, original: str, normalized: NormalizedText, index: int) -> list[Line]:
    """``line`` cut where an indent gap starts a new paragraph in the middle of it.

    The normaliser deletes these gaps (they read as spurious spaces), so they are found in the input.
    """
    cuts: list[int] = []
    for gap in _RUN_ON_GAP.finditer(original, line.span.start, line.span.end):
        at = text_offset(line, gap.end(), normalized)
        if 0 < at < len(line.text) and (not cuts or at > cuts[-1]):
            cuts.append(at)
    if not cuts:
        line.index = index
        return [line]
    parts: list[Line] = []
    bounds = [0, *cuts, len(line.text)]
    for k, (a, b) in enumerate(itertools.pairwise(bounds)):
        text = line.text[a:b].strip()
        if not text:
            continue
        lead = len(line.text[a:b]) - len(line.text[a:b].lstrip())
        a += lead
        start = line.span.start if k == 0 else normalized.offsets.span(line.norm_start + a, line.norm_start + a + 1)[0]
        end = line.span.end if b == len(line.text) else normalized.offsets.span(line.norm_start + b - 1, line.norm_start + b)[1]
        end = max(end, start)
        parts.append(
            attrs.evolve(
                line,
                index=index + len(parts),
                text=text,
                raw=None,
                source=original,
                raw_start=start,
                raw_end=end,
                span=Span(start, end),
                norm_start=line.norm_start + a,
                indented=line.indented if k == 0 else True,
            )
        )
    return parts


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


def printed_gap(before: Line, after: Line, normalized: NormalizedText) -> str | None:
    """What the normalised text prints between two lines the parser cut out of one normalised line
    (paragraphs run together on one input line); ``None`` when a line break parts them.

    >>> text = "会议举行。\u3000\u3000" + "代表们围绕会议主题展开讨论，提出了许多建议和意见。" * 2
    >>> normalized = normalize(text, steps=LINE_STEPS)
    >>> first, second = build_lines(text, normalized)
    >>> first.text, printed_gap(first, second, normalized)
    ('会议举行。', '')
    """
    end = before.norm_start + len(before.text)
    if after.norm_start < end:
        return None
    gap = normalized.text[end : after.norm_start]
    return None if "\n" in gap else gap
