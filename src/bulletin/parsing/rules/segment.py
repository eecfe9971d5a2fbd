"""Segment rule: decide where one article ends and the next begins, and give each unit its role.

The rule walks the units in reading order with one article open at a time.
Closing elements (a trailing dateline, a source line, an author note, a
credit after the text) close the open article.  A run of headline-like units
starts a new article when what follows opens a report (a dateline, a credit,
an author line), when no article is open, when it is a 目录 entry or a
stronger markdown heading, or when it is laid out as a headline block; a
complete headline block inside an untitled article is that article's headline
pushed into the text by layout; a headline-like run at the very end names the
untitled article before it; otherwise the run is subheads or captions.
"""

from __future__ import annotations

import itertools

import regex

from bulletin.model import Furniture, FurnitureKind
from bulletin.parsing.lines import printed_gap
from bulletin.parsing.rules.headline import (
    PICTURE_OPENERS,
    Anatomy,
    anatomy,
    is_caption,
    is_headline_like,
)
from bulletin.parsing.rules.paragraphs import closes_text
from bulletin.parsing.rules.subhead import NUMBERED_HEADING
from bulletin.parsing.rules.toc import fold_title, folds_into
from bulletin.parsing.state import ArticleDraft, ParseState, Piece, Unit
from bulletin.recognize.byline import match_bare_author, photographers_only
from bulletin.recognize.source import match_publication_name

__all__ = ["segment_rule"]

_HEAD, _BODY, _AUTHOR, _TAG = "H", "B", "A", "T"
#: Type half as large again as the body type is display type: a title's, not a subhead's.
_DISPLAY = 1.5
# a date alone on a line closes a signature block (``国务院办公厅`` / ``2023年3月8日``), which is body
_DATE_LINE = regex.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
# ``联系电话：010-12345678``: a label and its value is body, not a caption
# notes that end an article: an author's note, an agency's end mark
_CLOSING_NOTES = ("author", "end-mark")
_SENTENCE_MARK = regex.compile(r"[。；;！!]|[，,].*[，,].*[，,]")
_FIELD = regex.compile(r"\p{Han}{1,6}[：:]\s*\S.*")
# a running number or a page code printed before an item's title: ``3. 标题``, ``（2）标题``, ``C2-标题``
_ITEM_PREFIX = regex.compile(
    r"(?:(?P<n>\d{1,2})[.．、](?!\d)|[（(](?P<p>\d{1,2})[)）]|[A-Z]\d{1,2}[-－–])[ \t\u3000]*(?=\S)"
)
# how a report marks its subheads: a symbol, or a section number of the first level
_SUBHEAD_FORM = regex.compile(
    r"[■●▲◆★▶►□◇◎]|[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|第[一二三四五六七八九十]{1,3}[部章节篇]"
)
_SUBHEAD_SYMBOL = regex.compile(r"[■●▲◆★▶►□◇◎][ \t\u3000]*(?=\S)")
# a tag line: a column name in black brackets alone on a line (``【聚焦春运】``)
_TAG_LINE = regex.compile(r"【(?P<name>[^【】：:。，]{2,12})】")
# a brief's headline says what happened (``青岚县启动秋季助农行动``); shorter lines are subheads (``协会获得荣誉``)
_BRIEF_TITLE = 8
# a headline printed in black brackets alone on a line, over its text
_BRACKETED_HEADLINE = regex.compile(r"【(?P<name>[^【】]{6,40})】")
# a sentence the page cut off: a clause mark inside a long line (``…实现脱贫，历史性地解决了``)
_CUT_SENTENCE = regex.compile(r"^(?=.{16}).*[，,、；;].{2}")
# a numbered paragraph: 1. 本校学生…
_PARAGRAPH_NUMBER = regex.compile(r"(\d{1,2})[.．、](?!\d++(?:[.．]\d|[%％万亿千百十]))")
# a picture's caption over its photographer's credit, inside the text, is at most this long
_CAPTION_LENGTH = 150
# a teaser between a headline and its dateline or credit: at most this many paragraphs of this length
_TEASER_UNITS = 3
_TEASER_LENGTH = 200
# evidence a heading run must reach to open an article when nothing else says so (see ``evidence``)
_START_EVIDENCE = 3
# a caption that says what a picture shows: 图为会见现场。
_PICTURE_NOTE = regex.compile(rf"(?:{PICTURE_OPENERS}|上圖|下圖|左圖|右圖)[：:]?\S.{{0,98}}$")


def _kinds(state: ParseState) -> list[str]:
    units = state.units
    marked = state.marked_headings
    toc_titles = {fold_title(e.title) for e in state.toc}
    text_like = [
        u.kind == "text"
        and (len(u.text) > 2 or _short_column(units, i))
        and (
            is_headline_like(u.text, marked=bool(u.heading_level))
            or folds_into(u.text, toc_titles)
            or (i + 1 < len(units) and _long_title(u.text, units[i + 1]))
        )
        and not (i + 1 < len(units) and _DATE_LINE.fullmatch(units[i + 1].text))
        for i, u in enumerate(units)
    ]
    # a document that numbers its paragraphs (``1. 本校学生…`` as running text) numbers no headlines
    numbers_paragraphs = any(
        u.kind == "text" and _PARAGRAPH_NUMBER.match(u.text) and not is_headline_like(u.text) for u in units
    )
    kinds: list[str] = []
    for i, unit in enumerate(units):
        if unit.kind != "text":
            kinds.append(unit.kind)
            continue
        if _TAG_LINE.fullmatch(unit.text) and i + 1 < len(units) and text_like[i + 1]:
            kinds.append(_TAG)
            continue
        if _BRACKETED_HEADLINE.fullmatch(unit.text) and i + 1 < len(units) and units[i + 1].kind == "text":
            kinds.append(_HEAD)  # ``【某区将增设长者日间中心】`` over its text: a headline in brackets
            continue
        if _SUBHEAD_SYMBOL.match(unit.text) and i + 1 < len(units) and _opens(units[i + 1]):
            kinds.append(_BODY)  # ``■ 要点…`` right before a dateline: key points, not a headline
            continue
        if kinds and kinds[-1] == _HEAD and _author_line(unit):
            kinds.append(_AUTHOR)
            continue
        if not text_like[i] or closes_text(units, i) or (numbers_paragraphs and _PARAGRAPH_NUMBER.match(unit.text)):
            kinds.append(_BODY)
            continue
        if not marked or unit.heading_level or unit.bold:
            kinds.append(_HEAD)
            continue
        # a document that marks its headings: an unmarked line is headline-like only beside a marked
        # heading in a headline block, or right before what opens a report
        nxt = units[i + 1] if i + 1 < len(units) else None
        prev = units[i - 1] if i else None
        beside_heading = (nxt is not None and nxt.heading_level > 0) or (
            prev is not None and prev.heading_level > 0 and nxt is not None and _opens(nxt)
        )
        kinds.append(_HEAD if beside_heading or (nxt is not None and _opens(nxt)) else _BODY)
    return kinds


def _short_column(units: list[Unit], i: int) -> bool:
    """A two-character line (``要闻``, ``时评``) is a column name when a headline follows it."""
    if not regex.fullmatch(r"\p{Han}{2}", units[i].text) or i + 1 >= len(units):
        return False
    following = units[i + 1]
    return following.kind == "text" and len(following.text) > 2 and is_headline_like(following.text)


def _long_title(text: str, following: Unit) -> bool:
    """A title too long to look like one by itself, recognised by what follows it.

    Official documents carry long titles (``国务院办公厅关于印发《…》的通知``);
    one directly above a document number, a dateline or a credit is a title.
    """
    if not 40 < len(text) <= 90 or _SENTENCE_MARK.search(text):
        return False
    return _opens(following)


def _staff_only(unit: Unit) -> bool:
    """Whether a credit names only production staff (editors), who close an article, never open one."""
    bylines = getattr(unit.payload, "bylines", ())
    return bool(bylines) and all(getattr(b, "kind", "author") == "editor" for b in bylines)


def _without_repeats(units: list[Unit]) -> list[Unit]:
    """A headline block without the second printing of its headline.

    Web pages that reprint an e-paper give the headline twice: the same line twice, a title and
    its ``——`` subtitle and then both again, or a one-line headline and then the same headline
    stacked over two lines. The first printing is kept; the repeat stays inside the article.
    """
    if len(units) < 2:
        return units
    keys = [regex.sub(r"\s+", "", u.text) for u in units]
    half = len(units) // 2
    if len(units) % 2 == 0 and keys[:half] == keys[half:]:
        return units[:half]
    for k in range(len(units) - 1):
        if keys[k] == keys[k + 1] or (len(keys[k]) >= 8 and keys[k] == "".join(keys[k + 1 :])):
            return units[: k + 1]
    return units


def _second_dispatch(article: ArticleDraft, unit: Unit) -> bool:
    """Whether a dateline is a second dispatch of the same story under one headline.

    ``本报临江5月7日电 记者王明报道：…`` then ``本报青岚5月7日电 记者李华报道：…``: the same
    agency, another place, each with its own reporter, and no headline of its own between.
    """
    if article.dateline is None or not article.titled:
        return False
    first, second = article.dateline.payload, unit.payload
    return (
        getattr(first, "agency", None) is not None
        and getattr(first, "agency", None) == getattr(second, "agency", None)
        and getattr(first, "place", None) is not None
        and getattr(second, "place", None) not in (None, getattr(first, "place", None))
        and bool(getattr(first, "credits", ()))
        and bool(getattr(second, "credits", ()))
    )


def _opens(unit: Unit) -> bool:
    """Whether ``unit`` opens a report, so the headline-like lines above it are its headline."""
    if unit.kind == "dateline":
        return getattr(unit.payload, "position", "leading") == "leading"
    if unit.kind == "note":  # an official document's number under its title: 国办发〔2024〕3号
        return getattr(unit.payload, "kind", "") == "document-number"
    return unit.kind in ("credit", "credit-lead", "meta")


def item_number(text: str) -> int | None:
    """The running number printed before an item's title (``3. 标题`` → 3), if any.

    >>> item_number("3. 临江港吞吐量创新高"), item_number("2.5%的增长从何而来")
    (3, None)
    """
    match = _ITEM_PREFIX.match(text)
    if match is None:
        return None
    number = match.group("n") or match.group("p")
    return int(number) if number else None


def _trimmed(unit: Unit, pattern: regex.Pattern[str]) -> tuple[Unit, Piece | None]:
    """``unit`` without the mark ``pattern`` finds at its start, and the mark as a piece of its own."""
    match = pattern.match(unit.text)
    first = unit.first
    if match is None:
        return unit, None
    cut = first.start + match.end()
    if cut >= first.end or first.line.text[first.start : cut] != unit.text[: match.end()]:
        return unit, None
    mark = Piece(first.line, first.start, cut, "furniture", "item-number")
    rest = Piece(first.line, cut, first.end, first.kind, first.payload)
    text = unit.text[match.end() :]
    return Unit([rest, *unit.pieces[1:]], kind=unit.kind, text=text, block=unit.block), mark


def _author_line(unit: Unit) -> str | None:
    if unit.kind != "text" or len(unit.pieces) != 1:
        return None
    author = match_bare_author(unit.text)
    if author is not None:
        names = author.bylines
        # names a layout prints apart; two glued together are a wrapped title's tail (``国民党主席``)
        if all(a.end < b.start for a, b in itertools.pairwise(names)):
            return "author"
        return None
    if match_publication_name(unit.text) is not None:
        return "publication"
    return None


class _Segmenter:
    def __init__(self, state: ParseState) -> None:
        self.state = state
        self.units = state.units
        self.kinds = _kinds(state)
        # where each unit stands, so a heading run finds what follows it without a search of the list
        self.position = {id(unit): k for k, unit in enumerate(self.units)}
        # whether a table of contents stands between each unit and the one before: no heading runs across one
        tocs = list(itertools.accumulate((line.kind == "toc" for line in state.lines), initial=0))
        self.after_toc = [
            k > 0 and tocs[unit.first.line.index] > tocs[self.units[k - 1].last.line.index + 1]
            for k, unit in enumerate(self.units)
        ]
        self.toc_titles = {fold_title(e.title) for e in state.toc}
        self.toc_sections = {fold_title(e.section) for e in state.toc if e.section}
        self.current: ArticleDraft | None = None
        # the heading over a run of items (a tag line, a stronger markdown heading): their column
        self.section: Unit | None = None
        self.section_name = ""
        self.section_level = 0
        self.section_used = False
        self.after_tag = False
        # the dateline a digest prints once above its briefs (``央视网消息：``)
        self.digest_dateline: Piece | None = None
        self.body_size: float | None = None
        # lines of editor's notes (编者按): before any body they preface a report
        self.preface_lines = {
            line.index for first, last, _ in state.editor_notes for line in state.lines[first.index : last.index + 1]
        }

    def display(self, unit: Unit) -> bool:
        """Whether the layout sets a unit in display type (half as large again as the body): a title, not a subhead."""
        layout = self.state.options.layout
        if layout is None:
            return False
        if self.body_size is None:
            self.body_size = layout.body_size() or 0.0
        span = unit.span(self.state.normalized)
        return bool(self.body_size) and any(
            line.size is not None and line.size >= _DISPLAY * self.body_size for line in layout.lines_in(span.start, span.end)
        )

    def new_article(self) -> ArticleDraft:
        self.current = ArticleDraft()
        self.state.articles.append(self.current)
        return self.current

    def open_article(self) -> ArticleDraft:
        if self.current is None or self.current.closed:
            return self.new_article()
        return self.current

    def run(self) -> None:
        i = 0
        n = len(self.units)
        while i < n:
            kind = self.kinds[i]
            if kind == _HEAD:
                j = i
                while j < n and self.kinds[j] == _HEAD and (j == i or not self.after_toc[j]):
                    j += 1
                self.heading_run(i, j)
                i = j + (1 if j < n and self.kinds[j] == _AUTHOR else 0)
                continue
            self.after_tag = kind == _TAG  # a tag counts only right above the next heading
            if kind == _TAG:
                self.open_section(self.units[i], 0, self.units[i].text[1:-1])
            elif kind == _BODY and self.current is None and self.front_matter(i):
                unit = self.units[i]
                span = unit.span(self.state.normalized)
                self.state.furniture.append(Furniture(kind="front-matter", text=unit.text, span=span))
            else:
                self.element(i)
            i += 1

    def front_matter(self, i: int) -> bool:
        """Whether a short line before the first headline is issue furniture (a date, a page label)."""
        unit = self.units[i]
        if len(unit.text) > 30 or _SENTENCE_MARK.search(unit.text):
            return False
        return i + 1 < len(self.kinds) and self.kinds[i + 1] in (_HEAD, _TAG)

    def open_section(self, unit: Unit, level: int, name: str) -> None:
        """A heading over the items that follow: their column until the next such heading."""
        self.section = unit
        self.section_level = level
        self.section_name = name
        self.section_used = False

    def apply_section(self, article: ArticleDraft) -> None:
        """Give a new article the column of the section it stands in (the span only to the first)."""
        if self.section is None or article.column is not None or article.column_name:
            return
        if not self.section_used:
            article.column = self.section
            self.section_used = True
        article.column_name = self.section_name

    def any_article(self) -> ArticleDraft:
        """The current article, open or closed, for elements that trail it (a source, a note)."""
        return self.current if self.current is not None else self.new_article()

    def element(self, i: int) -> None:
        unit = self.units[i]
        kind = self.kinds[i]
        if kind == "dateline" and getattr(unit.payload, "position", "leading") == "leading":
            self.leading_dateline(unit)
        elif kind == "dateline":
            article = self.any_article()
            if article.dateline is None:
                article.dateline = unit.first
            else:
                article.notes.append(unit.first)
            article.closed = True
        elif kind == "credit":
            self.credit(i, unit)
        elif kind == "credit-lead":
            self.leading_credit(unit)
        elif kind == "credit-tail":
            article = self.open_article()
            article.credits.append(unit.first)
            # a slash credit glued to a lead (…一命。報導．攝影╱王小明) closes the paragraph, not the article
            in_text = i + 1 < len(self.units) and self.kinds[i + 1] == _BODY
            article.closed = not (in_text and getattr(unit.payload, "glued", False))
        elif kind == "meta":
            article = self.any_article()
            article.metas.append(unit.first)
            article.closed = article.closed or article.has_body
        elif kind == "source":
            article = self.any_article()
            article.sources.append(unit.first)
            # a credit line between headline and text (``《某某日报》（…第 01 版）``) does not end the article
            article.closed = article.closed or article.has_body or not article.titled
        elif kind == "note":
            article = self.any_article()
            article.notes.append(unit.first)
            article.closed = article.closed or getattr(unit.payload, "kind", "") in _CLOSING_NOTES
        elif kind == "subhead":
            self.open_article().subheads.append(unit)
        elif self.current is not None and self.current.closed and _PICTURE_NOTE.match(unit.text):
            self.current.captions.append(unit)  # 图为…: a picture's caption after the report it shows
        else:
            self.open_article().body.append(unit)

    def leading_dateline(self, unit: Unit) -> None:
        """A dateline opens a report: the current one, if it has nothing but a headline and credits yet
        (or a teaser, a caption or key points printed between the headline and the dateline)."""
        current = self.current
        if current is not None and self.teaser_only(current):
            self.set_aside_teaser(current)
        if current is not None and not current.closed and current.has_body and _second_dispatch(current, unit):
            current.notes.append(unit.first)  # one story filed from two places: both reporters credited
            return
        if current is None or current.closed or current.dateline is not None or (
            current.has_body and not self.prefaced_only(current)
        ):
            current = self.new_article()
        current.dateline = unit.first

    def teaser_only(self, article: ArticleDraft) -> bool:
        """Whether all the text under a headline so far is a teaser: at most three short paragraphs,
        with no dateline or credit yet (``■ 要点…``, a caption, a bold standfirst)."""
        return (
            article.titled
            and not article.closed
            and article.dateline is None
            and all(photographers_only(credit.payload) for credit in article.credits)
            and 0 < len(article.body) <= _TEASER_UNITS
            and all(len(unit.text) <= _TEASER_LENGTH for unit in article.body)
            and not self.prefaced_only(article)
        )

    def set_aside_teaser(self, article: ArticleDraft) -> None:
        """The teaser before a dateline or credit is not body: it is kept as the article's captions."""
        article.captions.extend(article.body)
        article.body = []

    def prefaced_only(self, article: ArticleDraft) -> bool:
        """Whether all the article's text so far is an editor's note (编者按), which precedes its dateline."""
        return all(unit.pieces[0].line.index in self.preface_lines for unit in article.body)

    def leading_credit(self, unit: Unit) -> None:
        """A credit opening a paragraph opens a report, as a leading dateline does."""
        current = self.current
        if current is None or current.closed or current.has_body:
            current = self.new_article()
        current.credits.append(unit.first)

    def credit(self, i: int, unit: Unit) -> None:
        """A credit line under a headline belongs to it; after the text it closes the article;
        right before a dateline it opens the next report."""
        if _staff_only(unit):
            # production credits (责任编辑：…) trail the article they close, even a closed one
            article = self.any_article()
            article.credits.append(unit.first)
            article.closed = True
            return
        current = self.current
        in_text = i + 1 < len(self.units) and self.kinds[i + 1] == _BODY
        if current is not None and not current.closed and current.has_body and in_text and photographers_only(unit.payload):
            current.credits.append(unit.first)  # a picture's credit inside the text: the article goes on
            if len(current.body[-1].text) <= _CAPTION_LENGTH:
                current.captions.append(current.body.pop())  # ... and the line over it is its caption
            return
        nxt = self.units[i + 1] if i + 1 < len(self.units) else None
        before_dateline = nxt is not None and nxt.kind == "dateline" and _opens(nxt)
        if current is not None and in_text and not before_dateline and not photographers_only(unit.payload) and self.teaser_only(current):
            # a teaser before the byline (记者 | …) is not body; a credit after the text (a letter's
            # signature, a photographer's credit closing photo news) closes it instead
            self.set_aside_teaser(current)
        if current is None or current.closed or (before_dateline and (current.has_body or current.dateline)):
            current = self.new_article()
        elif current.has_body:
            current.closed = True
        current.credits.append(unit.first)

    def heading_run(self, i: int, j: int) -> None:
        units = self.units[i:j]
        author = None
        if j < len(self.units) and self.kinds[j] == _AUTHOR:
            author = self.units[j]
            j += 1
        nxt_kind = self.kinds[j] if j < len(self.units) else None
        nxt = self.units[j] if j < len(self.units) else None
        current = self.current
        opener = author is not None or (nxt is not None and _opens(nxt))
        toc_at = next((k for k, u in enumerate(units) if folds_into(u.text, self.toc_titles)), None)
        blocks = len({u.block for u in units})
        if nxt is None and current is not None and not opener:
            if current.has_body and all(_CUT_SENTENCE.search(u.text) for u in units):
                current.body.extend(units)  # the page ends in the middle of a sentence
                return
            if not current.titled:
                self.adopt(current, units)
            else:
                current.captions.extend(units)
            return
        units = self.list_entries(units)
        units = _without_repeats(units)
        numbered = NUMBERED_HEADING.match(units[0].text) is not None
        stronger = current is not None and current.title_level > 0 and any(
            0 < u.heading_level < current.title_level for u in units
        )
        # a marked heading (``#``, ``<h1>``, a setext underline) over text ends an untitled stretch
        marked_over_untitled = (
            current is not None and not current.titled and nxt_kind == _BODY and any(u.heading_level for u in units)
        )
        # a heading the layout sets after text opens the next story when the story so far is untitled
        # (continued from the page before), titled in the same style, or when it is set in display type
        after_text = (
            current is not None
            and current.has_body
            and self.state.options.layout is not None
            and any(
                u.heading_level and (not current.titled or u.heading_level <= current.title_level or self.display(u))
                for u in units
            )
        )
        starts = (
            opener
            or current is None
            or current.closed
            or toc_at is not None
            or stronger
            or marked_over_untitled
            or after_text
            or (
                current.titled
                and blocks >= 2
                and not numbered
                and self.state.wrap_width is None
                and nxt_kind == _BODY
                # under a marked title, unmarked or bold decks are subheads
                and not (current.title_level and not any(u.heading_level for u in units))
            )
        )
        if not opener and current is not None and self.digest(current, units, nxt_kind):
            return
        if not starts and current is not None and self.evidence(units, nxt_kind, current) >= _START_EVIDENCE:
            starts = True
        if not starts and current is not None and not current.titled and self.full_block(units):
            self.adopt(current, units)
            return
        if not starts and current is not None:
            if len(units) == 1 and len(units[0].text) >= 8 and units[0].text.endswith(("：", ":")):
                current.body.append(units[0])  # a sentence that introduces what follows
                return
            self.subheads(current, units)
            return
        units = self.split_section(units)
        head = self.headline_units(units, toc_at if toc_at is None or toc_at < len(units) else None)
        leftover = units[: len(units) - len(head)]
        if leftover:
            self.leftovers(leftover)
        article = self.new_article()
        self.adopt(article, head)
        article.bare = not opener and nxt_kind == _BODY
        self.after_tag = False
        level = article.title_level
        if self.section is not None and self.section_level and level and level <= self.section_level:
            self.section = None  # a heading as strong as the section's ends it
            self.digest_dateline = None
        self.apply_section(article)
        if self.digest_dateline is not None and article.dateline is None and not opener:
            article.shared_dateline = self.digest_dateline
        if author is not None:
            if _author_line(author) == "publication":
                article.sources.append(author.first)
                author.first.kind = "publication"
            else:
                article.credits.append(author.first)
                author.first.kind = "author"

    def list_entries(self, units: list[Unit]) -> list[Unit]:
        """The run without the headline-only entries of a list above it.

        A scraped list prints each headline with its time stamp; only an entry followed by text is
        an article. Headlines before the last stamp in the run are the list's: navigation.
        """
        cut = 0
        for k in range(1, len(units)):
            between = range(units[k - 1].last.line.index + 1, units[k].first.line.index)
            if any(self.state.pieces[x] and self.state.pieces[x][0].payload == FurnitureKind.DATE_STAMP for x in between):
                cut = k
        for unit in units[:cut]:
            span = unit.span(self.state.normalized)
            self.state.furniture.append(Furniture(kind=FurnitureKind.NAVIGATION, text=unit.text, span=span))
        return units[cut:]

    def evidence(self, units: list[Unit], nxt_kind: str | None, current: ArticleDraft) -> int:
        """How strongly the document's own structure says a heading run opens an item of its own.

        Each cue adds or takes points: a heading at the level of the current title (+3) or a
        weaker one (-3), or bold as the title is (+3) or is not (-1); the next number in the title's running sequence (+3); a tag line above
        (+3); numbering that starts again at 1 after the heading (+3); items that open with a headline and go straight into text, as the current one did,
        printed as a line of at least eight characters after a blank line (+2); the current article already having text
        (+1) or not (-2); no text following (-2); the form of a subhead (``一、``, ``■``: -6); a lone line ending in a colon (-3); fields under it (``主讲人：…``: -3).
        """
        head = units[-1]
        score = 0
        level = min((u.heading_level for u in units if u.heading_level), default=0)
        if level and current.title_level:
            score += 3 if level <= current.title_level else -3
        elif not level and all(u.bold for u in units):
            score += 3 if current.title_bold else -1  # bold headings: items if the titles are bold too
        number = item_number(head.text)
        if number is not None and current.item_number is not None and number == current.item_number + 1:
            score += 3
        if self.after_tag:
            score += 3
        if self.numbering_restarts(current, units):
            score += 3
        if (
            current.bare
            and nxt_kind == _BODY
            and len(units) == 1
            and head.blank_before
            and len(head.text) >= _BRIEF_TITLE
            and len(current.body) <= 2
        ):
            score += 2
        score += 1 if current.has_body else -2
        if nxt_kind != _BODY:
            score -= 2
        if _SUBHEAD_FORM.match(head.text):
            score -= 6
        if len(units) == 1 and head.text.endswith(("：", ":")):
            score -= 3  # a line that introduces what follows (``他在声明中说：``)
        after = self.position[id(head)] + 1
        if after < len(self.units) and _FIELD.fullmatch(self.units[after].text):
            score -= 3  # a notice's numbered heading over its fields (``主讲人：…``, ``时间：…``)
        return score

    def digest(self, current: ArticleDraft, units: list[Unit], nxt_kind: str | None) -> bool:
        """A digest: a heading, its dateline alone on a line, then headline and brief in turn.

        ``国内快讯`` / ``央视网消息：`` / ``青岚县秋粮收购过半`` / one paragraph / …: the heading is
        the briefs' column, each brief an article, and the one dateline serves them all.
        """
        dateline = current.dateline
        if (
            not current.titled
            or dateline is None
            or current.has_body
            or current.credits
            or nxt_kind != _BODY
            or len(units) != 1
            or len(current.title) != 1
            or not dateline.whole_line
        ):
            return False
        heading = current.title[0]
        self.adopt(current, units)
        current.bare = True
        current.column = heading
        current.column_name = heading.text
        self.open_section(heading, heading.heading_level, heading.text)
        self.section_used = True
        self.digest_dateline = dateline
        return True

    def numbering_restarts(self, current: ArticleDraft, units: list[Unit]) -> bool:
        """Whether the text after a heading numbers its items from 1 again, after the current
        article's text numbered its own (``1.`` … ``6.``, then a heading, then ``1.``)."""
        after = self.position[id(units[-1])] + 1 if units else 0
        if after >= len(self.units) or _PARAGRAPH_NUMBER.match(self.units[after].text) is None:
            return False
        if int(_PARAGRAPH_NUMBER.match(self.units[after].text).group(1)) != 1:  # type: ignore[union-attr]
            return False
        return any(_PARAGRAPH_NUMBER.match(u.text) for u in current.body)

    def split_section(self, units: list[Unit]) -> list[Unit]:
        """A stronger heading over a numbered item's heading is the section the items stand in."""
        if len(units) < 2 or item_number(units[-1].text) is None:
            return units
        item_level = units[-1].heading_level
        levels = [u.heading_level for u in units[:-1]]
        stronger = [k for k, lv in enumerate(levels) if 0 < lv < item_level]
        if not item_level or not stronger:
            return units
        at = stronger[-1]
        self.open_section(units[at], units[at].heading_level, units[at].text)
        if at:
            self.leftovers(units[:at])
        return units[at + 1 :]

    def full_block(self, units: list[Unit]) -> bool:
        if len(units) >= 3:
            return True
        return len(units) == 2 and any(u.text.endswith(("：", ":")) for u in units[:-1])

    def headline_units(self, units: list[Unit], toc_at: int | None) -> list[Unit]:
        if toc_at is not None:
            start = toc_at
            if start > 0:
                before = units[start - 1]
                if folds_into(before.text, self.toc_sections) or before.text.endswith(("：", ":")):
                    start -= 1
            return units[start:]
        head = units[-3:] if len(units) > 3 else list(units)
        while len(head) > 1 and is_caption(head[0].text):
            head = head[1:]
        return head

    def leftovers(self, units: list[Unit]) -> None:
        """Headline-like lines before a new headline: the previous article's captions (or its
        last field lines), or front matter when no article has begun."""
        current = self.current
        for unit in units:
            if current is None:
                span = unit.span(self.state.normalized)
                self.state.furniture.append(Furniture(kind="front-matter", text=unit.text, span=span))
            elif _FIELD.fullmatch(unit.text) and not is_caption(unit.text):
                current.body.append(unit)
            else:
                current.captions.append(unit)

    def subheads(self, article: ArticleDraft, units: list[Unit]) -> None:
        by_block: dict[int, list[Unit]] = {}
        for unit in units:
            by_block.setdefault(unit.block, []).append(unit)
        for group in by_block.values():
            if len(group) == 1 and is_caption(group[0].text):
                article.captions.append(group[0])
                continue
            text = group[0].text
            for before, unit in itertools.pairwise(group):
                # a space between lines; what the normalised line prints between two cut out of it
                gap = printed_gap(before.last.line, unit.first.line, self.state.normalized)
                text += (" " if gap is None else gap) + unit.text
            joined = Unit([p for u in group for p in u.pieces], kind="text", text=text, block=group[0].block)
            # the symbol stays inside the article's span
            article.subheads.append(_trimmed(joined, _SUBHEAD_SYMBOL)[0])

    def bracketed_title(self, parts: Anatomy) -> None:
        """A headline printed in black brackets: the brackets are not part of the title."""
        title = parts.title[0]
        bracketed = _BRACKETED_HEADLINE.fullmatch(title.text)
        if bracketed is not None:
            inner = title.cut(bracketed.start("name"), bracketed.end("name"))
            if inner is not None:
                parts.title = [inner]

    def adopt(self, article: ArticleDraft, units: list[Unit]) -> None:
        parts = anatomy(units, toc_titles=self.toc_titles, toc_sections=self.toc_sections)
        if len(parts.title) == 1:
            article.item_number = item_number(parts.title[0].text)
            title, mark = _trimmed(parts.title[0], _ITEM_PREFIX)
            if mark is not None:
                parts.title = [title]
                self.state.furniture.append(
                    Furniture(kind="item-number", text=mark.text, span=mark.span(self.state.normalized))
                )
        if len(parts.title) == 1 and parts.column is None:
            self.bracketed_title(parts)
        article.title = parts.title
        article.kicker = parts.kicker
        article.subtitle = parts.subtitle
        article.column = parts.column
        article.heads = list(units)
        article.title_level = parts.title[0].heading_level if parts.title else 0
        article.title_bold = bool(parts.title) and parts.title[0].bold
        if parts.title and parts.subtitle and parts.title[0].first.line.page is not None and all(
            u.heading_level == article.title_level for u in parts.subtitle
        ):
            # on a printed page a subtitle is set smaller than its title; a line in the title's own
            # style under it, not set with it (a layout would have joined it), opens a section
            article.subheads.extend(parts.subtitle)
            article.subtitle = []


def _digest_columns(articles: list[ArticleDraft]) -> None:
    """A heading over a run of untitled briefs that each open with a dateline is the digest's column.

    ``国际简讯`` / ``【美联社华盛顿6月1日电】…`` / ``【路透社伦敦6月1日电】…``: the heading
    names the digest, not the first brief.
    """
    for k, article in enumerate(articles):
        if not article.titled or article.kicker or article.subtitle or article.column or article.dateline is None:
            continue  # a headline with a column of its own over it is a title, not a digest's heading
        run = 0  # counted by index: a slice of the rest per dated article is quadratic
        while k + 1 + run < len(articles):
            following = articles[k + 1 + run]
            if following.titled or following.dateline is None:
                break
            run += 1
        if run >= 2 and len(article.body) <= 2:
            article.column = article.title[0]
            article.title = []
            for following in articles[k + 1 : k + 1 + run]:
                following.column_name = article.column.text


def segment_rule(state: ParseState) -> None:
    """Group the units into articles and give every unit its role."""
    _Segmenter(state).run()
    _digest_columns(state.articles)
