"""南方周末 (Southern Weekly): credits that name the paper before every role, and a 发自 line.

::

    城中村改造进入深水区
    南方周末记者 张三 南方周末实习生 李四
    发自广州
    城中村改造已进入深水区……

The credit needs no rule, only knowledge: ``knowledge.toml`` says that
南方周末 is an outlet, and bulletin's own credit rule does the rest.  The
``发自广州`` line ("filed from Guangzhou") is the paper's dateline; one rule
claims it.  Everything comes from the public :mod:`bulletin.rules`.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any, ClassVar

import regex

from bulletin.rules import (
    DatelineMatch,
    ParseState,
    PieceKind,
    Rule,
    RuleBasedParser,
    Ruler,
    claim,
    whole_text,
)

__all__ = ["KNOWLEDGE", "SouthWeeklyParser", "filed_from_rule"]

#: The package's knowledge, registered in the ``bulletin.knowledge`` entry-point group.
KNOWLEDGE = files(__name__) / "knowledge.toml"

_FILED = regex.compile(r"[ \t\u3000]*+发自(\p{Han}{2,6})[ \t\u3000]*+")


def filed_from_rule(state: ParseState) -> None:
    """Claim a line ``发自广州`` as the article's dateline: place 广州, agency 南方周末."""
    for line in state.lines:
        found = _FILED.fullmatch(line.text) if line.kind is None and whole_text(state, line) else None
        if found is not None:
            end = len(line.text)
            match = DatelineMatch(text=line.text.strip(), agency="南方周末", place=found.group(1),
                                  start=0, end=end, body_start=end)
            claim(state, line, PieceKind.DATELINE, match)


class SouthWeeklyParser(RuleBasedParser):
    """南方周末 (Southern Weekly): 南方周末记者 张三 南方周末实习生 李四, 发自广州."""

    name: ClassVar[str] = "southweekly"
    markers: ClassVar[tuple[tuple[str, float], ...]] = (
        (r"南方(?:周|週)末(?:记者|記者|实习生|實習生|特约撰稿|特約撰稿)", 0.35),
        (r"(?m)^[ \t\u3000]*发自\p{Han}{2,6}[ \t\u3000]*$", 0.2),
    )
    knowledge: ClassVar[Any] = KNOWLEDGE

    def extend(self, rules: Ruler[Rule]) -> None:
        rules.before("dateline", "filed_from", filed_from_rule)
