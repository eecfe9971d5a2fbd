"""HTML and Markdown residue: removed, keeping the words.

Why: bulletins reach us as web-page dumps (``<p>``, ``<br/>``, ``&nbsp;``,
``&amp;``, ``&#8220;``) and as the output of PDF-to-Markdown converters
(``# `` headings, ``- `` bullets, ``> `` quotes, ``**bold**``).  None of that is text of the
bulletin, and neither is its full-width spelling (``＃ 标题``, ``＜ｂ＞``),
which width folding would turn into it.  Marks are only removed where they are markup for sure: ``#`` only
at the start of a line and followed by a space, a bullet only at the start of
a line, ``**``/``__`` only as a pair around text, tags only with a known HTML
element name; ``C#``, ``5*3`` and ``a<b`` are left alone.

Attributes must be ASCII outside quotes (``<b 且 b>`` is not a tag).
``<script>``, ``<style>``, ``<head>``, ``<noscript>`` and ``<template>`` go
with their content, as do comments and a ``<!DOCTYPE>``; an ``<img>`` leaves
its ``alt`` text, and a Markdown link ``[text](url)`` or image ``![alt](url)``
its text.  Decisions: ``<br>``
and the end of a block element (``</p>``, ``</div>``,
``</li>``, ``</h2>``, ...) become a line break unless one follows already;
every other tag is deleted.  ``&nbsp;`` becomes an ordinary space.  An entity
is decoded in one go even when escaped twice (``&amp;lt;`` is ``<``), an
entity for an invisible character is deleted and one for a line break
becomes ``"\\n"``, so the step never leaves work for itself or for the
earlier steps.

>>> from bulletin.normalize.pipeline import normalize
>>> normalize("# 王明主持会议<br/>本报讯&nbsp;会议**昨天**举行。", steps=["markup"]).text
'王明主持会议\\n本报讯 会议昨天举行。'
>>> normalize("[某某网｜新馆开放](https://example.com/a)<script>var a;</script>", steps=["markup"]).text
'某某网｜新馆开放'
"""

from __future__ import annotations

import functools
import html.entities
import itertools
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator

import regex

from bulletin.normalize.edits import Edit, EditColumns, apply_edits, edited_text
from bulletin.normalize.invisible import is_invisible
from bulletin.normalize.offsets import OffsetMap
from bulletin.normalize.scan import matches_at, matches_led
from bulletin.normalize.width import fold_width_text

__all__ = ["strip_markup"]

# the page's own parts (head, title, script, style, body) end a line too, so a saved page's chrome
# stands on lines of its own
_BLOCK = (
    "address|article|aside|blockquote|body|caption|dd|details|dialog|div|dl|dt|fieldset|figcaption|figure|"
    "footer|form|h[1-6]|header|hgroup|hr|html|li|main|menu|nav|ol|option|p|pre|section|summary|table|tbody|"
    "td|tfoot|th|thead|tr|ul"
)
_INLINE = (
    "a|abbr|audio|b|big|button|canvas|center|cite|code|col|colgroup|del|em|embed|font|head|"
    "i|iframe|img|input|ins|kbd|label|link|mark|meta|object|param|picture|q|s|samp|select|small|"
    "source|span|strike|strong|style|sub|sup|svg|textarea|time|title|track|tt|u|var|video|wbr|o:p"
)
#: Elements whose content is not text of the page: dropped with what they hold.
_DROPPED = "script|style|head|noscript|template"
# possessive "amp;" runs: what follows them never starts with "amp;", and backtracking into a long run is
# quadratic; taken 64 at a time, since the pattern engine keeps some 160 bytes per repetition of a group
_AMPS = r"(?:(?:amp;){64})*+(?:amp;){0,63}+"
_LT = rf"(?:<|&{_AMPS}(?:lt|\#0*60|\#[xX]0*3[cC]);)"
_GT = rf"(?:>|&{_AMPS}(?:gt|\#0*62|\#[xX]0*3[eE]);)"
# an entity behind the run, or else the run's last "amp;" is the entity (``&amp;amp;`` is ``&amp;``)
_ENTITY = (
    rf"&{_AMPS}(?P<ent>\#[0-9]{{1,7}}|\#[xX][0-9a-fA-F]{{1,6}}|[A-Za-z][A-Za-z0-9]{{1,31}});"
    rf"|&(?=amp;){_AMPS}(?<=(?P<ent>amp);)"
)
# what width folding can turn into markup: full-width marks, and full-width letters in a tag or entity
_FULL_WIDTH_MARKS = "＃＊＋－＜＞＆＿"
_FULL_WIDTH_ALNUM = re.compile("[０-９Ａ-Ｚａ-ｚ]")
_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"
_MAX_ROUNDS = 8
# every space the width step turns into an ordinary one
_SPACE = r" \t\u00a0\u2000-\u200a\u202f\u205f\u3000"


#: Where a match of :func:`_pattern` can start: ``&``, or ``<`` before a tag's name, its ``/`` or a
#: ``<!DOCTYPE`` (the letters are those the pattern's case folding matches to ASCII letters too).
_PATTERN_LEAD = re.compile("&|<(?=[/A-Za-z\u0130\u0131\u017f\u212a]|![Dd])")
#: The characters :data:`_PATTERN_LEAD` matches at.
_PATTERN_MARKS = "&<"


@functools.cache
def _pattern() -> regex.Pattern[str]:
    """Tags, comments and entities: everything here starts with ``<`` or ``&``."""
    # attributes are ASCII, except inside quotes (``alt="会场"``)
    attributes = rf"""(?:[{_SPACE}/](?:[{_SPACE} !#-%(-;=?-~]|"[^"<>\n]*+"|'[^'<>\n]*+')*+)?"""
    tag = rf"(?P<tag>{_LT}(?P<close>/?)(?P<name>{_BLOCK}|br|{_INLINE}){attributes}{_GT})"
    dropped = rf"(?P<dropped><(?P<drop>{_DROPPED})(?:[{_SPACE}/][^<>]*+)?>.*?</(?P=drop)[{_SPACE}]*+>)"
    doctype = rf"(?P<doctype><!DOCTYPE[{_SPACE}][^<>]{{0,200}}>)"
    # what only an opening ``<!`` or a letter after ``<`` can start is tried only there
    return regex.compile(
        f"(?=<[!A-Za-z]|&)(?:{doctype}|{dropped})|" + "|".join((tag, f"(?P<entity>{_ENTITY})")),
        regex.IGNORECASE | regex.DOTALL,
    )


@functools.cache
def _comment_ends() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The opening ``<!--`` and the closing ``-->`` of a comment, each in any of its escaped spellings."""
    return regex.compile(f"{_LT}!--", regex.IGNORECASE), regex.compile(f"--{_GT}", regex.IGNORECASE)


def _comments(text: str) -> list[tuple[int, int]]:
    """The spans of the HTML comments in ``text``, each from its opening to the first closing after it.

    Found in one pass: when an opening has no closing after it, neither has any
    later one, so ``"<!--" * k`` costs one scan, not ``k``.

    >>> _comments("甲<!-- 注 -->乙&lt;!--x--&gt;<!--")
    [(1, 11), (12, 26)]
    """
    if "!--" not in text:
        return []
    closing = _comment_ends()[1]
    spans: list[tuple[int, int]] = []
    pos = 0
    while (start := _comment_opening(text, pos)) is not None:
        end = closing.search(text, start.end())
        if end is None:
            break
        spans.append((start.start(), end.end()))
        pos = end.end()
    return spans


#: Every character an opening ``<!--`` in any of its spellings has before its ``!--`` (ASCII: the
#: pattern's case folding matches no other character to these).
_OPENING_CHARS = frozenset("<&;#0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _comment_opening(text: str, pos: int) -> regex.Match[str] | None:
    """The first opening of a comment at or after ``pos``: tried only just before each ``!--``
    (a search of the whole text tries the pattern at every ``<`` and ``&``, and every position).

    >>> _comment_opening("甲&amp;lt;!--注--&gt;", 0).span()
    (1, 12)
    """
    opening = _comment_ends()[0]
    bang = text.find("!--", pos)
    while bang >= 0:
        start = bang
        while start > pos and text[start - 1] in _OPENING_CHARS:
            start -= 1
        found = opening.search(text, start, bang + 3)
        if found is not None:
            return found
        bang = text.find("!--", bang + 1)
    return None


@functools.cache
def _alt() -> regex.Pattern[str]:
    """The ``alt`` attribute of an ``<img>`` tag: the words an image stands for."""
    return regex.compile(
        rf"""[{_SPACE}/]alt[{_SPACE}]*=[{_SPACE}]*(?:"(?P<dq>[^"<>\n]*)"|'(?P<sq>[^'<>\n]*)')""",
        regex.IGNORECASE,
    )


@functools.cache
def _link() -> regex.Pattern[str]:
    """A markdown link or image: ``[text](url)``, ``![alt](url)``; the url has no space."""
    return regex.compile(r"(?P<bang>!?)\[(?P<label>[^\[\]\n]{0,300}+)\]\((?P<url>[^()\s]{1,2000}+)\)")


#: Python-list residue of a scraper that saved ``repr`` of lists: ``[]['\\r\\n 标题\\r\\n '][' 时间 ', ' ']``.
_RESIDUE_SIGN = ("['", "']")


@functools.cache
def _residue() -> regex.Pattern[str]:
    """Marks of list residue and the escapes inside it; a paragraph indent (two ideographic spaces) after
    a sentence's end, where the residue lost the line break."""
    return regex.compile(
        r"(?P<empty>(?:\[\])+)|(?P<open>\[')|(?P<close>'\])|(?P<comma>',\s*')"
        r"|(?P<br>(?:\\r)?\\n|\\r)|(?P<ideo>\\u3000)|(?P<tab>\\t)"
        r"|(?<=[。！？!?”」）)])(?P<indent>[\u3000]{2}|(?:\\u3000){2})"
    )


def _residue_edits(text: str) -> list[Edit]:
    """Edits that turn list residue into lines: brackets and quotes go, escapes become what they stand for.

    Only a text that holds at least two ``['`` and two ``']`` is read so.
    """
    if any(text.count(sign) < 2 for sign in _RESIDUE_SIGN):
        return []
    edits = []
    for found in matches_at(_residue(), text, _RESIDUE_MARKS):
        replacement = _RESIDUE_REPLACEMENTS.get(found.lastgroup or "", "\n")
        edits.append(Edit(found.start(), found.end(), replacement))
    return edits


#: What each mark of list residue becomes (an indent after a sentence's end: a line break).
_RESIDUE_REPLACEMENTS = {"empty": "", "open": "\n", "close": "\n", "comma": " ", "br": "\n", "ideo": "\u3000", "tab": " "}
#: Every mark of list residue starts with one of these.
_RESIDUE_MARKS = ("[", "'", "\\", "\u3000")


# plain patterns: the standard ``re`` jumps from one "\n" to the next (an alternation with
# ``\A`` or ``^`` in MULTILINE mode would try every position)
@functools.cache
def _lead() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Markdown heading and bullet marks: the first at the text's start and after a ``"\\n"``, then one more."""
    mark = rf"(?:\#{{1,6}}|[-*+>])[{_SPACE}]+"
    first = rf"[{_SPACE}]*(?P<marks>{mark})"
    return re.compile(first), re.compile("\n" + first), re.compile(mark)


def _leads(text: str) -> Iterator[tuple[int, int, int]]:
    """``(start, marks_start, marks_end)`` of every run of marks that opens a line.

    The marks after the first are taken one at a time, not by a repeated group:
    the pattern engine keeps state per repetition, some 150 bytes per mark on a
    line of ``"# " * n``.
    """
    if "#" not in text and "-" not in text and "*" not in text and "+" not in text and ">" not in text:
        return
    first, after_break, mark = _lead()
    found = first.match(text)
    starts = itertools.chain(() if found is None else (found,), after_break.finditer(text))
    for match in starts:
        end = match.end("marks")
        while (more := mark.match(text, end)) is not None:
            end = more.end()
        yield match.start(), match.start("marks"), end


@functools.cache
def _bold() -> regex.Pattern[str]:
    # a space between a mark and sentence punctuation counts as none: the spaces step removes it
    # later, and the bold it would reveal must be seen now, or a second normalisation removes it
    gap, sentence = "[ \\t\\u3000]+", "[，。、；：！？]"
    inner_start = rf"(?:(?![\s{{mark}}])|(?={gap}{sentence}))"
    inner_end = rf"(?:(?<![\s{{mark}}])|(?<={sentence}{gap}))"
    star = inner_start.format(mark="*"), inner_end.format(mark="*")
    line = inner_start.format(mark="_"), inner_end.format(mark="_")
    return regex.compile(
        rf"(?P<bold>(?<![0-9A-Za-z*])\*\*{star[0]}(?P<b1>[^\n]*?){star[1]}\*\*(?![0-9A-Za-z*])"
        rf"|(?<![0-9A-Za-z_])__{line[0]}(?P<b2>[^\n]*?){line[1]}__(?![0-9A-Za-z_])"
        r"|(?<!~)~~(?![\s~])(?P<b3>[^\n]*?)(?<![\s~])~~(?!~))"
    )


@functools.cache
def _entities() -> dict[str, str]:
    return {name[:-1]: value for name, value in html.entities.html5.items() if name.endswith(";")}


@functools.lru_cache(maxsize=1024)
def _decode_entity(name: str) -> str | None:
    """The text an entity stands for, cleaned for this pipeline; ``None`` if unknown."""
    if name[0] == "#":
        try:
            code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
            value = chr(code)
        except (ValueError, OverflowError):
            return None
        if 0xD800 <= code <= 0xDFFF:
            return None
    else:
        found = _entities().get(name)
        if found is None:
            return None
        value = found
    if value == "\xa0":
        return " "
    return "".join("\n" if ch in _BREAKS else "" if is_invisible(ch) else ch for ch in value)


@functools.cache
def _block_names() -> frozenset[str]:
    """The block elements' names (``h[1-6]`` spelt out)."""
    names = _BLOCK.replace("h[1-6]", "|".join(f"h{level}" for level in range(1, 7)))
    return frozenset(names.split("|"))


def _replace(match: regex.Match[str], text: str) -> str | None:
    dropped, doctype, tag = match.group("dropped", "doctype", "tag")
    if dropped is not None or doctype is not None:
        return ""
    if tag is not None:
        name = match.group("name").lower()
        if name == "img":
            alt = _alt().search(match.group())
            label = (alt.group("dq") or alt.group("sq") or "").strip() if alt else ""
            if label:
                return label if text.startswith("\n", match.end()) else label + "\n"
        is_break = name == "br" or (match.group("close") and name in _block_names())
        if is_break and not text.startswith("\n", match.end()):
            return "\n"
        return ""
    name = match.group("ent")
    decoded = _decode_entity(name)
    if decoded is None:
        return f"&{name};"
    return decoded


def _rounds(text: str) -> EditColumns | list[Edit]:
    """Edits of one pass, then of further passes on the result (removing a tag can join ``*`` and ``*``).

    Deleting the marks at the start of a line never makes new markup (the
    pattern takes every mark there is), so a pass of only those is final.
    Markup nested deeper than :data:`_MAX_ROUNDS` passes can undo is left as
    it is, on every line it reaches: so the step is the same on its own output.
    """
    edits, marks_only = _find(text)
    if marks_only:
        return edits
    left, _ = _find(edited_text(text, edits))  # the result looked at first: usually it is final
    if not left:
        return edits
    current, offsets = apply_edits(text, edits)
    rounds = 1
    while left and rounds <= _MAX_ROUNDS:
        current, later = apply_edits(current, left)
        offsets = offsets.then(later)
        rounds += 1
        left, _ = _find(current)
    found = _edits_from_map(text, current, offsets)
    if not left:
        return found
    # not done after all the passes: the lines the remaining markup comes from keep all of theirs
    kept: list[tuple[int, int]] = []
    for edit in left:
        start = text.rfind("\n", 0, offsets.char(edit.start)) + 1
        end = _line_end(text, offsets.char(max(edit.end - 1, edit.start)))
        if kept and start <= kept[-1][1]:
            kept[-1] = (kept[-1][0], max(end, kept[-1][1]))
        else:
            kept.append((start, end))
    starts = [start for start, _ in kept]

    def touches(edit: Edit) -> bool:
        k = bisect_right(starts, max(edit.end - 1, edit.start)) - 1
        return k >= 0 and edit.start <= kept[k][1]

    return [edit for edit in found if not touches(edit)]


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _edits_from_map(text: str, result: str, offsets: OffsetMap) -> list[Edit]:
    """The edits that turn ``text`` into ``result``, read off the offset map between them."""
    edits: list[Edit] = []
    done = 0  # input before this is accounted for
    pending: tuple[int, list[str]] | None = None
    for o0, o1, i0, i1, linear in offsets.segments():
        if linear and i0 >= done and result[o0:o1] == text[i0:i1]:
            if pending is not None or i0 > done:
                start, pieces = pending if pending is not None else (done, [])
                edits.append(Edit(start, i0, "".join(pieces)))
                pending = None
            done = i1
            continue
        if pending is not None and i0 >= done and i1 > i0:
            # a replacement of input of its own: the pending edit ends where this one starts, so
            # each output character keeps the input it came from (``&amp;<br/>&amp;`` is three)
            edits.append(Edit(pending[0], i0, "".join(pending[1])))
            pending, done = None, i0
        if pending is None:
            pending = (done, []) if i0 < done or i1 <= i0 else (i0, [])
            if i0 > done and i1 > i0:
                edits.append(Edit(done, i0, ""))  # input deleted before this replacement
        pending[1].append(result[o0:o1])
        done = max(done, i1)
    if pending is not None or done < len(text):
        start, pieces = pending if pending is not None else (done, [])
        edits.append(Edit(start, len(text), "".join(pieces)))
    return edits


@functools.cache
def _list_residue() -> regex.Pattern[str]:
    """A Python list of strings printed into a scrape: ``['\\r\\n  标题\\r\\n'][' 2031年…']``."""
    item = r"""(?:'(?:[^'\\\n]++|\\.)*+'|"(?:[^"\\\n]++|\\.)*+")"""
    return regex.compile(rf"\[(?:\s*+{item}(?:\s*+,\s*+{item})*+\s*+,?)?\s*+\]")


_LIST_ITEM = regex.compile(r"""'((?:[^'\\\n]++|\\.)*+)'|"((?:[^"\\\n]++|\\.)*+)\"""")
_ESCAPE = regex.compile(r"\\(?:r\\n|[rn]|t|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|['\"\\])")


def _unescape(sequence: str) -> str:
    if sequence[1] in "rn":
        return "\n"
    if sequence[1] == "t":
        return "\t"
    if sequence[1] in "ux":
        return chr(int(sequence[2:], 16))
    return sequence[1]


def _with_list_residue(text: str, edits: EditColumns) -> EditColumns:
    """``edits`` and those that read a scrape's Python lists as lines of text.

    Only a list of strings that holds an escape (``\\r\\n``, ``\\u3000``) or stands right
    beside another list is residue: ``["北京", "上海"]`` in a sentence stays as printed.
    """
    found: list[Edit] = []
    starts, ends = edits.starts, edits.ends
    for residue in _list_residue().finditer(text):
        start, end = residue.span()
        beside = text[end : end + 1] == "[" or text[max(0, start - 1) : start] == "]"
        if not beside and "\\" not in residue.group():
            continue
        k = bisect_right(starts, start) - 1
        if (k >= 0 and ends[k] > start) or (k + 1 < len(starts) and starts[k + 1] < end):
            continue
        at = start
        for item in _LIST_ITEM.finditer(text, start, end):
            content = 1 if item.group(1) is not None else 2
            found.append(Edit(at, item.start(content), "\n"))
            for escape in _ESCAPE.finditer(text, item.start(content), item.end(content)):
                found.append(Edit(escape.start(), escape.end(), _unescape(escape.group())))
            at = item.end(content)
        found.append(Edit(at, end, "\n"))
    if not found:
        return edits
    edits = edits.copy()
    edits.extend(found)
    edits.sort()
    return edits


def strip_markup(text: str) -> Iterator[Edit]:
    """Describe removing HTML tags and Markdown marks and decoding HTML entities.

    Bold text keeps its words (the two marks are deleted separately, so the
    words keep their exact positions):

    >>> from bulletin.normalize.edits import apply_edits
    >>> apply_edits("## 以改革创新激发发展活力", strip_markup("## 以改革创新激发发展活力"))[0]
    '以改革创新激发发展活力'
    >>> apply_edits("C# 与 5*3 不变", strip_markup("C# 与 5*3 不变"))[0]
    'C# 与 5*3 不变'
    """
    yield from _rounds(text)


def _outermost(edits: Iterable[Edit]) -> list[Edit]:
    """Sorted ``edits`` without those that lie inside an earlier one (``<head>…<!-- … -->…</head>``)."""
    kept: list[Edit] = []
    for edit in edits:
        if kept and edit.start < kept[-1].end:
            if edit.end > kept[-1].end:
                kept[-1] = Edit(kept[-1].start, edit.end, "")  # overlapping deletions: one deletion
            continue
        kept.append(edit)
    return kept


def _find(text: str) -> tuple[EditColumns, bool]:
    """The edits of one pass, and whether they are only line-start marks (or none).

    Markup is looked for in the text as width folding leaves it (one character
    for one, so positions hold): ``＃ 标题`` and ``＜ｂ＞`` are markup too, else
    the width step would make markup that a second normalisation removes.
    """
    # (a search per mark: far faster than a pattern's scan of a text that has none)
    if any(mark in text for mark in _FULL_WIDTH_MARKS) or (
        ("<" in text or "&" in text) and _FULL_WIDTH_ALNUM.search(text)
    ):
        text = fold_width_text(text)
    comments = _comments(text)
    edits = EditColumns(Edit(start, end, "") for start, end in comments)
    c = 0
    add_start, add_end, add_replacement = edits.starts.append, edits.ends.append, edits.replacements.append
    for match in matches_led(_pattern(), text, _PATTERN_LEAD, _PATTERN_MARKS):
        start = match.start()
        while c < len(comments) and comments[c][1] <= start:
            c += 1
        if c < len(comments) and comments[c][0] <= start:
            continue  # inside a comment (a tag or an entity never reaches into one: it holds no "<" or "&")
        replacement = _replace(match, text)
        if replacement is not None and replacement != match.group():
            add_start(start)
            add_end(match.end())
            add_replacement(replacement)
    if comments:
        edits.sort()
        edits = EditColumns(_outermost(edits))  # a comment inside a dropped element goes with it
    # leading marks, except inside a comment that runs over several lines
    taken_starts, taken_ends = edits.starts[:], edits.ends[:]
    k = 0
    for start, marks_start, marks_end in _leads(text):
        while k < len(taken_starts) and taken_ends[k] <= start:
            k += 1
        if k == len(taken_starts) or taken_starts[k] > start:
            edits.add(marks_start, marks_end, "")
    marks_only = not taken_starts
    del taken_starts, taken_ends
    edits.sort()
    residue = _residue_edits(text)
    if residue:
        starts, ends = edits.starts[:], edits.ends[:]
        for edit in residue:
            k = bisect_right(starts, edit.start) - 1
            if (k >= 0 and ends[k] > edit.start) or (k + 1 < len(starts) and starts[k + 1] < edit.end):
                continue
            edits.append(edit)
        marks_only = False
        edits.sort()
    # markdown links keep their text: ``[text](url)`` loses ``[`` and ``](url)``
    if "](" in text:
        starts, ends = edits.starts[:], edits.ends[:]
        for link in _link().finditer(text):
            k = bisect_right(starts, link.start()) - 1
            if (k >= 0 and ends[k] > link.start()) or (k + 1 < len(starts) and starts[k + 1] < link.end()):
                continue
            edits.append(Edit(link.start(), link.start("label"), ""))
            edits.append(Edit(link.end("label"), link.end(), ""))
            marks_only = False
        edits.sort()
    if "['" in text or '["' in text or "[]" in text:
        edits = _with_list_residue(text, edits)
    # bold marks are found on their own, so markup inside bold text is still removed
    # (against the edits found before the bold marks: those are appended after them, out of order)
    starts, ends = edits.starts[:], edits.ends[:]

    def free(start: int, end: int) -> bool:
        k = bisect_right(starts, start) - 1
        if k >= 0 and ends[k] > start:
            return False
        return k + 1 >= len(starts) or starts[k + 1] >= end

    for match in matches_at(_bold(), text, ("**", "__", "~~")):
        inner = next(name for name in ("b1", "b2", "b3") if match.group(name) is not None)
        opening, closing = (match.start(), match.start(inner)), (match.end(inner), match.end())
        if free(*opening) and free(*closing):
            edits.append(Edit(*opening, ""))
            edits.append(Edit(*closing, ""))
            marks_only = False
    edits.sort()
    return edits, marks_only
