"""Source parsers: the protocol plug-ins implement, and a base class that makes one about 30 lines."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Protocol, runtime_checkable

import regex

from bulletin.model import Bulletin
from bulletin.parsing.parser import Parser, Rule
from bulletin.parsing.ruler import Ruler
from bulletin.parsing.state import ParseOptions

__all__ = ["RuleBasedParser", "SourceParser"]


@runtime_checkable
class SourceParser(Protocol):
    """What a source parser registered in the ``bulletin.parsers`` entry-point group provides."""

    @property
    def name(self) -> str:
        """The name users select the parser by (``--source NAME``)."""
        ...

    def detect(self, text: str) -> float:
        """How sure the parser is, from 0 to 1, that ``text`` comes from its source."""
        ...

    def parse(self, text: str, *, options: ParseOptions) -> Bulletin:
        """Parse ``text`` into a bulletin."""
        ...


class RuleBasedParser:
    """A source parser built on the generic rule chain.

    Subclasses name themselves, give the patterns that recognise their source
    (each match adds its weight to the detection score, which is kept between
    0 and 1; a negative weight marks evidence of another source) and may add
    rules to the chain in :meth:`extend`.

    >>> class Bulletin8(RuleBasedParser):
    ...     name = "bulletin8"
    ...     markers = ((r"本刊讯", 0.3), (r"本报讯", -0.2))
    >>> Bulletin8().detect("本刊讯 会议举行。本刊讯 又一会议举行。")
    0.6
    >>> Bulletin8().detect("本刊讯 会议举行。本报讯 又一会议举行。")
    0.1
    """

    name: ClassVar[str] = "generic"
    #: ``(pattern, weight)`` pairs; every match of a pattern adds its weight (negative: subtracts).
    markers: ClassVar[Sequence[tuple[str, float]]] = ()
    #: Detection score of a text none of the markers match.
    baseline: ClassVar[float] = 0.0
    #: Knowledge the parser adds while it parses: TOML text, a path or a mapping (see :mod:`bulletin.knowledge`).
    knowledge: ClassVar[Any] = ()

    def __init__(self) -> None:
        self._parser: Parser | None = None
        self._compiled: list[tuple[regex.Pattern[str], float]] | None = None

    def extend(self, rules: Ruler[Rule]) -> None:
        """Add, reorder or disable rules for this source (the default keeps the generic chain)."""

    def detect(self, text: str) -> float:
        if self._compiled is None:
            self._compiled = [(regex.compile(pattern), weight) for pattern, weight in self.markers]
        score = self.baseline
        sample = text[:200_000]
        for pattern, weight in self._compiled:
            score += weight * sum(1 for _ in pattern.finditer(sample))
        return round(min(1.0, max(0.0, score)), 6)

    @property
    def parser(self) -> Parser:
        if self._parser is None:
            parser = Parser(name=self.name, knowledge=self.knowledge)
            self.extend(parser.rules)
            self._parser = parser
        return self._parser

    def parse(self, text: str, *, options: ParseOptions) -> Bulletin:
        return self.parser.parse(text, options)

    def __reduce__(self) -> tuple[type[RuleBasedParser], tuple[()]]:
        return (type(self), ())
