"""The parser's rules describe conventions, not the seed bulletins: no seed text may appear in ``src/``.

Examples in docstrings and data files are written afresh; names, titles and
sentences of the seeds (and of their annotations) stay in ``seeds/`` and ``tests/``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import GOLD, ROOT, SEEDS

SRC = ROOT / "src"


def _needles() -> set[str]:
    needles: set[str] = set()
    for path in GOLD.glob("*.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for article in gold["articles"]:
            for key in ("title", "kicker", "subtitle", "body_start", "body_end"):
                value = article.get(key)
                if value and len(value) >= 6:
                    needles.add(value)
            needles.update(s for s in article.get("subheads", []) if len(s) >= 6)
            needles.update(b["name"] for b in article.get("bylines", []))
    for path in SEEDS.glob("*.txt"):
        for line in path.read_text(encoding="utf-8").splitlines():
            needles.update(p for p in re.split(r"[。，,：:；;]", line.strip()) if len(p) >= 10)
    return needles


def test_no_seed_names_titles_or_sentences_in_src() -> None:
    needles = _needles()
    found = {}
    for path in sorted(SRC.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".toml"}:
            text = path.read_text(encoding="utf-8")
            hits = sorted(n for n in needles if n in text)
            if hits:
                found[str(path.relative_to(ROOT))] = hits
    assert not found, found


def test_needles_are_found_where_they_belong() -> None:
    needles = _needles()
    assert len(needles) > 100
    assert any(n in Path(SEEDS / "000_cafc0066323a249a.txt").read_text(encoding="utf-8") for n in needles)
