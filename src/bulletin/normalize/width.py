"""Width folding: full-width Latin letters, digits and symbols to half-width.

Why: Chinese typesetting and OCR produce full-width ``ＡＩ``, ``２０２４``,
``５Ｇ``, ``１００％`` and ``０５９２－５０９２１９９``; the dateline, number and
phone recognisers (and every reader's search) expect ``AI``, ``2024``, ``5G``.
Chinese punctuation is *not* folded: ``，。：；！？（）“”、`` stay full-width,
because they are the correct forms in Chinese text (the punctuation step
even turns stray half-width ones into them).  ``～`` (a Chinese range mark),
``［］｛｝`` are left too.  The full-width dot ``．`` is folded only next to a
letter or digit (``１．５`` is a number, a lone ``．`` may be a full stop).

Spaces: the ideographic space U+3000, the no-break space and the other
fixed-width Unicode spaces become an ordinary space, so that
:mod:`~bulletin.normalize.spaces` treats all spaces alike.  A leading U+3000
indentation therefore becomes leading spaces: it is still leading whitespace,
so a paragraph start stays detectable.

>>> from bulletin.normalize.pipeline import normalize
>>> normalize("\\u3000\\u3000第四届厦门５Ｇ应用大赛，电话０５９２－５０９２１９９。", steps=["width"]).text
'  第四届厦门5G应用大赛，电话0592-5092199。'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

from bulletin.normalize.edits import Edit
from bulletin.normalize.scan import in_blocks

__all__ = ["fold_width", "fold_width_text"]

# Full-width letters and digits, the symbols that have no Chinese role, and
# the full-width straight quotes (so the punctuation step pairs them).
_FOLD = "０-９Ａ-Ｚａ-ｚ＂＃＄％＆＇＊＋－／＜＝＞＠＼＾＿｀｜"
_SPACES = "\u00a0\u2000-\u200a\u202f\u205f\u3000"
_ALNUM = "0-9A-Za-z０-９Ａ-Ｚａ-ｚ"


# plain character classes: the standard ``re`` scans them about twice as fast as ``regex``
@functools.cache
def _pattern() -> re.Pattern[str]:
    return re.compile(rf"[{_FOLD}{_SPACES}．]+")


@functools.cache
def _alnum() -> re.Pattern[str]:
    return re.compile(rf"[{_ALNUM}]")


def _fold(match: re.Match[str]) -> str:
    """The half-width form of one run of foldable characters (of the same length)."""
    found = match.group()
    if "．" not in found:
        # NFKC maps each of these characters to exactly one ASCII character or a space.
        return unicodedata.normalize("NFKC", found)
    # a full-width dot is folded only next to a letter or digit (of either width)
    text, alnum = match.string, _alnum()
    return "".join(
        "." if ch == "．" and (
            (i > 0 and alnum.match(text, i - 1)) or (i + 1 < len(text) and alnum.match(text, i + 1))
        ) else ch if ch == "．" else unicodedata.normalize("NFKC", ch)
        for i, ch in enumerate(found, match.start())
    )


def fold_width(text: str) -> Iterator[Edit]:
    """Describe folding full-width letters, digits and symbols, and turning wide spaces into spaces.

    Every replacement has the length of what it replaces, so offsets stay
    character for character:

    >>> from bulletin.normalize.edits import apply_edits
    >>> apply_edits("ＡＩ赋能新质生产力（上海）", fold_width("ＡＩ赋能新质生产力（上海）"))[0]
    'AI赋能新质生产力（上海）'
    """
    for match in _pattern().finditer(text):
        yield Edit(match.start(), match.end(), _fold(match))


def fold_width_text(text: str) -> str:
    """What :func:`fold_width` makes of ``text``, in one pass (the pipeline's fast lane).

    >>> fold_width_text("\u3000\u3000第１．５届")
    '  第1.5届'
    """
    # the ideographic space (indentation) and the no-break space are by far the most common:
    # str.replace handles them at C speed before the pattern looks at the rest
    text = text.replace("\u3000", " ").replace("\u00a0", " ")
    # line by line: a run never holds a line break, and a dot is folded by its neighbours on its line
    return in_blocks(text, functools.partial(_pattern().sub, _fold), "\n")
