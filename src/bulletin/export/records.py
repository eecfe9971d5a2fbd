"""Tables: one row per article, as dicts or CSV — for pandas, spreadsheets and SQL.

A row holds what most analyses want of an article, flat: headline parts,
the dateline's text and fields, bylines and sources joined with ``、``, the
body (one paragraph a line) and the article's span.  :data:`COLUMNS` is the
column order.

>>> from bulletin import parse
>>> [row] = records(parse("市长会见代表团\\n\\n新华社北京6月2日电（记者 王明 李华）市长会见了代表团。"))
>>> row["title"], row["dateline_agency"], row["dateline_place"], row["bylines"], row["span_start"]
('市长会见代表团', '新华社', '北京', '王明、李华', 0)
>>> print(to_csv(parse("市长会见代表团\\n\\n本报讯 市长会见了代表团。")).splitlines()[0])
article,title,kicker,subtitle,column,dateline,dateline_agency,dateline_place,dateline_date,bylines,roles,sources,body,span_start,span_end
"""

from __future__ import annotations

import csv
import io
from typing import Any

from bulletin.model import Article, Bulletin

__all__ = ["COLUMNS", "article_record", "records", "to_csv"]

#: The columns of a row, in order.
COLUMNS: tuple[str, ...] = (
    "article",
    "title",
    "kicker",
    "subtitle",
    "column",
    "dateline",
    "dateline_agency",
    "dateline_place",
    "dateline_date",
    "bylines",
    "roles",
    "sources",
    "body",
    "span_start",
    "span_end",
)


def _joined(values: list[str]) -> str | None:
    return "、".join(values) if values else None


def article_record(article: Article, index: int) -> dict[str, Any]:
    """The row of one article (``index`` counts from 0); missing values are ``None``."""
    headline = article.headline
    dateline = article.dateline
    return {
        "article": index,
        "title": article.title,
        "kicker": headline.kicker.text if headline.kicker else None,
        "subtitle": headline.subtitle.text if headline.subtitle else None,
        "column": headline.column.name if headline.column else None,
        "dateline": dateline.text if dateline else None,
        "dateline_agency": dateline.agency if dateline else None,
        "dateline_place": dateline.place if dateline else None,
        "dateline_date": dateline.iso_date() if dateline else None,
        "bylines": _joined([b.name for b in article.bylines]),
        "roles": _joined([f"{b.organization or ''}{b.role or ''}" or "-" for b in article.bylines]),
        "sources": _joined([s.name for s in article.sources]),
        "body": article.body,
        "span_start": article.span.start,
        "span_end": article.span.end,
    }


def records(bulletin: Bulletin) -> list[dict[str, Any]]:
    """One dict per article, keys in :data:`COLUMNS` order."""
    return [article_record(article, index) for index, article in enumerate(bulletin.articles)]


def to_csv(bulletin: Bulletin) -> str:
    """:func:`records` as CSV (RFC 4180, a header row, ``\\n`` line ends; empty for a missing value)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records(bulletin))
    return out.getvalue().rstrip("\n")
