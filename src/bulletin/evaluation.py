"""Score parsed bulletins against hand annotations (the format of ``tests/data/gold``).

An annotation lists a bulletin's articles with their headline parts, dateline
(agency, place, month, day), bylines, sources, subheads and the first and last
characters of the body, and its table of contents.  The scorer matches
predicted articles to annotated ones by title (an untitled item by where its
body starts), then scores each field end to end: an annotated article the
parser missed is wrong in every field.  Coverage is the share of the input's
non-space characters inside some element's span.

>>> gold = {"articles": [{"title": "王明主持会议", "dateline": {"agency": "本报"}}]}
>>> pred = {"articles": [{"title": "王明主持会议", "dateline": {"agency": "本报"}, "span": [0, 9]}]}
>>> report = score(gold, pred, "王明主持会议\\n本报讯")
>>> report.fields["title"], report.fields["dateline"], report.fields["articles_f1"]
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

import difflib
import functools
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

__all__ = ["Report", "coverage", "fold", "main", "score", "score_directory", "score_many"]

_SAME = str.maketrans(
    {**dict.fromkeys("“”‘’「」『』＂＇'", '"'), **dict.fromkeys("—–―‐－", "-"), "〔": "[", "〕": "]", "【": "[", "】": "]"}
)
_DROP = re.compile(r"[#*_`>\s\u3000\u200b\ufeff]+")
_EDGE_NAME = "《》<>()（）:：,，。."
_EDGE_HEAD = "-:|,.;[]()<>"


@functools.cache
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def fold(text: str | None) -> str:
    """Fold away what a parser may legitimately change: width, quote and dash styles, spaces, marks, script.

    >>> fold("王明:坚持 “问题导向”") == fold("王明：坚持\\"问题导向\\"")
    True
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_SAME)
    text = text.replace("…", "...").replace("·", ".").replace("⇒", "=>")
    return str(_t2s().convert(_DROP.sub("", text)))


def _fold_name(text: str | None) -> str:
    return fold(text).strip(_EDGE_NAME)


def _fold_head(text: str | None) -> str:
    return fold(text).strip(_EDGE_HEAD)


def _similar(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 6 and short in long_:
        return 0.8 + 0.2 * len(short) / len(long_)
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _texts(items: Iterable[Any], key: str) -> Iterator[str]:
    for item in items or ():
        yield item if isinstance(item, str) else (item or {}).get(key) or ""


def _body(article: dict[str, Any]) -> str:
    return fold("".join(_texts(article.get("paragraphs") or [], "text")))


def _match(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[int, int]:
    scored: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        title = fold(g.get("title"))
        for pi, p in enumerate(pred):
            if not title:
                start = fold(g.get("body_start"))
                body = _body(p)[: len(start) + 40]
                if start and body.startswith(start):
                    scored.append((0.9, gi, pi))
                elif start and start in body:
                    scored.append((0.8, gi, pi))
                continue
            whole = fold("".join(filter(None, (p.get("kicker"), p.get("title"), p.get("subtitle")))))
            s = max(_similar(title, fold(p.get("title"))), _similar(title, whole) - 0.05)
            if s >= 0.75:
                scored.append((s, gi, pi))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in sorted(scored, reverse=True):
        if gi not in pairs and pi not in used:
            pairs[gi] = pi
            used.add(pi)
    return pairs


def _dateline_key(d: dict[str, Any] | None) -> tuple[Any, ...]:
    if not d:
        return (None, None, None, None)
    month, day = d.get("month"), d.get("day")
    date = d.get("date")
    if (month is None or day is None) and isinstance(date, str):
        found = re.search(r"(?:\d{4}|-)-(\d{1,2})-(\d{1,2})$", date)
        if found:
            month, day = int(found.group(1)), int(found.group(2))
    return (
        _fold_name(d.get("agency")) or None,
        _fold_name(d.get("place")) or None,
        None if month is None else int(month),
        None if day is None else int(day),
    )


def coverage(text: str, pred: dict[str, Any]) -> float:
    """Share of non-space characters of ``text`` inside some ``span`` anywhere in ``pred``.

    >>> coverage("甲 乙", {"a": {"span": [0, 1]}})
    0.5
    """
    covered = bytearray(len(text))

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            span = node.get("span")
            if isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span):
                a, b = max(0, span[0]), min(len(text), span[1])
                if b > a:
                    covered[a:b] = b"\x01" * (b - a)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(pred)
    ink = [i for i, ch in enumerate(text) if not ch.isspace()]
    return sum(covered[i] for i in ink) / len(ink) if ink else 1.0


@attrs.define
class Report:
    """Counts behind the scores of one or more bulletins."""

    right: dict[str, float] = attrs.field(factory=dict)
    total: dict[str, int] = attrs.field(factory=dict)
    sets: dict[str, list[int]] = attrs.field(factory=dict)  # true positives, predicted, gold
    misses: list[str] = attrs.field(factory=list)

    def mark(self, field: str, ok: bool | float) -> None:
        self.total[field] = self.total.get(field, 0) + 1
        self.right[field] = self.right.get(field, 0.0) + float(ok)

    def count(self, field: str, gold: set[str], pred: set[str]) -> None:
        tp, npred, ngold = self.sets.get(field, [0, 0, 0])
        self.sets[field] = [tp + len(gold & pred), npred + len(pred), ngold + len(gold)]

    def add(self, other: Report) -> None:
        for field, n in other.total.items():
            self.total[field] = self.total.get(field, 0) + n
            self.right[field] = self.right.get(field, 0.0) + other.right.get(field, 0.0)
        for field, (a, b, c) in other.sets.items():
            x, y, z = self.sets.get(field, [0, 0, 0])
            self.sets[field] = [x + a, y + b, z + c]
        self.misses.extend(other.misses)

    @property
    def fields(self) -> dict[str, float]:
        """Accuracy of every field, and F1 of every set-valued field (``bylines_f1``, ...)."""
        out = {f: self.right[f] / self.total[f] for f in sorted(self.total) if self.total[f]}
        for field, (tp, npred, ngold) in sorted(self.sets.items()):
            if npred or ngold:
                p = tp / npred if npred else 0.0
                r = tp / ngold if ngold else 0.0
                out[f"{field}_f1"] = 2 * p * r / (p + r) if p + r else 0.0
        return out

    @property
    def overall(self) -> float:
        """The mean of all field scores."""
        values = list(self.fields.values())
        return sum(values) / len(values) if values else 0.0


def score(gold: dict[str, Any], pred: dict[str, Any], text: str) -> Report:
    """Score one predicted bulletin (``Bulletin.to_dict()``) against its annotation."""
    report = Report()
    garts = gold.get("articles", [])
    parts = [a for a in pred.get("articles", []) if isinstance(a, dict)]
    pairs = _match(garts, parts)
    report.sets["articles"] = [len(pairs), len(parts), len(garts)]
    for gi, g in enumerate(garts):
        p = parts[pairs[gi]] if gi in pairs else None
        if p is None:
            report.misses.append(f"missed article {g.get('title')!r}")
        for field in ("title", "kicker", "subtitle", "column"):
            if field in g:
                ok = p is not None and _fold_head(g.get(field)) == _fold_head(p.get(field))
                report.mark(field, ok)
                if p is not None and not ok:
                    report.misses.append(f"{field}: gold {g.get(field)!r} got {p.get(field)!r}")
        if "dateline" in g:
            ok = p is not None and _dateline_key(g.get("dateline")) == _dateline_key(p.get("dateline"))
            report.mark("dateline", ok)
        for field, key, folder in (("bylines", "name", _fold_name), ("sources", "name", _fold_name)):
            if field in g:
                gold_set = {folder(x) for x in _texts(g.get(field) or [], key)}
                pred_set = {folder(x) for x in _texts((p or {}).get(field) or [], key)}
                report.count(field, gold_set, pred_set)
        if "subheads" in g:
            gold_set = {fold(x) for x in g.get("subheads") or []}
            pred_set = {fold(x) for x in _texts((p or {}).get("subheads") or [], "text")}
            report.count("subheads", gold_set, pred_set)
        body = _body(p or {})
        for field, test in (("body_start", body.startswith), ("body_end", body.endswith)):
            if field in g:
                report.mark(field, p is not None and bool(body) and test(fold(g[field])))
    if "toc" in gold:
        report.count(
            "toc",
            {fold(e.get("title")) for e in gold.get("toc") or []},
            {fold(e.get("title")) for e in pred.get("toc") or [] if isinstance(e, dict)},
        )
    report.mark("coverage", coverage(text, pred))
    return report


def score_many(cases: Iterable[tuple[dict[str, Any], dict[str, Any], str]]) -> Report:
    """Score several ``(gold, pred, text)`` cases into one report."""
    total = Report()
    for gold, pred, text in cases:
        total.add(score(gold, pred, text))
    return total


def score_directory(gold_dir: Path, text_dir: Path, *, parse: Callable[[Path], dict[str, Any]] | None = None) -> Report:
    """Score every annotation in ``gold_dir`` against the parse of its text in ``text_dir``.

    Each annotation names its text (``"file"``); ``parse`` turns a text's path into the
    parser's JSON (default: :func:`bulletin.parse` of the file).

    >>> from pathlib import Path
    >>> report = score_directory(Path("tests/data/gold"), Path("seeds"))
    >>> report.fields["articles_f1"], report.fields["coverage"]
    (1.0, 1.0)
    """
    import bulletin

    def default(path: Path) -> dict[str, Any]:
        return bulletin.parse(path).to_dict()

    reader = parse or default
    cases = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text_path = text_dir / str(gold["file"])
        cases.append((gold, reader(text_path), bulletin.read_text(text_path)))
    return score_many(cases)


def main(argv: list[str] | None = None) -> int:
    """``python -m bulletin.evaluation GOLD_DIR TEXT_DIR``: print the score per field and overall."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bulletin.evaluation", description=main.__doc__)
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("text_dir", type=Path)
    args = parser.parse_args(argv)
    report = score_directory(args.gold_dir, args.text_dir)
    for field, value in report.fields.items():
        print(f"{field}: {value:.3f}")
    print(f"score {report.overall:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
