"""One line of a table of contents: its item number, page number, and the title it lists.

A contents line prints more than the title: an item number (``1.``, ``（1）``,
``一、``), a bullet, dot or dash leaders and a page number or range, an
author after a slash, a closing ``；``.  :func:`read_entry` takes a line apart;
the title keeps everything else as printed (column tags, ``——``, inner spaces).
"""

from __future__ import annotations

import attrs
import regex

__all__ = ["EntryLine", "clean_title", "join_letter_spaced", "read_entry", "read_page_index"]

_BULLET = regex.compile(r"^[-*+•·●○■□◆◇▲△▶►★☆※>]\s*")
# item numbers: 1. / 1、/ 1) / （1） / ① / 一、 (a decimal such as 1.5亿 is not one)
_NUMBER = regex.compile(
    r"^(?:(?P<arabic>\d{1,3})\s*[.．、)）](?!\d)|[（(]\s*(?P<paren>\d{1,3})\s*[）)]|(?P<circled>[①-⑳])"
    r"|(?P<han>[一二三四五六七八九十]{1,3})\s*[、.．])\s*"
)
# a page number or range at the end, after leaders or a space: …… 12 / ---- 8-9 / P12 / 第3页
_PAGE = regex.compile(
    r"(?:\s*[.·…．\-—–_－~～]{2,}\s*|\s+|(?<=[…]))(?:[Pp]\.?\s*|第\s*)?\d{1,4}(?:\s*[-—–~～至]\s*\d{1,4})?\s*[页頁]?$"
)
_LEADER = regex.compile(r"\s*(?:[.·…．]{2,}|[-—–_－]{3,})\s*$")
_AUTHOR = regex.compile(r"\s*[/／]\s*[\p{Han}·]{2,4}(?:[\s、，,]+[\p{Han}·]{2,4})*$")
_LINK = regex.compile(r"^\[(?P<text>[^\]]+)\]\s*[（(]#[^）)]*[）)]$")
_CLOSING = "；;。：:，,"
_LETTER_SPACED = regex.compile(r"\p{Han}(?:[ \u3000]+\p{Han}){1,7}")
# an e-paper page label and the page's name: 01版：要闻 / 第A03版:国内新闻
_PAGE_INDEX = regex.compile(
    r"(?P<label>第?\s*[A-Za-z]?\d{1,3}\s*版)\s*[：:]\s*(?P<name>\p{Han}(?:[ \u3000]+\p{Han}){1,5}(?![\p{Han}A-Za-z·])|[\p{Han}A-Za-z·]{1,12})"
)


@attrs.frozen(kw_only=True)
class EntryLine:
    """What a contents line prints.

    ``number`` is the item number's value and ``style`` its form (``arabic``,
    ``paren``, ``circled``, ``han``); ``paged`` says a page number or leader
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

    >>> clean_title("3. 春季植树活动侧记 / 王小明 ………… 8-9")
    '春季植树活动侧记'
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


def read_entry(text: str) -> EntryLine:
    """Take a contents line apart.

    >>> e = read_entry("（2）雅江口岸开通新航线；")
    >>> e.title, e.number, e.style, e.closed
    ('雅江口岸开通新航线', 2, 'paren', True)
    >>> read_entry("数字赋能基层治理的实践…………3").paged
    True
    """
    rest = _BULLET.sub("", text.strip(), count=1)
    number: int | None = None
    style: str | None = None
    found = _NUMBER.match(rest)
    if found:
        style = next(name for name in ("arabic", "paren", "circled", "han") if found.group(name))
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
    paged = False
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


def read_page_index(text: str) -> list[tuple[str, str]] | None:
    """The ``(page label, page name)`` pairs of an e-paper page index line, or ``None``.

    >>> read_page_index("01版：要  闻   02版：综合新闻")
    [('01版', '要闻'), ('02版', '综合新闻')]
    >>> read_page_index("01版：要闻 市委召开全会") is None
    True
    """
    pairs = []
    pos = 0
    for found in _PAGE_INDEX.finditer(text):
        if text[pos : found.start()].strip():
            return None
        pairs.append((regex.sub(r"\s+", "", found.group("label")), join_letter_spaced(found.group("name").strip())))
        pos = found.end()
    if not pairs or text[pos:].strip():
        return None
    return pairs
