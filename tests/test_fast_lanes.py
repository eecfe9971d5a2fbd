"""The pipeline's fast lanes (``Step.rewrite``) do exactly what the steps' edits describe."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bulletin.normalize.edits import apply_edits
from bulletin.normalize.pipeline import Step, normalize
from bulletin.normalize.punctuation import fix_punctuation, widen_marks
from bulletin.normalize.width import fold_width, fold_width_text
from bulletin.span import Span
from test_offsets_properties import any_text

ROOT = Path(__file__).resolve().parent.parent
REAL = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
REAL += [
    line
    for path in sorted((ROOT / "tests" / "fixtures").glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
]
CASES = {
    "punctuation": fix_punctuation,
    "width": fold_width,
}


def _by_edits(step: str, text: str) -> str:
    return apply_edits(text, CASES[step](text))[0]


@pytest.mark.parametrize("step", sorted(CASES))
def test_fast_lane_matches_the_edits_on_real_text(step: str) -> None:
    for text in REAL:
        assert normalize(text, steps=[step]).text == _by_edits(step, text)


@pytest.mark.parametrize("step", sorted(CASES))
@given(text=any_text)
def test_fast_lane_matches_the_edits(step: str, text: str) -> None:
    assert normalize(text, steps=[step]).text == _by_edits(step, text)


@given(text=any_text)
def test_rewrites_keep_the_length(text: str) -> None:
    assert len(widen_marks(text)) == len(text)
    assert len(fold_width_text(text)) == len(text)


def test_widen_marks_changes_real_text() -> None:
    # the seeds are full of half-width commas after Chinese characters: the lane must take them
    changed = [text for text in REAL[:5] if widen_marks(text) != text]
    assert changed


def test_a_rewrite_that_changes_the_length_is_refused() -> None:
    step = Step("bad", rewrite=lambda text: text + "!")
    with pytest.raises(ValueError, match="'bad': rewrite changed the length"):
        normalize("本报讯", steps=[step])


def test_a_rewrite_keeps_the_offset_map_and_is_reported() -> None:
    result = normalize("王明,李华:AI", steps=[Step("upper", rewrite=str.upper)])
    assert result.text == "王明,李华:AI"
    assert result.changed_by == ()
    result = normalize("ai,5g", steps=[Step("upper", rewrite=str.upper)])
    assert (result.text, result.changed_by) == ("AI,5G", ("upper",))
    assert result.input_span(3, 5) == Span(3, 5)


def test_rewrite_text_of_a_step_is_what_its_edits_make() -> None:
    text = "会议指出,要坚持问题导向:一是..."
    assert widen_marks(text) == "会议指出，要坚持问题导向：一是..."
    assert _by_edits("punctuation", text) == "会议指出，要坚持问题导向：一是……"


@given(st.text(alphabet="中,;:!?/ 1a", max_size=30))
def test_widen_marks_never_touches_what_the_edits_leave(text: str) -> None:
    widened = widen_marks(text)
    target = _by_edits("punctuation", text)
    for before, fast, full in zip(text, widened, target, strict=True):
        assert fast in (before, full)
