"""Notes printed with an article: about its author, from its editor, document numbers.

``NoteMatch.text`` is the note as printed without its enclosing brackets
(``作者系北京大学教授``, ``按：今年1月……``); ``start``/``end`` cover it with
its brackets.

>>> note = match_author_note("（作者系中国电子信息产业发展研究院党委副书记）")
>>> note.kind, note.text[:3], (note.start, note.end)
('author', '作者系', (0, 23))
>>> match_author_note("（作者张三系北京大学教授）").name
'张三'
>>> note = match_editor_note("【按：今年1月，国家数据局等17部门联合印发")
>>> note.kind, note.open
('editor', True)
>>> match_document_number("国办发〔2023〕17号").text
'国办发〔2023〕17号'
"""

from __future__ import annotations

import functools

import attrs
import regex

from bulletin import knowledge
from bulletin.recognize.common import CLOSE, COLON, OPEN, PAIRS, content_bounds, keywords, memoized
from bulletin.recognize.names import is_name

__all__ = ["NoteMatch", "match_author_note", "match_document_number", "match_editor_note"]


@attrs.frozen(kw_only=True)
class NoteMatch:
    """A note: ``kind`` is ``author``, ``editor`` or ``document-number``.

    ``name`` is the person an author note names (``（作者张三系…）``);
    ``open`` is true when an editor note continues past this line (its
    bracket is not closed here, or the line is only the marker: ``编者按``).
    When brackets enclose only the marker (``【编者按】今年…``) they are
    kept in ``text``.
    """

    kind: str
    text: str
    start: int
    end: int
    name: str | None = None
    open: bool = False


_SPACE = "[\\s\u3000]*+"


@functools.cache
def _author_pattern() -> regex.Pattern[str]:
    subjects = knowledge.alternation(knowledge.author_note_subjects())
    verbs = knowledge.alternation(knowledge.author_note_verbs())
    body = (
        f"(?P<text>{subjects}{_SPACE}(?:{COLON}{_SPACE}(?P<named>[\\p{{Han}}·]{{2,8}}?)[，,\\s\u3000]"
        f"|(?P<name>[\\p{{Han}}·]{{2,4}}?)??{_SPACE}(?:{verbs}){_SPACE}{COLON}?)[^（）()]{{1,200}}?)"
    )
    return regex.compile(f"(?:(?P<open>[（(]){_SPACE}{body}{_SPACE}[）)]|^{_SPACE}{body})[。.]?{_SPACE}$")


@functools.cache
def _author_subjects() -> tuple[str, ...]:
    """The subjects of an author note, leaving out those that hold a shorter one (本文作者 holds 作者)."""
    subjects = knowledge.author_note_subjects()
    return tuple(sorted(s for s in subjects if not any(t != s and t in s for t in subjects)))


@keywords(lambda: _author_subjects())
@memoized
def match_author_note(line: str) -> NoteMatch | None:
    """An author note as a whole line or closing a paragraph: ``（作者系北京大学教授）``, ``作者单位：…``."""
    if not any(subject in line for subject in _author_subjects()):
        return None  # every author note names its subject
    found = _author_pattern().search(line)
    if found is None:
        return None
    if found.group("open") is None and found.start() != content_bounds(line)[0]:
        return None
    name = found.group("name") or found.group("named")
    if name is not None and not is_name(name):
        if found.group("name"):
            return None
        name = None
    start = found.start("open") if found.group("open") else found.start("text")
    end = found.end("text")
    close = regex.compile("[\\s\u3000]*+[）)]").match(line, end) if found.group("open") else None
    if close is not None:
        end = close.end()
    return NoteMatch(kind="author", text=found.group("text").strip(), start=start, end=end, name=name)


@functools.cache
def _editor_pattern() -> regex.Pattern[str]:
    markers = knowledge.alternation(knowledge.editor_note_markers())
    return regex.compile(
        f"(?P<open>{OPEN})?{_SPACE}(?P<marker>{markers}){_SPACE}(?:(?P<close>{CLOSE})|(?P<colon>{COLON}))?"
    )


@keywords(knowledge.editor_note_markers)
@memoized
def match_editor_note(line: str) -> NoteMatch | None:
    """An editor's note opening ``line``: ``【按：…】``, ``【编者按】…``, ``编者按：…``, ``编者的话``."""
    start, end = content_bounds(line)
    found = _editor_pattern().match(line, start, end)
    if found is None:
        return None
    opener, close, colon = found.group("open"), found.group("close"), found.group("colon")
    rest = line[found.end() : end]
    if opener is None and close is None and colon is None and rest:
        return None  # 按照规定…, 编者认为…: not a note marker
    if found.group("marker") in ("按",) and opener is None and colon is None:
        return None
    if opener is not None and close is None:
        expected = PAIRS.get(opener, "")
        closed = line.rfind(expected, found.end(), end)
        if closed == -1:
            return NoteMatch(
                kind="editor", text=line[found.start("marker") : end], start=start, end=end, open=True
            )
        return NoteMatch(
            kind="editor", text=line[found.start("marker") : closed], start=start, end=closed + 1
        )
    text_start = start if close is not None else found.start("marker")  # 【编者按】… keeps its brackets
    return NoteMatch(kind="editor", text=line[text_start:end], start=start, end=end, open=not rest)


@functools.cache
def _document_pattern() -> regex.Pattern[str]:
    brackets = "|".join(
        f"{regex.escape(a)}{_SPACE}\\d{{4}}{_SPACE}{regex.escape(b)}"
        for a, b in knowledge.document_number_brackets()
    )
    words = knowledge.alternation(knowledge.document_number_words())
    serial = knowledge.alternation(knowledge.document_number_serial_words())
    number = (
        f"\\p{{Han}}{{1,16}}?(?:{brackets}){_SPACE}第?{_SPACE}\\d{{1,5}}{_SPACE}{words}"
        f"|\\p{{Han}}{{1,16}}?{serial}{_SPACE}\\d{{1,12}}{_SPACE}{words}"
    )
    return regex.compile(f"(?P<open>[（(])?{_SPACE}(?P<number>{number}){_SPACE}(?(open)[）)])")


@keywords(knowledge.document_number_words)
@memoized
def match_document_number(line: str) -> NoteMatch | None:
    """A line that is only a document number: ``国办发〔2023〕17号``, ``院臺綜字第1130000000號``."""
    if not any(word in line for word in knowledge.document_number_words()):
        return None  # every document number ends with one of these words
    start, end = content_bounds(line)
    found = _document_pattern().fullmatch(line, start, end)
    if found is None:
        return None
    return NoteMatch(kind="document-number", text=found.group("number"), start=start, end=end)
