"""Build the frozen :class:`~bulletin.model.Bulletin` from the parse state.

Text of every element is the normalised text of the input it spans; spans
point into the original input.  Whatever non-space input no element claimed
is kept as ``unclaimed`` furniture, so nothing is ever silently dropped.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from typing import Any

import attrs
import regex

from bulletin.model import (
    Article,
    Bulletin,
    Byline,
    Caption,
    Column,
    Dateline,
    Furniture,
    Headline,
    HeadlinePart,
    IssueDate,
    Note,
    Paragraph,
    Source,
    Subhead,
)
from bulletin.normalize.hardwrap import wrap_separator
from bulletin.parsing.lines import Line, printed_gap, text_offset
from bulletin.parsing.rules.headline import splits_kicker
from bulletin.parsing.rules.toc import fold_title
from bulletin.parsing.state import ArticleDraft, ParseState, Piece, Unit
from bulletin.recognize.byline import match_bare_author
from bulletin.recognize.column import split_column_tag
from bulletin.recognize.dateline import resolve_date
from bulletin.recognize.source import match_outlet_prefix, match_publication_name
from bulletin.span import Span

__all__ = ["build_bulletin", "bulletin_fields"]

# runs of non-space characters (str.isspace counts the separators U+001C..U+001F as space)
_INK = regex.compile(r"[^\s\x1c-\x1f]++(?:[ \t\u3000]++[^\s\x1c-\x1f]++)*+")
_RAW_SPACE = regex.compile(r"(?<=\S)[ \t\u3000]+(?=\S)")


def _cover(spans: Iterable[Span]) -> Span | None:
    """The smallest span that holds all of ``spans`` (``None`` when there are none)."""
    found = list(spans)
    if len(found) <= 1:
        return found[0] if found else None
    return Span(min(span.start for span in found), max(span.end for span in found))


class _Holders:
    """Which article's span holds an offset, by binary search (a scan of every article per note is quadratic).

    >>> holders = _Holders([Article(span=Span(0, 10)), Article(span=Span(10, 30))])
    >>> holders.first_containing(12), holders.first_containing(30)
    (1, None)
    """

    def __init__(self, articles: list[Article]) -> None:
        self.order = sorted(range(len(articles)), key=lambda k: articles[k].span.start)
        self.starts = [articles[k].span.start for k in self.order]
        self.ends = [articles[k].span.end for k in self.order]
        # the furthest end of any article up to each place in start order: where to stop looking back
        self.reach = list(itertools.accumulate(self.ends, max))

    def first_containing(self, offset: int) -> int | None:
        """The lowest index of an article with ``start <= offset < end``, or ``None``."""
        found: int | None = None
        j = bisect.bisect_right(self.starts, offset) - 1
        while j >= 0 and self.reach[j] > offset:
            if self.ends[j] > offset and (found is None or self.order[j] < found):
                found = self.order[j]
            j -= 1
        return found


class _Builder:
    def __init__(self, state: ParseState) -> None:
        self.state = state
        self.normalized = state.normalized
        self.issue: IssueDate | None = state.options.issue_date or state.issue_date

    def span(self, unit: Unit) -> Span:
        return unit.span(self.normalized)

    def part(self, units: list[Unit]) -> HeadlinePart | None:
        if not units:
            return None
        text = units[0].text
        for before, unit in itertools.pairwise(units):
            gap = printed_gap(before.last.line, unit.first.line, self.normalized)  # one normalised line cut in two
            text += (wrap_separator(before.text, unit.text) if gap is None else gap) + unit.text
        return HeadlinePart(text=text, span=_cover(self.span(u) for u in units) or Span(0, 0))

    def split_title(self, unit: Unit) -> tuple[HeadlinePart, HeadlinePart] | None:
        """A kicker and title printed on one line, parted by a space (``市长:…,…底线 推动…``)."""
        if len(unit.pieces) != 1 or not unit.first.whole_line:
            return None
        line = unit.first.line
        body = line.raw.strip()
        start = line.span.start
        for match in reversed(list(_RAW_SPACE.finditer(body))):
            # the line's own normalised text on either side, so the parts read as the line does
            kicker = line.text[: text_offset(line, start + match.start(), self.normalized)].strip()
            title = line.text[text_offset(line, start + match.end(), self.normalized) :].strip()
            if kicker and len(title) >= 4 and splits_kicker(kicker):
                return (
                    HeadlinePart(text=kicker, span=Span(start, start + match.start())),
                    HeadlinePart(text=title, span=Span(start + match.end(), line.span.end)),
                )
        return None

    def headline(self, draft: ArticleDraft, section: str | None) -> Headline:
        kicker = self.part(draft.kicker)
        title = self.part(draft.title)
        if kicker is None and len(draft.title) == 1:
            split = self.split_title(draft.title[0])
            if split is not None:
                kicker, title = split
        column = None
        subtitle = self.part(draft.subtitle)
        tagged = self.column_tag(draft.title[0]) if draft.column is None and len(draft.title) == 1 else None
        wrapped = self.wrapped_tag(draft) if tagged is None and draft.column is None else None
        series = self.series(draft)
        if tagged is not None:
            column, title = tagged
        elif wrapped is not None:
            column, title, subtitle = wrapped
        elif series is not None:
            column = series  # the series line names the column; a deck read as one above the title leads into it
            if draft.column is not None and kicker is None:
                kicker = self.part([draft.column])
        elif draft.column is not None:
            column = Column(name=draft.column_name or draft.column.text, span=self.span(draft.column))
        elif draft.column_name:
            column = Column(name=draft.column_name, span=None)
        elif section:
            column = Column(name=section, span=None)
        return Headline(title=title, kicker=kicker, subtitle=subtitle, column=column)

    def wrapped_tag(self, draft: ArticleDraft) -> tuple[Column, HeadlinePart | None, HeadlinePart | None] | None:
        """A column tag after a headline that layout wrapped onto the next line: in the middle of the
        tag (``…“北京蓝”（总`` / ``书记的关切·某某）``), or after the second line (``…损毁`` / ``…功能（身边事）``)."""
        if len(draft.title) != 1 or len(draft.subtitle) != 1:
            return None
        first, second = draft.title[0], draft.subtitle[0]
        opened = first.text.count("（") + first.text.count("(") > first.text.count("）") + first.text.count(")")
        if opened:
            tag = split_column_tag(first.text + second.text)
            if tag is None or tag.title_end > len(first.text):
                return None
            # the title's span stops where its text does: the bracket opening the tag is the column's
            title_unit = first.cut(tag.title_start, tag.title_end)
            if title_unit is None:
                return None
            column = Column(name=tag.column, span=self.span(first).cover(self.span(second)))
            return column, HeadlinePart(text=tag.title, span=self.span(title_unit)), None
        tagged = self.column_tag(second)
        if tagged is None or split_column_tag(second.text) is None or second.text.startswith(("【", "[")):
            return None
        column, subtitle = tagged
        return column, self.part(draft.title), subtitle

    def column_tag(self, unit: Unit) -> tuple[Column, HeadlinePart] | None:
        """A column tag printed with a one-line title (``【某某走访】…``, ``…（某某这座城）``)."""
        tag = split_column_tag(unit.text)
        if tag is None:
            return None
        if len(unit.pieces) != 1:  # a title wrapped over lines: its parts by the unit's own cuts
            title_unit, column_unit = unit.cut(tag.title_start, tag.title_end), unit.cut(tag.column_start, tag.column_end)
            if title_unit is None or column_unit is None:
                return None
            column = Column(name=tag.column, span=self.span(column_unit))
            return column, HeadlinePart(text=title_unit.text, span=self.span(title_unit))
        piece = unit.first
        line = piece.line
        raw = line.text[piece.start : piece.end]
        offset = piece.start + len(raw) - len(raw.lstrip())
        column_span = line.sub_span(offset + tag.column_start, offset + tag.column_end, self.normalized)
        title_span = line.sub_span(offset + tag.title_start, offset + tag.title_end, self.normalized)
        return Column(name=tag.column, span=column_span), HeadlinePart(text=tag.title, span=title_span)

    def series(self, draft: ArticleDraft) -> Column | None:
        """A series line under the title (``系列：某某观察``) names the article's column."""
        for piece in draft.metas:
            meta: Any = piece.payload
            for label, value, _, _ in getattr(meta, "fields", ()):
                if label == "series":
                    return Column(name=value, span=piece.span(self.normalized))
        return None

    def dateline(self, piece: Piece) -> tuple[Dateline, list[Byline]]:
        match: Any = piece.payload
        dateline = Dateline(
            text=match.text,
            agency=match.agency,
            place=match.place,
            year=match.year,
            month=match.month,
            day=match.day,
            date=resolve_date(year=match.year, month=match.month, day=match.day, issue=self.issue),
            position=match.position,
            span=piece.span(self.normalized),
        )
        return dateline, [self.byline(piece, b) for b in getattr(match, "credits", ())]

    def byline(self, piece: Piece, match: Any, offset: int = 0) -> Byline:
        start, end = offset + match.start, offset + match.end
        return Byline(
            name=match.name,
            role=match.role,
            organization=match.organization,
            span=piece.line.sub_span(start, end, self.normalized) if end > start else piece.span(self.normalized),
        )

    def credits(self, piece: Piece) -> list[Byline]:
        if piece.kind == "author":
            match = match_bare_author(piece.text)
            offset = piece.start
        else:
            match = piece.payload
            offset = 0
        if match is None:
            return []
        return [self.byline(piece, b, offset) for b in match.bylines if getattr(b, "kind", "author") != "editor"]

    def staff(self, piece: Piece) -> list[Note]:
        """Production credits (``责任编辑：赵六``) are kept as notes, not bylines."""
        match = piece.payload if piece.kind != "author" else None
        editors = [b for b in getattr(match, "bylines", ()) if getattr(b, "kind", "author") == "editor"]
        if not editors:
            return []
        return [Note(kind="staff", text=piece.text, span=piece.span(self.normalized))]

    def source(self, piece: Piece) -> list[Source]:
        """Every name a source statement lists (``（法新社、路透社）`` names two)."""
        match: Any = piece.payload if piece.kind != "publication" else match_publication_name(piece.text)
        if match is None or not match.name:
            return []
        span = piece.span(self.normalized)
        names = getattr(match, "names", ()) or (match.name,)
        return [Source(name=name, relation=match.relation, span=span) for name in names if name]

    def paragraph(self, unit: Unit) -> Paragraph:
        """A body unit as a paragraph; its span covers its first and last pieces, as :meth:`Unit.span`."""
        pieces = tuple(p.span(self.normalized) for p in unit.pieces)
        span = pieces[0] if len(pieces) == 1 else pieces[0].cover(pieces[-1])
        return Paragraph(text=unit.text, span=span, pieces=pieces)

    def article(self, draft: ArticleDraft, section: str | None, after: int = 0) -> Article | None:
        normalized = self.normalized
        dateline = None
        bylines: list[Byline] = []
        if draft.dateline is not None:
            dateline, bylines = self.dateline(draft.dateline)
        elif draft.shared_dateline is not None:
            dateline = attrs.evolve(self.dateline(draft.shared_dateline)[0], span=None)
        notes = []
        for piece in draft.credits:
            bylines.extend(self.credits(piece))
            notes.extend(self.staff(piece))
        for piece in draft.notes:
            if piece.kind == "dateline":
                notes.append(Note(kind="dateline", text=piece.text, span=piece.span(normalized)))
                # a second dispatch's reporters are the article's too
                bylines.extend(self.byline(piece, b) for b in getattr(piece.payload, "credits", ()))
            else:
                kind = getattr(piece.payload, "kind", "note")
                notes.append(Note(kind=kind, text=piece.text, span=piece.span(normalized)))
        sources = [s for p in draft.sources for s in self.source(p)]
        for piece in draft.metas:
            meta: Any = piece.payload
            span = piece.span(normalized)
            if meta.source is not None and meta.source.name:
                names = meta.source.names or (meta.source.name,)
                sources.extend(Source(name=name, relation=meta.source.relation, span=span) for name in names if name)
            bylines.extend(self.byline(piece, b) for b in meta.authors)
            notes.append(Note(kind="meta", text=piece.text, span=span))
        paragraphs = [self.paragraph(u) for u in draft.body]
        subheads = [Subhead(text=u.text, span=self.span(u)) for u in draft.subheads]
        captions = [Caption(text=u.text, span=self.span(u)) for u in draft.captions]
        headline = self.headline(draft, section)
        column = headline.column
        if column is not None and column.span is not None and column.span.start < after:
            # a section's heading printed inside the article before (``after`` is where that one ends)
            # names this one's column as a shared dateline names a brief's: by name, so that
            # articles never overlap
            headline = attrs.evolve(headline, column=attrs.evolve(column, span=None))
        sources = _with_outlet(headline, sources)
        spans = [p.span for p in headline.parts()]
        if headline.column is not None and headline.column.span is not None:
            spans.append(headline.column.span)
        elements: list[Any] = [dateline] if dateline is not None and dateline.span is not None else []
        elements += bylines + sources + notes + paragraphs + subheads + captions
        spans += [e.span for e in elements]
        spans += [p.span(normalized) for p in draft.credits + draft.sources + draft.metas]
        article_span = _cover(spans)
        if article_span is None:
            return None
        return Article(
            headline=headline,
            dateline=dateline,
            bylines=tuple(bylines),
            sources=tuple(sources),
            notes=tuple(notes),
            subheads=tuple(sorted(subheads, key=lambda s: s.span.start)),
            paragraphs=tuple(paragraphs),
            captions=tuple(captions),
            span=article_span,
        )

    def editor_notes(self, articles: list[Article]) -> list[Article]:
        """Attach each editor's note to the article it opens, clipped to that article's lines."""
        import attrs

        result = list(articles)
        holder = _Holders(articles)
        # what segmentation set aside as furniture (a title's item number) is not the note's text
        set_aside = sorted((f.span for f in self.state.furniture), key=lambda span: (span.start, span.end))
        for first, last, match in self.state.editor_notes:
            k = holder.first_containing(first.span.start)
            if k is not None:
                article = result[k]
                lines = [
                    line
                    for line in self.state.lines[first.index : last.index + 1]
                    if line.span.end <= article.span.end and line.kind != "furniture"
                ]
                if lines:
                    span = lines[0].span.cover(lines[-1].span)
                    text = self.joined(lines, set_aside)
                    note = Note(kind=getattr(match, "kind", "editor"), text=text, span=span)
                    result[k] = attrs.evolve(article, notes=(*article.notes, note))
        return result

    def joined(self, lines: list[Line], set_aside: list[Span]) -> str:
        """The text of consecutive lines as one element's: furniture split off a line (a page label,
        residue) or set aside in it (``set_aside``, sorted) left out, and lines the parser cut out of
        one normalised line (paragraphs run together) joined by what the normalised text prints
        between them."""
        normalized = self.state.normalized
        parts: list[str] = []
        for k, line in enumerate(lines):
            if k:
                parts.append(printed_gap(lines[k - 1], line, normalized) or "")
            text = self.unfurnished(line)
            first = bisect.bisect_left(set_aside, line.span.start, key=lambda span: span.start)
            holes = [s for s in set_aside[first:] if s.start < line.span.end and s.end <= line.span.end]
            if holes and text == line.text:
                kept, pos = [], 0
                for hole in holes:
                    cut = text_offset(line, hole.start, normalized)
                    kept.append(text[pos:cut])
                    pos = max(pos, text_offset(line, hole.end, normalized))
                text = ("".join(kept) + text[pos:]).strip()
            parts.append(text)
        return "".join(parts)

    def unfurnished(self, line: Line) -> str:
        """A line's text without the furniture a rule split off it."""
        pieces = self.state.pieces[line.index]
        if all(piece.kind != "furniture" for piece in pieces):
            return line.text
        return "".join(line.text[piece.start : piece.end] for piece in pieces if piece.kind != "furniture").strip()

    def build(self, parser: str) -> Bulletin:
        return Bulletin(text=self.state.original, **self.fields(parser))

    def fields(self, parser: str) -> dict[str, Any]:
        """Every field of the bulletin but its text."""
        state = self.state
        toc_section = {fold_title(e.title): e.section for e in state.toc}
        articles: list[Article] = []
        section: str | None = None
        for draft in state.articles:
            if state.toc:
                title_key = fold_title(" ".join(u.text for u in draft.title)) if draft.title else ""
                if title_key in toc_section:
                    section = toc_section[title_key]
            article = self.article(draft, section if state.toc else None, articles[-1].span.end if articles else 0)
            if article is not None:
                articles.append(article)
        articles = self.editor_notes(articles)
        furniture = [f for f in state.furniture if f.span not in state.taken_back]
        furniture += self.unclaimed(articles, furniture)
        furniture.sort(key=lambda f: f.span.start)
        return {
            "publication": state.options.publication or state.publication,
            "issue_date": self.issue,
            "parser": parser,
            "articles": tuple(articles),
            "toc": tuple(state.toc),
            "furniture": tuple(furniture),
            "captions": tuple(state.captions),
            "layout": state.options.layout,
        }

    def unclaimed(self, articles: list[Article], furniture: list[Furniture]) -> list[Furniture]:
        spans: list[Span] = [a.span for a in articles]
        spans += [f.span for f in furniture] + [e.span for e in self.state.toc] + [c.span for c in self.state.captions]
        spans.sort(key=lambda span: (span.start, span.end))  # Span's own order, without comparing Spans
        text = self.state.original
        extra: list[Furniture] = []
        pos = 0
        for span in [*spans, Span(len(text), len(text))]:
            if span.start > pos:
                for match in _INK.finditer(text, pos, span.start):
                    if not match.group().strip():
                        continue
                    extra.append(
                        Furniture(
                            kind="unclaimed",
                            text=match.group(),
                            span=Span(match.start(), match.end()),
                        )
                    )
            pos = max(pos, span.end)
        return extra


def _with_outlet(headline: Headline, sources: list[Source]) -> list[Source]:
    """The outlet a reposted piece names before its title (``某某网｜…``) is its first source."""
    title = headline.title
    outlet = match_outlet_prefix(title.text) if title is not None else None
    if title is None or outlet is None or any(s.name == outlet.name for s in sources):
        return sources
    return [Source(name=outlet.name, relation=outlet.relation, span=title.span), *sources]


def build_bulletin(state: ParseState, parser: str = "generic") -> Bulletin:
    """The frozen bulletin the parse state describes."""
    return _Builder(state).build(parser)


def bulletin_fields(state: ParseState, parser: str = "generic") -> dict[str, Any]:
    """The fields of :func:`build_bulletin`'s bulletin but its ``text``: the parser lets the state go
    before the bulletin copies the input, so the two never take memory at once."""
    return _Builder(state).fields(parser)
