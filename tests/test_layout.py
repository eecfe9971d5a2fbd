"""The layout channel: heading levels, weight, pages and furniture given to the parser by offsets."""

from __future__ import annotations

import bulletin
from bulletin.layout import Box, Layout, LineLayout, Page
from bulletin.normalize.pipeline import LINE_STEPS, normalize
from bulletin.parsing.lines import build_lines
from bulletin.parsing.state import ParseOptions
from bulletin.span import Span

TEXT = "老街路灯全部更换\n本报讯 老街的路灯本周全部换成了节能灯。\n第 3 页"


def _layout() -> Layout:
    return Layout(
        pages=(Page(number=3, width=595.0, height=842.0),),
        lines=(
            LineLayout(start=0, end=8, page=3, box=Box(page=3, x0=100, top=40, x1=324, bottom=68), size=28.0, heading_level=1),
            LineLayout(start=9, end=29, page=3, box=Box(page=3, x0=30, top=90, x1=270, bottom=102), size=12.0),
            LineLayout(start=30, end=35, page=3, box=Box(page=3, x0=280, top=800, x1=315, bottom=809), furniture="page-number"),
        ),
    )


def test_build_lines_takes_levels_pages_and_furniture_from_the_layout() -> None:
    lines = build_lines(TEXT, normalize(TEXT, steps=LINE_STEPS), layout=_layout())
    assert [(x.heading_level, x.page, x.furniture) for x in lines] == [(1, 3, None), (0, 3, None), (0, 3, "page-number")]


def test_the_parser_reads_the_layout_and_the_bulletin_keeps_it() -> None:
    b = bulletin.Parser().parse(TEXT, ParseOptions(layout=_layout()))
    assert b.articles[0].title == "老街路灯全部更换"
    assert [(f.kind, f.text) for f in b.furniture] == [("page-number", "第3页")]
    assert b.layout == _layout()
    dateline = b.articles[0].dateline
    assert dateline is not None
    (box,) = bulletin.boxes(b, dateline)
    assert (box.x0, box.x1) == (30, 66)  # three of the line's twenty characters
    assert bulletin.boxes(bulletin.parse(TEXT), dateline) == ()  # plain text has no layout


def test_a_bracketed_name_closing_a_heading_is_its_column() -> None:
    b = bulletin.parse("# 老街路灯已全部更换（回音）\n\n本报讯 读者上月反映老街路灯不亮，本周已全部更换。")
    article = b.articles[0]
    assert (article.title, article.headline.column.name if article.headline.column else None) == ("老街路灯已全部更换", "回音")
    kept = bulletin.parse("# 城市更新条例（草案）\n\n本报讯 条例草案昨天提请审议。").articles[0]
    assert kept.title == "城市更新条例（草案）"
    assert kept.headline.column is None


def test_layout_lookup_by_span() -> None:
    layout = _layout()
    assert [x.start for x in layout.lines_in(5, 12)] == [0, 9]
    assert layout.pages_of(Span(0, 35)) == (3,)
