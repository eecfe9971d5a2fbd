"""The decoding policy: strict by default with the byte offset and a hint; replacement on request, reported."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bulletin.decode import Decoded, decode, decode_with_report
from bulletin.errors import BulletinDecodeError

TEXT = "本报讯 市委人才工作领导小组会议昨天上午举行。"


def test_strict_is_the_default_and_names_the_byte() -> None:
    data = TEXT.encode() + b"\x80" + TEXT.encode()
    with pytest.raises(BulletinDecodeError) as info:
        decode(data)
    error = info.value
    assert error.offset == len(TEXT.encode())
    assert f"at byte {error.offset}" in str(error)
    assert error.hint


def test_replace_reports_every_replaced_position() -> None:
    data = b"\xff" + TEXT.encode() + b"\xe6\x9c" + b"ok" + b"\xc3"
    decoded = decode_with_report(data, errors="replace")
    assert isinstance(decoded, Decoded)
    assert decoded.encoding == "utf-8"
    n = len(TEXT.encode())
    assert decoded.replaced == (0, 1 + n, 3 + n + 2)
    assert decoded.text == "\ufffd" + TEXT + "\ufffdok\ufffd"
    assert decode(data, errors="replace") == decoded.text


def test_replace_offsets_count_the_byte_order_mark() -> None:
    decoded = decode_with_report(codecs.BOM_UTF8 + b"ab\xff", errors="replace")
    assert decoded.text == "ab\ufffd"
    assert decoded.replaced == (5,)


def test_clean_input_reports_nothing_replaced() -> None:
    assert decode_with_report(TEXT.encode(), errors="replace").replaced == ()
    assert decode_with_report(TEXT.encode("gb18030")) == Decoded(text=TEXT, encoding="gb18030")


def test_unknown_policy_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="errors must be"):
        decode_with_report(b"x", errors="ignore")


@given(st.binary(max_size=300))
def test_any_bytes_decode_or_raise_the_decode_error(data: bytes) -> None:
    offset: int | None = None
    try:
        decode(data)
    except BulletinDecodeError as error:
        offset = error.offset
    assert offset is None or 0 <= offset <= len(data)
    replaced = decode_with_report(data, errors="replace")
    assert all(0 <= offset < len(data) for offset in replaced.replaced)
    assert list(replaced.replaced) == sorted(set(replaced.replaced))
    assert replaced.text.count("\ufffd") >= len(replaced.replaced)
