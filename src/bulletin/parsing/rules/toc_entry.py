"""One line of a table of contents: its item number, page number, and the title it lists.

A contents line prints more than the title: an item number (``1.``, ``（1）``,
``一、``), a bullet, dot or dash leaders and a page number or range, an
author after a slash, a closing ``；``.  :func:`read_entry` takes a line apart;
the title keeps everything else as printed (column tags, ``——``, inner spaces).
"""

from __future__ import annotations

from collections.abc import Collection

import attrs
import regex

from bulletin.recognize.common import memoized

__all__ = [
    "EntryLine",
    "clean_title",
    "fold_title",
    "folds_into",
    "is_page_numbers",
    "join_letter_spaced",
    "read_entry",
    "read_inline",
    "read_page_index",
    "split_side_by_side",
]

_FOLD = regex.compile(r"[\s\p{P}\p{S}]+")
_BULLET = regex.compile(r"^[-*+•·●○■□◆◇▲△▶►★☆※>]\s*")
# item numbers: 1. / 1、/ 1) / （1） / ① / 一、 (a decimal such as 1.5亿 is not one)
_NUMBER = regex.compile(
    r"^(?:(?P<arabic>\d{1,3})\s*[.．、)）](?!\d)|[（(]\s*(?P<paren>\d{1,3})\s*[）)]|(?P<circled>[①-⑳])"
    r"|(?P<han>[一二三四五六七八九十]{1,3})\s*[、.．]"
    # a page number before the title, set off by a space: 04  春风化雨 润物无声
    r"|(?P<page>\d{1,3})[ \u3000]+(?=[\p{Han}“《【（(]))\s*"
)
_ONE_PAGE = r"(?:[Pp]\.?\s*|第\s*)?\d{1,4}(?:\s*[-—–~～至]\s*\d{1,4})?\s*[页頁]?"
_PAGES_ONLY = regex.compile(rf"(?:[.·…．\-—–_－]{{2,}}\s*)?{_ONE_PAGE}(?:\s+{_ONE_PAGE})*")
# a page number or range at the end, after leaders (and an author between them) or a space:
# …… 12 / ---- 8-9 / P12 / 第3页 / ……王小明 12
_PAGE = regex.compile(
    r"(?:\s*[.·…．\-—–_－~～]{2,}\s*(?:[\p{Han}·]{2,4}\s*)?|\s+|(?<=[…]))"
    r"(?:[Pp]\.?\s*|第\s*)?\d{1,4}(?:\s*[-—–~～至]\s*\d{1,4})?\s*[页頁]?$"
    # or a bracketed page reference: （第3版） / (A2版)
    r"|\s*[（(]\s*(?:第\s*)?[A-Za-z]?\d{1,3}\s*[版页頁]\s*[）)]$"
)
# entries printed side by side, each with its leaders and page number
_SIDE_BY_SIDE = regex.compile(r"\S.*?[.·…．\-—–_－]{2,}\s*\d{1,4}(?:\s*[-—–~～]\s*\d{1,4})?(?=\s|$)")
_LEADER = regex.compile(r"\s*(?:[.·…．]{2,}|[-—–_－]{3,})\s*$")
_AUTHOR = regex.compile(r"\s*[/／]\s*[\p{Han}·]{2,4}(?:[\s、，,]+[\p{Han}·]{2,4})*$")
# a markdown link, to an anchor in the page or to the article: [标题](#x) / [标题](https://…)
_LINK = regex.compile(r"^\[(?P<text>[^\]]+)\]\s*[（(](?:#|(?i:https?)[:：]|/)[^）)\s]*[）)]$")
_CLOSING = "；;。：:，,"
_LETTER_SPACED = regex.compile(r"\p{Han}(?:[ \u3000]+\p{Han}){1,7}")
# an e-paper page label and the page's name: 01版：要闻 / 第A03版:国内新闻
_PAGE_INDEX = regex.compile(
    r"(?P<label>第?\s*[A-Za-z]?\d{1,3}\s*版)\s*[：:]\s*(?P<name>\p{Han}(?:[ \u3000]+\p{Han}){1,5}(?![\p{Han}A-Za-z·])|[\p{Han}A-Za-z·]{1,12})"
)

# where a rundown printed in one paragraph starts its next item: after ；/。/： and before 2. or （2）
_INLINE_ITEM = regex.compile(r"(?<=[；;。：:]\s*)(?=\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)])")
# what parts the pairs of a page index printed on one line: spaces, bars, slashes
_SEPARATORS = regex.compile(r"[\s|｜丨/／·、，,;；]+")


@attrs.frozen(kw_only=True)
class EntryLine:
    """What a contents line prints.

    ``number`` is the item number's value and ``style`` its form (``arabic``,
    ``paren``, ``circled``, ``han``, or ``page`` for a page number printed
    before the title); ``paged`` says a page number or leader
    follows the title; ``open_end`` says the line ends in ``：`` (a section of
    the sub-entries below, or a title wrapped onto the next line).
    """

    title: str
    number: int | None = None
    style: str | None = None
    paged: bool = False
    open_end: bool = False
    closed: bool = False
    link: bool = False


def fold_title(text: str) -> str:
    """Fold a title for matching 目录 entries against headlines (no spaces, punctuation or marks).

    >>> fold_title("中共中央办公厅 国务院办公厅关于…的意见") == fold_title("中共中央办公厅国务院办公厅关于…的意见")
    True
    """
    return _FOLD.sub("", text).casefold()


def folds_into(text: str, folded: Collection[str]) -> bool:
    """Whether ``fold_title(text)`` is one of ``folded`` (titles folded already); cheap when there are none.

    >>> folds_into("市委 召开全会", {"市委召开全会"}), folds_into("市委召开全会", set())
    (True, False)
    """
    return bool(folded) and fold_title(text) in folded


def join_letter_spaced(text: str) -> str:
    """Join a label printed one character apart (``要  闻`` → ``要闻``); other text is kept.

    >>> join_letter_spaced("刊 首 语"), join_letter_spaced("俄称打击 乌称打击")
    ('刊首语', '俄称打击 乌称打击')
    """
    if _LETTER_SPACED.fullmatch(text):
        return regex.sub(r"[ \u3000]+", "", text)
    return text


def clean_title(text: str) -> str:
    """The title a contents line lists, without what the contents page adds around it.

    >>> clean_title("3. 春季植树活动侧记 / 王小明 ………… 8-9"), clean_title("春风化雨润物无声…………李华 12")
    ('春季植树活动侧记', '春风化雨润物无声')
    >>> clean_title("6.【青春之歌】岗位建功担使命 团结奋斗创伟业；")
    '【青春之歌】岗位建功担使命 团结奋斗创伟业'
    """
    return read_entry(text).title


def _han_number(text: str) -> int:
    digits = "一二三四五六七八九"
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + digits.index(text[1]) + 1
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (digits.index(tens) + 1) * 10 + (digits.index(ones) + 1 if ones else 0)
    return digits.index(text) + 1 if len(text) == 1 else 0


@memoized
def read_entry(text: str) -> EntryLine:
    """Take a contents line apart.

    >>> e = read_entry("（2）雅江口岸开通新航线；")
    >>> e.title, e.number, e.style, e.closed
    ('雅江口岸开通新航线', 2, 'paren', True)
    >>> read_entry("数字赋能基层治理的实践…………3").paged, read_entry("临江新区规划出炉（第3版）").title
    (True, '临江新区规划出炉')
    >>> e = read_entry("04  春风化雨 润物无声")
    >>> e.title, e.number, e.style, e.paged
    ('春风化雨 润物无声', 4, 'page', True)
    """
    rest = _BULLET.sub("", text.strip(), count=1)
    paged = False
    number: int | None = None
    style: str | None = None
    found = _NUMBER.match(rest)
    if found and found.group("page"):
        number, style, paged = int(found.group("page")), "page", True
        rest = rest[found.end() :]
        found = None
    if found:
        style = next(name for name in ("arabic", "paren", "circled", "han", "page") if found.group(name))
        value = found.group(style)
        if style == "circled":
            number = ord(value) - ord("①") + 1
        elif style == "han":
            number = _han_number(value)
        else:
            number = int(value)
        rest = rest[found.end() :]
    link = _LINK.fullmatch(rest)
    if link:
        rest = link.group("text")
    page = _PAGE.search(rest)
    if page and page.start() > 0:
        rest, paged = rest[: page.start()], True
    leader = _LEADER.search(rest)
    if leader and leader.start() > 0:
        rest, paged = rest[: leader.start()], True
    author = _AUTHOR.search(rest)
    if author and author.start() > 0:
        rest = rest[: author.start()]
    rest = rest.strip()
    open_end = rest.endswith(("：", ":"))
    closed = paged or rest.endswith(("；", ";", "。"))
    title = join_letter_spaced(rest.rstrip(_CLOSING).strip())
    return EntryLine(
        title=title, number=number, style=style, paged=paged, open_end=open_end, closed=closed, link=bool(link)
    )


def split_side_by_side(text: str) -> list[str]:
    """The entries of a line that prints several side by side, each with leaders and a page number.

    >>> split_side_by_side("协会召开理事会……3   会员单位开展志愿服务……5")
    ['协会召开理事会……3', '会员单位开展志愿服务……5']
    >>> split_side_by_side("协会召开理事会……3")
    ['协会召开理事会……3']
    """
    parts = _SIDE_BY_SIDE.findall(text)
    if len(parts) < 2 or regex.sub(r"\s+", "", "".join(parts)) != regex.sub(r"\s+", "", text):
        return [text]
    return parts


def read_inline(text: str) -> list[tuple[str | None, str]] | None:
    """The ``(section, title)`` entries of a rundown printed in one paragraph, or ``None`` when the
    text holds fewer than two numbered items.  What precedes the first item is returned as section
    ``""`` (the heading, if any); an item ending in ``：`` is the section of the ``（1）…`` items after it.

    >>> read_inline("本期主要内容：1.青岚县启动助农行动；2.国内快讯：（1）隧道贯通；（2）光伏并网；3.临江港创新高。")
    [('', '本期主要内容'), (None, '青岚县启动助农行动'), (None, '国内快讯'), ('国内快讯', '隧道贯通'), ('国内快讯', '光伏并网'), (None, '临江港创新高')]
    """
    parts = [part for part in _INLINE_ITEM.split(text) if part.strip()]
    entries: list[tuple[str | None, str]] = []
    top: str | None = None
    sub: str | None = None
    for part in parts:
        entry = read_entry(part)
        if entry.number is None:
            if entries:
                return None  # text between the items: no rundown
            entries.append(("", entry.title))
            continue
        if top is None:
            top = entry.style
        if entry.style == top:
            sub = None
            entries.append((None, entry.title))
            if entry.open_end:
                sub = entry.title
        else:
            entries.append((sub, entry.title))
    items = [e for e in entries if e[0] != ""]
    return entries if len(items) >= 2 else None


def is_page_numbers(text: str) -> bool:
    """Whether a line holds only a page number or range, printed apart from its entry (``8-9``, ``P12``).

    >>> is_page_numbers("8-9"), is_page_numbers("第12页"), is_page_numbers("…………12"), is_page_numbers("3 5 8-9")
    (True, True, True, True)
    >>> is_page_numbers("2031年")
    False
    """
    return _PAGES_ONLY.fullmatch(text.strip()) is not None


def read_page_index(text: str) -> list[tuple[str, str]] | None:
    """The ``(page label, page name)`` pairs of an e-paper page index line, or ``None``.

    >>> read_page_index("01版：要  闻   02版：综合新闻")
    [('01版', '要闻'), ('02版', '综合新闻')]
    >>> read_page_index("第01版：要闻 | 第02版：国内")
    [('第01版', '要闻'), ('第02版', '国内')]
    >>> read_page_index("01版：要闻 市委召开全会") is None
    True
    """
    pairs = []
    pos = 0
    for found in _PAGE_INDEX.finditer(text):
        if _SEPARATORS.sub("", text[pos : found.start()]):
            return None
        pairs.append((regex.sub(r"\s+", "", found.group("label")), join_letter_spaced(found.group("name").strip())))
        pos = found.end()
    if not pairs or _SEPARATORS.sub("", text[pos:]):
        return None
    return pairs
