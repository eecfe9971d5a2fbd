from __future__ import annotations

import pytest

from bulletin.normalize.pipeline import normalize


def spaces(text: str) -> str:
    return normalize(text, steps=["spaces"]).text


RUNNING = "，厦门市委宣传部联合主办的社会科学普及宣传周在同安区苏颂公园举办启动仪式。"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (" 12 月 17 日上午", " 12月17日上午"),
        ("12月 12 日，上海市政协", "12月12日，上海市政协"),
        ("等 10 家单位", "等10家单位"),
        ("全球 150 余名专家", "全球150余名专家"),
        ("参加。 市政协副主席", "参加。市政协副主席"),
        ("讲政治， 做到对党忠诚", "讲政治，做到对党忠诚"),
        ("人工智能实验室主任助理、 领军科学家", "人工智能实验室主任助理、领军科学家"),
        ("厦 门市信息协会" + RUNNING, "厦门市信息协会" + RUNNING),
        ("市社科 联联合主办" + RUNNING, "市社科联联合主办" + RUNNING),
        ("推动“以问题为导向” 的学术讨论" + RUNNING, "推动“以问题为导向”的学术讨论" + RUNNING),
        ("deep   learning  model", "deep learning model"),
        ("会议举行。   \n下一行  ", "会议举行。\n下一行"),
        ("上海\u3000市委" + RUNNING, "上海市委" + RUNNING),
    ],
)
def test_removes(raw: str, expected: str) -> None:
    assert spaces(raw) == expected


@pytest.mark.parametrize(
    "kept",
    [
        "刘坤 陈文卿 摄影报道",
        "记者 曹香玉 施昱辰",
        "信通院 张琳琳",
        "上海市政务智能工作推进会举行 龚正主持",
        "拧紧作风“总开关” 锻造清廉“生力军”",
        "内部资料 免费交流",
        "就 AI 发展趋势等进行探讨",
        "首届“浦江 AI学术年会”日前在徐汇举办，活动由上海人工智能实验室发起并主办。",
        "  会议指出，要以更大力度深化人才授权松绑改革。",
        "\u3000\u3000会议指出",
        "电话 0592-5092199",
        "第一行\n\n第二行",
    ],
)
def test_keeps(kept: str) -> None:
    assert spaces(kept) == kept


def test_spaces_in_a_hard_wrapped_column_are_running_text() -> None:
    column = "\n\n".join(
        [
            "室发起并主办，以年会为载体，推动",
            "“以问题为导向” 的学术讨论深入开",
            "展，通过高质量问题激发更多创新灵",
            "感，“互相出好题、互相协同”，在更高",
            "层面实现产业合作、协同创新。",
        ]
    )
    assert "“以问题为导向”的学术讨论深入开" in spaces(column)


def test_only_deletes() -> None:
    raw = "为期两天的学术年会中， 全球人工智能领域的顶尖专家、 学者以及行业领袖汇聚一堂。"
    result = normalize(raw, steps=["spaces"])
    for i, char in enumerate(result.text):
        assert raw[result.offsets.char(i)] == char
