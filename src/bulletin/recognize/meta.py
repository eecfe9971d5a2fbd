"""Web page metadata: the line of labelled fields a saved web page prints under its title.

Such a line is one or more ``label：value`` fields separated by spaces or bars
(``|``, ``丨``, ``｜``), e.g. ``发布时间：2024-05-06 10:00:00  来源：市政府办公室``;
a date may also stand without a label (``2024-05-06 10:00 来源：人民网``).  The
labels are data (``bulletin/data/meta.toml``, both scripts).  At least one
field must be labelled as a date or a source, every field must be one the data
knows, and a date field must hold a date, so body sentences and contact lines
(``联系人：王女士 010-12345678``) are refused.  The whitespace normaliser may
glue fields together (``来源：市政府办公室作者：张三``); a label of two or
more characters right before a colon still starts a field.

>>> meta = match_meta_line("发布时间：2024-05-06 10:00:00  来源：市政府办公室")
>>> meta.published, meta.source.name
(datetime.datetime(2024, 5, 6, 10, 0), '市政府办公室')
>>> meta = match_meta_line("來源：新華網 | 編輯：張三 | 2024-05-06")
>>> meta.published, [(e.name, e.role, e.kind) for e in meta.editors]
(datetime.date(2024, 5, 6), [('張三', '編輯', 'editor')])
>>> match_meta_line("联系人：王女士 010-12345678") is None
True
"""

from __future__ import annotations

import datetime as dt
import functools

import attrs
import regex

from bulletin import knowledge
from bulletin.recognize.byline import BylineMatch, parse_credit
from bulletin.recognize.common import content_bounds, keywords, lazy_pattern, memoized
from bulletin.recognize.source import SourceMatch

__all__ = ["MetaMatch", "match_meta_line", "parse_meta_datetime"]


@attrs.frozen(kw_only=True)
class MetaMatch:
    """A web page's metadata line.

    ``fields`` holds every field as printed: ``(label, value, value_start,
    value_end)``, offsets into the line; a date printed without a label has
    the label ``""``.  ``published`` is the publication date (a
    :class:`datetime.datetime` when a time is printed): from a publication
    label (发布时间), else a generic one (时间), else an unlabelled date, else
    an update label (更新时间).  ``source`` is the source field (its extent
    covers label and value); ``authors`` and ``editors`` are the people the
    author and editor fields name, with the label as role unless the value
    prints one (``作者：新华社记者 张三``).  ``start``/``end`` cover the line
    without surrounding whitespace.
    """

    fields: tuple[tuple[str, str, int, int], ...]
    published: dt.datetime | dt.date | None = None
    source: SourceMatch | None = None
    authors: tuple[BylineMatch, ...] = ()
    editors: tuple[BylineMatch, ...] = ()
    start: int
    end: int


_SPACE = "[\\s\u3000]*+"
_SEPARATORS = "\\s\u3000|丨｜"
_BAR = lazy_pattern(f"{_SPACE}[|丨｜][{_SEPARATORS}]*+")
_STRIP = lazy_pattern(f"[{_SEPARATORS}]*+")
_REFUSED = lazy_pattern("[。！？!?]")  # sentence punctuation: a body line
_NOT_IN_VALUE = lazy_pattern("[，,；;：:。！？!?]")
_NAME_SPLIT = lazy_pattern("[、，,；;]")
_TITLE_MARKS = "《》〈〉“”\"'「」『』"
_MAX_LENGTH = 300
_DATE_KINDS = ("published", "updated", "date", "bare")


@functools.cache
def _label_pattern() -> regex.Pattern[str]:
    labels = knowledge.meta_labels()
    everything = knowledge.alternation(labels)
    long = knowledge.alternation(label for label in labels if len(label) >= 2)
    # A label starts the line or follows a separator or digit; glued to the
    # previous value (by the whitespace normaliser) it must be two characters or more.
    return regex.compile(f"(?:(?<!\\p{{Han}})(?P<label>{everything})|(?P<glued>{long})){_SPACE}[：:]")


@functools.cache
def _datetime_pattern() -> regex.Pattern[str]:
    weekdays = knowledge.alternation(knowledge.weekdays())
    numeric = "(?P<y>\\d{3,4}+)(?P<s>[-/.])(?P<m>\\d{1,2}+)(?P=s)(?P<d>\\d{1,2}+)"
    written = (
        f"(?P<roc>(?:中華)?民國{_SPACE})?(?P<y2>\\d{{2,4}}+){_SPACE}年{_SPACE}(?P<m2>\\d{{1,2}}+){_SPACE}月"
        f"{_SPACE}(?P<d2>\\d{{1,2}}+){_SPACE}[日号號]"
    )
    weekday = f"(?:{_SPACE}[（(]?+{weekdays}[）)]?+)?+"
    clock = (
        f"(?P<H>\\d{{1,2}}+){_SPACE}[:：]{_SPACE}(?P<M>\\d{{2}})(?:{_SPACE}[:：]{_SPACE}(?P<S>\\d{{2}})(?:\\.\\d++)?+)?+"
        f"|(?P<H2>\\d{{1,2}}+){_SPACE}[时時点點]{_SPACE}(?:(?P<M2>\\d{{1,2}}+){_SPACE}分"
        f"(?:{_SPACE}(?P<S2>\\d{{1,2}}+){_SPACE}秒)?+)?+"
    )
    return regex.compile(f"(?:{numeric}|{written}){weekday}(?:(?:T|{_SPACE})(?:{clock}))?+")


def parse_meta_datetime(text: str, *, labelled: bool = True) -> dt.datetime | dt.date | None:
    """The date (and time) ``text`` prints in web page style, ``None`` if it is not one.

    Taiwan's Republic of China years (``113-05-06``, ``民國113年5月6日``) are
    read only when ``labelled``, as a bare three-digit year is too loose.

    >>> parse_meta_datetime("2024-05-06 10:00:00"), parse_meta_datetime("2024年5月6日 10:00")
    (datetime.datetime(2024, 5, 6, 10, 0), datetime.datetime(2024, 5, 6, 10, 0))
    >>> parse_meta_datetime("2024/05/06"), parse_meta_datetime("113-05-06")
    (datetime.date(2024, 5, 6), datetime.date(2024, 5, 6))
    >>> parse_meta_datetime("5月6日上午") is None, parse_meta_datetime("113-05-06", labelled=False) is None
    (True, True)
    """
    found = _datetime_pattern().fullmatch(text.strip())
    if found is None:
        return None
    year_text = found.group("y") or found.group("y2")
    year = int(year_text)
    if len(year_text) < 4:
        if not labelled or (len(year_text) == 2 and not found.group("roc")):
            return None
        year += 1911  # 民國 (Republic of China) year
    elif found.group("roc"):
        return None
    month = int(found.group("m") or found.group("m2"))
    day = int(found.group("d") or found.group("d2"))
    hour = found.group("H") or found.group("H2")
    minute = found.group("M") or found.group("M2") or "0"
    second = found.group("S") or found.group("S2") or "0"
    if not 1900 <= year <= 2100:
        return None
    try:
        if hour is None:
            return dt.date(year, month, day)
        return dt.datetime(year, month, day, int(hour), int(minute), int(second))
    except ValueError:
        return None


def _is_numeric_date(text: str) -> bool:
    found = _datetime_pattern().fullmatch(text.strip())
    return found is not None and found.group("y") is not None


@attrs.define
class _Field:
    label: str
    kind: str
    start: int  # of the label ("" fields: of the value)
    value_start: int
    value_end: int


def _bare_tail(line: str, start: int, end: int) -> int | None:
    """Where an unlabelled date closing ``line[start:end]`` begins (after a space)."""
    for space in regex.finditer("[\\s\u3000]++", line, pos=start, endpos=end):
        if parse_meta_datetime(line[space.end() : end], labelled=False) is not None:
            return space.end()
    return None


def _fields(line: str, start: int, end: int) -> list[_Field] | None:
    """The fields of ``line[start:end]``; ``None`` when some text is not a field."""
    labels = knowledge.meta_labels()
    found = list(_label_pattern().finditer(line, start, end))
    if not found:
        return None
    fields: list[_Field] = []
    head_start, head_end = _trim(line, start, found[0].start())
    if head_start < head_end:
        if parse_meta_datetime(line[head_start:head_end], labelled=False) is None:
            return None
        fields.append(_Field("", "bare", head_start, head_start, head_end))
    for index, label in enumerate(found):
        word = label.group("label") or label.group("glued")
        stop = found[index + 1].start() if index + 1 < len(found) else end
        value_start, value_end = _trim(line, label.end(), stop)
        parts = [(value_start, value_end)]
        bar = _BAR.search(line, value_start, value_end)
        if bar is not None:  # 编辑：张三 | 2024-05-06
            parts = [(value_start, bar.start())]
            rest = bar.end()
            for other in _BAR.finditer(line, rest, value_end):
                parts.append((rest, other.start()))
                rest = other.end()
            parts.append((rest, value_end))
        first_start, first_end = parts[0]
        extra = parts[1:]
        kind = labels[word]
        if kind not in ("published", "updated", "date") and first_start < first_end:
            tail = _bare_tail(line, first_start, first_end)  # 来源：新华网 2024-05-06
            if tail is not None:
                extra.insert(0, (tail, first_end))
                first_end = _trim(line, first_start, tail)[1]
        fields.append(_Field(word, kind, label.start(), first_start, first_end))
        for part_start, part_end in extra:
            if parse_meta_datetime(line[part_start:part_end], labelled=False) is None:
                return None
            fields.append(_Field("", "bare", part_start, part_start, part_end))
    return fields


def _trim(line: str, start: int, end: int) -> tuple[int, int]:
    lead = _STRIP.match(line, start, end)
    begin = lead.end() if lead else start
    while end > begin and (line[end - 1].isspace() or line[end - 1] in "|丨｜"):
        end -= 1
    return begin, end


def _source(line: str, field: _Field) -> SourceMatch | None:
    text = line[field.value_start : field.value_end]
    names = tuple(part.strip().strip(_TITLE_MARKS).strip() for part in _NAME_SPLIT.split(text))
    if not all(names) or any(len(name) > 30 for name in names):
        return None
    relation = knowledge.source_markers().get(field.label, "credited")
    return SourceMatch(name=names[0], relation=relation, start=field.start, end=field.value_end, names=names)


def _people(line: str, field: _Field) -> tuple[BylineMatch, ...]:
    parsed = parse_credit(line, field.value_start, field.value_end, bare=True)
    if parsed is None:
        return ()  # 作者：佚名, 作者：本站: no person named
    people = []
    for byline in parsed:
        if byline.role is None:
            byline = attrs.evolve(byline, role=field.label, kind=field.kind)
        elif field.kind == "editor":
            byline = attrs.evolve(byline, kind="editor")
        people.append(byline)
    return tuple(people)


@keywords(lambda: ("：", ":"))  # every label is followed by a colon
@memoized
def match_meta_line(line: str) -> MetaMatch | None:
    """A whole line of web page metadata: ``发布时间：2024-05-06  来源：人民网``.

    >>> meta = match_meta_line("2024-05-06 10:00 来源：人民网 作者：张三")
    >>> meta.published, meta.source.name, [(a.name, a.role, a.start) for a in meta.authors]
    (datetime.datetime(2024, 5, 6, 10, 0), '人民网', [('张三', '作者', 27)])
    >>> meta.fields[0]
    ('', '2024-05-06 10:00', 0, 16)
    >>> match_meta_line("时间：2024-05-06 浏览次数：123").published
    datetime.date(2024, 5, 6)
    >>> match_meta_line("时间：5月6日上午9时 地点：市民中心") is None
    True
    """
    start, end = content_bounds(line)
    if start == end or end - start > _MAX_LENGTH:
        return None
    if line.find("：", start, end) < 0 and line.find(":", start, end) < 0:
        return None  # every label is followed by a colon, and a metadata line has one at least
    if _REFUSED.search(line, start, end):
        return None
    fields = _fields(line, start, end)
    if fields is None:
        return None
    dates: dict[str, dt.datetime | dt.date] = {}
    source: SourceMatch | None = None
    authors: list[BylineMatch] = []
    editors: list[BylineMatch] = []
    anchored = False  # a date or source label with a value
    for field in fields:
        value = line[field.value_start : field.value_end]
        if field.kind == "other" or not value:
            continue
        if field.kind in _DATE_KINDS:
            when = parse_meta_datetime(value, labelled=field.kind != "bare")
            if when is None:
                return None
            dates.setdefault(field.kind, when)
            anchored = anchored or field.kind != "bare"
        elif _NOT_IN_VALUE.search(value):
            return None  # 来源：网络，有删改 is a sentence
        elif field.kind == "source":
            found = _source(line, field)
            if found is None:
                return None
            source = source or found
            anchored = True
        elif field.kind == "author":
            authors.extend(_people(line, field))
        else:
            editors.extend(_people(line, field))
    if not anchored:
        return None
    if all(field.kind in ("date", "bare") for field in fields) and not all(
        _is_numeric_date(line[field.value_start : field.value_end]) for field in fields
    ):
        return None  # 时间：2024年5月6日 alone may be a notice's body
    published = next(
        (dates[kind] for kind in ("published", "date", "bare", "updated") if kind in dates), None
    )
    return MetaMatch(
        fields=tuple(
            (field.label, line[field.value_start : field.value_end], field.value_start, field.value_end)
            for field in fields
        ),
        published=published,
        source=source,
        authors=tuple(authors),
        editors=tuple(editors),
        start=start,
        end=end,
    )
