"""The rule chain that turns text into a :class:`~bulletin.model.Bulletin`.

The default order is one table, :data:`DEFAULT_RULES`.  A :class:`Parser`
holds its own copy in a :class:`~bulletin.parsing.ruler.Ruler`, so callers can
reorder, disable or add rules by name without touching the core::

    parser = Parser()
    parser.rules.before("dateline", "my_outlet", my_outlet_rule)
    parser.rules.disable("subhead")

Knowledge (an outlet, an agency, a role word) is data, not a rule:
``Parser(knowledge='agencies.mainland.names = ["南方周末"]')`` (see
:func:`bulletin.knowledge.extend` for the format).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from bulletin import knowledge as _knowledge
from bulletin.gcpause import collector_paused
from bulletin.knowledge import KnowledgeSource, read_knowledge
from bulletin.model import Bulletin
from bulletin.normalize.pipeline import LINE_STEPS, normalize
from bulletin.parsing.build import bulletin_fields
from bulletin.parsing.lines import build_lines
from bulletin.parsing.ruler import Ruler
from bulletin.parsing.rules.byline import byline_rule
from bulletin.parsing.rules.dateline import dateline_rule
from bulletin.parsing.rules.furniture import furniture_rule
from bulletin.parsing.rules.meta import meta_rule
from bulletin.parsing.rules.note import note_rule
from bulletin.parsing.rules.paragraphs import paragraphs_rule
from bulletin.parsing.rules.run_in import run_in_dateline_rule
from bulletin.parsing.rules.segment import segment_rule
from bulletin.parsing.rules.source import source_rule
from bulletin.parsing.rules.subhead import run_in_subhead_rule
from bulletin.parsing.rules.toc import toc_rule
from bulletin.parsing.state import ParseOptions, ParseState, Piece
from bulletin.recognize.common import forget_lines

__all__ = ["DEFAULT_RULES", "Parser", "Rule"]

Rule = Callable[[ParseState], None]

#: The default rule chain, in order: line rules claim lines or parts of lines,
#: then paragraphs are assembled and articles segmented.
DEFAULT_RULES: tuple[tuple[str, Rule], ...] = (
    ("furniture", furniture_rule),
    ("toc", toc_rule),
    ("note", note_rule),
    ("meta", meta_rule),
    ("source", source_rule),
    ("dateline", dateline_rule),
    ("run_in_dateline", run_in_dateline_rule),
    ("byline", byline_rule),
    ("subhead", run_in_subhead_rule),
    ("paragraphs", paragraphs_rule),
    ("segment", segment_rule),
)


def _sources(knowledge: KnowledgeSource | Iterable[KnowledgeSource]) -> list[KnowledgeSource]:
    if isinstance(knowledge, (str, Mapping)) or hasattr(knowledge, "read_text") or hasattr(knowledge, "__fspath__"):
        return [knowledge]  # type: ignore[list-item]  # one source, not an iterable of them
    return list(knowledge)


class Parser:
    """Parse text with a chain of named rules.

    >>> bulletin = Parser().parse("让青年人才留得住干得好\\n\\n本报讯 会议昨天上午举行。")
    >>> bulletin.articles[0].title, bulletin.articles[0].dateline.agency
    ('让青年人才留得住干得好', '本报')
    """

    def __init__(
        self,
        rules: Ruler[Rule] | None = None,
        *,
        name: str = "generic",
        knowledge: KnowledgeSource | Iterable[KnowledgeSource] = (),
    ) -> None:
        if rules is None:
            rules = Ruler()
            for rule_name, rule in DEFAULT_RULES:
                rules.push(rule_name, rule)
        self.rules = rules
        self.name = name
        #: The knowledge this parser adds to the built-in data while it parses (plain dicts).
        self.knowledge: tuple[dict[str, Any], ...] = tuple(read_knowledge(k) for k in _sources(knowledge))

    @collector_paused()
    def state(self, text: str, options: ParseOptions | None = None) -> ParseState:
        """Run the rule chain and return the state it leaves (for rule authors and debugging)."""
        options = options or ParseOptions()
        _knowledge.activate(self.knowledge)
        normalized = normalize(text, steps=LINE_STEPS)
        state = ParseState(original=text, normalized=normalized, options=options)
        state.lines = build_lines(text, normalized, layout=options.layout)
        state.pieces = [[Piece(line, 0, len(line.text))] for line in state.lines]
        try:
            for name, rule in self.rules.active():
                if name in options.disable:
                    continue
                rule(state)
        finally:
            forget_lines()  # the recognisers' answers about this text's lines
        return state

    @collector_paused()
    def parse(self, text: str, options: ParseOptions | None = None) -> Bulletin:
        """Parse ``text`` into a bulletin."""
        try:
            state = self.state(text, options)
            fields = bulletin_fields(state, self.name)
        finally:
            forget_lines()
        original = state.original
        del state  # the lines and pieces go before the bulletin takes its copy of the input
        return Bulletin(text=original, **fields)
