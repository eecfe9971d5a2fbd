"""Property tests: every step and the pipeline keep an exact map back to the input, and are idempotent."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bulletin.normalize.pipeline import DEFAULT_STEPS, normalize

TOKENS = [
    *"中文人民会议上海市政协讲政治做到的了是在和记者报道",
    *"，。：；！？（）“”‘’、《》…—〔〕【】",
    *",.:;!?()\"'-[]*#_<>&/@",
    *"0123456789０１２",
    *"abcAIZＡｚ",
    " ", "  ", "\u3000", "\t", "\n", "\n\n", "\r\n", "\r", "\u2028",
    "\ufffd", "\u200b", "\ufeff", "\u00ad", "\u00a0",
    "<br/>", "<p>", "</p>", "&amp;", "&nbsp;", "&lt;", "&#8220;", "**", "__", "## ", "- ",
    "...", "。。。", "--", "－－", "国办发[2024]48号", "(2024)", "http://edu.xiia.org.cn", "a@b.cn",
    "12:30", "1,000", "0592-5092199", "Q:", "（一）", "一、", "本报讯",
    "坚持问题导向抓住关键环节抓好骨干队伍守牢安全底线推动政务智能工作再上新台阶",
    "徐汇区政协委员上海人工智能实", "验室主任助理领军科学家乔宇围绕",
]

mixed = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)
any_text = st.one_of(st.text(max_size=200), mixed)

BREAKS = "\r\n\x0b\x0c\x85\u2028\u2029"
# what the punctuation step may turn a half-width (or other) character into
PUNCT = {
    ",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（〔", ")": "）〕",
    '"': "“”", "'": "‘’", "-": "—", "－": "—", "―": "—", "—": "—",
    "[": "〔", "]": "〕", "［": "〔", "］": "〕", "（": "〔", "）": "〕", "【": "〔", "】": "〕",
}  # fmt: skip
# for each step: may output character ``b`` come from input character ``a`` in a linear segment?
EXACT = {"invisible", "spaces", "markup"}


def related(step: str, a: str, b: str) -> bool:
    if a == b:
        return True
    if step in EXACT:
        return False
    folded = unicodedata.normalize("NFKC", a)
    if step in ("width", "pipeline") and (b == folded or (folded.isspace() and b == " ")):
        return True
    if step in ("newlines", "pipeline") and a in BREAKS and b == "\n":
        return True
    if step in ("punctuation", "pipeline") and (b in PUNCT.get(a, "") or b in PUNCT.get(folded, "")):
        return True
    return step in ("hardwrap", "pipeline") and a in BREAKS + "\n" and b == " "


def check_map(step: str, text: str) -> None:
    steps = list(DEFAULT_STEPS) if step == "pipeline" else [step]
    result = normalize(text, steps=steps)
    out, offsets = result.text, result.offsets
    assert offsets.output_length == len(out)
    assert offsets.input_length == len(text)
    previous = 0
    for o0, o1, i0, i1, linear in offsets.segments():
        assert 0 <= i0 <= i1 <= len(text)
        if linear:
            assert i1 - i0 == o1 - o0
    for i in range(len(out)):
        j = offsets.char(i)
        assert 0 <= j < len(text) or (j == len(text) and offsets.char_end(i) == j)
        assert j >= previous, f"map goes backwards at output {i}"
        previous = j
        assert offsets.char_end(i) <= len(text)
        if offsets.linear_at(i):
            assert related(step, text[j], out[i]), (step, text[j], out[i])
            if step in EXACT:
                assert out[i] == text[j]


STEPS = [*DEFAULT_STEPS, "pipeline"]
SETTINGS = settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


@pytest.mark.parametrize("step", STEPS)
@SETTINGS
@given(text=any_text)
def test_offsets_map_back_to_input(step: str, text: str) -> None:
    check_map(step, text)


@pytest.mark.parametrize("step", STEPS)
@SETTINGS
@given(text=any_text)
def test_idempotent(step: str, text: str) -> None:
    steps = list(DEFAULT_STEPS) if step == "pipeline" else [step]
    once = normalize(text, steps=steps).text
    assert normalize(once, steps=steps).text == once


@pytest.mark.parametrize("step", STEPS)
def test_seeds_map_and_idempotence(step: str, seed_texts: list[str]) -> None:
    steps = list(DEFAULT_STEPS) if step == "pipeline" else [step]
    for text in seed_texts:
        check_map(step, text)
        once = normalize(text, steps=steps).text
        assert normalize(once, steps=steps).text == once


@pytest.fixture(scope="module")
def seed_texts() -> list[str]:
    from pathlib import Path

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    return [path.read_text(encoding="utf-8") for path in sorted(seeds.glob("*.txt"))]
