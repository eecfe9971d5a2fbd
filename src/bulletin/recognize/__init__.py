"""Line recognisers: datelines, credits, sources, notes and web page metadata in lines of normalised text.

Each recogniser takes one line and returns a frozen match (with code-point
offsets into that line) or ``None``.  The knowledge they use (agencies, role
words, markers, surnames) is data: see :mod:`bulletin.knowledge`.

>>> match_leading_dateline("本报讯（记者 林涛）上海全球资产管理中心").credits[0].name
'林涛'
"""

from bulletin.recognize.byline import (
    BylineMatch,
    CreditMatch,
    match_bare_author,
    match_credit_line,
    match_trailing_credit,
    parse_credit,
)
from bulletin.recognize.dateline import (
    DatelineMatch,
    match_leading_dateline,
    match_trailing_dateline,
    resolve_date,
)
from bulletin.recognize.meta import MetaMatch, match_meta_line, parse_meta_datetime
from bulletin.recognize.note import NoteMatch, match_author_note, match_document_number, match_editor_note
from bulletin.recognize.source import (
    SourceMatch,
    is_publication_name,
    match_publication_name,
    match_source_line,
    match_trailing_source,
)

__all__ = [
    "BylineMatch",
    "CreditMatch",
    "DatelineMatch",
    "MetaMatch",
    "NoteMatch",
    "SourceMatch",
    "is_publication_name",
    "match_author_note",
    "match_bare_author",
    "match_credit_line",
    "match_document_number",
    "match_editor_note",
    "match_leading_dateline",
    "match_meta_line",
    "match_publication_name",
    "match_source_line",
    "match_trailing_credit",
    "match_trailing_dateline",
    "match_trailing_source",
    "parse_credit",
    "parse_meta_datetime",
    "resolve_date",
]
