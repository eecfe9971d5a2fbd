"""Bytes to text: the encodings Chinese bulletins arrive in.

Bulletins come as UTF-8 (with or without a byte-order mark), UTF-16 (files
saved by Windows tools: a BOM, or ASCII interleaved with NUL bytes),
GB18030/GBK/GB2312 (the mainland legacy encodings) and Big5 (Taiwan, Hong
Kong).  :func:`decode` tries UTF-8 first because it almost never decodes
anything else by accident; GB18030 and Big5 both decode many byte strings of
the other, so both are tried and the decoding that reads most like Chinese
(most characters among the most frequent ones, fewest rare or private-use
ones) wins.

>>> decode("本报讯 会议昨天举行。".encode("gb18030"))
'本报讯 会议昨天举行。'
>>> decode("本報訊 會議昨天舉行。".encode("big5"))
'本報訊 會議昨天舉行。'
"""

from __future__ import annotations

import codecs
import contextvars
import functools

import attrs
import regex

from bulletin.errors import BulletinDecodeError

__all__ = ["Decoded", "decode", "decode_with_report"]

# The most frequent characters of Chinese news text (simplified); their
# traditional forms are added from OpenCC on first use.
_COMMON = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产"
    "种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业"
    "本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利"
    "比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文"
    "总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干"
    "做必战先回则任取据处府研队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认"
    "六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才"
    "科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商"
    "非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选"
    "标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价"
    "严龙飞区域模型智能服务工作推进会议举行强调指出坚持推动加快发展建设全面深化改革创新协同城市人才记者"
)


_SAMPLE = 20_000


@functools.cache
def _common() -> frozenset[str]:
    chars = set(_COMMON)
    try:
        import opencc

        chars.update(opencc.OpenCC("s2t").convert(_COMMON))
    except Exception:  # pragma: no cover - OpenCC is a dependency, but the scorer works without it
        pass
    chars.update("，。、；：？！“”（）《》 \n")
    return frozenset(chars)


@functools.cache
def _unlikely() -> regex.Pattern[str]:
    # control characters, private use, unassigned, rare ideograph extensions, half-width katakana
    return regex.compile(
        r"[\p{Cc}\p{Co}\p{Cn}\p{Cs}\u3400-\u4dbf\U00020000-\U0003ffff\uff61-\uff9f--[\t\n\r]]", regex.V1
    )


def _score(text: str) -> float:
    """How much ``text`` reads like Chinese: common characters count, unlikely ones count against."""
    text = text[:_SAMPLE]
    if not text:
        return 0.0
    common = _common()
    hits = sum(1 for ch in text if ch in common)
    bad = len(_unlikely().findall(text))
    return (hits - 5 * bad) / len(text)


def _plausible(text: str) -> float:
    """Share of ``text`` (sampled) that is ordinary: ASCII, CJK ideographs, punctuation, full-width forms."""
    text = text[:_SAMPLE]
    if not text:
        return 0.0
    ordinary = len(_ordinary().findall(text))
    return (ordinary - 5 * len(_unlikely().findall(text))) / len(text)


@functools.cache
def _ordinary() -> regex.Pattern[str]:
    return regex.compile(
        r"[\t\n\r\x20-\x7e\u00a0-\u00ff\u2010-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
    )


def _utf16(data: bytes) -> str | None:
    """The UTF-16 decoding (either byte order) that reads best, if one reads like text."""
    best: tuple[float, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible(text) >= 0.8:
            score = _score(text)
            if best is None or score > best[0]:
                best = (score, text)
    return None if best is None else best[1]


def _utf8_error(data: bytes) -> UnicodeDecodeError | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return error
    return None


def decode(data: bytes, *, errors: str = "strict") -> str:
    """Decode a bulletin's bytes, detecting UTF-8, UTF-16, GB18030 or Big5.

    ``errors="replace"`` turns undecodable bytes into U+FFFD: bytes that
    decode are decoded as ever, others as UTF-8 or, when one reads as
    Chinese with fewer bytes replaced, as GB18030 or Big5.  Raises :class:`BulletinDecodeError` for
    bytes that are none of these encodings (including binary files); its
    ``offset`` is where UTF-8 decoding failed.

    >>> decode(b"\\xef\\xbb\\xbf\\xe6\\x9c\\xac\\xe6\\x8a\\xa5\\xe8\\xae\\xaf")
    '本报讯'
    >>> decode(b"abc\\xff", errors="replace")
    'abc�'
    >>> decode(b"\\x00\\x01\\x02\\x03\\xff\\xfe\\x00\\x00" * 4)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    bulletin.errors.BulletinDecodeError: binary data, not text (at byte 0); ...
    """
    return decode_with_report(data, errors=errors).text


@attrs.frozen(kw_only=True)
class Decoded:
    """Decoded text, the encoding it was read as, and the byte offsets of bytes replaced by U+FFFD.

    ``replaced`` is empty unless ``errors="replace"`` had to replace something.
    """

    text: str
    encoding: str
    replaced: tuple[int, ...] = ()


_REPLACED: contextvars.ContextVar[list[int]] = contextvars.ContextVar("bulletin_replaced")
_REPORTING = "bulletin-replace-and-report"


def _record(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):  # pragma: no cover - only registered for decoding
        raise error
    _REPLACED.get().append(error.start)
    return "\ufffd", error.end


codecs.register_error(_REPORTING, _record)


def _replace_in(data: bytes, codec: str) -> Decoded:
    """``data`` in ``codec`` (a UTF-8 BOM dropped) with every undecodable byte sequence turned into U+FFFD, and where they were."""
    start = len(codecs.BOM_UTF8) if codec == "utf-8" and data.startswith(codecs.BOM_UTF8) else 0
    replaced: list[int] = []
    token = _REPLACED.set(replaced)
    try:
        text = data[start:].decode(codec, errors=_REPORTING)
    finally:
        _REPLACED.reset(token)
    return Decoded(text=text, encoding=codec, replaced=tuple(start + offset for offset in replaced))


def decode_with_report(data: bytes, *, errors: str = "strict") -> Decoded:
    """:func:`decode`, also telling the encoding and, with ``errors="replace"``, what was replaced.

    >>> decode_with_report(b"ab\\xffcd\\xfe", errors="replace")
    Decoded(text='ab\ufffdcd\ufffd', encoding='utf-8', replaced=(2, 5))
    >>> decode_with_report("本报讯".encode("gb18030")).encoding
    'gb18030'
    """
    if errors not in ("strict", "replace"):
        raise ValueError(f"errors must be 'strict' or 'replace', got {errors!r}")
    if not data:
        return Decoded(text="", encoding="utf-8")
    if errors == "replace":
        try:
            text, encoding = _detect(data)
        except BulletinDecodeError:
            return _replace_best(data)
        return Decoded(text=text, encoding=encoding)
    text, encoding = _detect(data)
    return Decoded(text=text, encoding=encoding)


def _replace_best(data: bytes) -> Decoded:
    """UTF-8, or the legacy encoding that reads as Chinese, with the fewest bytes replaced.

    A GB18030 file with one broken byte stays GB18030 with one U+FFFD, not
    UTF-8 with every Chinese character replaced.
    """
    best = _replace_in(data, "utf-8")
    if data.startswith(codecs.BOM_UTF8):
        return best
    for codec in _LEGACY:
        found = _replace_in(data, codec)
        if len(found.replaced) < len(best.replaced) and _reads_as_chinese(found.text):
            best = found
    return best


def _detect(data: bytes) -> tuple[str, str]:
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as error:
                # utf-8-sig counts from after the mark; the offset is into the bytes as given
                offset = error.start + (len(bom) if codec == "utf-8-sig" else 0)
                raise BulletinDecodeError(
                    f"bytes start with a {codec.upper()} byte-order mark but do not decode as {codec}",
                    offset=offset,
                    hint="the file may be truncated or corrupted",
                ) from None
    nuls = data.count(0)
    if nuls:
        wide = _utf16(data)
        if wide is not None:
            return wide, "utf-16"
        if nuls * 100 > len(data) or _utf8_error(data) is not None:
            raise BulletinDecodeError(
                "binary data, not text",
                offset=data.index(0),
                hint=f"{nuls} NUL bytes in {len(data)} bytes and not UTF-16; is this a PDF or an image?",
            )
    failure = _utf8_error(data)
    if failure is None:
        return data.decode("utf-8"), "utf-8"
    if data.startswith(b"%PDF-"):
        raise BulletinDecodeError("a PDF file, not text", offset=0, hint="extract its text first (pdftotext)")
    candidates: list[tuple[float, str, str]] = []
    broken: list[tuple[int, str]] = []  # legacy decodings that read as Chinese up to a bad byte
    for codec in _LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as error:
            if error.start and _reads_as_chinese(data[: error.start].decode(codec)):
                broken.append((error.start, codec))
            continue
        if _reads_as_chinese(text):
            candidates.append((_score(text), text, codec))
    if candidates:
        _, text, codec = max(candidates, key=lambda candidate: candidate[0])
        return text, codec
    if broken:
        offset, codec = max(broken)
        raise BulletinDecodeError(
            f"bytes read as {_NAMES[codec]} up to a byte that does not decode",
            offset=offset,
            hint="the file may be truncated or corrupted; decode with errors='replace' to keep the rest",
        )
    raise BulletinDecodeError(
        "bytes are not UTF-8, UTF-16, GB18030 or Big5 text (nor read as Chinese in any of them)",
        offset=failure.start,
        hint="decode with errors='replace' to keep what decodes, or convert the file to UTF-8",
    )


_LEGACY = ("gb18030", "big5hkscs")
_NAMES = {"gb18030": "GB18030", "big5hkscs": "Big5", "utf-8": "UTF-8"}
#: A legacy decoding reads as Chinese when this share of its non-ASCII characters are common ones:
#: news Chinese scores 0.7–1.0; Japanese (Shift-JIS), Korean (EUC-KR) or Latin-1 read as GB18030 about 0.
CHINESE_SHARE = 0.3


def _reads_as_chinese(text: str) -> bool:
    """Whether the non-ASCII characters of ``text`` (sampled) are common Chinese ones often enough.

    >>> _reads_as_chinese("本报讯 会议昨天举行。"), _reads_as_chinese("偙杮岅偺僥僉僗僩")
    (True, False)
    """
    sample = text[:_SAMPLE]
    common = _common()
    wide = [ch for ch in sample if ch > "\x7f" and not ch.isspace()]
    if not wide:
        return False
    bad = len(_unlikely().findall(sample))
    return (sum(1 for ch in wide if ch in common) - 5 * bad) / len(wide) >= CHINESE_SHARE
