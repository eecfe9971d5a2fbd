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
