"""Headline rule: which lines are headline-like, and the anatomy of a headline block.

A headline block is read as (column, kicker, title, subtitle):

- a 目录 entry, or the strongest markdown heading, is the title;
- a short line ending in a colon (``全国人大代表王红：``) is a kicker, so the
  line after it is the title and anything before it the column;
- a line that states a speaker's points (``王明：坚持…``) above the title is the kicker;
- otherwise two lines are title and subtitle, three are kicker, title, subtitle;
- a 目录 section name, a two-character line or a weaker markdown heading that reads as a
  name (at most eight characters, no punctuation) above the title is the column; a weaker
  heading that is a phrase is the kicker, and so is a smaller heading above the title on a
  printed page (PDF).
"""

from __future__ import annotations

import attrs
import regex

from bulletin.parsing.rules.toc import folds_into
from bulletin.parsing.state import Piece, Unit

__all__ = ["PICTURE_OPENERS", "TITLE_NOTE", "Anatomy", "anatomy", "is_headline_like", "split_bracketed_column", "splits_kicker"]

_SENTENCE_END = regex.compile(r"[。；;，,、…]$")
_KICKER_END = regex.compile(r"[：:]$")
#: A two-character line above a title names its column (要闻, 时评, 国际).
_SHORT_COLUMN = regex.compile(r"\p{Han}{2}")
#: A weaker heading above the title is its column when it reads as a name (``要闻``, ``深阅读·文旅``),
#: and its kicker when it is a phrase (``习近平在参加代表团审议时强调``).
_COLUMN_NAME = regex.compile(r"[\p{Han}A-Za-z0-9·・]{2,8}")
_SPEAKER = regex.compile(r"^\p{Han}{2,12}[：:]\S")
_DATE_ONLY = regex.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-./]\d{1,2}[-./]\d{1,2}")
_BRACKETED = regex.compile(r"[（(【\[][^）)】\]]*+[）)】\]]")
#: Words that open a note on what a picture shows: 图为…, 上图…
PICTURE_OPENERS = "图为|圖為|上图|下图|左图|右图"
_CAPTION = regex.compile(rf"(?:现场|現場|合影|合照|留影|剪影|掠影|摄|攝|供图|供圖|图片|圖片)$|^(?:{PICTURE_OPENERS}|图：|圖：)")


def is_headline_like(text: str, *, marked: bool = False) -> bool:
    """Whether a line could be part of a headline or a subhead: short, not a sentence.

    >>> is_headline_like("市委召开全会部署年度重点工作"), is_headline_like("市领导王强、李明参加。")
    (True, False)
    >>> is_headline_like("2023年3月8日")
    False
    """
    limit = 120 if marked else 40
    if not text or len(text) > limit:
        return False
    if _SENTENCE_END.search(text) or "。" in text[:-1] or _DATE_ONLY.fullmatch(text):
        return False
    if _BRACKETED.fullmatch(text):
        return False
    if _KICKER_END.search(text) and (len(text) > 16 or "，" in text or "、" in text):
        return False
    return text.count("，") + text.count(",") <= 3


def is_caption(text: str) -> bool:
    """Whether a short line names a picture (``启动仪式活动现场``, ``图为…``).

    >>> is_caption("启动仪式活动现场"), is_caption("培训对象")
    (True, False)
    """
    return bool(_CAPTION.search(text)) and len(text) <= 40


def splits_kicker(text: str) -> bool:
    """Whether the part of a headline line before a printed space is a kicker.

    It is when it states a speaker's points or a goal with a comma
    (``市长:持续优化营商环境,守牢安全底线``).  A topic before a colon
    (``卫健委通报疫苗事件：疫苗未过期``) is part of a one-line title.
    """
    return len(text) >= 4 and ("，" in text or "," in text)


def wrapped_title(title: Unit, tail: Unit) -> bool:
    """Whether a short line under a long title is the title's wrapped end, not a subtitle.

    A page set in columns wraps a long title (``…电贺某某当选中国`` / ``国民党主席``): the
    tail is at most six characters and under a third of the title, printed without a blank
    line, and the title does not end in punctuation.
    """
    head, rest = title.text, tail.text
    return (
        not tail.blank_before
        and len(rest) <= 6
        and len(head) >= 3 * len(rest)
        and not rest.startswith(("—", "-", "("))
        and regex.search(r"[\p{Han}A-Za-z0-9]$", head) is not None
        and not title.heading_level
    )


_BRACKETED_COLUMN = regex.compile(r"[（(](?P<name>[^（）()，,。；;：:]{2,12}+)[）)]\s*+$")
#: What a bracket closing a title says when it is part of the title: a part, a draft, an excerpt, a number.
TITLE_NOTE = regex.compile(r"[\d一二三四五六七八九十上中下续續完]+|.*(?:草案|试行|試行|节选|節選|摘要|全文|修订|修訂|征求意见稿|徵求意見稿|图|圖)")


def split_bracketed_column(unit: Unit) -> tuple[Unit, Unit] | None:
    """A title set as a heading that ends in a bracketed name: the name is the column (栏目).

    Papers print the column after the title: ``裂缝护坡墙已修复（反馈）``.  Only a
    line the layout or Markdown marks as a heading is split, and not a bracket
    that belongs to the title (``（上）``, ``（草案）``, ``（图）``).
    """
    if not unit.heading_level or len(unit.pieces) != 1:
        return None
    piece = unit.pieces[0]
    text = piece.line.text[piece.start : piece.end]
    match = _BRACKETED_COLUMN.search(text)
    if match is None or match.start() < 4 or TITLE_NOTE.fullmatch(match.group("name")):
        return None
    title = Piece(piece.line, piece.start, piece.start + match.start(), piece.kind, piece.payload)
    column = Piece(piece.line, piece.start + match.start("name"), piece.start + match.end("name"), piece.kind)
    return (
        Unit([title], kind=unit.kind, text=title.text, block=unit.block),
        Unit([column], kind=unit.kind, text=column.text, block=unit.block),
    )


@attrs.define
class Anatomy:
    column: Unit | None = None
    kicker: list[Unit] = attrs.field(factory=list)
    title: list[Unit] = attrs.field(factory=list)
    subtitle: list[Unit] = attrs.field(factory=list)


def anatomy(units: list[Unit], *, toc_titles: set[str], toc_sections: set[str]) -> Anatomy:
    """Assign the units of a headline block to column, kicker, title and subtitle."""
    result = Anatomy()
    if not units:
        return result
    n = len(units)
    title_at: int | None = next((i for i, u in enumerate(units) if folds_into(u.text, toc_titles)), None)
    if title_at is None:
        levels = [u.heading_level for u in units]
        marked = [lv for lv in levels if lv]
        if marked:
            title_at = levels.index(min(marked))
    if title_at is None:
        kicker_at = next((i for i, u in enumerate(units[:-1]) if _KICKER_END.search(u.text)), None)
        if kicker_at is not None:
            title_at = kicker_at + 1
        elif n >= 2 and _SPEAKER.match(units[0].text) and not _SPEAKER.match(units[1].text):
            title_at = 1
        elif n == 2 and _SHORT_COLUMN.fullmatch(units[0].text):
            title_at = 1  # 要闻 / 习近平会见法国总统: a column name over the title
        elif n == 1 or n == 2:
            title_at = 0
        else:
            title_at = 1
    before = units[:title_at]
    result.title = [units[title_at]]
    result.subtitle = units[title_at + 1 :]
    if len(result.subtitle) == 1 and wrapped_title(result.title[0], result.subtitle[0]):
        result.title.append(result.subtitle.pop())
    if before:
        last = before[-1]
        # a weaker Markdown or HTML heading over the title names its column; on a printed page a
        # smaller type over the title is its kicker (引题)
        printed = last.first.line.page is not None
        is_column = (
            folds_into(last.text, toc_sections)
            or (
                last.heading_level > units[title_at].heading_level > 0
                and not printed
                and _COLUMN_NAME.fullmatch(last.text) is not None
            )
            or bool(_SHORT_COLUMN.fullmatch(last.text))
        )
        if is_column:
            result.column = last
            before = before[:-1]
        else:
            result.kicker = [last]
            before = before[:-1]
        if before and result.column is None:
            result.column = before[-1]
    return result
