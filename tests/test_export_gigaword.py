"""Gigaword SGML export: well-formed documents, one per article, with headline, dateline and paragraphs."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import bulletin
from bulletin.export import export
from conftest import ROOT, SEEDS

INPUTS = sorted(SEEDS.glob("*.txt")) + sorted((ROOT / "tests" / "data" / "samples").glob("*.txt"))


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_documents_are_well_formed(path: Path) -> None:
    parsed = bulletin.parse(path)
    sgml = export(parsed, "gigaword")
    root = ET.fromstring(f"<ROOT>{sgml}</ROOT>")  # the SGML Gigaword uses is also well-formed XML
    docs = root.findall("DOC")
    assert len(docs) == len(parsed.articles)
    for doc, article in zip(docs, parsed.articles, strict=True):
        assert re.fullmatch(r"BUL_CMN_\d{8}\.\d{4}", doc.get("id", ""))
        assert doc.get("type") in {"story", "multi"}
        headline = doc.find("HEADLINE")
        assert (headline.text or "").strip() == (article.title or "") if headline is not None else article.title is None
        text = doc.find("TEXT")
        assert text is not None
        assert len(text.findall("P")) == len(article.paragraphs) + len(article.subheads)
    assert len({doc.get("id") for doc in docs}) == len(docs)


def test_seed_with_a_wire_story() -> None:
    sgml = export(bulletin.parse(SEEDS / "003_671ad53639820bab.txt"), "gigaword")
    assert '<DOC id="BUL_CMN_20241009.0004" type="story">' in sgml
    assert "<DATELINE>\n新华社北京10月9日电\n</DATELINE>" in sgml
    assert '<DOC id="BUL_CMN_20241100.0001" type="story">' in sgml  # only the year and month are printed


def test_escaping_and_multi() -> None:
    from bulletin.export.gigaword import to_gigaword

    sgml = to_gigaword(bulletin.parse("会议举行\n\n本报讯 会议讨论了A<B & C的问题。"), prefix="TST_CMN")
    assert "A&lt;B &amp; C" in sgml
    assert sgml.startswith('<DOC id="TST_CMN_00000000.0001" type="story">')
    photos = bulletin.parse(SEEDS / "002_22d482ba8a50f3b8.txt")
    untitled = [a for a in photos.articles if a.title is None]
    assert untitled
    assert all(f'type="{"multi" if len(a.paragraphs) > 1 else "story"}"' in export(photos, "gigaword") for a in untitled)
