"""Teach the parser a new outlet's dateline with one rule, without touching the core.

环球网 (huanqiu.com) opens its reports with the agency, 报道 and the reporter
in black lenticular brackets, instead of a dateline like ``新华社北京6月2日电``:

    【环球网综合报道 记者 张明】
    【环球时报综合报道】

The generic parser reads ``【环球网报道 记者 张明】`` but leaves these in the body.  The rule below recognises the
convention, splits it off the lead as a dateline, and hands the reporters to
the article as bylines; it goes into the chain just before the generic
``dateline`` rule.

    python examples/dateline_rule.py
"""

from __future__ import annotations

import sys

import regex

import bulletin
from bulletin.rules import DatelineMatch, ParseState, PieceKind, first_text, parse_credit, split_leading

_OPENER = regex.compile(
    r"【(?P<text>(?P<agency>环球网|环球时报|環球網|環球時報)(?:综合|綜合|特约|特約)?(?:报道|報道|報導))"
    r"(?:[ \u3000]*+(?P<credit>[^】]{2,30}))?】[ \u3000]*+"
)


def huanqiu_rule(state: ParseState) -> None:
    """``【环球网报道 记者 张明】`` at the start of a lead: a dateline, with the reporters as credits."""
    for line in state.lines:
        piece = first_text(state, line)
        if line.kind is not None or piece is None or piece.start != 0:
            continue
        found = _OPENER.match(line.text)
        if found is None:
            continue
        credits = parse_credit(line.text, *found.span("credit")) if found.group("credit") else None
        match = DatelineMatch(
            text=found.group("text"),
            agency=found.group("agency"),
            start=found.start(),
            end=found.end(),
            body_start=found.end(),
            credits=credits or (),
        )
        split_leading(state, piece, found.end(), PieceKind.DATELINE, match, found.end())


TEXT = "中国科研团队发布新型储能材料\n\n【环球网综合报道 记者 张明】据新华社消息，中国科研团队近日发布一种新型储能材料。"


def main() -> int:
    before = bulletin.parse(TEXT).articles[0]
    print("generic parser:", before.dateline, "|", before.paragraphs[0].text[:16])

    parser = bulletin.Parser()
    parser.rules.before("dateline", "huanqiu", huanqiu_rule)
    after = parser.parse(TEXT).articles[0]
    assert after.dateline is not None
    print("with the rule: ", after.dateline.text, after.dateline.agency, [(b.name, b.role) for b in after.bylines])
    print("body:          ", after.paragraphs[0].text)
    print("rules:         ", ", ".join(parser.rules.names()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
