"""bulletin: turn the raw text of Chinese news bulletins into structured, traceable data.

>>> import bulletin
>>> b = bulletin.parse("市政协召开专题协商会\\n\\n本报讯 市政协昨天下午召开专题协商会。")
>>> b.articles[0].title
'市政协召开专题协商会'
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# `decode` and `normalize` name both a module and a function: bind the functions now, after
# the modules, so that importing those modules later cannot shadow them.
from bulletin.decode import decode
from bulletin.normalize.pipeline import DEFAULT_STEPS, NormalizedText, Step, normalize

if TYPE_CHECKING:
    from bulletin.api import parse, parse_file, read_text
    from bulletin.batch import Result as BatchResult
    from bulletin.batch import parse_many
    from bulletin.errors import (
        BulletinDecodeError,
        BulletinError,
        InputTooLargeError,
        MissingExtraError,
        ModelError,
        PathAsTextError,
        SourceParserError,
        UnknownSourceError,
        UnreadableDocumentError,
    )
    from bulletin.layout import Box, Layout, LineLayout, boxes
    from bulletin.model import (
        Article,
        Bulletin,
        Byline,
        Caption,
        Column,
        Dateline,
        Furniture,
        FurnitureKind,
        Headline,
        HeadlinePart,
        IssueDate,
        Note,
        Paragraph,
        Source,
        Subhead,
        TocEntry,
    )
    from bulletin.parsers.base import RuleBasedParser, SourceParser
    from bulletin.parsers.registry import choose_parser, get_parser, parser_names
    from bulletin.parsing.parser import Parser
    from bulletin.parsing.state import ParseOptions
    from bulletin.span import SourceText, Span

__version__ = "0.1.0"

# Public names are loaded on first use (PEP 562), so `import bulletin` stays cheap.
_LAZY: dict[str, str] = {
    "Article": "bulletin.model",
    "BatchResult": "bulletin.batch:Result",
    "Bulletin": "bulletin.model",
    "Box": "bulletin.layout",
    "BulletinDecodeError": "bulletin.errors",
    "BulletinError": "bulletin.errors",
    "Byline": "bulletin.model",
    "Caption": "bulletin.model",
    "Column": "bulletin.model",
    "Dateline": "bulletin.model",
    "Furniture": "bulletin.model",
    "FurnitureKind": "bulletin.model",
    "Headline": "bulletin.model",
    "HeadlinePart": "bulletin.model",
    "InputTooLargeError": "bulletin.errors",
    "IssueDate": "bulletin.model",
    "Layout": "bulletin.layout",
    "LineLayout": "bulletin.layout",
    "MissingExtraError": "bulletin.errors",
    "ModelError": "bulletin.errors",
    "Note": "bulletin.model",
    "Paragraph": "bulletin.model",
    "PathAsTextError": "bulletin.errors",
    "ParseOptions": "bulletin.parsing.state",
    "Parser": "bulletin.parsing.parser",
    "RuleBasedParser": "bulletin.parsers.base",
    "Source": "bulletin.model",
    "SourceParser": "bulletin.parsers.base",
    "SourceParserError": "bulletin.errors",
    "SourceText": "bulletin.span",
    "Span": "bulletin.span",
    "Subhead": "bulletin.model",
    "TocEntry": "bulletin.model",
    "UnknownSourceError": "bulletin.errors",
    "UnreadableDocumentError": "bulletin.errors",
    "boxes": "bulletin.layout",
    "choose_parser": "bulletin.parsers.registry",
    "get_parser": "bulletin.parsers.registry",
    "parse": "bulletin.api",
    "parse_file": "bulletin.api",
    "parse_many": "bulletin.batch",
    "parser_names": "bulletin.parsers.registry",
    "read_text": "bulletin.api",
}

__all__ = [
    "DEFAULT_STEPS",
    "Article",
    "BatchResult",
    "Box",
    "Bulletin",
    "BulletinDecodeError",
    "BulletinError",
    "Byline",
    "Caption",
    "Column",
    "Dateline",
    "Furniture",
    "FurnitureKind",
    "Headline",
    "HeadlinePart",
    "InputTooLargeError",
    "IssueDate",
    "Layout",
    "LineLayout",
    "MissingExtraError",
    "ModelError",
    "NormalizedText",
    "Note",
    "Paragraph",
    "ParseOptions",
    "Parser",
    "PathAsTextError",
    "RuleBasedParser",
    "Source",
    "SourceParser",
    "SourceParserError",
    "SourceText",
    "Span",
    "Step",
    "Subhead",
    "TocEntry",
    "UnknownSourceError",
    "UnreadableDocumentError",
    "__version__",
    "boxes",
    "choose_parser",
    "decode",
    "get_parser",
    "normalize",
    "parse",
    "parse_file",
    "parse_many",
    "parser_names",
    "read_text",
]


#: Submodules users reach as attributes (``bulletin.knowledge.extend(...)``), imported on first use.
_SUBMODULES = frozenset({"batch", "dask", "evaluation", "export", "knowledge", "rules", "tables", "testing"})


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, _, attribute = target.partition(":")
    value = getattr(importlib.import_module(module), attribute or name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
