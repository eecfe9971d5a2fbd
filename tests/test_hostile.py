"""Hostile and broken input: pathological sizes and shapes, broken bytes, and regressions the fuzzers found.

The pathological inputs are parsed once each; that they finish at all is the
test (a catastrophically backtracking pattern would not).  How long they take
belongs to the benchmark, not here.
"""

from __future__ import annotations

import codecs
import itertools
from pathlib import Path

import pytest

import bulletin
from bulletin import Bulletin, BulletinDecodeError
from bulletin.api import MAX_BYTES
from bulletin.decode import decode_with_report
from bulletin.errors import InputTooLargeError
from bulletin.normalize.pipeline import DEFAULT_STEPS, LINE_STEPS

MB = 1_000_000

PATHOLOGICAL = {
    "1 MB single line": "本报讯 市委书记主持会议，研究部署工作" * (MB // 19),
    "100k blank lines": "\n" * 100_000,
    "1 MB of 本报讯": "本报讯" * (MB // 3),
    "10k nested brackets": "（" * 10_000 + "本报讯" + "）" * 10_000,
    "10k nested mixed brackets": "【（《" * 3_333 + "新华社北京6月2日电" + "》）】" * 3_333,
    "1 MB of one character": "啊" * MB,
    "1 MB of one ASCII mark": "<" * MB,
    "1 MB of markdown marks": "# " * (MB // 2),
}


def covered(parsed: Bulletin) -> bool:
    marks = bytearray(len(parsed.text))
    for element in parsed.elements():
        if element.span is not None:
            marks[element.span.start : element.span.end] = b"\x01" * len(element.span)
    return all(marks[i] or ch.isspace() for i, ch in enumerate(parsed.text))


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_input_parses(name: str) -> None:
    text = PATHOLOGICAL[name]
    parsed = bulletin.parse(text)
    assert parsed.text == text
    assert covered(parsed)


@pytest.mark.parametrize("name", ["1 MB single line", "1 MB of one character", "10k nested brackets"])
def test_pathological_input_normalizes(name: str) -> None:
    text = PATHOLOGICAL[name]
    result = bulletin.normalize(text)
    assert result.offsets.input_length == len(text)


# -- bytes ----------------------------------------------------------------------------------------

PAGE = "让人才在上海更好安身安心安业\n\n本报讯 市委人才工作领导小组会议昨天上午举行。\n"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_byte_order_marks_are_dropped(bom: bytes, codec: str) -> None:
    assert bulletin.parse(bom + PAGE.encode(codec)) == bulletin.parse(PAGE)


def test_mixed_line_endings() -> None:
    mixed = PAGE.replace("\n\n", "\r\n\r\n", 1).replace("。\n", "。\r")
    parsed = bulletin.parse(mixed.encode("utf-8"))
    assert parsed.articles[0].title == "让人才在上海更好安身安心安业"
    assert parsed.articles[0].dateline is not None


def test_a_few_nul_bytes_in_utf8_text_are_kept() -> None:
    text = PAGE * 20 + "\x00"
    parsed = bulletin.parse(text.encode("utf-8"))
    assert parsed.text == text
    assert covered(parsed)


def test_invalid_utf8_inside_valid_text_is_refused_with_its_offset() -> None:
    good = PAGE.encode("utf-8")
    data = good + b"\xc3\x28" + good
    with pytest.raises(BulletinDecodeError) as info:
        bulletin.parse(data)
    assert info.value.offset == len(good)
    assert "errors='replace'" in str(info.value)


def test_invalid_utf8_is_replaced_and_reported_on_request() -> None:
    good = PAGE.encode("utf-8")
    data = good + b"\xff" + good + b"\xe4\xb8"
    decoded = decode_with_report(data, errors="replace")
    assert decoded.replaced == (len(good), 2 * len(good) + 1)
    assert decoded.text == PAGE + "\ufffd" + PAGE + "\ufffd"
    assert bulletin.parse(data, errors="replace").text == decoded.text


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    with pytest.raises(BulletinDecodeError, match="binary data"):
        bulletin.parse(path)


# -- size limit -----------------------------------------------------------------------------------


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(PAGE.encode("utf-8") * 100)
    with pytest.raises(InputTooLargeError, match="over the limit of 1000 bytes") as info:
        bulletin.parse(path, max_bytes=1000)
    assert info.value.limit == 1000
    assert info.value.size == path.stat().st_size
    assert bulletin.parse(path, max_bytes=None).text == PAGE * 100


def test_bytes_and_text_over_the_size_limit_are_refused() -> None:
    with pytest.raises(InputTooLargeError):
        bulletin.parse(b"x" * 101, max_bytes=100)
    with pytest.raises(InputTooLargeError):
        bulletin.parse("本" * 34, max_bytes=100)  # 102 UTF-8 bytes
    assert bulletin.parse("本" * 33, max_bytes=100).text == "本" * 33


def test_default_size_limit_is_generous() -> None:
    assert MAX_BYTES == 256 * 1024 * 1024


# -- regressions found by the property tests and the fuzzers ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "本报讯\x0c本报讯本报讯",  # a form feed is a line break for the normaliser: lines must agree
        "本报讯本报讯\x0c0\n新华社\n",
        "甲乙<br/>丙丁\n戊",  # a break made by the markup step ends the line where the <br/> was
        "甲乙</p><p>丙丁",
    ],
)
def test_lines_split_where_the_normaliser_splits(text: str) -> None:
    parsed = bulletin.parse(text)
    assert covered(parsed)
    articles = sorted(a.span for a in parsed.articles)
    assert all(not a.overlaps(b) for a, b in itertools.pairwise(articles))
    for line in bulletin.Parser().state(text).lines:
        assert line.span.end > line.span.start, line


def test_br_line_spans() -> None:
    lines = bulletin.Parser().state("甲乙<br/>丙丁\n戊").lines
    assert [(line.text, line.span.start, line.span.end) for line in lines] == [
        ("甲乙", 0, 2),
        ("丙丁", 2, 9),
        ("戊", 10, 11),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # hard-wrap rejoining gives the punctuation step new neighbours
        "本报讯本报讯本报讯本报讯本报讯本报讯本报讯本报讯（新华社北京 10 月 9 日电）0(上\x0c)!",
        # an ideographic space before a markdown mark (the markup step's quick check missed it)
        "\u3000# 本报讯",
        # width folding made markup after the markup step
        "＃ 标题", "＜ｂ＞粗体＜／ｂ＞", "＊＊重要＊＊通知", "<ｂ>粗</ｂ>", "－ 项目一",
        # a quote pair half inside a URL: one turned, one left, paired again the next time
        "'日www.'2第'", "\"'日www.'2第'\"",
        # markup nested deeper than the markup step's passes: left alone on its line, every time
        "<" * 10 + "b>" * 10, "甲\n" + "<" * 12 + "b>" * 12 + "\n<b>乙</b>",
        # found by fuzz/fuzz_parse.py: bold whose closing mark follows a space the spaces step removes
        "**责任编辑： **", "__甲： __",
        # found by fuzz/fuzz_parse.py: a full-width dot that hard-wrap joining puts beside a digit
        "0\r0000\r0000\r．",
    ],
)
@pytest.mark.parametrize("steps", [DEFAULT_STEPS, LINE_STEPS], ids=["default", "line"])
def test_normalize_idempotent_regressions(text: str, steps: tuple[str, ...]) -> None:
    once = bulletin.normalize(text, steps=steps).text
    assert bulletin.normalize(once, steps=steps).text == once


def test_a_full_width_heading_mark_is_not_kept_in_the_title() -> None:
    parsed = bulletin.parse("＃ 全市安全生产工作会议举行\n\n本报讯 会议昨天举行。")
    assert parsed.articles[0].title == "全市安全生产工作会议举行"


def test_markup_of_several_passes_keeps_each_character_on_its_own_input() -> None:
    # found by fuzz/fuzz_parse.py: two entities and a break between them became one edit, and the
    # "&" of the second line mapped to the first line
    result = bulletin.normalize("<br/># 甲&amp;<br/>&amp;乙", steps=["markup"])
    assert result.text == "\n甲&\n&乙"
    assert [result.offsets.char(i) for i in range(len(result.text))] == [0, 7, 8, 13, 18, 23]
    parsed = bulletin.parse("＜ｂｒ／＞# 本报讯本报讯&amp;amp;amp;<br/>&amp;amp;amp;本报讯")
    assert covered(parsed)


def test_deeply_nested_markup_keeps_its_line_and_only_it() -> None:
    text = "<b>甲</b>\n" + "<" * 10 + "b>" * 10 + "\n<b>乙</b>"
    assert bulletin.normalize(text, steps=["markup"]).text == "甲\n" + "<" * 10 + "b>" * 10 + "\n乙"


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_decomposed_latin_wraps_as_composed_latin_does(form: str) -> None:
    import unicodedata

    text = unicodedata.normalize(form, "。é\na")
    assert [p.text for a in bulletin.parse(text).articles for p in a.paragraphs] == ["。é a"]


def test_a_combining_mark_composes_across_a_joint_and_unclaimed_text_is_in_nfc() -> None:
    parsed = bulletin.parse("甲e\n\u0301乙")
    assert [part.text for a in parsed.articles for part in a.headline.parts()] == ["甲é乙"]
    odd = bulletin.parse("e\u0301")
    assert all(f.text == "é" for f in odd.furniture)


def test_kicker_and_title_on_one_line_read_as_the_line_does() -> None:
    text = "新华社000000000,本报讯本报讯记者 张三 李四"
    line = bulletin.Parser().state(text).lines[0].text
    parsed = bulletin.parse(text)
    parts = [part.text for article in parsed.articles for part in article.headline.parts()]
    assert parts
    for part in parts:  # normalised in the line's context ("张三李四"), not on its own ("张三 李四")
        assert part in line


def test_an_editors_note_over_a_credit_line_holds_that_line_too() -> None:
    # found by fuzz/fuzz_parse.py: the note's text left out the credit line its span covers
    text = "本报讯\n【按：\n记者 张三 李四\n】\n"
    parsed = bulletin.parse(text)
    notes = [note for article in parsed.articles for note in article.notes if note.kind == "editor"]
    assert [note.text for note in notes] == ["【按：记者 张三 李四】"]
    assert parsed.text[notes[0].span] == "【按：\n记者 张三 李四\n】"


def test_an_editor_note_leaves_out_residue_split_off_its_lines() -> None:
    """Found by the fuzz after the merges: residue split off a line inside an editor's note
    (``0-->``) was still in the note's text."""
    parsed = bulletin.parse("【按\r0-->\r]")
    notes = [n.text for a in parsed.articles for n in a.notes]
    assert "-->" not in "".join(notes)
