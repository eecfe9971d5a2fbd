"""Script conversion: traditional and simplified Chinese with OpenCC.

Why: the same bulletin corpus mixes mainland (simplified), Taiwan and Hong
Kong (traditional) sources; searching and matching names work best in one
script.  OpenCC does the conversion with any of its configurations
(``t2s``, ``s2t``, ``hk2s``, ``tw2sp`` with Taiwan phrases, ...).  Phrase
conversion can change lengths (``滑鼠`` → ``鼠标`` keeps it, ``軟體`` → ``软件``
too, but others do not), so the step compares each changed line with its
conversion and describes only the changed runs, keeping offsets exact for
everything else.  The converter is built on first use and cached per
configuration; importing this module does no work.

>>> from bulletin.normalize.pipeline import normalize
>>> normalize("本報訊 上海市政務智能工作推進會舉行", script="t2s").text
'本报讯 上海市政务智能工作推进会举行'
>>> detect_script("本報訊 上海市政務智能工作推進會舉行"), detect_script("本报讯 会议昨天举行")
('traditional', 'simplified')
"""

from __future__ import annotations

import difflib
import functools
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import regex

from bulletin.normalize.edits import Edit
from bulletin.normalize.pipeline import Step

__all__ = ["CONFIGS", "detect_script", "script_step"]

#: The OpenCC configurations :func:`script_step` accepts.
CONFIGS: tuple[str, ...] = (
    "s2t", "t2s", "s2tw", "tw2s", "s2hk", "hk2s", "s2twp", "tw2sp",
    "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t", "s2hkp", "hk2sp",
)  # fmt: skip
#: Share of script-specific characters above which a text counts as written in one script.
DOMINANT = 0.9


def _check(config: str) -> str:
    name = config[:-5] if config.endswith(".json") else config
    if name not in CONFIGS:
        raise ValueError(f"unknown OpenCC configuration {config!r}; valid: {', '.join(CONFIGS)}")
    return name


@functools.cache
def _converter(config: str) -> Callable[[str], str]:
    import opencc

    converter: Any = opencc.OpenCC(f"{config}.json")
    convert: Callable[[str], str] = converter.convert
    return convert


@functools.cache
def _han() -> regex.Pattern[str]:
    return regex.compile(r"\p{Han}+")


def _line_edits(line: str, converted: str, offset: int) -> Iterator[Edit]:
    if len(line) == len(converted):
        run = -1
        for index, (old, new) in enumerate(zip(line, converted, strict=True)):
            if old != new:
                if run < 0:
                    run = index
            elif run >= 0:
                yield Edit(offset + run, offset + index, converted[run:index])
                run = -1
        if run >= 0:
            yield Edit(offset + run, offset + len(line), converted[run:])
        return
    matcher = difflib.SequenceMatcher(None, line, converted, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag != "equal":
            yield Edit(offset + a0, offset + a1, converted[b0:b1])


def _edits(config: str, text: str) -> Iterator[Edit]:
    if _han().search(text) is None:
        return
    convert = _converter(config)
    converted = convert(text)
    if converted == text:
        return
    old_lines = text.split("\n")
    new_lines = converted.split("\n")
    if len(old_lines) != len(new_lines):
        new_lines = [convert(line) for line in old_lines]
    offset = 0
    for old, new in zip(old_lines, new_lines, strict=True):
        if old != new:
            yield from _line_edits(old, new, offset)
        offset += len(old) + 1


def script_step(config: str) -> Step:
    """A pipeline step converting the script with the OpenCC configuration ``config``.

    >>> from bulletin.normalize.pipeline import normalize
    >>> normalize("滑鼠軟體", steps=[script_step("tw2sp")]).text
    '鼠标软件'
    >>> script_step("x2y")
    Traceback (most recent call last):
    ...
    ValueError: unknown OpenCC configuration 'x2y'; valid: s2t, t2s, s2tw, tw2s, s2hk, hk2s, s2twp, tw2sp,
    t2tw, tw2t, t2hk, hk2t, t2jp, jp2t, s2hkp, hk2sp
    """
    name = _check(config)
    return Step(f"script:{name}", functools.partial(_edits, name))


def detect_script(text: str) -> str:
    """``"simplified"``, ``"traditional"``, ``"mixed"`` or ``"unknown"``.

    Counts the Chinese characters that converting to simplified changes
    (traditional ones) and those that converting to traditional changes
    (simplified ones); a script wins with :data:`DOMINANT` of them, no such
    characters (or none at all) is ``"unknown"``.

    >>> detect_script("本报讯 會議昨天举行"), detect_script("2024"), detect_script("中文")
    ('mixed', 'unknown', 'unknown')
    """
    chars = "".join(_han().findall(text))
    if not chars:
        return "unknown"
    unique = "\n".join(sorted(set(chars)))
    to_simple = _converter("t2s")(unique).split("\n")
    to_traditional = _converter("s2t")(unique).split("\n")
    keys = unique.split("\n")
    if len(to_simple) != len(keys) or len(to_traditional) != len(keys):  # pragma: no cover - defensive
        return "unknown"
    traditional_chars = {key for key, simple in zip(keys, to_simple, strict=True) if simple != key}
    simplified_chars = {key for key, trad in zip(keys, to_traditional, strict=True) if trad != key}
    counts = Counter(chars)
    traditional = sum(counts[ch] for ch in traditional_chars)
    simplified = sum(counts[ch] for ch in simplified_chars)
    total = traditional + simplified
    if total == 0:
        return "unknown"
    if traditional >= DOMINANT * total:
        return "traditional"
    if simplified >= DOMINANT * total:
        return "simplified"
    return "mixed"
