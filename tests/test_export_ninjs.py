"""ninjs export: every article of every seed and sample is valid IPTC ninjs 2.1, and the mapping is right."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import bulletin
from bulletin.export import export
from bulletin.export.ninjs import to_ninjs
from conftest import ROOT, SEEDS

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = json.loads((Path(__file__).parent / "data" / "ninjs" / "ninjs-schema_2.1.json").read_text(encoding="utf-8"))
INPUTS = sorted(SEEDS.glob("*.txt")) + sorted((ROOT / "tests" / "data" / "samples").glob("*.txt"))


@pytest.fixture(scope="module")
def validator() -> Any:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_every_article_validates(path: Path, validator: Any) -> None:
    parsed = bulletin.parse(path)
    lines = export(parsed, "ninjs").splitlines()
    assert len(lines) == len(parsed.articles)
    for line in lines:
        item = json.loads(line)
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(item)]
        assert not errors, errors


def test_headlines_by_role_dateline_and_bylines() -> None:
    items = to_ninjs(bulletin.parse(SEEDS / "001_0c3caed24b89a787.txt"))
    first = items[0]
    assert [h["role"] for h in first["headlines"]] == ["main", "kicker", "subtitle"]
    assert first["headlines"][0]["value"] == "推动政务智能工作再上新台阶"
    assert "infosources" not in first  # 本报 is the paper itself
    second = items[1]
    assert second["by"] == "新华社记者 胡了然"
    assert second["located"] == "北京"
    assert "contentcreated" not in second  # 6月2日 without a year is not a date-time
    assert {"name": "新华社", "role": "agency"} in second["infosources"]
    assert {"role": "column", "value": "伟大征程"} in second["descriptions"]
    assert [b["contenttype"] for b in second["bodies"]] == ["text/plain", "text/html"]
    assert second["bodies"][1]["value"].startswith("<p>")
    assert len({item["uri"] for item in items}) == len(items)
    assert all(re.fullmatch(r"urn:bulletin:[0-9a-f]{16}:\d+", item["uri"]) for item in items)


def test_contentcreated_from_a_resolved_dateline() -> None:
    items = to_ninjs(bulletin.parse(SEEDS / "003_671ad53639820bab.txt"))
    created = {item["headlines"][0]["value"]: item.get("contentcreated") for item in items}
    assert created["中共中央办公厅国务院办公厅关于加快公共数据资源开发利用的意见"] == "2024-10-09T00:00:00+08:00"
    assert all(item["infosources"][-1] == {"name": "信息纵横", "role": "publisher"} for item in items)


def test_sources_notes_and_language() -> None:
    items = to_ninjs(bulletin.parse(SEEDS / "004_cb86b37b82b480e5.txt"))
    assert items[0]["infosources"] == [{"name": "人民日报", "role": "reprinted"}]
    assert items[0]["by"] == "张凌寒"
    assert items[3]["ednote"].startswith("核心提示")
    assert {item["language"] for item in items} == {"zh-Hans"}
    traditional = to_ninjs(bulletin.parse("政府公布施政報告\n\n本報訊 政府昨日公布施政報告諮詢結果。"))
    assert traditional[0]["language"] == "zh-Hant"


def test_markup_in_the_body_is_escaped() -> None:
    item = to_ninjs(bulletin.parse("会议举行\n\n本报讯 会议讨论了A<B & C的问题。"))[0]
    assert "A&lt;B &amp; C" in item["bodies"][1]["value"]
    assert "A<B & C" in item["bodies"][0]["value"]
