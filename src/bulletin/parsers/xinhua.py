"""Xinhua wire copy: ``新华社北京6月2日电（记者 …）`` stories that end with ``（完）``.

Wire copy runs story after story with the agency's end mark ``（完）`` after
each, and editor and graphics credits (``（编辑：…）``, ``新华社发 张三 作``)
that are not bylines.  This parser adds one rule for those conventions to the
generic chain.
"""

from __future__ import annotations

from typing import ClassVar

import attrs
import regex

from bulletin.parsers.base import RuleBasedParser
from bulletin.parsing.parser import Rule
from bulletin.parsing.pieces import last_text, split_trailing
from bulletin.parsing.ruler import Ruler
from bulletin.parsing.state import ParseState

__all__ = ["XinhuaWireParser", "wire_end_rule"]

_END = regex.compile(r"[（(]\s*(?:完|完稿|編輯|编辑\s*[：:]\s*\S{1,20})\s*[）)]\s*$")


@attrs.frozen
class WireMark:
    """An agency end mark or editor credit at the end of a wire story."""

    kind: str = "end-mark"


def wire_end_rule(state: ParseState) -> None:
    """Claim ``（完）`` and ``（编辑：…）`` at the end of a line as notes that close the story."""
    for line in state.lines:
        if line.kind is not None:
            continue
        piece = last_text(state, line)
        if piece is None:
            continue
        match = _END.search(line.text, piece.start, piece.end)
        if match is not None:
            split_trailing(state, piece, match.start(), "note", WireMark())


class XinhuaWireParser(RuleBasedParser):
    """Xinhua (新华社) wire copy, simplified or traditional.

    Wire copy shows as the agency's end marks and as several Xinhua
    datelines.  One Xinhua story reprinted among a newspaper's own reports
    (``本报讯``, ``本报记者``, ``本报北京6月2日电``) is a newspaper page, not
    wire copy, so the paper's own datelines count against.

    >>> XinhuaWireParser().detect("新华社北京6月2日电（记者 张三）会议举行。（完）") > 0.1
    True
    >>> XinhuaWireParser().detect("本报讯 会议举行。新华社北京6月2日电 会议举行。本报记者 李四")
    0.0
    """

    name: ClassVar[str] = "xinhua"
    markers: ClassVar[tuple[tuple[str, float], ...]] = (
        (r"新[华華]社[\p{Han}]{0,8}\d{1,2}月\d{1,2}日[电電]", 0.15),
        (r"[（(]完[）)]", 0.25),
        (r"新[华華]社[发發]", 0.05),
        (r"本[报報](?:讯|訊|记者|記者|[\p{Han}]{0,8}\d{1,2}月\d{1,2}日[电電])", -0.15),
    )

    def extend(self, rules: Ruler[Rule]) -> None:
        rules.after("note", "wire_end", wire_end_rule)
