from __future__ import annotations

import pytest

from bulletin.normalize.pipeline import normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("本报讯\r\n会议举行。", "本报讯\n会议举行。"),
        ("本报讯\r会议举行。", "本报讯\n会议举行。"),
        ("甲\u2028乙\u2029丙\x85丁", "甲\n乙\n丙\n丁"),
        ("第一页\x0c第二页", "第一页\n第二页"),
        ("本报讯\n\n会议举行。", "本报讯\n\n会议举行。"),
        ("\r\n\r\n", "\n\n"),
    ],
)
def test_newlines(raw: str, expected: str) -> None:
    assert normalize(raw, steps=["newlines"]).text == expected


def test_crlf_maps_to_both_characters() -> None:
    result = normalize("甲\r\n乙", steps=["newlines"])
    assert result.input_span(1, 2).to_list() == [1, 3]
    assert result.input_span(2, 3).to_list() == [3, 4]
