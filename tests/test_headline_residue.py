"""No headline part on a real text holds markup, an address or a time stamp.

Every dev text (tests/data/dev/raw) and every seed is parsed; each title,
kicker and subtitle is checked for an HTML tag, a URL and a date or time
stamp (``2020-06-16 07:34``, ``Tue, 16 Jun 2020 07:34:26 +0000``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

import bulletin
from conftest import SEEDS

DEV = Path(__file__).parent / "data" / "dev" / "raw"
TEXTS = sorted([*DEV.glob("*.txt"), *SEEDS.glob("*.txt")])

TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|<!--|-->|<!DOCTYPE", regex.IGNORECASE)
URL = regex.compile(r"https?://|www\.[A-Za-z0-9-]+\.", regex.IGNORECASE)
STAMP = regex.compile(
    r"\d{4}[-./年]\s*\d{1,2}[-./月]\s*\d{1,2}日?\s*\d{1,2}\s*[:：]\s*\d{2}"  # 2020-06-16 07:34, 2020年6月16日 07:34
    r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+\d{4}"  # 16 Jun 2020
    r"|\d{1,2}:\d{2}:\d{2}"
)


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_no_markup_address_or_stamp_in_headlines(path: Path) -> None:
    parsed = bulletin.parse(path.read_text(encoding="utf-8"))
    for article in parsed.articles:
        for part in article.headline.parts():
            assert not TAG.search(part.text), (path.name, part.text)
            assert not URL.search(part.text), (path.name, part.text)
            assert not STAMP.search(part.text), (path.name, part.text)


@pytest.mark.parametrize(
    "text",
    ["<b>新馆开放</b>", "https://www.example.com/a", "2031-04-17 08:05 新馆开放", "日期：Tue, 16 Jun 2031 07:34:26 +0000"],
)
def test_the_checks_catch_what_they_look_for(text: str) -> None:
    assert TAG.search(text) or URL.search(text) or STAMP.search(text)
