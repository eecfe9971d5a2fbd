"""Text extracted from PDF pages: faux-bold doubled lines, letter-spaced and one-character-per-line
labels, wraps inside words and numbers, and a closing exclamation (invented text)."""

from __future__ import annotations

import bulletin
from bulletin.testing import assert_parses

DOUBLED = """刊首语
刊首语
春风化雨，润物无声。一年来，本刊始终坚持服务会员、服务行业的宗旨，
春风化雨，润物无声。一年来，本刊始终坚持服务会员、服务行业的宗旨，
记录了协会发展的每一步。
记录了协会发展的每一步。
"""


def test_faux_bold_lines_are_read_once_and_the_copies_keep_their_spans() -> None:
    parsed = assert_parses(DOUBLED, [{"title": "刊首语", "paragraphs": 1, "body_end": "记录了协会发展的每一步。"}])
    copies = [f for f in parsed.furniture if f.kind == "faux-bold"]
    assert [f.text for f in copies] == ["刊首语", DOUBLED.split("\n")[3], "记录了协会发展的每一步。"]
    for copy in copies:
        assert DOUBLED[copy.span.start : copy.span.end] == copy.text
    assert parsed.articles[0].paragraphs[0].text.count("春风化雨") == 1


def test_a_line_repeated_after_a_blank_line_is_no_faux_bold() -> None:
    parsed = bulletin.parse("青岚县启动秋季助农行动\n\n青岚县启动秋季助农行动\n\n本报讯 全县干部群众纷纷参与。\n")
    assert not [f for f in parsed.furniture if f.kind == "faux-bold"]


def test_a_letter_spaced_heading_is_joined() -> None:
    text = "刊 首 语\n\n春风化雨，润物无声。一年来，本刊始终坚持服务会员、服务行业的宗旨。\n"
    assert_parses(text, [{"title": "刊首语", "paragraphs": 1}])


def test_a_label_printed_one_character_per_line_is_one_line() -> None:
    text = (
        "全市春季植树活动启动\n\n本报讯 全市春季植树活动昨天启动，市民踊跃参加。\n\n"
        "综\n合\n新\n闻\n\n临江港吞吐量创新高\n\n本报讯 今年一季度，临江港完成货物吞吐量三千万吨。\n"
    )
    state = bulletin.Parser().state(text)
    assert "综合新闻" in [unit.text for unit in state.units]
    assert "全市春季植树活动启动" in [unit.text for unit in state.units]


def test_the_rest_of_a_dateline_line_runs_on_across_a_word_broken_by_the_column() -> None:
    text = (
        "青岚港货物吞吐量创新高\n"
        "本报临江10月19日电  （记者王小明）国际货币基金组织（I\n"
        "MF）和世界银行秋季年会18日在华盛顿落幕。其间，IMF发布了最新\n"
        "一期《世界经济展望报告》，预计今年世界经济将增长3.2%，较今年7\n"
        "月预测值上调0.2个百分点；明年将增长3.1%，与7月预测值持平。报\n"
        "告认为，亚太地区仍将是全球增长的主要引擎，对全球增长的贡献率约\n"
        "为六成。\n"
    )
    parsed = assert_parses(text, [{"title": "青岚港货物吞吐量创新高", "paragraphs": 1}])
    assert parsed.articles[0].paragraphs[0].text.startswith("国际货币基金组织（IMF）和世界银行")


def test_a_closing_exclamation_is_a_sentence_of_the_body() -> None:
    text = (
        "青岚县启动秋季助农行动\n\n本报讯 青岚县昨天启动秋季助农行动，全县干部群众纷纷参与，帮助农户抢收晚稻。\n\n"
        "让我们携手共建美好家园！\n"
    )
    assert_parses(text, [{"title": "青岚县启动秋季助农行动", "paragraphs": 2, "body_end": "让我们携手共建美好家园！"}])


def test_a_headline_ending_in_an_exclamation_over_its_own_report_stays_a_headline() -> None:
    text = (
        "青岚县启动秋季助农行动\n\n本报讯 青岚县昨天启动秋季助农行动，全县干部群众纷纷参与，帮助农户抢收晚稻。\n\n"
        "奋斗吧，青年！\n\n本报讯 全市青年志愿者昨天集结出发，奔赴各乡镇开展志愿服务。\n"
    )
    assert_parses(text, [{"title": "青岚县启动秋季助农行动"}, {"title": "奋斗吧，青年！", "dateline": "本报"}])


def test_a_title_wrapped_at_its_column_width_is_joined() -> None:
    text = (
        "全省防汛抗旱工作电视电话会议要求各地压实\n"
        "防汛主体责任\n"
        "《青岚日报》（2031年4月17日 第 01 版）\n"
        "本报讯 全省防汛抗旱工作电视电话会议昨天召开，会议要求各地压实防汛主体责任。\n"
    )
    state = bulletin.Parser().state(text)
    assert state.units[0].text == "全省防汛抗旱工作电视电话会议要求各地压实防汛主体责任"


def test_a_second_deck_is_no_wrap() -> None:
    text = (
        "先进典型事迹展板损毁\n"
        "影响公益宣传效果\n"
        "《青岚日报》（2031年4月17日 第 10 版）\n"
        "笔者前些天去公园游玩，发现宣传栏上许多先进典型的照片已经褪色损毁。\n"
    )
    state = bulletin.Parser().state(text)
    assert [u.text for u in state.units[:2]] == ["先进典型事迹展板损毁", "影响公益宣传效果"]
