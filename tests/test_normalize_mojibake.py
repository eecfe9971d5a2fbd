from __future__ import annotations

from pathlib import Path

from bulletin.normalize.mojibake import find_mojibake
from bulletin.normalize.pipeline import normalize
from bulletin.span import Span

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_finds_runs() -> None:
    assert find_mojibake("上海\ufffd\ufffd更好") == (Span(2, 4),)
    assert find_mojibake("锟斤拷锟斤拷x烫烫烫") == (Span(0, 6), Span(7, 10))
    assert find_mojibake("本报讯 会议昨天举行。") == ()


def test_replacement_characters_survive_the_pipeline() -> None:
    text = (SEEDS / "002_22d482ba8a50f3b8.txt").read_text(encoding="utf-8")
    result = normalize(text)
    assert len(find_mojibake(result.text)) == len(find_mojibake(text)) > 0
    span = find_mojibake(result.text)[0]
    original = result.input_span(span.start, span.end)
    assert original.of(text) == "\ufffd"
