"""Parse a bulletin and print each article's headline anatomy, dateline and credits.

    python examples/headline_anatomy.py seeds/000_cafc0066323a249a.txt
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import bulletin


def anatomy(path: str) -> str:
    """One block per article: column, kicker, title, subtitle, dateline, bylines, with spans."""
    parsed = bulletin.parse(Path(path))
    out: list[str] = []
    for number, article in enumerate(parsed.articles, 1):
        head = article.headline
        out.append(f"article {number} [{article.span.start}:{article.span.end}]")
        if head.column is not None:
            out.append(f"  column    {head.column.name}")
        for role, part in (("kicker", head.kicker), ("title", head.title), ("subtitle", head.subtitle)):
            if part is not None:
                out.append(f"  {role:<9} {part.text}  [{part.span.start}:{part.span.end}]")
        if article.dateline is not None:
            line = article.dateline
            out.append(f"  dateline  {line.text} (agency {line.agency}, place {line.place}, date {line.iso_date()})")
        for byline in article.bylines:
            out.append(f"  byline    {byline.name} ({byline.role or 'author'})")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: headline_anatomy.py FILE", file=sys.stderr)
        return 2
    print(anatomy(args[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
