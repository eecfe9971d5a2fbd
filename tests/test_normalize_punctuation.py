from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bulletin.normalize.pipeline import normalize


def punct(text: str) -> str:
    return normalize(text, steps=["punctuation"]).text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("陈吉宁:坚持问题导向,抓住关键环节", "陈吉宁：坚持问题导向，抓住关键环节"),
        ("市委书记陈吉宁在会上强调,要深入学习", "市委书记陈吉宁在会上强调，要深入学习"),
        ("义;二是明确了", "义；二是明确了"),
        ("这是为什么?怎么办!", "这是为什么？怎么办！"),
        ("好吗?!", "好吗？！"),
        ("基金(REITs)业务", "基金（REITs）业务"),
        ("(记者 杨硕)上海全球", "（记者 杨硕）上海全球"),
        ("(一)加强组织领导", "（一）加强组织领导"),
        ('深化整治"指尖上的形式主义"应坚持', "深化整治“指尖上的形式主义”应坚持"),
        ('就"AI"发展', "就“AI”发展"),
        ("所谓'两企三新'企业", "所谓‘两企三新’企业"),
        ("等等...", "等等……"),
        ("等等。。。", "等等……"),
        ("等等…", "等等……"),
        ("问题--关键", "问题——关键"),
        ("问题—关键", "问题——关键"),
        ("问题－－关键", "问题——关键"),
        ("国办发[2024]48号", "国办发〔2024〕48号"),
        ("国办发(2024)48号", "国办发〔2024〕48号"),
        ("工信部网安［2024］214号", "工信部网安〔2024〕214号"),
        ("Q:什么是政务大模型", "Q：什么是政务大模型"),
        ("打开网址:http://edu.xiia.org.cn,登录", "打开网址：http://edu.xiia.org.cn，登录"),
        ("山姆·奥尔特曼呼吁: \"建立一个机构\"", "山姆·奥尔特曼呼吁： “建立一个机构”"),
    ],
)
def test_converts(raw: str, expected: str) -> None:
    assert punct(raw) == expected


@pytest.mark.parametrize(
    "kept",
    [
        "增长3.5%",
        "时间12:30",
        "1,000元",
        "http://edu.xiia.org.cn/a?b=1,c",
        "a@b.cn",
        "电话0592-5092199",
        "2024-2026年",
        "COVID-19疫情",
        "Hello, world. How are you?",
        'He said "hello" to me.',
        "I don't know",
        "f(x) = y",
        "完成了.下一步",
        "等等……",
        "问题——关键",
        "国办发〔2024〕48号",
        "2024--2026",
        '只有一个"引号',
    ],
)
def test_leaves(kept: str) -> None:
    assert punct(kept) == kept


def test_quotes_pair_across_a_hard_wrap_but_not_across_paragraphs() -> None:
    wrapped = '乔宇委员就"人工智能下一步的突\n\n破会在范式还是方法论"等问题分享了思考。\n\n他说"好'
    expected = '乔宇委员就“人工智能下一步的突\n\n破会在范式还是方法论”等问题分享了思考。\n\n他说"好'
    assert punct(wrapped) == expected


def test_seed_003_sample() -> None:
    line = '11月17日上午,由厦门市委宣传部,市社科 联联合主办的"2024厦门市第二十届社会科学普及 宣传周",在同安区'
    assert punct(line) == (
        "11月17日上午，由厦门市委宣传部，市社科 联联合主办的“2024厦门市第二十届社会科学普及 宣传周”，在同安区"
    )


@pytest.mark.parametrize(
    "raw",
    [
        '"\n一..."',  # hypothesis's shortest: "一..." opens an item, "一……" does not
        '"甲\n1...甲"',
        '"甲"甲"\n（2024）15号"甲',  # "〔2024〕" at a line's start opens a block, "（2024）" does not
        '"甲"甲"\n［2024］15号"甲',
    ],
)
def test_quotes_are_paired_on_lines_as_the_step_leaves_them(raw: str) -> None:
    once = punct(raw)
    assert punct(once) == once


# lines that start with what the step changes (an item number before an ellipsis, a document
# number's year) and hold quotes
_LINE = st.tuples(
    st.sampled_from(["", "一", "1", "（2024）", "［2024］", "(1)", "Q:"]),
    st.sampled_from(["", "...", "…", "、", "."]),
    st.lists(st.sampled_from(['"', "'", "甲", "。", "，", " ", "...", "15号"]), max_size=5).map("".join),
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(_LINE, min_size=1, max_size=4).map("\n".join))
@example(text='"\n一..."')
def test_punctuation_alone_is_idempotent_on_lines_it_changes(text: str) -> None:
    once = punct(text)
    assert punct(once) == once
