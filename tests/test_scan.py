"""``scan.matches_at`` finds what ``finditer`` finds, for every pattern the normalisers use it with."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from bulletin.normalize import markup, punctuation
from bulletin.normalize.scan import DENSE, matches_at, matches_led

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


class _CountingLead:
    """A lead pattern that counts the positions it is tried at one by one."""

    def __init__(self, pattern: str) -> None:
        self.pattern = re.compile(pattern)
        self.tried = 0

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        self.tried += 1
        return self.pattern.match(text, pos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text)


@pytest.mark.parametrize(("text", "tried_one_by_one"), [("甲" * 5000 + "<b>乙</b>", True), ("<" * 5000 + "b>", False)])
def test_marks_are_found_by_find_only_when_sparse(text: str, tried_one_by_one: bool) -> None:
    """Sparse marks are found by ``str.find`` and the lead tried at each; a text dense with them
    (``<<<…b>``) is left to the lead's own scan, which is faster there."""
    lead = _CountingLead("<(?=[/A-Za-z])")
    found = [m.group() for m in matches_led(regex.compile("</?b>"), text, lead, "<")]  # type: ignore[arg-type]
    assert found == [m.group() for m in regex.finditer("</?b>", text)]
    assert (lead.tried > 0) is tried_one_by_one
