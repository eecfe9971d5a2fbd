"""IPTC ninjs 2.1 ("News in JSON"): one ninjs object per article.

How the model maps to ninjs:

- ``headlines``: the title (role ``main``), kicker (``kicker``) and subtitle
  (``subtitle``); the column goes to ``descriptions`` (role ``column``).
- ``by``: the bylines as printed (``记者 王明 李华、通讯员 周涛``);
  ``located``: the dateline's place.
- ``contentcreated``: the dateline's date when it is certain (printed or fixed
  by the issue date), as midnight China Standard Time (``+08:00``), because
  ninjs wants a date-time and bulletins print only the day.
- ``bodies``: the body as plain text and as HTML (``<p>`` paragraphs,
  ``<h2>`` subheads), with ``charcount`` (characters other than whitespace).
- ``infosources``: the dateline's agency (role ``agency``) unless it is a
  self-reference such as ``本报``, the sources (role ``credited``,
  ``reprinted`` or ``compiled``) and the publication (role ``publisher``).
- ``ednote``: editor notes (``编者按``); other notes and captions go to
  ``descriptions`` with their kind as the role.
- ``language``: ``zh-Hans`` or ``zh-Hant`` from the script of the article
  (of the whole bulletin when the article alone does not tell), else ``zh``.
- ``uri``: ``urn:bulletin:<digest of the text>:<article number>``, stable for
  the same input.
"""

from __future__ import annotations

import hashlib
import html
import json
from typing import Any

from bulletin.model import Article, Bulletin

__all__ = ["NINJS_SCHEMA", "NINJS_VERSION", "article_to_ninjs", "dumps_ninjs", "to_ninjs"]

NINJS_VERSION = "2.1"
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json#"

_LANGUAGES = {"simplified": "zh-Hans", "traditional": "zh-Hant"}


def _language(article: Article, bulletin: Bulletin) -> str:
    from bulletin.normalize.script import detect_script

    text = "\n".join([part.text for part in article.headline.parts()] + [p.text for p in article.paragraphs])
    script = detect_script(text)
    if script not in _LANGUAGES:
        script = detect_script(bulletin.text)
    return _LANGUAGES.get(script, "zh")


def _bodies(article: Article) -> list[dict[str, Any]]:
    items = sorted(
        [(p.span.start, "p", p.text) for p in article.paragraphs] + [(s.span.start, "h2", s.text) for s in article.subheads]
    )
    if not items:
        return []
    plain = "\n".join(text for _, _, text in items)
    markup = "\n".join(f"<{tag}>{html.escape(text, quote=False)}</{tag}>" for _, tag, text in items)
    count = sum(1 for ch in plain if not ch.isspace())
    return [
        {"role": "main", "contenttype": "text/plain", "charcount": count, "value": plain},
        {"role": "main", "contenttype": "text/html", "charcount": count, "value": markup},
    ]


def _infosources(article: Article, bulletin: Bulletin) -> list[dict[str, str]]:
    from bulletin.knowledge import self_references

    found: list[dict[str, str]] = []
    agency = article.dateline.agency if article.dateline is not None else None
    if agency and agency not in self_references():
        found.append({"name": agency, "role": "agency"})
    found.extend({"name": source.name, "role": source.relation} for source in article.sources)
    if bulletin.publication:
        found.append({"name": bulletin.publication, "role": "publisher"})
    return found


def article_to_ninjs(bulletin: Bulletin, index: int) -> dict[str, Any]:
    """The ninjs object of ``bulletin.articles[index]``."""
    from bulletin.export.text import credits_line

    article = bulletin.articles[index]
    digest = hashlib.sha256(str(bulletin.text).encode("utf-8")).hexdigest()[:16]
    item: dict[str, Any] = {
        "uri": f"urn:bulletin:{digest}:{index + 1}",
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA},
        "type": "text",
        "representationtype": "full",
        "language": _language(article, bulletin),
    }
    head = article.headline
    headlines = [
        {"role": role, "value": part.text}
        for role, part in (("main", head.title), ("kicker", head.kicker), ("subtitle", head.subtitle))
        if part is not None
    ]
    if headlines:
        item["headlines"] = headlines
    by = credits_line(article)
    if by:
        item["by"] = by
    dateline = article.dateline
    if dateline is not None and dateline.place:
        item["located"] = dateline.place
    if dateline is not None and dateline.date is not None:
        item["contentcreated"] = f"{dateline.date.isoformat()}T00:00:00+08:00"
    bodies = _bodies(article)
    if bodies:
        item["bodies"] = bodies
    sources = _infosources(article, bulletin)
    if sources:
        item["infosources"] = sources
    editor = [note.text for note in article.notes if note.kind == "editor"]
    if editor:
        item["ednote"] = "\n".join(editor)
    descriptions = [{"role": "column", "value": head.column.name}] if head.column is not None else []
    descriptions += [{"role": note.kind, "value": note.text} for note in article.notes if note.kind != "editor"]
    descriptions += [{"role": "caption", "value": caption.text} for caption in article.captions]
    if descriptions:
        item["descriptions"] = descriptions
    return item


def to_ninjs(bulletin: Bulletin) -> list[dict[str, Any]]:
    """One ninjs object per article, in order.

    >>> from bulletin import parse
    >>> item = to_ninjs(parse("王明主持会议\\n\\n新华社北京6月2日电（记者 李华）会议2日举行。"))[0]
    >>> item["headlines"], item["by"], item["located"], item["language"]
    ([{'role': 'main', 'value': '王明主持会议'}], '记者 李华', '北京', 'zh-Hans')
    >>> item["infosources"], item["bodies"][1]["value"]
    ([{'name': '新华社', 'role': 'agency'}], '<p>会议2日举行。</p>')
    """
    return [article_to_ninjs(bulletin, index) for index in range(len(bulletin.articles))]


def dumps_ninjs(bulletin: Bulletin) -> str:
    """The ninjs objects as JSON Lines: one object a line, non-ASCII kept as is."""
    return "\n".join(json.dumps(item, ensure_ascii=False) for item in to_ninjs(bulletin))
