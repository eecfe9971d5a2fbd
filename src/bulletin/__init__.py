"""bulletin: turn the raw text of Chinese news bulletins into structured, traceable data.

>>> import bulletin
>>> b = bulletin.parse("陈吉宁主持市委外委会会议\\n\\n本报讯 市委外事工作委员会昨天下午举行会议。")
>>> b.articles[0].title
'陈吉宁主持市委外委会会议'
"""

from bulletin.api import parse, read_text
from bulletin.decode import decode
from bulletin.errors import (
    BulletinDecodeError,
    BulletinError,
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
    "parser_names",
    "read_text",
]
