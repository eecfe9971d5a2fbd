"""Everything a rule author needs, in one public module.

A rule is a function ``rule(state: ParseState) -> None`` that looks at the
lines of :class:`ParseState` and claims a whole line (:func:`claim`) or
part of one (:func:`split_leading`, :func:`split_trailing`) as one
:class:`PieceKind` of element, with a payload the model is built from (for
credits, a :class:`CreditMatch`).  A :class:`Parser` runs the rules in the
order of its :class:`Ruler`; a :class:`RuleBasedParser` subclass inserts its
rules in :meth:`~RuleBasedParser.extend` and becomes a source parser.
Nothing here is internal: a plug-in that imports only from this module and
the top-level :mod:`bulletin` keeps working when the internals move.

>>> from bulletin.rules import ParseState, PieceKind, Parser, claim, whole_text
>>> def wire_end(state: ParseState) -> None:
...     for line in state.lines:
...         if line.kind is None and whole_text(state, line) and line.text in ("（完）", "(完)"):
...             claim(state, line, PieceKind.NOTE)
>>> parser = Parser()
>>> parser.rules.after("note", "wire_end", wire_end)
>>> [(n.kind, n.text) for n in parser.parse("会议举行\\n\\n本报讯 会议昨天举行。\\n\\n（完）")[0].notes]
[('note', '（完）')]
>>> claim(parser.state("x"), parser.state("x").lines[0], "credits")
Traceback (most recent call last):
...
ValueError: unknown piece kind 'credits'; kinds: text, furniture, toc, note, meta, source, dateline, credit, credit-lead, credit-tail, subhead, author, publication
"""

from __future__ import annotations

from typing import Any

from bulletin.knowledge import KnowledgeError, alternation, extend, variants, with_variants
from bulletin.parsers.base import RuleBasedParser, SourceParser
from bulletin.parsing.lines import Line
from bulletin.parsing.parser import DEFAULT_RULES, Parser, Rule
from bulletin.parsing.pieces import (
    claim_lines_and_tails,
    first_text,
    last_text,
    split_leading,
    split_trailing,
    whole_text,
)
from bulletin.parsing.ruler import Ruler
from bulletin.parsing.state import ParseOptions, ParseState, Piece, PieceKind, Unit, piece_kind
from bulletin.recognize.byline import (
    BylineMatch,
    CreditMatch,
    match_credit_line,
    match_leading_credit,
    match_trailing_credit,
    parse_credit,
)
from bulletin.recognize.dateline import DatelineMatch, match_leading_dateline, match_trailing_dateline
from bulletin.recognize.meta import MetaMatch, match_meta_line
from bulletin.recognize.note import NoteMatch, match_author_note, match_document_number, match_editor_note
from bulletin.recognize.source import SourceMatch, match_source_line, match_trailing_source

__all__ = [
    "DEFAULT_RULES",
    "BylineMatch",
    "CreditMatch",
    "DatelineMatch",
    "KnowledgeError",
    "Line",
    "MetaMatch",
    "NoteMatch",
    "ParseOptions",
    "ParseState",
    "Parser",
    "Piece",
    "PieceKind",
    "Rule",
    "RuleBasedParser",
    "Ruler",
    "SourceMatch",
    "SourceParser",
    "Unit",
    "alternation",
    "claim",
    "claim_lines_and_tails",
    "extend",
    "first_text",
    "last_text",
    "match_author_note",
    "match_credit_line",
    "match_document_number",
    "match_editor_note",
    "match_leading_credit",
    "match_leading_dateline",
    "match_meta_line",
    "match_source_line",
    "match_trailing_credit",
    "match_trailing_dateline",
    "match_trailing_source",
    "parse_credit",
    "piece_kind",
    "split_leading",
    "split_trailing",
    "variants",
    "whole_text",
    "with_variants",
]


def claim(state: ParseState, line: Line, kind: PieceKind | str, payload: Any = None) -> None:
    """Give the whole ``line`` to one kind of element (:meth:`ParseState.claim`); an unknown kind raises."""
    state.claim(line, kind, payload)
