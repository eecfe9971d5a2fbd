from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from bulletin.decode import decode
from bulletin.errors import BulletinDecodeError

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
TEXT = "本报讯 市委人才工作领导小组会议昨天上午举行。市委书记陈吉宁主持会议并讲话。"
TRADITIONAL = "本報訊 市委人才工作領導小組會議昨天上午舉行。市委書記陳吉寧主持會議並講話。"


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030"])
def test_seed_round_trips(path: Path, codec: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert decode(text.encode(codec)) == text


def test_gbk_and_big5() -> None:
    assert decode(TEXT.encode("gbk")) == TEXT
    assert decode(TRADITIONAL.encode("big5")) == TRADITIONAL


def test_utf16_bom_and_utf32() -> None:
    assert decode(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")) == TEXT
    assert decode(TEXT.encode("utf-32")) == TEXT


def test_ascii_utf16_without_bom() -> None:
    assert decode("Shanghai bulletin".encode("utf-16-le")) == "Shanghai bulletin"


def test_empty() -> None:
    assert decode(b"") == ""


def test_replace() -> None:
    assert decode("上海".encode() + b"\xff", errors="replace") == "上海\ufffd"
    with pytest.raises(ValueError, match="errors"):
        decode(b"x", errors="ignore")


def test_binary_is_rejected() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(BulletinDecodeError, match="binary") as info:
        decode(png)
    assert info.value.offset == png.index(0)


def test_undecodable_offset_is_utf8_failure() -> None:
    data = "上海".encode() + b"\xff\xfe\xfd\x80\x80\xff"
    with pytest.raises(BulletinDecodeError) as info:
        decode(data)
    assert info.value.offset == 6
    assert "UTF-8" in str(info.value)


def test_broken_bom() -> None:
    with pytest.raises(BulletinDecodeError, match="byte-order mark"):
        decode(codecs.BOM_UTF8 + b"\xff\xfe abc")
