"""Credits: who wrote, reported, photographed or edited an article.

A credit is a run of role words and names.  A role word is printed before its
names (``记者 张三``, ``摄影：张三``, ``文/图 张三``) or after them
(``张三 摄``, ``周涛 孙文静 摄影报道``); an outlet may be glued in front of a
reporter's role (``新华社记者``, ``青年报首席记者``), and a name may be glued
to its role (``记者张三``).  Production credits (编辑, 责任编辑, 校对 …) come
back with ``kind="editor"`` so the parser can keep them as notes.

>>> credit = match_credit_line("本报记者 张三 通讯员 李四")
>>> [(b.name, b.role, b.organization) for b in credit.bylines]
[('张三', '记者', None), ('李四', '通讯员', None)]
>>> [(b.name, b.role, b.organization) for b in match_credit_line("新华社记者 韩子墨").bylines]
[('韩子墨', '记者', '新华社')]
>>> match_credit_line("记者从市教委获悉，今年将新建学校") is None
True
>>> [b.name for b in match_trailing_credit("……帮助身边的人。（谢达成）").bylines]
['谢达成']
>>> credit = match_bare_author("信通院 吴佳琪")
>>> [(b.name, b.role, b.organization) for b in credit.bylines]
[('吴佳琪', None, '信通院')]
"""

from __future__ import annotations

import functools

import attrs
import regex

from bulletin import knowledge
from bulletin.knowledge import RoleWord
from bulletin.recognize.common import (
    PAIRS,
    SENTENCE_END,
    closes_with,
    content_bounds,
    enclosed,
    keywords,
    lazy_pattern,
    memoized,
)
from bulletin.recognize.names import is_name, is_organization, split_names

__all__ = [
    "BylineMatch",
    "CreditMatch",
    "GluedCreditMatch",
    "match_bare_author",
    "match_credit_line",
    "match_glued_credit",
    "match_leading_credit",
    "match_signature_names",
    "match_trailing_credit",
    "parse_credit",
    "photographers_only",
]

_SEPARATORS = "\\s\u3000、，,；;：:/／∕╱|｜丨"


@attrs.frozen(kw_only=True)
class BylineMatch:
    """One person in a credit.

    ``role`` is the role word as printed without an outlet prefix (``None``
    for a bare name); ``organization`` is that outlet (``新华社``) unless it
    is a self-reference (``本报``); ``start``/``end`` are the offsets of the
    name in the line.  A name split by layout (``邢 拓``) is given joined.
    """

    name: str
    role: str | None = None
    organization: str | None = None
    kind: str = "author"
    start: int
    end: int


@attrs.frozen(kw_only=True)
class CreditMatch:
    """A credit: its bylines and its extent ``[start, end)`` in the line (brackets included)."""

    bylines: tuple[BylineMatch, ...]
    start: int
    end: int


@attrs.frozen
class _Token:
    kind: str  # "role", "name", "org"
    start: int
    end: int
    text: str
    role: RoleWord | None = None
    organization: str | None = None


@attrs.define
class _Person:
    token: _Token
    role: RoleWord | None
    organization: str | None

    def byline(self) -> BylineMatch:
        return BylineMatch(
            name=self.token.text,
            role=None if self.role is None else self.role.word,
            organization=self.organization,
            kind="author" if self.role is None else self.role.kind,
            start=self.token.start,
            end=self.token.end,
        )


@functools.cache
def _token_pattern() -> regex.Pattern[str]:
    slashed = [word for word in knowledge.roles() if not regex.fullmatch("\\p{Han}+", word)]
    slashed += [word.replace("/", "／") for word in slashed]
    return regex.compile(
        f"(?P<role>{knowledge.alternation(slashed)})(?=[{_SEPARATORS}\\p{{Han}}]|$)"
        f"|(?P<sep>[{_SEPARATORS}]++)"
        "|(?P<han>\\p{Han}[\\p{Han}·•‧・]*+)"
        "|(?P<other>.)"
    )


@functools.cache
def _any_role_words() -> tuple[str, ...]:
    """Every role word, as printed or with a full-width slash: a credit without brackets has one."""
    words = list(knowledge.roles())
    return (*words, *(word.replace("/", "／") for word in words if "/" in word))


@functools.cache
def _any_role() -> regex.Pattern[str]:
    return regex.compile(knowledge.alternation(_any_role_words()))


@functools.cache
def _role_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(word) for word in knowledge.roles()}, reverse=True))


@functools.cache
def _role_lengths_by_first() -> dict[str, tuple[int, ...]]:
    """For each first character of a role word, the lengths of the role words it opens, longest first."""
    lengths: dict[str, set[int]] = {}
    for word in knowledge.roles():
        lengths.setdefault(word[:1], set()).add(len(word))
    return {first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()}


def _role_at(text: str, index: int) -> RoleWord | None:
    """The longest role word at ``text[index:]`` (only words opening with that character can be)."""
    table = knowledge.roles()
    for length in _role_lengths_by_first().get(text[index : index + 1], ()):
        role = table.get(text[index : index + length])
        if role is not None:
            return role
    return None


def _organization(prefix: str) -> str | None:
    return None if prefix in knowledge.self_references() else prefix


def _is_outlet_prefix(prefix: str) -> bool:
    if prefix in knowledge.agencies() or is_organization(prefix):
        return True
    return any(prefix.startswith(ref) for ref in knowledge.self_references())


def _names(text: str, offset: int, *, glued: bool) -> list[_Token] | None:
    """Names in a run of Han characters; a glued run may hold several names."""
    if not glued and is_name(text):
        return [_Token("name", offset, offset + len(text), text)]
    for index in range(2, len(text) - 1):
        if text[index] in knowledge.conjunctions():
            left = _names(text[:index], offset, glued=False)
            right = _names(text[index + 1 :], offset + index + 1, glued=False) if left else None
            if left and right:
                return [*left, *right]
    cuts = split_names(text)
    if cuts is None:
        return None
    return [_Token("name", offset + a, offset + b, text[a:b]) for a, b in cuts]


def _read_han(text: str, offset: int, *, glued: bool = False) -> list[_Token] | None:
    """Role words, outlets and names in one run of Han characters (no spaces).

    Role words split the run and names lie between them: layout or the
    whitespace normaliser may glue a whole credit together
    (``记者王五通讯员赵敏``).  ``glued`` says the run follows a role word.
    """
    role = knowledge.roles().get(text)
    if role is not None:
        return [_Token("role", offset, offset + len(text), text, role)]
    for index in range(min(len(text), 13)):
        role = _role_at(text, index)
        if role is None or not role.before:
            continue
        prefix, end = text[:index], index + len(role.word)
        rest = text[end:]
        if rest and len(role.word) < 2:
            continue  # 文张三: a one-character role is not glued to a name
        before: list[_Token] = []
        organization: str | None = None
        if index:
            if role.organization and _is_outlet_prefix(prefix):
                organization = _organization(prefix)
            else:
                # 王五通讯员赵敏: names glued before the next role word
                named = _names(prefix, offset, glued=True) if len(role.word) >= 2 else None
                if named is None and glued and 2 <= len(prefix) <= 3 and len(role.word) >= 2:
                    named = [_Token("name", offset, offset + index, prefix)]  # 通讯员六公宣记者: between roles
                if named is None:
                    continue
                before = named
        token = _Token("role", offset + index, offset + end, role.word, role, organization)
        if not rest:
            return [*before, token]
        after = _read_han(rest, offset + end, glued=True)
        if after is None or after[0].kind == "role":
            continue  # a role word with nobody after it
        return [*before, token, *after]
    return _names_with_after_role(text, offset, glued=glued)


def _is_place(text: str) -> bool:
    return text in knowledge.dateline_places() or (
        2 <= len(text) <= 5 and text[-1] in knowledge.place_endings()
    )


def _names_with_after_role(text: str, offset: int, *, glued: bool = True) -> list[_Token] | None:
    if not glued and is_name(text):
        return [_Token("name", offset, offset + len(text), text)]
    for length in _role_lengths():
        role = knowledge.roles().get(text[-length:]) if length < len(text) else None
        if role is None or not role.after or (length < 2 and role.family != "photographer_after"):
            continue
        end = offset + len(text)
        if _is_place(text[:-length]):  # 記者林志明／台北報導: where the report was filed, no role
            return [_Token("filed", offset, end, text)]
        names = _names(text[:-length], offset, glued=True)
        if names is not None:
            return [*names, _Token("role", end - length, end, role.word, role)]
    return _names(text, offset, glued=True)


def _tokens(line: str, start: int, end: int) -> list[_Token] | None:
    tokens: list[_Token] = []
    pieces = list(_token_pattern().finditer(line, start, end))
    if any(piece.lastgroup == "other" for piece in pieces):
        return None  # a character that is no part of a credit, wherever it stands
    for index, piece in enumerate(pieces):
        kind = piece.lastgroup
        if kind == "sep":
            continue
        if kind == "role":
            role = knowledge.roles()[piece.group().replace("／", "/")]
            tokens.append(_Token("role", piece.start(), piece.end(), role.word, role))
            continue
        text = piece.group()
        read = _read_han(text, piece.start()) or _loose_han(text, piece.start(), tokens)
        if read is None:
            if len(text) == 1:  # one half of a name split by layout: 邢 拓
                tokens.append(_Token("char", piece.start(), piece.end(), text))
                continue
            if index == 0:
                tokens.append(_Token("org", piece.start(), piece.end(), text))
                continue
            return None
        tokens.extend(read)
    return _join_split_names(line, tokens)


def _loose_han(text: str, offset: int, before: list[_Token]) -> list[_Token] | None:
    """Runs the name lists do not know, read by where they stand in a credit.

    The second half of a letter-spaced name before a role word (``燕 雁摄``),
    and an unusual name right after a role word (``通讯员 六公宣``).
    """
    photographer = knowledge.roles().get(text[1:])
    if len(text) >= 2 and photographer is not None and photographer.after and not photographer.before:
        return [_Token("char", offset, offset + 1, text[0]), _Token("role", offset + 1, offset + len(text), text[1:], photographer)]
    previous = before[-1] if before else None
    if previous is None or previous.kind != "role" or previous.role is None or not previous.role.before:
        return None
    for index in range(2, min(len(text), 4) + 1):
        if index == len(text) and 2 <= index <= 3:
            return [_Token("name", offset, offset + index, text)]
        role = _role_at(text, index)
        if role is not None and role.before and 2 <= index <= 3:
            rest = _read_han(text[index:], offset + index, glued=True)
            if rest is not None:
                return [_Token("name", offset, offset + index, text[:index]), *rest]
    return None


def _join_split_names(line: str, tokens: list[_Token]) -> list[_Token] | None:
    joined: list[_Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        single = token.end - token.start == 1 and token.kind in ("char", "role")
        if (
            single
            and after is not None
            and after.kind in ("char", "name", "role")
            and after.end - after.start == 1
            and line[token.end : after.start].strip() == ""
            and is_name(token.text + after.text)
            and not (token.kind == "role" and after.kind == "name")
        ):
            name = token.text + after.text
            joined.append(_Token("name", token.start, after.end, name))
            index += 2
            continue
        if token.kind == "char":
            return None
        joined.append(token)
        index += 1
    return joined


def parse_credit(line: str, start: int, end: int, *, bare: bool = False) -> tuple[BylineMatch, ...] | None:
    """Read ``line[start:end]`` as a credit; ``None`` unless all of it is one.

    With ``bare=False`` every name must have a role word; with ``bare=True``
    names without one are accepted (as in ``（谢达成）``) and an organisation
    may be printed first (``信通院 吴佳琪``).

    >>> [(b.name, b.role) for b in parse_credit("周涛 孙文静 摄影报道", 0, 11)]
    [('周涛', '摄影报道'), ('孙文静', '摄影报道')]
    """
    tokens = _tokens(line, start, end)
    if not tokens:
        return None
    leading_org: str | None = None
    if tokens[0].kind == "org":
        if not bare or not is_organization(tokens[0].text):
            return None
        leading_org = tokens[0].text
        tokens = tokens[1:]
    people: list[_Person] = []
    current: _Token | None = None
    group_start = 0
    for token in tokens:
        if token.kind == "filed":
            continue  # 台北報導: the place a report was filed from, read by the dateline
        if token.kind == "name":
            organization = leading_org if current is None else current.organization
            people.append(_Person(token, None if current is None else current.role, organization))
            continue
        role = token.role
        if role is None:
            return None
        pending = [person for person in people[group_start:] if person.role is None]
        if role.after and pending and not (role.before and token.organization):
            for person in pending:
                person.role = role
            current, group_start = None, len(people)
        elif role.after and not role.before and group_start < len(people):
            if role.family == "photographer_after":  # 新华社记者 王小明摄: credited for the picture
                for person in people[group_start:]:
                    person.role = role
            current, group_start = None, len(people)  # 记者 张三 报道: the role is already known
        elif role.before:
            current, group_start = token, len(people)
        else:
            return None
    if not people or (current is not None and group_start == len(people)):
        return None  # a role word with nobody after it
    if not bare and any(person.role is None for person in people):
        return None
    return tuple(person.byline() for person in people)


def photographers_only(credit: object) -> bool:
    """Whether a credit names only photographers (``新华社记者 王小明摄``): a picture's, not the article's.

    >>> photographers_only(match_credit_line("新华社记者 王小明摄")), photographers_only(match_credit_line("记者 王小明"))
    (True, False)
    """
    bylines = getattr(credit, "bylines", ())
    roles = knowledge.roles()
    return bool(bylines) and all(
        b.role is not None and b.role in roles and roles[b.role].family in ("photographer", "photographer_after")
        for b in bylines
    )


_CNA_DIGITS = lazy_pattern("[\\s\u3000]*+\\d{7}$")  # 中央社: （編輯：張三）1130605


_PICTURE_AGENCY = lazy_pattern(
    "[\\s\u3000]*+[（(][^（）()\\s]{1,10}(?:视觉|視覺|图片|圖片|图片社|圖片社|发|發|供图|供圖)[）)][\\s\u3000]*+$"
)


def _credit_line_keywords() -> tuple[str, ...]:
    """A credit line holds a role word, or is all in brackets, or is a letter's signature."""
    return (*_any_role_words(), *PAIRS, *_HONORIFICS)


@keywords(_credit_line_keywords)
@memoized
def match_credit_line(line: str) -> CreditMatch | None:
    """A whole line that is a credit: ``记者 苏晓雯 程一鸣``, ``张三 摄``, ``（谢达成）``.

    A picture agency's credit after a photographer's is no part of it: ``王小明摄（某某视觉）``.
    """
    start, end = content_bounds(line)
    signed = _LETTER_SIGNATURE.fullmatch(line, start, end)
    if signed is not None:  # 某某县 王先生: a reader's letter signed with the writer's place
        name = BylineMatch(name=signed.group("name"), start=signed.start("name"), end=signed.end("name"))
        return CreditMatch(bylines=(name,), start=start, end=end)
    agency = _PICTURE_AGENCY.search(line, start, end) if line.endswith(("）", ")")) else None
    if agency is not None and agency.start() > start:
        end = agency.start()
    tail = _CNA_DIGITS.search(line, start, end)
    if tail is not None and tail.start() > start and line[tail.start() - 1] in "）)":
        end = tail.start()
    inner = enclosed(line, start, end)
    if inner is not None:
        bylines = parse_credit(line, *content_bounds(line, *inner), bare=True)
        return None if bylines is None else CreditMatch(bylines=bylines, start=start, end=end)
    number = _CAPTION_NUMBER.match(line, start, end)
    if number is not None:  # ③4 王小明 摄: the number of the picture in a caption
        start = number.end()
    if _any_role().search(line, start, end) is None:
        return None  # without brackets every name needs a role word: there is none to find
    bylines = parse_credit(line, start, end)
    if bylines is None and _SPACED_CREDITS.search(line, start, end):
        # 王小明 某某报·某某网记者 李青: a bare name, then a credit of its own
        loose = parse_credit(line, start, end, bare=True)
        if loose is not None and loose[-1].role is not None:
            bylines = loose
    return None if bylines is None else CreditMatch(bylines=bylines, start=start, end=end)


#: The words after a surname that sign a reader's letter (``王先生``).
_HONORIFICS = ("先生", "女士", "同学", "同學", "老师", "老師", "师傅", "師傅", "大爷", "大爺", "阿姨")
_LETTER_SIGNATURE = lazy_pattern(
    "\\p{Han}{2,12}?(?:省|市|县|縣|区|區|镇|鎮|乡|鄉|村|街道)[\\s\u3000]++"
    f"(?P<name>\\p{{Han}}{{1,2}}(?:{'|'.join(_HONORIFICS)}))"
)
_COLLECTIVE = lazy_pattern("(?:本报|本報|本刊|本台|本网|本網|本社)(?:特约|特約)?(?:评论员|評論員)|(?:本报|本報|本刊)编辑部")
#: English words of web pages that a name in Latin letters never holds (Read More, Post Tags).
_LATIN_WORDS = frozenset(
    [
        "read", "more", "post", "tags", "share", "home", "news", "next", "previous", "page", "click", "here",
        "source", "photo", "photos", "video", "feed", "enhanced", "copyright", "all", "rights", "reserved",
        "published", "updated", "editor", "continue", "reading", "the", "of", "by", "for", "in", "on", "to",
        "from", "with", "top", "back", "print", "email", "comments", "related",
    ]
)
_LATIN_NAME = lazy_pattern("[A-Z][A-Za-z'’.-]*+(?: [A-Z][A-Za-z'’.-]*+){1,3}")
_LATIN_NAMES = lazy_pattern(
    "[A-Z][A-Za-z'’.-]*+(?: [A-Z][A-Za-z'’.-]*+){1,3}(?:\\s*+[,，、和与]\\s*+(?:and )?[A-Z][A-Za-z'’.-]*+(?: [A-Z][A-Za-z'’.-]*+){1,3}){0,3}"
)
_CAPTION_NUMBER = lazy_pattern("[①-⑳❶-❿][\\d\\s\u3000]*+")
_SPACED_CREDITS = lazy_pattern("^\\p{Han}{2,4}[\\s\u3000]++\\S")


_TRAILING = lazy_pattern("[（(](?P<inner>[^（）()]{2,40}+)[）)][\\s\u3000]*+$")


@attrs.frozen(kw_only=True)
class GluedCreditMatch(CreditMatch):
    """A credit glued to the end of a paragraph without brackets (``…一命。報導．攝影╱王小明``).

    It closes the paragraph, not the article: more text may follow.
    """

    glued: bool = True


_GLUED_SLASHES = ("╱", "/", "／", "∕")
_GLUED_ROLE = "(?:報導|报道|報道|攝影|摄影|採訪|采访|記者|记者|撰文|文字|文|圖|图)"
_GLUED = lazy_pattern(
    f"(?<=[。！？!?”」』])[\\s　]*+(?P<role>{_GLUED_ROLE}(?:[．.·・、]{_GLUED_ROLE})*+)"
    "[\\s　]*+[╱/／∕][\\s　]*+(?P<name>\\p{Han}{2,4}+)[\\s　]*+$"
)


def match_glued_credit(line: str) -> GluedCreditMatch | None:
    """A credit with a slash glued to the end of a lead: ``…送醫挽回一命。報導．攝影╱王小明``.

    >>> match = match_glued_credit("…送醫挽回一命。報導．攝影╱王小明")
    >>> [(b.name, b.role) for b in match.bylines], match.start
    ([('王小明', '報導．攝影')], 8)
    """
    found = _GLUED.search(line) if any(slash in line for slash in _GLUED_SLASHES) else None
    if found is None:
        return None
    byline = BylineMatch(name=found.group("name"), role=found.group("role"), start=found.start("name"), end=found.end("name"))
    return GluedCreditMatch(bylines=(byline,), start=found.start("role"), end=found.end("name"))


_BARE_NAMES = lazy_pattern("\\p{Han}{2,3}+(?:[\\s　]*+[/／、][\\s　]*+\\p{Han}{2,3}+){0,3}+")


def match_signature_names(text: str) -> CreditMatch | None:
    """Bare names signing a report before its agency tail: ``王小明/李青（法新社、路透社）``.

    >>> [b.name for b in match_signature_names("王小明/李青").bylines]
    ['王小明', '李青']
    """
    start, end = content_bounds(text)
    if _BARE_NAMES.fullmatch(text, start, end) is None:
        return None
    names = list(regex.finditer("\\p{Han}++", text, pos=start, endpos=end))
    if not any(is_name(found.group()) for found in names):
        return None
    bylines = tuple(BylineMatch(name=f.group(), start=f.start(), end=f.end()) for f in names)
    return CreditMatch(bylines=bylines, start=start, end=end)


@keywords(lambda: ("）", ")", *_GLUED_SLASHES))  # it closes with a bracket, or is glued on with a slash
@memoized
def match_trailing_credit(line: str) -> CreditMatch | None:
    """A bracketed credit closing a paragraph line: ``……的人。（谢达成）``, ``（记者 张三）``;
    or a slash credit glued to it (:func:`match_glued_credit`)."""
    found = _TRAILING.search(line) if closes_with(line, "）)") else None
    if found is None:
        return match_glued_credit(line)
    begin, stop = content_bounds(line, found.start("inner"), found.end("inner"))
    bylines = parse_credit(line, begin, stop, bare=True)
    if bylines is None:
        return None
    if all(byline.role is None for byline in bylines):
        before = line[: found.start()].rstrip()
        if before and before[-1] not in SENTENCE_END:
            return None  # ……总经理（王强） names someone in the sentence
        if any(byline.organization for byline in bylines):
            return None
    return CreditMatch(bylines=bylines, start=found.start(), end=found.end("inner") + 1)


_LEADING = lazy_pattern("[（(〔【［\\[](?P<inner>[^（）()〔〕【】［］\\[\\]]{2,40}+)[）)〕】］\\]][\\s\u3000]*+")


@memoized
def match_leading_credit(line: str) -> CreditMatch | None:
    """A bracketed credit opening a paragraph: ``（记者 王明）本市……``, ``〔記者王小明/台北報導〕颱風……``.

    Every person in it must have a role word: a bare name in brackets at the
    start of a line (``（王强）``) may as well be anything.  Text must follow.

    >>> match = match_leading_credit("〔記者王小明/台北報導〕颱風今天登陸。")
    >>> [(b.name, b.role) for b in match.bylines], match.end
    ([('王小明', '記者')], 12)
    >>> match_leading_credit("（一）加强组织领导") is None, match_leading_credit("（王强）说") is None
    (True, True)
    """
    found = _LEADING.match(line)
    if found is None or found.end() >= len(line.rstrip()):
        return None
    begin, stop = content_bounds(line, found.start("inner"), found.end("inner"))
    bylines = parse_credit(line, begin, stop)
    if not bylines or any(byline.role is None for byline in bylines):
        return None
    return CreditMatch(bylines=bylines, start=0, end=found.end("inner") + 1)


@memoized
def match_bare_author(line: str) -> CreditMatch | None:
    """A line that is only an author's name (or names), perhaps after an organisation.

    Used for the line under a commentary's title: ``郑立言``, ``信通院 吴佳琪``, and the
    paper's collective author ``本报评论员``.
    Words like ``学习时报`` or ``协会动态`` are not names.

    >>> [match_bare_author(text) is not None for text in ("郑立言", "邢 拓", "学习时报", "协会动态", "目录", "某某党主席")]
    [True, True, False, False, False, False]
    >>> [b.name for b in match_bare_author("JANE ROE，JANE ROE").bylines]
    ['JANE ROE']
    """
    start, end = content_bounds(line)
    if enclosed(line, start, end) is not None or end - start > 40:
        return None
    if _COLLECTIVE.fullmatch(line, start, end):  # 本报评论员: the paper's collective author
        return CreditMatch(bylines=(BylineMatch(name=line[start:end], start=start, end=end),), start=start, end=end)
    latin = _LATIN_NAMES.fullmatch(line, start, end)
    if latin is not None and not _LATIN_WORDS.intersection(line[start:end].lower().replace(",", " ").split()):
        # KONEY BAI, AMY QIN: names in Latin letters
        seen: dict[str, BylineMatch] = {}
        for found in _LATIN_NAME.finditer(line, start, end):
            seen.setdefault(found.group(), BylineMatch(name=found.group(), start=found.start(), end=found.end()))
        return CreditMatch(bylines=tuple(seen.values()), start=start, end=end)
    bylines = parse_credit(line, start, end, bare=True)
    if bylines is None or any(byline.role is not None for byline in bylines):
        return None
    if len(bylines) > 1 and any(_OFFICE.search(byline.name) for byline in bylines):
        return None  # 国民党主席, a title wrapped onto its own line, is no pair of names
    return CreditMatch(bylines=bylines, start=start, end=end)


_OFFICE = lazy_pattern("(?:主席|书记|書記|部长|部長|主任|总统|總統|总理|總理|会长|會長|院长|院長|局长|局長|市长|市長|省长|省長|县长|縣長)$")
