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

import regex

from bulletin.model import Furniture
from bulletin.parsing.rules.headline import PICTURE_OPENERS, anatomy, is_caption, is_headline_like
from bulletin.parsing.rules.subhead import NUMBERED_HEADING
from bulletin.parsing.rules.toc import fold_title, folds_into
from bulletin.parsing.state import ArticleDraft, ParseState, Unit
from bulletin.recognize.byline import match_bare_author, photographers_only
from bulletin.recognize.source import match_publication_name

__all__ = ["segment_rule"]

_HEAD, _BODY, _AUTHOR = "H", "B", "A"
#: At most this many short paragraphs between a headline and its dateline are a teaser, not body.
_TEASER_UNITS, _TEASER_LENGTH = 3, 200
# a date alone on a line closes a signature block (``国务院办公厅`` / ``2023年3月8日``), which is body
_DATE_LINE = regex.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
# ``联系电话：010-12345678``: a label and its value is body, not a caption
# notes that end an article: an author's note, an agency's end mark
_CLOSING_NOTES = ("author", "end-mark")
_SENTENCE_MARK = regex.compile(r"[。；;！!]|[，,].*[，,].*[，,]")
_FIELD = regex.compile(r"\p{Han}{1,6}[：:]\s*\S.*")
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
    kinds: list[str] = []
    for i, unit in enumerate(units):
        if unit.kind != "text":
            kinds.append(unit.kind)
            continue
        if kinds and kinds[-1] == _HEAD and _author_line(unit):
            kinds.append(_AUTHOR)
            continue
        if not text_like[i]:
            kinds.append(_BODY)
            continue
        if not marked or unit.heading_level:
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


def _opens(unit: Unit) -> bool:
    """Whether ``unit`` opens a report, so the headline-like lines above it are its headline."""
    if unit.kind == "dateline":
        return getattr(unit.payload, "position", "leading") == "leading"
    if unit.kind == "note":  # an official document's number under its title: 国办发〔2024〕3号
        return getattr(unit.payload, "kind", "") == "document-number"
    return unit.kind in ("credit", "credit-lead", "meta")


def _author_line(unit: Unit) -> str | None:
    if unit.kind != "text" or len(unit.pieces) != 1:
        return None
    if match_bare_author(unit.text) is not None:
        return "author"
    if match_publication_name(unit.text) is not None:
        return "publication"
    return None


class _Segmenter:
    def __init__(self, state: ParseState) -> None:
        self.state = state
        self.units = state.units
        self.kinds = _kinds(state)
        self.toc_titles = {fold_title(e.title) for e in state.toc}
        self.toc_sections = {fold_title(e.section) for e in state.toc if e.section}
        self.current: ArticleDraft | None = None
        # lines of editor's notes (编者按): before any body they preface a report
        self.preface_lines = {
            line.index for first, last, _ in state.editor_notes for line in state.lines[first.index : last.index + 1]
        }

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
                while j < n and self.kinds[j] == _HEAD:
                    j += 1
                self.heading_run(i, j)
                i = j + (1 if j < n and self.kinds[j] == _AUTHOR else 0)
                continue
            self.element(i)
            i += 1

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
            # a source line under the headline (原文来自…, before any text) does not end the article
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
        """A dateline opens a report: the current one, if it has nothing but a headline and credits yet."""
        current = self.current
        if current is not None and not current.closed and current.dateline is None and self.teaser_only(current):
            current.captions.extend(current.body)  # a teaser, key point or caption before the dateline: not body
            current.body = []
        if current is None or current.closed or current.dateline is not None or (
            current.has_body and not self.prefaced_only(current)
        ):
            current = self.new_article()
        current.dateline = unit.first

    def teaser_only(self, article: ArticleDraft) -> bool:
        """Whether a titled article's text so far is a short teaser, key-point line or caption:
        printed between the headline and the dateline, it is no body (``■ …``, ``图为…``)."""
        body = article.body
        return (
            article.titled
            and 0 < len(body) <= _TEASER_UNITS
            and all(len(unit.text) <= _TEASER_LENGTH for unit in body)
            and not self.prefaced_only(article)
        )

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
            return
        if (
            current is not None
            and not current.closed
            and current.dateline is None
            and not current.credits
            and in_text
            and self.teaser_only(current)
        ):
            current.captions.extend(current.body)  # a teaser before the byline (记者 | …) is not body
            current.body = []
            current.credits.append(unit.first)
            return
        nxt = self.units[i + 1] if i + 1 < len(self.units) else None
        before_dateline = nxt is not None and nxt.kind == "dateline" and _opens(nxt)
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
            if not current.titled:
                self.adopt(current, units)
            else:
                current.captions.extend(units)
            return
        numbered = NUMBERED_HEADING.match(units[0].text) is not None
        stronger = current is not None and current.title_level > 0 and any(
            0 < u.heading_level < current.title_level for u in units
        )
        starts = (
            opener
            or current is None
            or current.closed
            or toc_at is not None
            or stronger
            or (
                current.titled
                and blocks >= 2
                and not numbered
                and self.state.wrap_width is None
                and nxt_kind == _BODY
            )
        )
        if not starts and current is not None and not current.titled and self.full_block(units):
            self.adopt(current, units)
            return
        if not starts and current is not None:
            self.subheads(current, units)
            return
        head = self.headline_units(units, toc_at)
        leftover = units[: len(units) - len(head)]
        if leftover:
            self.leftovers(leftover)
        article = self.new_article()
        self.adopt(article, head)
        if author is not None:
            if _author_line(author) == "publication":
                article.sources.append(author.first)
                author.first.kind = "publication"
            else:
                article.credits.append(author.first)
                author.first.kind = "author"

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
            joined = Unit(
                [p for u in group for p in u.pieces],
                kind="text",
                text=" ".join(u.text for u in group),
                block=group[0].block,
            )
            article.subheads.append(joined)

    def adopt(self, article: ArticleDraft, units: list[Unit]) -> None:
        parts = anatomy(units, toc_titles=self.toc_titles, toc_sections=self.toc_sections)
        article.title = parts.title
        article.kicker = parts.kicker
        article.subtitle = parts.subtitle
        article.column = parts.column
        article.heads = list(units)
        article.title_level = parts.title[0].heading_level if parts.title else 0


def _digest_columns(articles: list[ArticleDraft]) -> None:
    """A heading over a run of untitled briefs that each open with a dateline is the digest's column.

    ``国际简讯`` / ``【美联社华盛顿6月1日电】…`` / ``【路透社伦敦6月1日电】…``: the heading
    names the digest, not the first brief.
    """
    for k, article in enumerate(articles):
        if not article.titled or article.kicker or article.subtitle or article.column or article.dateline is None:
            continue  # a headline with a column of its own over it is a title, not a digest's heading
        run = 0
        for following in articles[k + 1 :]:
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
