"""County papers: the credit runs into the lead (``本报记者 王明 通讯员 李华 报道：……``)."""

from __future__ import annotations

import functools
import sys
from importlib.resources import files
from typing import Any, ClassVar

import regex

from bulletin.rules import (
    CreditMatch,
    ParseState,
    PieceKind,
    Rule,
    RuleBasedParser,
    Ruler,
    first_text,
    parse_credit,
    split_leading,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = ["CountyPaperParser", "run_in_credit_rule"]


@functools.cache
def _convention() -> dict[str, Any]:
    data: dict[str, Any] = tomllib.loads(files(__name__).joinpath("convention.toml").read_text(encoding="utf-8"))
    return data


@functools.cache
def _credit() -> regex.Pattern[str]:
    def alt(key: str) -> str:
        return "|".join(sorted(map(regex.escape, _convention()["credit"][key]), key=len, reverse=True))

    return regex.compile(rf"(?m)^[ \t\u3000]*+(?:{alt('outlets')})(?:{alt('roles')}).{{1,40}}?(?:{alt('verbs')})(?=[\s：:]|$)")


def run_in_credit_rule(state: ParseState) -> None:
    """Split a run-in credit off the start of the lead and give it to the article as its credit."""
    for line in state.lines:
        piece = first_text(state, line)
        found = _credit().match(line.text) if line.kind is None and piece is not None and piece.start == 0 else None
        bylines = parse_credit(line.text, 0, found.end()) if found else None
        if piece is not None and found is not None and bylines:
            body = regex.compile(r"[\s：:]*+").match(line.text, found.end())
            credit = CreditMatch(bylines=bylines, start=found.start(), end=found.end())
            split_leading(state, piece, found.end(), PieceKind.CREDIT, credit, body.end() if body else found.end())


class CountyPaperParser(RuleBasedParser):
    """County papers whose credits run into the lead (本报记者 王明 报道：)."""

    name: ClassVar[str] = "countypaper"

    def detect(self, text: str) -> float:
        hits = sum(1 for _ in _credit().finditer(text[:200_000]))
        return min(1.0, float(_convention()["detect"]["weight"]) * hits)

    def extend(self, rules: Ruler[Rule]) -> None:
        rules.before("dateline", "run_in_credit", run_in_credit_rule)
