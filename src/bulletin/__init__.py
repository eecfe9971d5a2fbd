"""bulletin: turn the raw text of Chinese news bulletins into structured, traceable data.

>>> import bulletin
>>> b = bulletin.parse("市政协召开专题协商会\\n\\n本报讯 市政协昨天下午召开专题协商会。")
>>> b.articles[0].title
'市政协召开专题协商会'
"""

from bulletin.api import parse, read_text
from bulletin.batch import Result as BatchResult
from bulletin.batch import parse_many
from bulletin.decode import decode
from bulletin.errors import (
    BulletinDecodeError,
    BulletinError,
    InputTooLargeError,
    ModelError,
    SourceParserError,
    UnknownSourceError,
)
from bulletin.model import (
    Article,
    Bulletin,
    Byline,
    Caption,
    Column,
    Dateline,
    Furniture,
    Headline,
    HeadlinePart,
    IssueDate,
    Note,
    Paragraph,
    Source,
    Subhead,
    TocEntry,
)
from bulletin.normalize.pipeline import DEFAULT_STEPS, NormalizedText, Step, normalize
from bulletin.parsers.base import RuleBasedParser, SourceParser
from bulletin.parsers.registry import choose_parser, get_parser, parser_names
from bulletin.parsing.parser import Parser
from bulletin.parsing.state import ParseOptions
from bulletin.span import SourceText, Span

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_STEPS",
    "Article",
    "BatchResult",
    "Bulletin",
    "BulletinDecodeError",
    "BulletinError",
    "Byline",
    "Caption",
    "Column",
    "Dateline",
    "Furniture",
    "Headline",
    "HeadlinePart",
    "InputTooLargeError",
    "IssueDate",
    "ModelError",
    "NormalizedText",
    "Note",
    "Paragraph",
    "ParseOptions",
    "Parser",
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
    "__version__",
    "choose_parser",
    "decode",
    "get_parser",
    "normalize",
    "parse",
    "parse_many",
    "parser_names",
    "read_text",
]
