"""The generic parser: the default rule chain, for any Chinese news text."""

from __future__ import annotations

from typing import ClassVar

from bulletin.parsers.base import RuleBasedParser

__all__ = ["GenericParser"]


class GenericParser(RuleBasedParser):
    """Newspaper pages, district papers, association magazines, reposts: the default.

    >>> GenericParser().detect("任何文本")
    0.1
    """

    name: ClassVar[str] = "generic"
    baseline: ClassVar[float] = 0.1
