"""Discover source parsers through the ``bulletin.parsers`` entry-point group, once, and choose one.

The built-in parsers register in the same group as third-party ones, so all
load the same way.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable

from bulletin.errors import UnknownSourceError
from bulletin.parsers.base import SourceParser

__all__ = ["ENTRY_POINT_GROUP", "builtin_parsers", "choose_parser", "get_parser", "parser_names", "pin", "unpin"]

ENTRY_POINT_GROUP = "bulletin.parsers"


@functools.cache
def _discover() -> dict[str, SourceParser]:
    from importlib.metadata import entry_points  # imported here: it costs ~15 ms at import time

    found: dict[str, SourceParser] = {}
    for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            factory = entry.load()
            parser = factory()
        except Exception as exc:  # a broken plug-in must not take the others down
            warnings.warn(f"source parser {entry.name!r} could not be loaded: {exc}", stacklevel=2)
            continue
        if not isinstance(parser, SourceParser):
            warnings.warn(f"source parser {entry.name!r} does not implement SourceParser", stacklevel=2)
            continue
        found[entry.name] = parser
    if "generic" not in found:  # running from a source tree without installed metadata
        from bulletin.parsers.generic import GenericParser

        found["generic"] = GenericParser()
    return found


#: Where the parsers come from: discovery, or what :func:`pin` put in its place.
_registry: Callable[[], dict[str, SourceParser]] = _discover


def builtin_parsers() -> dict[str, SourceParser]:
    """The parsers that come with bulletin, by name, whatever else is installed."""
    from bulletin.parsers.generic import GenericParser
    from bulletin.parsers.xinhua import XinhuaWireParser

    return {"generic": GenericParser(), "xinhua": XinhuaWireParser()}


def pin(parsers: dict[str, SourceParser] | None) -> Callable[[], dict[str, SourceParser]]:
    """Use exactly ``parsers`` instead of the installed ones (``None``: the installed ones again).

    Returns the registry in force before, for :func:`unpin`.  Tests use both
    through :func:`bulletin.testing.pinned_registry`.
    """
    global _registry
    previous = _registry
    if parsers is None:
        _registry = _discover
        return previous
    if "generic" not in parsers:
        raise ValueError("a pinned registry needs a 'generic' parser")
    pinned = dict(parsers)
    _registry = lambda: pinned  # noqa: E731
    return previous


def unpin(previous: Callable[[], dict[str, SourceParser]]) -> None:
    """Restore the registry :func:`pin` returned."""
    global _registry
    _registry = previous


def _parsers() -> dict[str, SourceParser]:
    return _registry()


def parser_names() -> tuple[str, ...]:
    """Names of the installed source parsers.

    >>> "generic" in parser_names()
    True
    """
    return tuple(sorted(_parsers()))


def get_parser(name: str) -> SourceParser:
    """The installed source parser called ``name``; :class:`UnknownSourceError` if there is none."""
    registry = _parsers()
    if name not in registry:
        raise UnknownSourceError(name, tuple(sorted(registry)))
    return registry[name]


def choose_parser(text: str) -> SourceParser:
    """The parser whose ``detect`` is surest about ``text`` (the generic one on a tie).

    A parser whose ``detect`` raises (or returns no number) is left out with a
    warning; the others still compete, so one broken plug-in cannot stop every parse.
    """
    registry = _parsers()
    best: SourceParser = registry["generic"]
    best_score = -1.0
    for name, parser in sorted(registry.items(), key=lambda item: item[0] != "generic"):
        try:
            score = float(parser.detect(text))
        except Exception as exc:
            warnings.warn(f"source parser {name!r} skipped: detect() raised {type(exc).__name__}: {exc}", stacklevel=2)
            continue
        if score != score:  # NaN ranks nowhere
            continue
        if score > best_score:
            best, best_score = parser, score
    return best
