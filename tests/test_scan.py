"""``scan.matches_at`` finds what ``finditer`` finds, for every pattern the normalisers use it with."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from bulletin.normalize import markup, punctuation
from bulletin.normalize.scan import DENSE, matches_at

CASES = [
    (punctuation._patterns()["mark"], punctuation._MARKS),
    (punctuation._patterns()["ellipsis"], ("...", "…", "。。。")),
    (punctuation._patterns()["dash"], ("--", "－－", "—", "―")),
    (punctuation._patterns()["docno"], punctuation._OPENING_BRACKETS),
    (punctuation._patterns()["url"], ("http", "ftp:", "www.")),
    (markup._pattern(), ("<", "&")),
    (markup._bold(), ("**", "__")),
]
PIECES = [
    *"中文会议号年 \n", *",;:!?.-－—―…。[(［（【〔)]）〕<>&*_/@", "2024", "15", "号",
    "http://a.cn/x", "ftp://f.org", "www.b.com", "&amp;", "&lt;b&gt;", "<br/>", "<!-- x -->", "**粗**", "__a__",
    "国发[2023]15号",
]
texts = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


def _spans(found: object) -> list[tuple[int, int]]:
    return [match.span() for match in found]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("pattern", "marks"), CASES, ids=[str(i) for i in range(len(CASES))])
@given(text=texts, padding=st.integers(0, 3))
def test_matches_at_is_finditer(pattern: regex.Pattern[str], marks: tuple[str, ...], text: str, padding: int) -> None:
    # padding with plain text switches between the sparse path (find per mark) and the dense one (one scan)
    text = "会" * (padding * DENSE * len(text)) + text
    assert _spans(matches_at(pattern, text, marks)) == _spans(pattern.finditer(text))


def test_marks_are_found_block_by_block_across_block_edges() -> None:
    import regex

    from bulletin.normalize import scan

    # marks that straddle the edge of a scan block, and a pattern whose match runs across it
    text = "甲" * (scan.SCAN_BLOCK - 2) + "......" + "乙" * 100 + "……" + "丙" * scan.SCAN_BLOCK
    pattern = regex.compile(r"\.{3,6}|…+")
    found = [(m.start(), m.group()) for m in scan.matches_at(pattern, text, ("...", "…"))]
    assert found == [(m.start(), m.group()) for m in pattern.finditer(text)]
    assert found[0] == (scan.SCAN_BLOCK - 2, "......")
