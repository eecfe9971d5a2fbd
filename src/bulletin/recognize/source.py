"""Source lines: the publication or body an article is credited to or reprinted from.

Forms: a marker and a name (``（来源：区委办）``, ``转自：学习时报``,
``（综合自：政协联线）``), a publication in brackets (``（《人民日报》）``),
"according to" (``（据新华社）``), and a bare publication name under a title
(``学习时报``).  Names come back without book-title marks 《》.  A line such
as ``来源：新华网 | 编辑：张三`` also carries production credits; they are
returned in :attr:`SourceMatch.credits` (as editor bylines).

>>> match = match_source_line("（来源：区委办）")
>>> match.name, match.relation, (match.start, match.end)
('区委办', 'credited', (0, 8))
>>> match_source_line("（《人民日报》）").relation
'reprinted'
>>> match = match_source_line("来源：新华网 | 编辑：张三")
>>> match.name, [(c.name, c.kind) for c in match.credits]
('新华网', [('张三', 'editor')])
>>> match_trailing_source("……形成合力。（来源：区委办）").name
'区委办'
>>> match_publication_name("学习时报").name, match_publication_name("协会动态")
('学习时报', None)
"""

from __future__ import annotations

import functools

import attrs
import regex

from bulletin import knowledge
from bulletin.recognize.byline import BylineMatch, parse_credit
from bulletin.recognize.common import (
    CLOSE,
    CLOSERS,
    OPEN,
    PAIRS,
    closes_with,
    content_bounds,
    enclosed,
    keywords,
    lazy_pattern,
    memoized,
)
from bulletin.recognize.names import is_name

__all__ = [
    "SourceMatch",
    "is_outlet_name",
    "is_publication_name",
    "match_original_title",
    "match_outlet_prefix",
    "match_portal_stamp",
    "match_publication_name",
    "match_source_line",
    "match_trailing_source",
]


@attrs.frozen(kw_only=True)
class SourceMatch:
    """A source statement: the (first) name, its relation, and its extent in the line.

    ``names`` holds every name when several are listed (``来源：人民日报、新华社``);
    ``credits`` holds production credits printed on the same line.
    """

    name: str
    relation: str
    start: int
    end: int
    names: tuple[str, ...] = ()
    credits: tuple[BylineMatch, ...] = ()


_SPACE = "[\\s\u3000]*+"
_DELIMITERS = "[：:丨|｜/／]"
_NAME_SPLIT = lazy_pattern("[、，,；;]")
_TITLE_MARKS = "《》〈〉“”\"'「」『』"
#: A printed date: 2024年06月03日, 2024-06-03.
_DATE = "(?:\\d{4}\\s*+年\\s*+\\d{1,2}\\s*+月\\s*+\\d{1,2}\\s*+日|\\d{4}[-./]\\d{1,2}[-./]\\d{1,2})"
_DATE_TAIL = lazy_pattern("[\\s\u3000]*+" + _DATE + ".*$")


@functools.cache
def _marker_pattern() -> regex.Pattern[str]:
    markers = knowledge.source_markers()
    glued = [m for m in markers if m[-1] in "自于於载載"] + ["综合", "綜合"]
    spaced = [m for m in markers if m not in glued]
    according = knowledge.alternation(knowledge.according_markers())
    closers = knowledge.alternation(knowledge.according_closers())
    return regex.compile(
        f"(?:(?P<glued>{knowledge.alternation(glued)}){_DELIMITERS}?+"
        f"|(?P<spaced>{knowledge.alternation(spaced)})(?:{_SPACE}{_DELIMITERS}|[\\s\u3000]))"
        f"{_SPACE}(?P<rest>.+)"
        f"|(?P<according>{according})(?P<agency>[^，,。：:（）()]{{2,20}}?)(?:{closers})?$"
    )


def _clean(name: str) -> str:
    return name.strip().strip(_TITLE_MARKS).strip()


_CHANNEL = lazy_pattern("^(?:微信)?(?:公众号|公眾號|公号|公號|微博|头条号|頭條號)[\\s　]*+[：:]?[\\s　]*+")
_CODE = lazy_pattern("[\\d\\W_]+")


def _outlet_first(text: str) -> str:
    """``某某日报 要闻`` → ``某某日报``: a known or publication-shaped name, then a page word or site furniture."""
    head = regex.split("[\\s　【\\[]", text.strip(), maxsplit=1)[0]
    if head != text.strip() and (is_publication_name(_clean(head)) or _clean(head) in knowledge.agencies()):
        return head
    return text


def _names(text: str) -> tuple[str, ...] | None:
    text = _DATE_TAIL.sub("", text)
    text = _CHANNEL.sub("", _outlet_first(text))
    names = tuple(_clean(part) for part in _NAME_SPLIT.split(text))
    if not names or any(not name or len(name) > 30 or regex.search("[。！？!?：:]", name) for name in names):
        return None
    if any(_CODE.fullmatch(name) for name in names):
        return None  # a posting code (来源：20310417-0012) names no source
    return names


def _statement(line: str, start: int, end: int, outer: tuple[int, int]) -> SourceMatch | None:
    """Read ``line[start:end]`` as a source statement; ``outer`` is its extent with brackets."""
    found = _marker_pattern().fullmatch(line, start, end)
    if found is None:
        return None
    if found.group("according"):
        names = _names(found.group("agency"))
        return None if names is None else _make(names, "credited", outer)
    marker = found.group("glued") or found.group("spaced")
    relation = knowledge.source_markers()[marker]
    rest_start = found.start("rest")
    split = _credit_split(line, rest_start, end)
    if split is None:
        return None
    names_end, credits = split
    names = _names(line[rest_start:names_end])
    return None if names is None else _make(names, relation, outer, credits)


_DATE_END = lazy_pattern(
    "[\\s\u3000|｜丨]*+" + _DATE + "(?:[\\s\u3000]*+\\d{1,2}:\\d{2}(?::\\d{2})?+)?+[\\s\u3000]*+$"
)


def _credit_split(line: str, start: int, end: int) -> tuple[int, tuple[BylineMatch, ...]] | None:
    """Where the names after a source marker end and the credits printed after them.

    A bar or a wide space (``新华网 | 编辑：张三``), a role word and a colon,
    even glued by the whitespace normaliser (``人民日报责任编辑：张三``), or
    a space before a whole credit (``人民日报 记者 张三``) ends the names (a
    name is at most 30 characters long).
    ``None`` when a hard boundary is followed by something that is not a credit.
    """
    date = _DATE_END.search(line, start, end)
    stop = date.start() if date is not None and date.start() > start else end
    hard = regex.search("[|｜丨]|[\\s\u3000]{2,}", line, pos=start, endpos=stop)
    if hard is None:
        hard = _labelled_credit().search(line, pos=start + 1, endpos=stop)
    if hard is not None:
        parsed = parse_credit(line, *content_bounds(line, hard.end(), stop))
        return None if parsed is None else (hard.start(), parsed)
    for space in regex.finditer("[\\s\u3000]++", line, pos=start, endpos=min(stop, start + 31)):
        parsed = parse_credit(line, *content_bounds(line, space.end(), stop))
        if parsed is not None:
            return space.start(), parsed
    return end, ()


@functools.cache
def _labelled_credit() -> regex.Pattern[str]:
    # 来源：人民日报 作者：张三, 来源：人民日报，编辑：张三, 人民日报责任编辑：张三
    return regex.compile(f"[\\s\u3000，,；;]*+(?={_role_alternation()}{_SPACE}[：:])")


@functools.cache
def _role_alternation() -> str:
    return knowledge.alternation(knowledge.roles())


def _make(
    names: tuple[str, ...], relation: str, outer: tuple[int, int], credits: tuple[BylineMatch, ...] = ()
) -> SourceMatch:
    return SourceMatch(
        name=names[0], relation=relation, start=outer[0], end=outer[1], names=names, credits=credits
    )


def _bracketed(line: str, start: int, end: int) -> SourceMatch | None:
    inner = enclosed(line, start, end)
    if inner is None:
        return None
    begin, stop = content_bounds(line, *inner)
    statement = _statement(line, begin, stop, (start, end))
    if statement is not None:
        return statement
    text = line[begin:stop]
    if text.startswith("《"):
        closing = text.find("》")
        if closing > 1 and (
            closing == len(text) - 1
            or _DATE_TAIL.fullmatch(text[closing + 1 :])
            or regex.fullmatch("[\\s\u3000]*+(?:第?\\s*+\\d+\\s*+版)", text[closing + 1 :])
        ):
            return _make((text[1:closing],), "reprinted", (start, end))
        return None
    if is_publication_name(text) or (text in knowledge.agencies() and text not in knowledge.self_references()):
        return _make((text,), "reprinted", (start, end))
    parts = tuple(part.strip() for part in _NAME_SPLIT.split(text))
    if all(is_outlet_name(part) for part in parts):
        return _make(parts, "credited", (start, end))
    return None


#: Endings that make an unlisted name in an agency tail an outlet's: （某某大会新闻中心）.
_OUTLET_ENDINGS = lazy_pattern("(?:新闻中心|新聞中心|通讯社|通訊社|新闻社|新聞社|电视台|電視台|广播电台|廣播電台|电台|電台)$")


def is_outlet_name(text: str) -> bool:
    """Whether ``text`` names a news outlet: a known agency, a publication, or an outlet's ending.

    >>> [is_outlet_name(t) for t in ("法新社", "某某大会新闻中心", "某某日报", "合作社", "")]
    [True, True, True, False, False]
    """
    if not text or len(text) > 20 or text in knowledge.self_references():
        return False
    return text in knowledge.agencies() or is_publication_name(text) or bool(_OUTLET_ENDINGS.search(text))


def _source_line_keywords() -> tuple[str, ...]:
    """A source line is in brackets, or states its source with a marker (``来源``, ``转自``, ``据``),
    or names a publication in title marks, or is a portal's stamp (an address, with its dots)."""
    markers = (*knowledge.source_markers(), "综合", "綜合", *knowledge.according_markers())
    return (*PAIRS, *markers, "《", ".")


@keywords(_source_line_keywords)
@memoized
def match_source_line(line: str) -> SourceMatch | None:
    """A whole line stating a source: ``（来源：区委办）``, ``转自：学习时报``, ``（据新华社）``.

    A production credit may follow a bracketed source, bracketed or not; it
    comes back in :attr:`SourceMatch.credits`:

    >>> match = match_source_line("（来源：新华网）（编辑：张三）")
    >>> match.name, [(c.name, c.kind) for c in match.credits], match.end
    ('新华网', [('张三', 'editor')], 15)
    """
    start, end = content_bounds(line)
    if start == end:
        return None
    bracketed = _bracketed(line, start, end)
    if bracketed is not None or enclosed(line, start, end) is not None:
        return bracketed
    statement = _statement(line, start, end, (start, end))
    if statement is not None:
        return statement
    if line.startswith("《", start):
        return _publication_with_issue(line, start, end)
    stamp = match_portal_stamp(line) if "." in line else None
    if stamp is not None:
        return stamp
    dated = _DATED_META.match(line, start, end)
    if dated is not None:  # ( 2031-04-17 ) 稿件来源:某某日报 要闻
        return _statement(line, dated.end(), end, (start, end))
    first = _group_pattern().match(line, start, end)
    return None if first is None else _with_credit(line, first.start(), first.end(), end)


_ISSUE = lazy_pattern(
    f"《(?P<name>[^《》。！？!?：:]{{2,20}}+)》{_SPACE}(?P<open>{OPEN})?+{_SPACE}"
    f"(?:{_DATE}"
    f"(?:{_SPACE}[，,]?+{_SPACE}(?:第\\s*+(?:[A-Z]?\\d{{1,3}}|[一二三四五六七八九十]{{1,3}})\\s*+版|[A-Z]?\\d{{1,3}}\\s*+版))?+"
    "|第\\s*+(?:[A-Z]?\\d{1,3}|[一二三四五六七八九十]{1,3})\\s*+版)"
    f"{_SPACE}(?(open){CLOSE}){_SPACE}"
)


_DATED_META = lazy_pattern(f"{OPEN}{_SPACE}{_DATE}{_SPACE}{CLOSE}{_SPACE}")


def _publication_with_issue(line: str, start: int, end: int) -> SourceMatch | None:
    """A publication with the issue it printed the article in: ``《人民日报》（2024年06月03日 第01版）``.

    >>> match = _publication_with_issue("《人民日报》（2024年06月03日 第01版）", 0, 24)
    >>> match.name, match.relation
    ('人民日报', 'reprinted')
    >>> _publication_with_issue("《关于加强基层治理的意见》要求", 0, 15) is None
    True
    """
    found = _ISSUE.fullmatch(line, start, end)
    if found is None:
        return None
    return _make((found.group("name").strip(),), "reprinted", (start, end))


@functools.cache
def _group_pattern() -> regex.Pattern[str]:
    return regex.compile(f"{OPEN}[^（）()【】\\[\\]]{{2,60}}+{CLOSE}")


def _with_credit(line: str, start: int, stop: int, end: int) -> SourceMatch | None:
    """A bracketed source ``line[start:stop]`` followed by a credit up to ``end``: ``（来源：X）（编辑：Y）``."""
    source = _bracketed(line, start, stop)
    if source is None:
        return None
    begin, finish = content_bounds(line, stop, end)
    inner = enclosed(line, begin, finish)
    if inner is not None:
        credits = parse_credit(line, *content_bounds(line, *inner), bare=True)
    else:
        credits = parse_credit(line, begin, finish)
    if not credits:
        return None
    return attrs.evolve(source, end=finish, credits=source.credits + credits)


@functools.cache
def _trailing_pattern() -> regex.Pattern[str]:
    return regex.compile(f"{OPEN}[^（）()【】\\[\\]]{{2,60}}+{CLOSE}{_SPACE}$")


@functools.cache
def _trailing_pair_pattern() -> regex.Pattern[str]:
    group = f"{OPEN}[^（）()【】\\[\\]]{{2,60}}+{CLOSE}"
    return regex.compile(f"(?P<source>{group}){_SPACE}{group}{_SPACE}$")


@functools.cache
def _trailing_issue_pattern() -> regex.Pattern[str]:
    return regex.compile(_ISSUE.pattern + "$")


@keywords(lambda: CLOSERS)
@memoized
def match_trailing_source(line: str) -> SourceMatch | None:
    """A bracketed source closing a paragraph line: ``……。（来源：区委办）``.

    It may be followed by a bracketed production credit:

    >>> match = match_trailing_source("……形成合力。（来源：区委办）（责任编辑：张三）")
    >>> match.name, [c.name for c in match.credits], (match.start, match.end)
    ('区委办', ['张三'], (7, 24))

    A paper's credit line after a byline counts too:

    >>> match_trailing_source("本报记者 王小明《某某日报》（2031年01月03日第 11 版）").name
    '某某日报'
    """
    issue = _trailing_issue_pattern().search(line) if "》" in line else None
    if issue is not None and issue.start() > 0:
        return _make((issue.group("name").strip(),), "reprinted", (issue.start(), len(line.rstrip())))
    found = _trailing_pattern().search(line) if closes_with(line, CLOSERS) else None
    if found is None:
        return None
    _, end = content_bounds(line, found.start(), found.end())
    source = _bracketed(line, found.start(), end)
    if source is not None:
        return source
    pair = _trailing_pair_pattern().search(line)
    if pair is None:
        return None
    return _with_credit(line, pair.start("source"), pair.end("source"), end)


_PORTAL_STAMP = lazy_pattern(
    "(?:https?://)?+[A-Za-z0-9.-]{1,80}\\.[A-Za-z]{2,12}(?:/\\S{0,200})?+[\\s　]++"
    + _DATE
    + "(?:[\\s　]*+\\d{1,2}:\\d{2}(?::\\d{2})?+)?+[\\s　]*+(?P<names>[^\\s　].{1,40}?)[\\s　]*+"
)


def match_portal_stamp(line: str) -> SourceMatch | None:
    """A portal's stamp under a headline: its address, the time and the outlet the story is from.

    >>> match_portal_stamp("http://www.example.com.cn 2031年04月17日 08:05 某某社").names
    ('某某社',)
    >>> match_portal_stamp("www.example.com 2031年04月17日 08:05 某某网-某某晚报").names
    ('某某网', '某某晚报')
    """
    found = _PORTAL_STAMP.fullmatch(line)
    if found is None:
        return None
    names = tuple(_clean(name) for name in regex.split("[-－—、]", found.group("names")))
    suffixes = knowledge.outlet_suffixes()
    if not all(is_outlet_name(name) or any(name.endswith(x) for x in suffixes) for name in names):
        return None
    start, end = content_bounds(line)
    return _make(names, "credited", (start, end))


_OUTLET_PREFIX = lazy_pattern("(?P<outlet>[\\p{Han}A-Za-z0-9·]{2,10}+)[\\s　]*+[｜丨|][\\s　]*+\\S")


def match_outlet_prefix(title: str) -> SourceMatch | None:
    """The outlet a reposted piece names before its title: ``某某网｜新馆开放`` → 某某网.

    A site's own label (``独家｜…``, ``视频｜…``) is not an outlet.

    >>> match_outlet_prefix("某某晚报｜新馆开放").name, match_outlet_prefix("独家｜新馆开放")
    ('某某晚报', None)
    """
    found = _OUTLET_PREFIX.match(title)
    if found is None:
        return None
    outlet = found.group("outlet")
    if outlet in knowledge.title_labels() or outlet in knowledge.self_references():
        return None
    return _make((outlet,), "reposted", (found.start("outlet"), found.end("outlet")))


_ORIGINAL_TITLE_LABELS = ("原标题", "原標題")
_ORIGINAL_TITLE = lazy_pattern(
    f"(?:{'|'.join(_ORIGINAL_TITLE_LABELS)})"
    "[\\s　]*+[：:][\\s　]*+(?P<outlet>[\\p{Han}A-Za-z0-9·]{2,10}+)"
    "(?:[\\s　]*+[｜丨]|[\\s　]*+\\|)[\\s　]*+\\S.*"
)


@keywords(lambda: _ORIGINAL_TITLE_LABELS)
def match_original_title(line: str) -> SourceMatch | None:
    """An ``原标题：`` line that names the outlet before the title: ``原标题：某某晚报｜新馆开放``.

    >>> match_original_title("原标题：某某晚报｜新馆开放").name
    '某某晚报'
    """
    found = _ORIGINAL_TITLE.fullmatch(line.strip())
    if found is None or found.group("outlet") in knowledge.title_labels():
        return None
    return _make((found.group("outlet"),), "reposted", (0, len(line.strip())))


_NAME_SHAPE = regex.compile("[\\p{Han}A-Za-z]{2,12}")


def is_publication_name(text: str) -> bool:
    """Whether ``text`` has the shape of a publication's name (``学习时报``, ``人民网``).

    >>> [is_publication_name(t) for t in ("学习时报", "新京报", "喜报", "互联网", "张报")]
    [True, True, False, False, False]
    """
    if text in knowledge.periodicals():
        return True
    if not _NAME_SHAPE.fullmatch(text) or text in knowledge.not_publications():
        return False
    # every ending of the text looked up (at most 11), not every word of the lists tried against it
    words = knowledge.not_publications()
    if any(text[i:] in words for i in range(len(text) - 1)):
        return False
    if is_name(text):
        return False
    endings = knowledge.publication_endings()
    return any(len(text) >= endings.get(text[i:], len(text) + 1) for i in range(len(text)))


@functools.cache
def _organization_roles() -> frozenset[str]:
    """Role words an organisation signs with (``评论员``): ``人民日报评论员`` names 人民日报."""
    return frozenset(word for word, role in knowledge.roles().items() if role.organization)


def match_publication_name(line: str) -> SourceMatch | None:
    """A line that is only a publication's name, set under a title as its source.

    ``学习时报``, ``《求是》``; a commentator credit (``人民日报评论员``)
    names the publication too.  Column names (``协会动态``) and personal names
    are refused.
    """
    start, end = content_bounds(line)
    text = line[start:end]
    if len(text) >= 3 and text[0] == "《" and text[-1] == "》" and "《" not in text[1:-1]:
        name = text[1:-1].strip()
        return _make((name,), "reprinted", (start, end)) if 1 <= len(name) <= 20 else None
    roles = _organization_roles()
    for i in range(1, len(text)):  # the longest role word that ends the text and leaves a name before it
        if text[i:] in roles:
            text = text[:i]
            break
    if text in knowledge.self_references():
        return None
    if is_publication_name(text) or text in knowledge.agencies():
        return _make((text,), "reprinted", (start, end))
    return None
