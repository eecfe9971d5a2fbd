"""Shapes that once cost quadratic time: each runs at a size where the old cost was 7–45 s of CPU.

The bound is CPU time of this process, ten times or more below what the
quadratic code took, so a loaded machine does not fail the test but a
quadratic pattern does.  ``benchmarks/pathological.py`` measures them all.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

import bulletin


def cpu_seconds(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    bulletin.parse("目录\n本报讯 会议举行。&amp;<!-- -->")  # patterns compiled outside the timings


def test_a_long_run_of_spaces_is_linear() -> None:
    text = "甲" + " " * 40_000 + "乙"  # was 10 s
    assert cpu_seconds(lambda: bulletin.parse(text)) < 1.0
    assert bulletin.normalize(text).text in ("甲 乙", "甲乙")


@pytest.mark.parametrize("opening", ["<!--", "&lt;!--", "&amp;lt;!--"])
def test_unclosed_comments_are_linear(opening: str) -> None:
    text = opening * (100_000 // len(opening))  # "<!--" * 25,000 was 21 s
    assert cpu_seconds(lambda: bulletin.normalize(text)) < 2.0
    assert bulletin.normalize("甲<!--注-->乙<!--丙", steps=["markup"]).text == "甲乙<!--丙"


def test_page_number_leaders_in_a_table_of_contents_are_linear() -> None:
    text = "目录\n短\n甲" + " ." * 10_000 + "甲"  # was 7 s
    assert cpu_seconds(lambda: bulletin.parse(text)) < 1.0


def test_an_entity_behind_a_long_chain_of_amp_is_linear() -> None:
    text = "&" + "amp;" * 250_000 + "lt;"  # 1 MB: was 45 s to normalise, over 120 s to parse
    assert cpu_seconds(lambda: bulletin.parse(text)) < 4.0
    assert bulletin.normalize(text).text == "<"


# --- memory -----------------------------------------------------------------------------------------


def peak_per_byte(work: Callable[[], object], size: int) -> float:
    import tracemalloc

    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / size
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize(("unit", "bound"), [("\r\n", 6), ("会议举行。\r", 8), ("会议举行。\u2028", 8)])
def test_normalising_text_dense_with_breaks_stays_small(unit: str, bound: float) -> None:
    # "\r\n" * n was 154 times its size (~300 bytes per edit), then 22 times (33 bytes per edit); now
    # the edits of one shape that follow each other are one run of the map
    text = unit * (300_000 // len(unit))
    assert peak_per_byte(lambda: bulletin.normalize(text), len(text.encode())) < bound


@pytest.mark.parametrize(
    "unit",
    [
        "&lt;!--",  # an entity every seven bytes: 41 times the input (an edit object each, then its map)
        "＃ 标题\n",  # a full-width heading mark per short line: 24 times
        "甲\r",  # a CR per character: 49 times (a substitution's pieces, a string per line)
        "（）\n",  # a short line each: 28 times (the hard-wrap plan's lists of lines)
        "e\u0301te\u0301 cafe\u0301\n",  # lines that all join: 27 times
        "（记者 王明 通讯员 李华）\n",  # spaces of lines that all join: 12 times, 22 for the spaces step alone
    ],
)
def test_normalising_text_dense_with_edits_or_lines_stays_below_15_times_its_size(unit: str) -> None:
    text = unit * (200_000 // len(unit.encode()))
    assert peak_per_byte(lambda: bulletin.normalize(text), len(text.encode())) < 15
    assert peak_per_byte(lambda: bulletin.normalize(text, steps=["spaces"]), len(text.encode())) < 15


def test_a_line_of_many_markdown_marks_stays_small() -> None:
    text = "# " * 100_000  # the pattern's repeated group kept ~150 bytes per mark
    assert peak_per_byte(lambda: bulletin.normalize(text, steps=["markup"]), len(text.encode())) < 15
    assert bulletin.normalize("# # #乙\n- * 丙\n-甲", steps=["markup"]).text == "#乙\n丙\n-甲"


def test_an_offset_map_keeps_positions_in_flat_arrays() -> None:
    offsets = bulletin.normalize("甲\r\n" * 1000).offsets
    assert offsets.in_starts.itemsize == 8  # a machine integer, not a Python int and its pointer
    assert offsets.span(1, 2) == (1, 3)
    assert offsets.span(3, 4) == (4, 6)


def test_edits_of_one_shape_one_after_another_are_one_run_of_the_map() -> None:
    text = "\r\n" * 1000
    offsets = bulletin.normalize(text).offsets
    assert len(offsets.in_starts) == 1  # a thousand "\r\n" made "\n": one run, not a segment each
    assert [offsets.span(k, k + 1) for k in (0, 1, 999)] == [(0, 2), (2, 4), (1998, 2000)]
    assert len(list(offsets.segments())) == 1000


def test_an_entity_behind_a_long_chain_of_amp_stays_small() -> None:
    text = "&" + "amp;" * 60_000 + "lt;"  # the pattern engine kept ~160 bytes per "amp;": 46 times the input
    assert peak_per_byte(lambda: bulletin.normalize(text), len(text.encode())) < 5
    assert [bulletin.normalize(raw, steps=["markup"]).text for raw in ("&amp;amp;", "&AMP;lt;", "&amp;#60;b")] == [
        "&",
        "<",
        "<b",
    ]


def test_a_parse_that_tries_recognisers_on_the_tails_of_a_long_line_keeps_none_of_them() -> None:
    # the run-in dateline rule tries a recogniser on the tail after every printed space of a line:
    # remembering those answers by text kept a copy of each tail (162x the input)
    text = "目录\n短\n甲" + " ." * 125_000 + "甲"
    bulletin.parse(text)
    assert peak_per_byte(lambda: bulletin.parse(text), len(text.encode())) < 15
