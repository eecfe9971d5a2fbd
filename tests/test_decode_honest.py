"""Decoding says what it did: offsets into the bytes as given, replacement within the right encoding,
and no Chinese read out of bytes that are not Chinese."""

from __future__ import annotations

import codecs

import pytest

from bulletin import BulletinDecodeError
from bulletin.decode import decode, decode_with_report

NEWS = "市委书记主持召开会议，研究部署下一阶段重点工作。会议强调，要坚持问题导向，推动高质量发展。"
NEWS_TRADITIONAL = "本報訊 市政府昨天舉行新聞發布會，介紹有關情況。會議強調，要推動發展。"


def test_the_offset_after_a_utf8_bom_counts_the_bom() -> None:
    data = codecs.BOM_UTF8 + "本报讯".encode() + b"\xff" + "会议".encode()
    with pytest.raises(BulletinDecodeError) as caught:
        decode(data)
    assert caught.value.offset == 3 + 9
    assert data[caught.value.offset] == 0xFF


@pytest.mark.parametrize(("text", "codec", "name"), [(NEWS, "gb18030", "GB18030"), (NEWS_TRADITIONAL, "big5", "Big5")])
def test_a_legacy_file_cut_in_its_last_character(text: str, codec: str, name: str) -> None:
    data = text.encode(codec)[:-1]  # the last character loses its second byte
    with pytest.raises(BulletinDecodeError, match=f"read as {name} up to a byte") as caught:
        decode(data)
    assert caught.value.offset == len(data) - 1
    report = decode_with_report(data, errors="replace")
    assert report.text == text[:-1] + "\ufffd"  # every Chinese character kept
    assert report.replaced == (len(data) - 1,)
    assert report.encoding in ("gb18030", "big5hkscs")


def test_utf8_with_one_bad_byte_is_replaced_as_utf8() -> None:
    data = NEWS.encode() + b"\xff" + NEWS.encode()
    report = decode_with_report(data, errors="replace")
    assert (report.text, report.encoding, report.replaced) == (NEWS + "\ufffd" + NEWS, "utf-8", (len(NEWS.encode()),))


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("日本語のテキストです。東京は晴れ。会議が開かれました。", "shift_jis"),
        ("한국어 텍스트입니다. 서울은 맑습니다. 회의가 열렸습니다.", "euc-kr"),
        ("Café résumé naïve façade. Über die Straße.", "latin-1"),
    ],
)
def test_other_encodings_are_refused_not_read_as_gb18030(text: str, codec: str) -> None:
    with pytest.raises(BulletinDecodeError, match="not UTF-8, UTF-16, GB18030 or Big5"):
        decode(text.encode(codec))


def test_a_pdf_is_refused_as_a_pdf() -> None:
    data = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 44 >>\nstream\nBT (Hello) Tj ET\nendstream\n"
    with pytest.raises(BulletinDecodeError, match="a PDF file, not text"):
        decode(data)


@pytest.mark.parametrize("codec", ["gb18030", "big5"])
def test_short_legacy_news_still_decodes(codec: str) -> None:
    text = "本報訊 會議昨天舉行。" if codec == "big5" else "本报讯 会议昨天举行。"
    assert decode(text.encode(codec)) == text
