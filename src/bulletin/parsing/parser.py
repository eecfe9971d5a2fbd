"""The rule chain that turns text into a :class:`~bulletin.model.Bulletin`.

The default order is one table, :data:`DEFAULT_RULES`.  A :class:`Parser`
holds its own copy in a :class:`~bulletin.parsing.ruler.Ruler`, so callers can
reorder, disable or add rules by name without touching the core::

    parser = Parser()
    parser.rules.before("dateline", "my_outlet", my_outlet_rule)
    parser.rules.disable("subhead")
"""

from __future__ import annotations

from collections.abc import Callable

from bulletin.gcpause import collector_paused
from bulletin.model import Bulletin
from bulletin.normalize.pipeline import LINE_STEPS, normalize
from bulletin.parsing.build import build_bulletin
from bulletin.parsing.lines import build_lines
from bulletin.parsing.ruler import Ruler
from bulletin.parsing.rules.byline import byline_rule
from bulletin.parsing.rules.dateline import dateline_rule
from bulletin.parsing.rules.furniture import furniture_rule
from bulletin.parsing.rules.meta import meta_rule
from bulletin.parsing.rules.note import note_rule
from bulletin.parsing.rules.paragraphs import paragraphs_rule
from bulletin.parsing.rules.segment import segment_rule
from bulletin.parsing.rules.source import source_rule
from bulletin.parsing.rules.subhead import run_in_subhead_rule
from bulletin.parsing.rules.toc import toc_rule
from bulletin.parsing.state import ParseOptions, ParseState, Piece

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
    ("byline", byline_rule),
    ("subhead", run_in_subhead_rule),
    ("paragraphs", paragraphs_rule),
    ("segment", segment_rule),
)


class Parser:
    """Parse text with a chain of named rules.

    >>> bulletin = Parser().parse("让青年人才留得住干得好\\n\\n本报讯 会议昨天上午举行。")
    >>> bulletin.articles[0].title, bulletin.articles[0].dateline.agency
    ('让青年人才留得住干得好', '本报')
    """

    def __init__(self, rules: Ruler[Rule] | None = None, *, name: str = "generic") -> None:
        if rules is None:
            rules = Ruler()
            for rule_name, rule in DEFAULT_RULES:
                rules.push(rule_name, rule)
        self.rules = rules
        self.name = name

    @collector_paused()
    def state(self, text: str, options: ParseOptions | None = None) -> ParseState:
        """Run the rule chain and return the state it leaves (for rule authors and debugging)."""
        options = options or ParseOptions()
        normalized = normalize(text, steps=LINE_STEPS)
        state = ParseState(original=text, normalized=normalized, options=options)
        state.lines = build_lines(text, normalized)
        state.pieces = [[Piece(line, 0, len(line.text))] for line in state.lines]
        for name, rule in self.rules.active():
            if name in options.disable:
                continue
            rule(state)
        return state

    @collector_paused()
    def parse(self, text: str, options: ParseOptions | None = None) -> Bulletin:
        """Parse ``text`` into a bulletin."""
        return build_bulletin(self.state(text, options), self.name)
