"""The fast JSON encoder writes the same bytes as the standard one (bulletin.jsontext)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bulletin
from bulletin import jsontext, serialize

pytest.importorskip("msgspec")

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "dev" / "raw").glob("*.txt"))


def _standard(value: Any, indent: int | None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent)


def test_the_fast_encoder_is_in_use() -> None:
    assert jsontext.fast_encoder() is not None


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.name)
def test_a_parsed_text_has_the_same_json_bytes(path: Path) -> None:
    parsed = bulletin.parse(path.read_text(encoding="utf-8"))
    data = serialize.unstructure(parsed)
    for indent in (1, None, 2):
        assert jsontext.dumps(data, indent=indent).encode() == _standard(data, indent).encode()
    assert parsed.to_json() == _standard(data, 1)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)


@given(_JSON, st.sampled_from([None, 0, 1, 2, 4]))
def test_generated_data_has_the_same_json_bytes(value: Any, indent: int | None) -> None:
    # any text (control characters, U+2028, lone surrogates), integers past 64 bits, indent 0
    assert jsontext.dumps(value, indent=indent) == _standard(value, indent)


def test_the_standard_encoder_on_request() -> None:
    assert jsontext.dumps({"a": [1]}, indent=1, fast=False) == '{\n "a": [\n  1\n ]\n}'


def test_the_fast_encoder_leaves_nothing_attached_to_the_strings_it_wrote() -> None:
    # msgspec's own encoder keeps a UTF-8 copy inside every str it encodes, for the life of the str
    import tracemalloc

    data = {"段落": ["会议举行" * 1000 + str(n) for n in range(100)]}
    jsontext.dumps({"warm": ["up"]}, indent=1)
    tracemalloc.start()
    jsontext.dumps(data, indent=1)
    current, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert current < 10_000
