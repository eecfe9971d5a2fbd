"""Whole-seed snapshot tests: each seed bulletin parses end to end to the recorded summary.

The snapshots are the parser's own output, reviewed when recorded; they catch
unintended changes. After an intended change, record them again with
``BULLETIN_UPDATE_SNAPSHOTS=1 pytest tests/test_seeds.py`` and review the diff.
"""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pytest

import bulletin
from bulletin.testing import summarize
from conftest import SEEDS

SNAPSHOTS = Path(__file__).parent / "snapshots"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.stem for p in SEED_FILES])
def test_seed_matches_snapshot(path: Path) -> None:
    parsed = bulletin.parse(path)
    got = {
        "articles": summarize(parsed),
        "toc": [[e.section, e.title] for e in parsed.toc],
        "furniture": [[f.kind, f.text] for f in parsed.furniture],
        "issue_date": parsed.issue_date.iso() if parsed.issue_date else None,
    }
    snapshot = SNAPSHOTS / f"{path.stem}.json"
    if os.environ.get("BULLETIN_UPDATE_SNAPSHOTS"):
        snapshot.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(snapshot.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.stem for p in SEED_FILES])
def test_seed_spans_point_into_the_original(path: Path) -> None:
    parsed = bulletin.parse(path)
    text = path.read_text(encoding="utf-8")
    assert parsed.text == text
    for article in parsed.articles:
        for element in article.elements():
            if element.span is None:
                continue
            assert 0 <= element.span.start <= element.span.end <= len(text)
        if article.title is not None:
            printed = "".join(parsed.text[article.headline.title.span].split())  # type: ignore[union-attr]
            assert "".join(article.title.split())[:4] in printed.replace(":", "：").replace(",", "，")


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.stem for p in SEED_FILES])
def test_sibling_articles_do_not_overlap(path: Path) -> None:
    spans = sorted(a.span for a in bulletin.parse(path).articles)
    for left, right in itertools.pairwise(spans):
        assert left.end <= right.start, (left, right)
