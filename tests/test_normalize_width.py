from __future__ import annotations

import pytest

from bulletin.normalize.pipeline import normalize


def width(text: str) -> str:
    return normalize(text, steps=["width"]).text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＡＩ赋能２０２４年", "AI赋能2024年"),
        ("第四届厦门５Ｇ应用大赛", "第四届厦门5G应用大赛"),
        ("增长１００％，电话０５９２－５０９２１９９", "增长100%，电话0592-5092199"),
        ("邮箱ａ＠ｂ．ｃｎ", "邮箱a@b.cn"),
        ("１．５亿元", "1.5亿元"),
        ("科技／生活", "科技/生活"),
        ("上海\u3000市", "上海 市"),
        ("\u3000\u3000会议指出", "  会议指出"),
        ("不间断\u00a0空格", "不间断 空格"),
    ],
)
def test_folds(raw: str, expected: str) -> None:
    assert width(raw) == expected


@pytest.mark.parametrize(
    "kept",
    ["会议指出，要坚持。", "（一）加强领导；", "“两个确立”！？", "《决定》：", "1～3月", "完成．"],
)
def test_chinese_punctuation_stays(kept: str) -> None:
    assert width(kept) == kept


def test_leading_ideographic_space_stays_leading_whitespace() -> None:
    text = width("\u3000\u3000首届浦江AI学术年会日前在徐汇举办。")
    assert text[:2].isspace()
    assert text[2] == "首"
