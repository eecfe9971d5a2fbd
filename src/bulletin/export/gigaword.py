"""LDC Gigaword-style SGML: the form Chinese Gigaword and the NLP corpora built on it use.

Each article becomes one ``<DOC>``::

    <DOC id="BUL_CMN_20241009.0001" type="story">
    <HEADLINE>
    王明主持会议
    </HEADLINE>
    <DATELINE>
    新华社北京10月9日电
    </DATELINE>
    <TEXT>
    <P>
    会议9日举行。
    </P>
    </TEXT>
    </DOC>

The id is ``PREFIX_YYYYMMDD.NNNN``: the article's dateline date when it is
certain, else the issue date (``00`` for what the issue does not print), else
``00000000``, and the article's number in the bulletin.  ``type`` is ``story``, or ``multi`` for an untitled item of
several paragraphs (a run of briefs or photo news the parser could not part).
The headline is the title alone (Gigaword has one headline); subheads are
paragraphs.  ``&``, ``<`` and ``>`` are escaped as entities.
"""

from __future__ import annotations

from bulletin.model import Article, Bulletin

__all__ = ["DEFAULT_PREFIX", "doc_type", "to_gigaword"]

#: Source and language part of the document ids (Gigaword uses ``XIN_CMN``, ``CNA_CMN``, ...).
DEFAULT_PREFIX = "BUL_CMN"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def doc_type(article: Article) -> str:
    """``story``, or ``multi`` for an untitled item of more than one paragraph."""
    return "multi" if article.title is None and len(article.paragraphs) > 1 else "story"


def _date(bulletin: Bulletin, article: Article) -> str:
    if article.dateline is not None and article.dateline.date is not None:
        return article.dateline.date.strftime("%Y%m%d")
    issue = bulletin.issue_date
    if issue is not None:
        return f"{issue.year:04d}{issue.month or 0:02d}{issue.day or 0:02d}"
    return "00000000"


def _doc(article: Article, doc_id: str) -> str:
    lines = [f'<DOC id="{doc_id}" type="{doc_type(article)}">']
    if article.title is not None:
        lines += ["<HEADLINE>", _escape(article.title), "</HEADLINE>"]
    if article.dateline is not None:
        lines += ["<DATELINE>", _escape(article.dateline.text), "</DATELINE>"]
    lines.append("<TEXT>")
    body = sorted([(p.span.start, p.text) for p in article.paragraphs] + [(s.span.start, s.text) for s in article.subheads])
    for _, text in body:
        lines += ["<P>", _escape(text), "</P>"]
    lines += ["</TEXT>", "</DOC>"]
    return "\n".join(lines)


def to_gigaword(bulletin: Bulletin, *, prefix: str = DEFAULT_PREFIX) -> str:
    """Every article as a Gigaword ``<DOC>``.

    >>> from bulletin import parse
    >>> print(to_gigaword(parse("王明主持会议\\n\\n本报讯 会议昨天举行。")))
    <DOC id="BUL_CMN_00000000.0001" type="story">
    <HEADLINE>
    王明主持会议
    </HEADLINE>
    <DATELINE>
    本报讯
    </DATELINE>
    <TEXT>
    <P>
    会议昨天举行。
    </P>
    </TEXT>
    </DOC>
    """
    return "\n".join(
        _doc(article, f"{prefix}_{_date(bulletin, article)}.{n:04d}") for n, article in enumerate(bulletin.articles, 1)
    )
