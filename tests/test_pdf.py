"""PDF input: layout read from pages the tests write with reportlab (invented text), and the real PDFs."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import bulletin
from bulletin.cli import main
from bulletin.errors import MissingExtraError, UnreadableDocumentError
from bulletin.pdf import parse_pages, read_pdf

pytest.importorskip("pypdfium2")
reportlab = pytest.importorskip("reportlab")

from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

FONT = "STSong-Light"  # a built-in CID font: no font file needed
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
DEV_PDF = Path(__file__).parent / "data" / "dev" / "pdf"
WIDTH, HEIGHT = 595.0, 842.0

# (text, x, y from the top, size, render mode); render mode 2 fills and strokes: faux bold
Run = tuple[str, float, float, float, int]


def write_pdf(pages: list[list[Run]]) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(WIDTH, HEIGHT))
    for runs in pages:
        for text, x, y, size, mode in runs:
            line = page.beginText(x, HEIGHT - y - size)
            line.setFont(FONT, size)
            line.setTextRenderMode(mode)
            line.textOut(text)
            page.drawText(line)
        page.showPage()
    page.save()
    return out.getvalue()


def paragraph(text: str, x: float, y: float, *, chars: int, size: float = 11.0, indent: bool = True) -> list[Run]:
    """``text`` hard-wrapped at ``chars`` characters a line, the first line indented two ems."""
    runs: list[Run] = []
    first = chars - 2 if indent else chars
    pieces = [text[:first]] + [text[i : i + chars] for i in range(first, len(text), chars)]
    for n, piece in enumerate(pieces):
        left = x + (2 * size if indent and n == 0 else 0)
        runs.append((piece, left, y + n * size * 1.5, size, 0))
    return runs


BODY_A = "本报讯 区文化馆昨天举办非遗剪纸公益课堂，邀请三位传承人现场教学，吸引了附近社区的六十多位居民参加，大家在老师指导下完成了各自的作品。"
BODY_B = "活动现场还设置了作品展示区，居民们纷纷拿出手机拍照留念，不少人表示希望以后多举办这样的课堂，让传统手艺走进更多家庭。"
BODY_C = "另讯 区图书馆本周起延长开放时间，工作日晚间开放至九点，周末全天开放，方便上班族和学生借阅图书、使用自习室。"


def newsletter() -> bytes:
    """Three pages: a running header and a page number on each, a headline over two paragraphs on page 1."""
    pages: list[list[Run]] = []
    for number in (1, 2, 3):
        runs: list[Run] = [("示范区文化简报", 60, 30, 9, 0), (f"- {number} -", 290, 800, 9, 0)]
        if number == 1:
            runs.append(("剪纸公益课堂走进社区", 150, 90, 24, 0))
            runs += paragraph(BODY_A, 60, 140, chars=40)
            runs += paragraph(BODY_B, 60, 220, chars=40)
        else:
            runs += paragraph(BODY_C, 60, 90, chars=40)
        pages.append(runs)
    return write_pdf(pages)


@pytest.fixture(scope="module")
def newsletter_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "newsletter.bin"  # recognised by content, not by its name
    path.write_bytes(newsletter())
    return path


def test_the_largest_type_is_the_title_and_wraps_are_joined(newsletter_pdf: Path) -> None:
    b = bulletin.parse(newsletter_pdf, pages=[1])
    article = b.articles[0]
    assert article.title == "剪纸公益课堂走进社区"
    assert article.dateline is not None
    assert article.dateline.agency == "本报"
    # each paragraph was printed on several lines and comes out as one, in the text too
    texts = [p.text for p in article.paragraphs]
    assert texts[0].endswith("完成了各自的作品。")
    assert texts[1].startswith("活动现场")
    assert "剪纸公益课堂，邀请三位传承人" in b.text


def test_running_headers_and_page_numbers_are_furniture(newsletter_pdf: Path) -> None:
    b = bulletin.parse(newsletter_pdf)
    kinds = {(f.kind, b.text[f.span]) for f in b.furniture}
    assert {("page-number", "- 1 -"), ("page-number", "- 2 -"), ("page-number", "- 3 -")} < kinds
    assert sum(1 for kind, text in kinds if kind == "running-header" and text == "示范区文化简报") == 1
    assert all("简报" not in (a.title or "") for a in b.articles)
    assert [p.number for p in b.layout.pages] == [1, 2, 3]


def test_reading_one_page_still_sees_the_running_header(newsletter_pdf: Path) -> None:
    b = bulletin.parse(newsletter_pdf, pages=[2])
    assert {f.kind for f in b.furniture} >= {"running-header", "page-number"}
    assert b.layout.pages[0].number == 2


def test_every_element_gives_its_page_and_boxes(newsletter_pdf: Path) -> None:
    b = bulletin.parse(newsletter_pdf, pages=[1])
    article = b.articles[0]
    (box,) = bulletin.boxes(b, article.headline.title)
    assert box.page == 1
    assert box.x0 == pytest.approx(150, abs=1)
    assert box.top == pytest.approx(90, abs=6)
    paragraph_boxes = bulletin.boxes(b, article.paragraphs[0])
    assert len(paragraph_boxes) == 2
    assert all(x.page == 1 for x in paragraph_boxes)
    assert bulletin.layout.pages(b, article) == (1,)
    # every non-space character of the text is inside some element (nothing lost)
    covered = {i for e in b.elements() if e.span for i in range(e.span.start, e.span.end)}
    assert all(i in covered for i, ch in enumerate(b.text) if not ch.isspace())


def test_the_layout_survives_json_and_pickle(newsletter_pdf: Path) -> None:
    import pickle

    b = bulletin.parse(newsletter_pdf)
    data = json.loads(b.to_json())
    assert data["layout"]["lines"][0]["box"]["page"] == 1
    assert all("span" not in line for line in data["layout"]["lines"])  # layout lines are not elements
    assert bulletin.Bulletin.from_dict(data) == b
    assert pickle.loads(pickle.dumps(b)) == b


def test_two_columns_are_read_one_after_the_other() -> None:
    left = "左栏的文字从这里开始，讲述社区食堂开业的经过，老人们在这里可以吃上热乎的饭菜，价格实惠，菜品也经常更换。"
    right = "右栏的文字讲另一件事，街道组织志愿者为独居老人上门理发，每月一次，已经坚持了三年，受到居民好评。"
    runs = [("社区两件暖心事", 200, 60, 22, 0)]
    runs += paragraph(left, 50, 120, chars=20)
    runs += paragraph(right, 320, 120, chars=20)
    text = read_pdf(write_pdf([runs])).text
    assert text.index("社区食堂开业的经过") < text.index("菜品也经常更换") < text.index("右栏的文字")
    assert "菜品也经常更换。" in text
    assert "受到居民好评。" in text


def test_faux_bold_and_letter_spaced_headings_read_once() -> None:
    runs: list[Run] = [
        ("刊", 200, 60, 18, 0), ("首", 236, 60, 18, 0), ("语", 272, 60, 18, 0),  # letter-spaced: one em apart
        ("春风十里不如你", 150, 110, 14, 0), ("春风十里不如你", 150.4, 110.3, 14, 0),  # drawn twice: faux bold
    ]
    runs += paragraph(BODY_B, 60, 160, chars=40)
    read = read_pdf(write_pdf([runs]))
    assert read.text.splitlines()[:2] == ["刊首语", "春风十里不如你"]
    wide = read_pdf(write_pdf([[("卷", 150, 60, 18, 0), ("首", 220, 60, 18, 0), ("语", 290, 60, 18, 0), *runs[3:]]]))
    assert wide.text.splitlines()[0] == "卷首语"  # three ems apart: still one heading
    second = read.layout.lines[1]
    assert second.bold
    assert read.text[second.start : second.end] == "春风十里不如你"


def test_bytes_are_recognised_by_their_magic() -> None:
    data = newsletter()
    assert bulletin.parse(data, pages=[1]).articles[0].title == "剪纸公益课堂走进社区"


def test_page_ranges_and_bad_pages(newsletter_pdf: Path) -> None:
    assert parse_pages("1,3-4") == [1, 3, 4]
    with pytest.raises(ValueError, match="runs backwards"):
        parse_pages("5-3")
    with pytest.raises(UnreadableDocumentError, match="page 9 is not in the PDF, which has 3 pages"):
        read_pdf(newsletter_pdf, pages=[9])
    with pytest.raises(UnreadableDocumentError, match="cannot be read"):
        read_pdf(b"%PDF-1.7\nnot really a pdf")
    with pytest.raises(UnreadableDocumentError, match="page 1 of the PDF has no text"):
        read_pdf(write_pdf([[]]))
    assert read_pdf(write_pdf([[], [("一行字。", 60, 100, 12, 0)]])).text == "一行字。"


def test_cli_reads_a_pdf_and_its_pages(newsletter_pdf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(newsletter_pdf), "--pages", "1", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"][0]["title"] == "剪纸公益课堂走进社区"
    assert [p["number"] for p in data["layout"]["pages"]] == [1]
    assert main(["parse", str(newsletter_pdf), "--pages", "7"]) == 2
    assert "page 7 is not in the PDF" in capsys.readouterr().err


def test_without_the_extra_one_line_names_it(
    newsletter_pdf: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # import pypdfium2 now fails
    with pytest.raises(MissingExtraError, match=r"pip install 'bulletin\[pdf\]'"):
        bulletin.parse(newsletter_pdf)
    assert main(["parse", str(newsletter_pdf)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "bulletin[pdf]" in err


def _real(name: str, page: int) -> Any:
    return bulletin.parse(DEV_PDF / name, pages=[page])


def test_a_real_newspaper_page() -> None:
    b = _real("rmrb_20251020.pdf", 15)
    article = b.articles[0]
    # the 28 pt headline printed on two lines is one title, the 12 pt body joined across its wraps
    assert b.layout.lines[0].heading_level == 1
    assert b.layout.lines[0].size == 28.0
    assert article.title is not None
    assert "\n" not in b.text[article.headline.title.span]
    assert article.dateline is not None
    assert article.dateline.agency == "新华社"
    assert len(article.paragraphs) == 2
    assert [f.kind for f in b.furniture] == ["page-number"]


def test_a_real_school_newsletter_in_traditional_script() -> None:
    b = _real("llcmh_2526xiaoxun_2025-12_2026-02.pdf", 3)
    # faux-bold (fill and stroke) section headings open articles; the footer on every page is furniture
    assert any(line.bold and line.heading_level for line in b.layout.lines)
    assert len(b.articles) >= 2
    assert b.articles[-1].title is not None
    assert {f.kind for f in b.furniture} >= {"running-header", "page-number"}


def test_vertical_text_reads_as_one_line() -> None:
    runs: list[Run] = [(ch, 500, 100 + 14 * i, 12, 0) for i, ch in enumerate("竖排标题直下")]
    runs += paragraph(BODY_C, 60, 100, chars=30)
    lines = read_pdf(write_pdf([runs])).text.splitlines()
    assert "竖排标题直下" in lines


def test_display_type_on_the_cover_is_not_the_title() -> None:
    """A motto in a size used once, over section headings set bold on every page: the section heading is the title."""
    pages: list[list[Run]] = []
    for number, (head, body) in enumerate((("校务简报", BODY_A), ("学生活动", BODY_B), ("家校合作", BODY_C)), start=1):
        runs: list[Run] = [(head, 60, 120, 11, 2), *paragraph(body, 60, 150, chars=40)]
        if number == 1:
            runs.insert(0, ("本年主题：勤学笃行 向阳生长", 60, 80, 16, 2))
        pages.append(runs)
    b = bulletin.parse(write_pdf(pages), pages=[1])
    assert b.articles[0].title == "校务简报"


def test_kicker_title_and_subtitle_by_type_size() -> None:
    runs: list[Run] = [
        ("全力以赴抓好秋粮收购", 180, 60, 14, 0),
        ("秋粮收购进度快于去年同期", 140, 85, 24, 0),
        ("各地新增烘干能力两成以上", 170, 120, 14, 0),
    ]
    runs += paragraph(BODY_A, 60, 160, chars=40)
    headline = bulletin.parse(write_pdf([runs])).articles[0].headline
    parts = [part.text if part else None for part in (headline.kicker, headline.title, headline.subtitle)]
    assert parts == ["全力以赴抓好秋粮收购", "秋粮收购进度快于去年同期", "各地新增烘干能力两成以上"]
    assert headline.column is None


_HANZI = "会议举行本报讯记者市区文化馆图书新闻一二三"


def test_any_page_reads_without_losing_a_character() -> None:
    """Runs at random places and sizes, one to a band of the page: every character printed is in the text.

    (Two copies of a glyph drawn at one place read once, by design: that is faux bold.)
    """
    from collections import Counter

    from hypothesis import given, settings
    from hypothesis import strategies as st

    run = st.tuples(
        st.text(alphabet=_HANZI + "ab1 ，。", min_size=1, max_size=12),
        st.floats(0, 550),
        st.integers(0, 19).map(lambda band: 40.0 * band),
        st.sampled_from([6.0, 9.0, 12.0, 18.0, 30.0]),
        st.sampled_from([0, 2]),
    )

    @settings(max_examples=25, deadline=None)
    @given(st.lists(st.lists(run, max_size=8, unique_by=lambda r: r[2]), min_size=1, max_size=3))
    def check(pages: list[list[Run]]) -> None:
        if not any(text.strip() for runs in pages for text, *_ in runs):
            return  # no text at all is refused (see test_page_ranges_and_bad_pages)
        read = read_pdf(write_pdf(pages))
        printed = Counter(ch for runs in pages for text, *_ in runs for ch in text if not ch.isspace())
        got = Counter(ch for ch in read.text if not ch.isspace())
        assert got == printed, (got - printed, printed - got)
        b = bulletin.parse(write_pdf(pages))
        covered = {i for e in b.elements() if e.span for i in range(e.span.start, e.span.end)}
        assert all(i in covered for i, ch in enumerate(b.text) if not ch.isspace())
        assert all(0 <= x.start <= x.end <= len(read.text) for x in read.layout.lines)

    check()


@pytest.mark.parametrize(("name", "page"), [("rmrb_20251020.pdf", n) for n in (1, 5, 17, 20, 59, 184)]
                         + [("llcmh_2526xiaoxun_2025-12_2026-02.pdf", n) for n in (1, 3, 5)])
def test_real_pages_keep_every_guarantee(name: str, page: int) -> None:
    from test_properties import check_spans, check_texts, check_valid

    b = bulletin.parse(DEV_PDF / name, pages=[page])
    for check in (check_valid, check_spans, check_texts):
        check(b.text, b)


def test_a_page_of_two_stories_the_second_with_a_smaller_title() -> None:
    runs: list[Run] = [("剪纸公益课堂走进社区", 150, 50, 24, 0)]
    runs += paragraph(BODY_A, 40, 100, chars=20)
    runs += paragraph(BODY_B, 310, 100, chars=20)
    runs += [("区图书馆延长开放时间", 150, 330, 20, 0)]
    runs += paragraph(BODY_C, 40, 370, chars=40)
    articles = bulletin.parse(write_pdf([runs])).articles
    assert [a.title for a in articles] == ["剪纸公益课堂走进社区", "区图书馆延长开放时间"]
    assert [len(a.paragraphs) for a in articles] == [2, 1]
