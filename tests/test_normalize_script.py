from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bulletin.normalize.pipeline import normalize
from bulletin.normalize.script import detect_script, script_step


def test_t2s() -> None:
    result = normalize("本報訊 上海市政務智能工作推進會舉行", script="t2s")
    assert result.text == "本报讯 上海市政务智能工作推进会举行"
    assert result.changed_by == ("script:t2s",)
    assert result.input_span(0, 3).to_list() == [0, 3]


def test_s2t() -> None:
    assert normalize("会议举行", script="s2t").text == "會議舉行"


def test_phrase_conversion_changes_lengths_with_exact_offsets() -> None:
    raw = "我的滑鼠和軟體\n第二行不變"
    result = normalize(raw, steps=[script_step("tw2sp")])
    assert result.text.startswith("我的鼠标和软件")
    line2 = result.text.index("第二行")
    assert raw[result.offsets.char(line2)] == "第"


def test_unknown_config() -> None:
    with pytest.raises(ValueError, match="valid: s2t, t2s"):
        script_step("zh2en")


def test_json_suffix_accepted() -> None:
    assert script_step("t2s.json").name == "script:t2s"


def test_detect_script() -> None:
    assert detect_script("本报讯 上海市政务智能工作推进会举行") == "simplified"
    assert detect_script("本報訊 上海市政務智能工作推進會舉行") == "traditional"
    assert detect_script("会议举行 會議舉行") == "mixed"
    assert detect_script("2024 AI") == "unknown"
    assert detect_script("") == "unknown"


@settings(max_examples=60, deadline=None, database=None)
@given(st.lists(st.sampled_from(list("會議舉行本報訊会议举行上海市 \n，。AI2024滑鼠軟體")), max_size=40).map("".join))
def test_t2s_idempotent_and_maps(text: str) -> None:
    result = normalize(text, steps=[script_step("t2s")])
    again = normalize(result.text, steps=[script_step("t2s")])
    assert again.text == result.text
    for i in range(len(result.text)):
        assert 0 <= result.offsets.char(i) < len(text)
