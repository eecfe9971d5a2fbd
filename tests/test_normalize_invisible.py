from __future__ import annotations

import pytest

from bulletin.normalize.pipeline import normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\ufeff厦门市信息协会", "厦门市信息协会"),
        ("厦门\u200b市\u200c信息\u200d协会\u2060", "厦门市信息协会"),
        ("信息\u00ad协会", "信息协会"),
        ("上海\u200e市\u202a委\x00", "上海市委"),
        ("文件A.txt\ufeff文件B.txt", "文件A.txt文件B.txt"),
    ],
)
def test_deletes_invisible(raw: str, expected: str) -> None:
    assert normalize(raw, steps=["invisible"]).text == expected


@pytest.mark.parametrize("kept", ["让人才在上海\ufffd", "甲\t乙\n丙", "甲\r\n乙", "A\u3000B", "葛\U000e0100"])
def test_keeps_replacement_tabs_newlines_spaces(kept: str) -> None:
    assert normalize(kept, steps=["invisible"]).text == kept


def test_offsets_skip_deleted() -> None:
    result = normalize("厦\u200b门", steps=["invisible"])
    assert result.offsets.char(1) == 2


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\u3000\u3000市\u200b委\t书记\n", "\u3000\u3000市委\t书记\n"),
        ("甲\n\n乙\u2060丙\u3000", "甲\n\n乙丙\u3000"),
        ("甲\x07乙\u00a0丙", "甲乙\u00a0丙"),
    ],
)
def test_finds_invisible_among_layout_characters(raw: str, expected: str) -> None:
    # the quick check ignores line breaks, tabs and ideographic spaces: what they hide is still found
    assert normalize(raw, steps=["invisible"]).text == expected
