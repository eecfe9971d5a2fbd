"""Datelines: who filed a report, from where and when (``新华社北京6月2日电``).

A dateline is an agency or outlet, an optional place and date, and a closing
word (电, 讯, 消息).  It opens the first paragraph (``本报讯（记者 林涛）…``)
or, in brackets, closes the last one (``…。（新华社北京6月2日电）``).
Taiwan's Central News Agency prints the reporter inside it
(``中央社記者王小明台北5日電``).

>>> match = match_leading_dateline("新华社北京6月2日电（记者 张三 李四）国务院总理…")
>>> match.agency, match.place, match.month, match.day, [c.name for c in match.credits]
('新华社', '北京', 6, 2, ['张三', '李四'])
>>> match.text, match.body_start
('新华社北京6月2日电', 20)
>>> match_leading_dateline("本报讯 全市秋季植树活动昨天上午启动。").body_start
4
>>> match_leading_dateline("新华社报道说，会议于昨天举行。") is None
True
>>> match_trailing_dateline("……取得新进展。（新华社北京 10 月 9 日电）").day
9
"""

from __future__ import annotations

import datetime as dt
import functools

import attrs
import regex

from bulletin import knowledge
from bulletin.model import IssueDate
from bulletin.recognize.byline import BylineMatch, parse_credit
from bulletin.recognize.common import (
    CLOSE,
    CLOSERS,
    COLON,
    OPEN,
    OPENERS,
    closes_with,
    content_bounds,
    keywords,
    lazy_pattern,
    memoized,
)
from bulletin.recognize.names import is_name
from bulletin.recognize.numbers import number_pattern, parse_number

__all__ = [
    "DatelineMatch",
    "match_bracketed_outlet",
    "match_filed_credit",
    "match_leading_dateline",
    "match_trailing_dateline",
    "resolve_date",
]


@attrs.frozen(kw_only=True)
class DatelineMatch:
    """A dateline found in a line.

    ``text`` is the dateline as printed, without surrounding brackets;
    ``start``/``end`` cover it with its brackets.  ``year``, ``month`` and
    ``day`` are as printed (Chinese numerals converted).  ``body_start`` is
    where the body begins after the dateline, a credit in brackets
    (``（记者 林涛）``) and separators.  ``credits`` are the people the
    dateline names.
    """

    text: str
    agency: str | None
    place: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    start: int
    end: int
    body_start: int
    position: str = "leading"
    credits: tuple[BylineMatch, ...] = ()


_SPACE = "[\\s\u3000]*+"
_NUMERALS = lazy_pattern("[〇零一二三四五六七八九十廿卅两]+")


@functools.cache
def _core() -> str:
    """Regex source of a dateline without brackets."""
    number = number_pattern()
    units = knowledge.date_units()
    year_unit, month_unit, day_unit = (knowledge.alternation(units[key]) for key in ("year", "month", "day"))
    date = (
        f"(?:(?P<year>{number}){_SPACE}{year_unit}{_SPACE})?"
        f"(?:(?P<month>{number}){_SPACE}{month_unit}{_SPACE})?"
        f"(?P<day>{number}){_SPACE}{day_unit}"
    )
    undated = knowledge.dateline_verbs(dated=False)
    boundary = knowledge.dateline_boundary_verbs()
    free = knowledge.alternation(undated - boundary)
    bound = knowledge.alternation(undated & boundary)
    not_after = knowledge.alternation(knowledge.dateline_not_after())
    bound_not_after = knowledge.alternation(knowledge.dateline_bound_not_after())
    outlet = f"\\p{{Han}}{{1,10}}?{knowledge.alternation(knowledge.outlet_suffixes())}"
    place = "(?:(?![电電讯訊])\\p{Han}){1,8}?"
    reporters = {word for word, role in knowledge.roles().items() if role.family == "reporter"}
    agencies = knowledge.alternation(knowledge.agencies())
    return (
        f"(?P<according>{knowledge.alternation(knowledge.according_prefixes())})?"
        f"(?:(?P<agency>{agencies}(?:[—–\\-－]{{1,2}}{agencies})?)|(?P<outlet>{outlet}))"
        f"(?:(?P<role>{knowledge.alternation(reporters)})(?P<reporters>[\\p{{Han}}、·]{{3,30}}?)"
        f"(?={_SPACE}{number}{_SPACE}(?:{year_unit}|{month_unit}|{day_unit})))?"
        "(?:"
        f"(?P<place>{place})?{_SPACE}(?P<date>{date}){_SPACE}"
        f"(?P<verb>{knowledge.alternation(knowledge.dateline_verbs(dated=True))})"
        f"|(?P<place2>{place})??(?:(?P<verb2>{free})(?!{not_after})|(?P<verb3>{bound})"
        # a bound verb ends at a space, bracket, colon or dash; after "according to" (据新华社电)
        # the space may be lost in normalisation, so there it ends unless a word goes on (电视台)
        f"(?(according)(?!{bound_not_after})|(?=[\\s\u3000（(【\\[：:—\\-，,]|$)))"
        ")"
    )


@functools.cache
def _verbs() -> tuple[str, ...]:
    """The words that close a dateline, leaving out those that hold a shorter one (专电 holds 电)."""
    verbs = knowledge.dateline_verbs(dated=True) | knowledge.dateline_verbs(dated=False)
    return tuple(sorted(v for v in verbs if not any(w != v and w in v for w in verbs)))


def _leading_keywords() -> tuple[str, ...]:
    """Words one of which every leading dateline holds: a closing verb, a filed-from credit's
    ``报道``, or the bracket of a bracketed outlet (``（某某中文网）``)."""
    return (*_verbs(), "報導", "报道", "報道", "（", "(")


def _may_hold_dateline(text: str) -> bool:
    """Whether ``text`` holds a word that closes a dateline: every dateline ends with one."""
    return any(verb in text for verb in _verbs())


@functools.cache
def _leading() -> regex.Pattern[str]:
    return regex.compile(f"(?P<open>{OPEN}{_SPACE})?(?P<core>{_core()})(?(open){_SPACE}{CLOSE})")


@functools.cache
def _trailing() -> regex.Pattern[str]:
    return regex.compile(f"{OPEN}{_SPACE}(?P<core>{_core()}){_SPACE}{CLOSE}{_SPACE}[。.]?{_SPACE}$")


@functools.cache
def _credit_after() -> regex.Pattern[str]:
    # （记者 林涛） or, in Hong Kong papers, 記者 張三 報道：
    return regex.compile(
        f"{_SPACE}(?:(?P<paren>[（(])(?P<inner>[^（）()]{{1,40}}+)[）)]|(?P<inline>[^（）()：:，,。]{{2,30}}?)(?={COLON}))"
    )


_SEPARATORS = lazy_pattern("[\\s\u3000：:—\\-–－，,]*+")
_HEADLINE_LINE = lazy_pattern("[題题][\\s\u3000]*+[：:]")
#: A relay credit after a dateline (``阿斯塔纳8月9日电 杜尚别消息：``, ``青岚讯：``, ``综合驻外记者报道：``):
#: who passed the report on, not body.
_RELAY = lazy_pattern(
    "(?:(?:\\p{Han}{2,8}?(?:消息|讯|訊))|(?:综合|綜合)\\p{Han}{0,10}?(?:报道|報道|報導))[\\s\u3000]*+[：:][\\s\u3000]*+"
)


def _is_bracket_only(match: regex.Match[str]) -> bool:
    return match.group("open") is not None


def _split_reporters(
    run: str, offset: int, role: str, organization: str | None
) -> tuple[tuple[BylineMatch, ...], str] | None:
    """``王小明台北`` → the reporter 王小明 and the place 台北."""
    *names, last = run.split("、")
    places = knowledge.dateline_places()
    cut = next((len(last) - len(p) for p in sorted(places, key=len, reverse=True) if last.endswith(p)), None)
    if cut is None or not is_name(last[:cut]):
        cut = 3 if len(last) >= 5 else 2
    names.append(last[:cut])
    place = last[cut:]
    if len(place) < 1 or not all(is_name(name) for name in names):
        return None
    bylines, position = [], offset
    for name in names:
        bylines.append(
            BylineMatch(
                name=name, role=role, organization=organization, start=position, end=position + len(name)
            )
        )
        position += len(name) + 1
    return tuple(bylines), place


def _build(line: str, found: regex.Match[str], *, position: str) -> DatelineMatch | None:
    agency = found.group("agency") or found.group("outlet")
    if (
        found.group("outlet")
        and position == "leading"
        and found.group("open") is None
        and not found.group("verb2")
    ):
        return None  # an unlisted outlet makes a dateline only as 【X报讯】 or X报讯
    credits: tuple[BylineMatch, ...] = ()
    place: str | None = found.group("place") or found.group("place2")
    day_text: str | None = found.group("day")
    if place and day_text and _NUMERALS.fullmatch(place) and found.group("month") is None:
        place, day_text = None, f"{place}{day_text}"  # 新华社十七日讯: 十 is no place
    if found.group("role"):
        organization = None if agency in knowledge.self_references() else agency
        split = _split_reporters(
            found.group("reporters"), found.start("reporters"), found.group("role"), organization
        )
        if split is None or found.group("date") is None:
            return None
        credits, place = split
    numbers = [parse_number(found.group(key)) if found.group(key) else None for key in ("year", "month")]
    numbers.append(parse_number(day_text) if day_text else None)
    year, month, day = numbers
    if any(
        found.group(key) and value is None
        for key, value in zip(("year", "month", "day"), numbers, strict=True)
    ):
        return None
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    if year is not None and not 1800 <= year <= 2999:
        return None
    return DatelineMatch(
        text=found.group("core"),
        agency=agency,
        place=place or None,
        year=year,
        month=month,
        day=day,
        start=found.start(),
        end=found.end(),
        body_start=found.end(),
        position=position,
        credits=credits,
    )


@functools.cache
def _filed() -> regex.Pattern[str]:
    filed = knowledge.alternation(["報導", "报道", "報道"])
    return regex.compile(
        f"(?P<open>【{_SPACE})?(?P<credit>[^【】（）()\\s　/／∕╱][^【】（）()/／∕╱]{{1,40}}?)"
        f"{_SPACE}[/／∕╱]{_SPACE}(?P<place>\\p{{Han}}{{2,6}}?){filed}"
        f"(?(open){_SPACE}】|(?P<outlet>\\p{{Han}}{{1,8}}?(?:報|报|社|網|网|台))?+(?=[\\s　，,：:]|$))"
    )


def match_filed_credit(line: str) -> DatelineMatch | None:
    """A Taiwan credit that opens a report and names where it was filed: bylines and a dateline with a place.

    >>> match = match_filed_credit("【王小明、李大同╱台中報導】市府今天宣布…")
    >>> match.agency, match.place, [(c.name, c.role) for c in match.credits], match.body_start
    (None, '台中', [('王小明', None), ('李大同', None)], 14)
    >>> match = match_filed_credit("記者林小青∕高雄報導 市府今天宣布…")
    >>> match.place, [(c.name, c.role) for c in match.credits], match.body_start
    ('高雄', [('林小青', '記者')], 11)
    >>> match = match_filed_credit("特派記者陳小遠/上海報導某某報")
    >>> match.place, [(c.name, c.role, c.organization) for c in match.credits]
    ('上海', [('陳小遠', '特派記者', '某某報')])
    """
    start, _ = content_bounds(line)
    found = _filed().match(line, start)
    if found is None:
        return None
    bare = found.group("open") is not None
    credits = parse_credit(line, *content_bounds(line, *found.span("credit")), bare=bare)
    if not credits:
        return None
    if found.group("outlet"):
        credits = tuple(attrs.evolve(c, organization=c.organization or found.group("outlet")) for c in credits)
    separators = _SEPARATORS.match(line, found.end())
    body = separators.end() if separators else found.end()
    return DatelineMatch(
        text=line[found.start("credit") : found.end("place") + 2],
        agency=None,
        place=found.group("place"),
        start=found.start(),
        end=found.end(),
        body_start=body,
        credits=credits,
    )


@functools.cache
def _agencyless() -> regex.Pattern[str]:
    number = number_pattern()
    units = knowledge.date_units()
    month_unit, day_unit = (knowledge.alternation(units[key]) for key in ("month", "day"))
    return regex.compile(
        f"(?P<core>(?P<place>(?:(?![电電讯訊日月年])\\p{{Han}}){{2,8}}?)?{_SPACE}"
        f"(?:(?P<month>{number}){_SPACE}{month_unit}{_SPACE})?(?P<day>{number}){_SPACE}{day_unit}{_SPACE}[电電])"
        f"(?!{knowledge.alternation(knowledge.dateline_bound_not_after())}|[告报報])"
    )


def _match_agencyless(line: str, start: int) -> DatelineMatch | None:
    """A dateline whose agency a scrape lost: ``阿斯塔纳8月9日电``, ``8月9日电``."""
    found = _agencyless().match(line, start)
    if found is None:
        return None
    month = parse_number(found.group("month")) if found.group("month") else None
    day = parse_number(found.group("day"))
    if day is None or not 1 <= day <= 31 or (month is not None and not 1 <= month <= 12):
        return None
    if found.group("month") and month is None:
        return None
    place = found.group("place")
    if place is not None and (is_name(place) or place in knowledge.agencies()):
        return None
    return DatelineMatch(
        text=found.group("core"),
        agency=None,
        place=place,
        month=month,
        day=day,
        start=found.start(),
        end=found.end(),
        body_start=found.end(),
    )


@functools.cache
def _inner_credit() -> regex.Pattern[str]:
    agencies = knowledge.alternation(knowledge.agencies())
    outlet = f"\\p{{Han}}{{1,10}}?{knowledge.alternation(knowledge.outlet_suffixes())}"
    verbs = knowledge.alternation(["报道", "報道", "報導", "讯", "訊", "专讯", "專訊", "消息"])
    return regex.compile(
        f"【{_SPACE}(?P<core>(?P<agency>{agencies}|{outlet}){_SPACE}{verbs})"
        f"{_SPACE}(?P<inner>[^【】]{{2,30}}?){_SPACE}】"
    )


def _with_inner_credit(line: str, start: int) -> DatelineMatch | None:
    """``【某某网报道 实习记者 王小明】``: the reporter inside the dateline's brackets."""
    found = _inner_credit().match(line, start)
    if found is None:
        return None
    credits = parse_credit(line, *content_bounds(line, *found.span("inner")))
    if not credits:
        return None
    match = DatelineMatch(
        text=found.group("core"),
        agency=found.group("agency"),
        start=found.start(),
        end=found.end(),
        body_start=found.end(),
        credits=credits,
    )
    return _after_dateline(line, match, found.end())


_BRACKETED_OUTLET = lazy_pattern("[（(](?P<name>[\\p{Han}A-Za-z]{2,12}+)[）)][\\s\u3000]*+(?=\\S)")


def match_bracketed_outlet(line: str) -> DatelineMatch | None:
    """An outlet's name in brackets opening the first paragraph: ``（某某之声中文网）据…``.

    >>> match = match_bracketed_outlet("（某某之声中文网）据某国军方周二发布消息")
    >>> match.agency, match.body_start
    ('某某之声中文网', 9)
    >>> match_bracketed_outlet("（记者 王小明）据某国军方") is None
    True
    """
    found = _BRACKETED_OUTLET.match(line)
    if found is None:
        return None
    name = found.group("name")
    if name in knowledge.self_references() or not (
        name in knowledge.agencies() or any(name.endswith(suffix) and len(name) > len(suffix) + 1 for suffix in _BRACKET_OUTLET_ENDINGS)
    ):
        return None
    return DatelineMatch(text=name, agency=name, start=0, end=found.end("name") + 1, body_start=found.end())


#: Endings that make a bracketed name opening a paragraph an outlet's: （某某之声中文网）.
_BRACKET_OUTLET_ENDINGS = ("中文网", "中文網", "新闻网", "新聞網", "电台", "電台", "电视台", "電視台", "通讯社", "通訊社", "之声", "之聲")


@keywords(_leading_keywords)
@memoized
def match_leading_dateline(line: str) -> DatelineMatch | None:
    """A dateline opening ``line``: ``本报讯``, ``新华社北京6月2日电（记者 X）``, ``【明報專訊】``.

    A relay credit after it is not body, and a dateline whose agency a scrape lost still is one:

    >>> match = match_leading_dateline("某城8月9日电 某地消息：会议昨天举行。")
    >>> match.agency, match.place, match.month, match.day, match.body_start
    (None, '某城', 8, 9, 13)
    """
    if ("報導" in line[:48] or "报道" in line[:48] or "報道" in line[:48]) and (filed := match_filed_credit(line)):
        return filed
    if line[:1] in "（(" and (outlet := match_bracketed_outlet(line)) is not None:
        return outlet
    if not _may_hold_dateline(line):
        return None
    start, _ = content_bounds(line)
    found = _leading().match(line, start)
    if found is None and line.startswith("【", start):
        return _with_inner_credit(line, start)
    if found is None:
        bare = _match_agencyless(line, start)
        return None if bare is None else _after_dateline(line, bare, bare.end)
    match = _build(line, found, position="leading")
    if match is None:
        return None
    return _after_dateline(line, match, found.end())


def _after_dateline(line: str, match: DatelineMatch, body: int) -> DatelineMatch:
    """The credit, relay and separators after a leading dateline; the body starts after them."""
    credits = match.credits
    after = _credit_after().match(line, body)
    if after is not None:
        if after.group("paren"):
            inner = content_bounds(line, after.start("inner"), after.end("inner"))
            bylines = parse_credit(line, *inner, bare=True)
            if bylines is not None:
                credits, body = credits + bylines, after.end()
            elif regex.match(f"{_SPACE}{COLON}", line, pos=after.end()) and not regex.search(
                "[，,。]", after.group("inner")
            ):
                body = after.end()  # 央视网消息（新闻联播）：
        else:
            inner = content_bounds(line, after.start("inline"), after.end("inline"))
            bylines = parse_credit(line, *inner)
            if bylines is not None:
                credits, body = credits + bylines, after.end()
    separators = _SEPARATORS.match(line, body)
    body = separators.end() if separators else body
    relay = _RELAY.match(line, body)
    if relay is not None and relay.end() < len(line):
        body = relay.end()
    if _HEADLINE_LINE.match(line, body):
        body = len(line)  # 中新社某地五月七日電 題：某某: the 題 line belongs to the dateline block
    return attrs.evolve(match, body_start=body, credits=credits)


def _may_close_with_dateline(line: str) -> bool:
    """Whether ``line`` ends as a trailing dateline does: a closing bracket (then perhaps ``。``)."""
    return closes_with(line.rstrip().rstrip("。."), CLOSERS) and _may_hold_dateline(line)


@keywords(_verbs)
@memoized
def match_trailing_dateline(line: str) -> DatelineMatch | None:
    """A bracketed dateline closing ``line`` (or being all of it): ``（新华社北京6月2日电）``."""
    if not _may_close_with_dateline(line):
        return None
    # the dateline holds no opening bracket, so only the last one in the line can open it: start
    # there (a line of many brackets would otherwise have the whole pattern tried at each of them)
    last_open = max(line.rfind(bracket) for bracket in OPENERS)
    found = _trailing().search(line, last_open) if last_open >= 0 else None
    if found is None:
        return None
    match = _build(line, found, position="trailing")
    if match is None:
        return None
    close = regex.search(f"{CLOSE}", line, pos=found.end("core"))
    end = close.end() if close else found.end()
    return attrs.evolve(match, end=end, body_start=match.start)


def resolve_date(
    *, year: int | None, month: int | None, day: int | None, issue: IssueDate | None
) -> dt.date | None:
    """The full date of a dateline when it is certain, else ``None``.

    A printed year fixes it.  Otherwise an issue date with a year does: the
    month and day are taken in the latest year that does not put them after
    the issue date, so a report never comes from the future.

    >>> resolve_date(year=None, month=12, day=30, issue=IssueDate(year=2025, month=1, day=3))
    datetime.date(2024, 12, 30)
    >>> resolve_date(year=None, month=2, day=30, issue=IssueDate(year=2025)) is None
    True
    """
    if month is None or day is None:
        return None
    if year is not None:
        return _date(year, month, day)
    if issue is None:
        return None
    latest = (issue.year, issue.month or 12, issue.day or 31)
    for candidate_year in (issue.year, issue.year - 1):
        candidate = _date(candidate_year, month, day)
        if candidate is not None and (candidate.year, candidate.month, candidate.day) <= latest:
            return candidate
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
