"""Hypothesis strategies for text that looks like a bulletin, shared by the property tests and fuzz/.

The text is built from tokens a real bulletin is made of (Chinese words and
characters, punctuation of both widths, digits, Latin, blank lines and every
kind of line break, markdown marks, bracketed credits, dateline-like
fragments) mixed with the debris that PDF, OCR and web extraction leave
(U+FFFD, zero-width and control characters) and arbitrary surrogate-free
Unicode.
"""

from __future__ import annotations

from hypothesis import strategies as st

__all__ = ["ALPHABET", "HOSTILE", "TOKENS", "bulletin_like", "bulletin_lines", "plain_bulletin_like"]

HAN = "本报讯新华社电记者通讯员摄影报道市委书记会议召开举行推动发展人民政府上海北京广州區會議報訊記者電讀責任编辑来源作者系按目录第版期刊内部资料免费交流"
PUNCT_FULL = "，。、；：？！“”‘’（）《》【】〔〕「」『』…—·　"
PUNCT_HALF = ",.;:?!\"'()[]<>-_*#/&@%+=~|"
DIGITS = "0123456789０１２３４５６７８９"
LATIN = "abcxyzABCXYZＡＢｚ"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
CONTROL = "\x00\x01\x07\x08\x0b\x0c\x1b\x1c\x1f\x7f\x85\u2028\u2029"
ALPHABET = HAN + PUNCT_FULL + PUNCT_HALF + DIGITS + LATIN + INVISIBLE + CONTROL + "\ufffd \t\n"

TOKENS: tuple[str, ...] = (
    # words and phrases
    "本报讯", "本報訊", "新华社", "中新网", "央视网消息", "记者", "記者", "通讯员", "首席记者", "摄影报道",
    "责任编辑：", "来源：", "作者系", "编者按", "目录", "第3版", "2024年11月刊", "内部资料 免费交流",
    "市委书记", "会议昨天上午举行", "推动高质量发展", "让人才在上海更好安身安心安业",
    "坚持问题导向抓住关键环节推动政务智能工作再上新台阶", "一、", "（一）", "1.", "Q：",
    # datelines
    "新华社北京6月2日电", "（新华社北京 10 月 9 日电）", "中新网上海1月2日电", "中央社記者王明台北3日電",
    "本报北京12月30日讯", "12月17日", "12 月 17 日", "6月2日",
    # credits, sources and notes
    "（记者 王晓丽 通讯员 李华）", "（来源：区委办）", "（《人民日报》）", "【按：", "】", "(作者系市委党校教授)",
    "记者 张三 李四", "国办发〔2024〕48号", "国办发[2024]48号",
    # markup
    "# ", "## ", "### ", "**", "__", "- ", "* ", "> ", "<br/>", "<p>", "</p>", "&amp;", "&nbsp;", "&#8220;",
    # line structure
    "\n", "\n", "\n\n", "\n\n\n", "\r\n", "\r", "\u2028", " ", "  ", "\u3000", "\u3000\u3000", "\t",
    # debris
    "\ufffd", "\ufffd\ufffd", "\u200b", "\ufeff", "\x00", "\x0c", "...", "。。。", "--", "——", "……",
    "http://example.org/a?b=1", "0592-5092199", "12:30", "1,000",
)  # fmt: skip

#: What once broke a promise (docs/guarantees.md): full-width markup, unclosed comments, entity
#: chains, long space runs, decomposed (NFD) Latin and combining marks, accented capitals, quotes
#: beside URLs, and what a rule splits off a line that another may claim whole (page labels,
#: breadcrumbs, residue, front matter, contents headings, page indexes).
HOSTILE: tuple[str, ...] = (
    "＃ ", "＃＃ ", "＊＊", "＿＿", "－ ", "＊ ", "＜ｂ＞", "＜／ｐ＞", "＜ｂｒ／＞", "＆ａｍｐ；", "<ｂ>", "</ｐ>",
    "<!--", "-->", "&lt;!--", "--&gt;", "&amp;lt;!--", "<!-- 注 -->", "<", "b>", "<<<", "b>b>b>",
    "&amp;amp;amp;", "&amp;amp;lt;", "&amp;amp;amp;amp;amp;gt;", "&#60;", "&#x3C;", "&lt;b&gt;",
    " " * 40, "\u3000" * 12, " \t " * 5, " .", " . . . . ", "……3",
    "e\u0301", "E\u0301cole", "a\u0308", "\u0301", "\u0308\u0301", "\u3099", "か\u3099", "é", "\u1100\u1161",
    "www.", "'", "\"", "'www.a.cn'", "\"www.x.cn\"", "http://a.cn/'b'", "'日www.'", "a@b.cn'",
    "ÆÇ", "Ê", "FÌQ", "Å", "C\u0327", "（I", "MF）", "ÉÇÅ",
    "第2版(要闻)", "要闻 〉 ", " content_12345.html -->", "---\n", "title: ", "\n目录\n", "01版：要闻", "★",
    "相关阅读：\n", "2024年1月1日\n",
)

_CHARS = st.characters(exclude_categories=("Cs",))
_ALPHABET_TEXT = st.text(alphabet=ALPHABET, min_size=1, max_size=12)
_UNICODE_TEXT = st.text(alphabet=_CHARS, min_size=1, max_size=6)


def _pieces(arbitrary: bool) -> st.SearchStrategy[str]:
    options: list[st.SearchStrategy[str]] = [
        st.sampled_from(TOKENS), st.sampled_from(TOKENS), st.sampled_from(HOSTILE), _ALPHABET_TEXT
    ]
    if arbitrary:
        options.append(_UNICODE_TEXT)
    return st.one_of(*options)


def bulletin_like(max_tokens: int = 40, *, arbitrary: bool = True) -> st.SearchStrategy[str]:
    """Text that looks like a bulletin, with debris and (if ``arbitrary``) any surrogate-free Unicode."""
    return st.lists(_pieces(arbitrary), max_size=max_tokens).map("".join)


def bulletin_lines(max_lines: int = 12) -> st.SearchStrategy[str]:
    """Line-structured bulletin text: lines of tokens separated by breaks and blank lines."""
    line = st.lists(_pieces(True), min_size=1, max_size=8).map("".join)
    breaks = st.sampled_from(["\n", "\n", "\n\n", "\r\n", "\n\n\n", "\r"])
    return st.lists(st.tuples(line, breaks), max_size=max_lines).map(
        lambda pairs: "".join(a + b for a, b in pairs)
    )


#: What a text file of a real bulletin holds: no NUL or other C0 controls but tab and breaks, no BOM.
_PLAIN_TOKENS = tuple(
    t for t in TOKENS if not any((ord(c) < 0x20 and c not in "\t\n\r") or c == "\ufeff" for c in t)
)
#: Sentences of ordinary news Chinese, so that a legacy encoding can be recognised from the bytes.
SENTENCES = (
    "市委书记主持召开会议，研究部署下一阶段重点工作。",
    "会议强调，要坚持问题导向，推动高质量发展取得新成效。",
    "全市防汛工作会议昨天上午举行，市长出席会议并讲话。",
    "本報訊 市政府昨天舉行新聞發布會，介紹有關情況。",
)


def plain_bulletin_like(max_tokens: int = 30) -> st.SearchStrategy[str]:
    """Bulletin-like text as a text file holds it: a sentence of news Chinese among tokens,
    no C0 control character but tab and line breaks, no byte-order mark."""
    tokens = st.lists(st.sampled_from(_PLAIN_TOKENS), max_size=max_tokens).map("".join)
    return st.tuples(tokens, st.sampled_from(SENTENCES), tokens).map("".join)
