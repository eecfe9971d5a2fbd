from __future__ import annotations

import sys
from pathlib import Path

import pytest
import regex

from bulletin.normalize.edits import Edit
from bulletin.normalize.hardwrap import (
    _BLOCK_FIRST,
    _WHITE_SPACE,
    _block_start,
    continues,
    decisions_remembered,
    estimate_wrap_width,
    join_gaps,
    wrap_separator,
)
from bulletin.normalize.pipeline import normalize

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def lines_of(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def test_estimate_width_of_narrow_column() -> None:
    width = estimate_wrap_width(seed("002_22d482ba8a50f3b8.txt").split("\n"))
    assert width is not None
    assert 14 <= width <= 20


@pytest.mark.parametrize(
    "name",
    [
        "000_cafc0066323a249a.txt",
        "001_0c3caed24b89a787.txt",
        "003_671ad53639820bab.txt",
        "004_cb86b37b82b480e5.txt",
    ],
)
def test_no_width_for_one_line_paragraphs(name: str) -> None:
    assert estimate_wrap_width(seed(name).split("\n")) is None


def test_estimate_width_needs_lines() -> None:
    assert estimate_wrap_width([]) is None
    assert estimate_wrap_width(["短", "行"]) is None


def test_continues() -> None:
    assert continues("徐汇区政协委员、上海人工智能实", "验室主任助理、领军科学家乔宇围绕", width=16)
    assert not continues("线研究者角度产生的思考与建议。", "随后，在上海科学智能研究院首席战", width=16)
    assert not continues("参加。”", "下一段开始了，继续说明", width=16)
    assert not continues("徐汇区政协委员、上海人工智能实", "（一）加强组织领导", width=16)
    assert not continues("徐汇区政协委员、上海人工智能实", " 首届“浦江 AI学术年会”日前在", width=16)
    assert not continues("徐汇区政协委员、上海人工智能实", "Q：什么是大模型", width=16)
    assert not continues("徐汇区新增八所", "“优秀”养老机构", width=16)
    assert continues("坚持服务国家" * 8, "战略导向，牢牢把握科技进步大方向。", width=None)
    assert not continues("陈吉宁主持市委人才工作领导小组会议", "让人才在上海更好安身安心安业", width=None)


def test_wrap_separator() -> None:
    assert wrap_separator("上海人工智能实", "验室") == ""
    assert wrap_separator("large language", "models are") == " "
    assert wrap_separator("香港大学计算与数据科学学院院长、AI", "讲座教授马毅") == ""
    assert wrap_separator("2024 年度 GDP 增长 5", "个百分点") == ""


def test_seed_002_paragraphs_join_and_headlines_stay() -> None:
    text = normalize(seed("002_22d482ba8a50f3b8.txt"), steps=["spaces", "hardwrap"]).text
    out = lines_of(text)
    assert any(
        line.startswith("徐汇区政协委员、上海人工智能实验室主任助理、领军科学家乔宇围绕“通用人工智能赋能新质生产力：进展与未来”")
        for line in out
    )
    headlines = ["徐汇区新增八所", "“优秀”养老机构", "“梅韵玖响”终成佳话", "刘坤 陈文卿 摄影报道"]
    headlines += ["全球人工智能领域专家学者聚在徐汇", "就 AI 发展趋势等进行探讨", "（来源：区委办）"]
    for headline in headlines:
        assert headline in out
    assert "徐汇区政协主席黄冲致辞。" in out


def test_seed_000_page_break_joined() -> None:
    text = normalize(seed("000_cafc0066323a249a.txt"), steps=["hardwrap"]).text
    assert "坚持服务国家战略导向" in text
    assert "适应市场需求变化" in text
    out = lines_of(text)
    assert "陈吉宁主持市委人才工作领导小组会议" in out
    assert "让人才在上海更好安身安心安业" in out


def test_latin_words_get_a_space() -> None:
    long = "The bulletin reports that the new large language model was released by the lab"
    joined = normalize(long + "\nyesterday in Shanghai.", steps=["hardwrap"]).text
    assert joined == long + " yesterday in Shanghai."


def test_idempotent_on_seeds() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        once = normalize(path.read_text(encoding="utf-8"), steps=["hardwrap"]).text
        assert normalize(once, steps=["hardwrap"]).text == once


def test_white_space_is_what_the_pattern_class_matches() -> None:
    assert set(_WHITE_SPACE) == {chr(c) for c in range(sys.maxunicode + 1) if regex.match(r"\s", chr(c))}


@pytest.mark.parametrize(
    ("prev", "next", "separator"),
    [("the", "model", " "), ("version 2 \u3000", "release", " "), ("Ltd.)", "said", " "), ("浦江", "AI", ""),
     ("the\x1c", "model", ""), ("(" * 5000 + "中" + ")" * 5000, "AI", " ")],
)  # fmt: skip
def test_wrap_separator_looks_at_the_last_character_that_is_not_white_space(
    prev: str, next: str, separator: str
) -> None:
    assert wrap_separator(prev, next) == separator


IRREGULAR = (
    "本报讯 青岚县昨天启动秋季助农行动，全县\n"
    "干部群众纷纷参与，帮助农户抢收晚稻。据了解，今年全县晚稻种植面积达十万\n"
    "亩，预计产量比去年增长一成，农\n"
    "户增收预期明显。县农业农村局有关负责人介绍，助农行动将持续到十一月底，届时将组\n"
    "织专家开展技术培训，并协调收购企业\n"
    "上门收购。\n"
    "临江港吞吐量创新高\n"
)


def test_irregular_wraps_join_without_a_column_width() -> None:
    assert estimate_wrap_width(IRREGULAR.split("\n")) is None
    lines = lines_of(normalize(IRREGULAR, steps=["hardwrap"]).text)
    assert lines == [
        "本报讯 青岚县昨天启动秋季助农行动，全县干部群众纷纷参与，帮助农户抢收晚稻。据了解，今年全县晚稻种植面积达十万"
        "亩，预计产量比去年增长一成，农户增收预期明显。县农业农村局有关负责人介绍，助农行动将持续到十一月底，届时将组"
        "织专家开展技术培训，并协调收购企业上门收购。",
        "临江港吞吐量创新高",
    ]


@pytest.mark.parametrize(
    ("headline", "after"),
    [
        ("青岚县、临江县联合开展春季植树活动", "两县干部群众三千余人参加了植树活动，共栽种各类苗木两万余株，生态环境进一步改善。"),
        ("精准发力，加快临江新区建设", "王小明"),
        ("二、推动临江新区建设的建", "第一，进一步强化基础研究布局与投入，"),
    ],
)
def test_a_headline_with_clause_marks_keeps_its_break(headline: str, after: str) -> None:
    assert not continues(headline, after, width=None)


def test_a_decimal_broken_after_its_point_joins() -> None:
    text = "报告将今年经济增速预测值上调0.\n1个百分点，至4.2%。"
    assert normalize(text, steps=["hardwrap"]).text == "报告将今年经济增速预测值上调0.1个百分点，至4.2%。"


def test_an_acronym_broken_by_the_column_joins_without_a_space() -> None:
    assert wrap_separator("国际货币基金组织（I", "MF）和世界银行") == ""
    assert wrap_separator("the", "model") == " "


def test_a_bracket_left_open_joins_the_line_that_closes_it() -> None:
    assert continues("久久为功，“蓝天”成为常态（总", "书记的关切·落地的回响）", width=None)
    assert not continues("久久为功，“蓝天”成为常态", "书记的关切·落地的回响", width=None)


def test_the_separator_is_the_same_for_composed_and_decomposed_text() -> None:
    """Found by the fuzz: an acronym cut (``（I`` / ``MF）``) was looked for with the combining
    mark of a decomposed capital still at the line's end, so ``É`` and ``E`` + U+0301 parted."""
    import unicodedata

    from bulletin.normalize.hardwrap import wrap_separator

    for prev, nxt in [("I;É", "École"), ("（I", "MF）和"), ("café", "noir"), ("会议É", "Élan")]:
        nfd = wrap_separator(unicodedata.normalize("NFD", prev), unicodedata.normalize("NFD", nxt))
        assert nfd == wrap_separator(unicodedata.normalize("NFC", prev), unicodedata.normalize("NFC", nxt)), (prev, nxt)


def test_remembered_decisions_change_no_join() -> None:
    # the same two lines keep their break in a page of wider lines (column 27) and are one sentence
    # wrapped in a 17-character column: a break remembered from the first text must not be kept in the second
    cut = ["区政协委员、市农业科学研究院研究", "员围绕“数字农业赋能乡村振兴的实践"]
    wide = "\n".join(["全市防汛工作会议昨天上午举行。市长主持会议并讲话，部署防汛工作。", *cut, "与思考：现状与展望”作主旨报告，介绍了相关情况。"])
    column = "\n".join([*cut, "与思考：现状与展望”作主旨报告，介绍", "了智慧农业的发展态势、关键技术进展", "与推广应用情况，以及从一线研究者角", "度提出的思考与建议。"])
    texts = [wide, column, wide, wide.replace("研究\n", "研究 \n")]
    alone = [join_gaps(text) for text in texts]
    at = wide.index(cut[1])
    assert Edit(at - 1, at, "") not in alone[0]  # the break kept in the wide page
    assert Edit(16, 17, "") in alone[1]  # and joined in the column
    with decisions_remembered():
        assert [join_gaps(text) for text in texts] == alone
    with decisions_remembered():
        assert [normalize(text).text for text in texts] == [normalize(text).text for text in texts]


def test_every_character_a_block_start_begins_with_is_in_its_prefilter() -> None:
    """``_BLOCK_FIRST`` is kept by hand beside ``_block_start()``: a line whose first character is
    not in it is never tried against the pattern.  Every character of the BMP that begins a match
    (followed by each way a block start goes on) must be in the set, or be a digit."""
    pattern = _block_start()
    continuations = ["", "、", "．", ".", " 甲", "）", ")", "1）", "一）", ":", "：", "报讯", "报记者", "华社"]
    missing = [
        hex(code)
        for code in range(0x10000)
        if chr(code) not in _BLOCK_FIRST
        and not chr(code).isdigit()
        and any(pattern.match(chr(code) + rest) for rest in continuations)
    ]
    assert missing == []
