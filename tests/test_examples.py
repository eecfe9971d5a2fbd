"""Every script in examples/ runs, as a user would run it, and prints what it promises."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SEEDS

EXAMPLES = ROOT / "examples"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, encoding="utf-8", cwd=ROOT, check=True
    )


def test_every_example_script_is_tested() -> None:
    tested = {"headline_anatomy.py", "normalize_explain.py", "to_jsonl.py", "dateline_rule.py", "export_ninjs.py"}
    assert {p.name for p in EXAMPLES.glob("*.py")} == tested


def test_headline_anatomy() -> None:
    out = _run(str(EXAMPLES / "headline_anatomy.py"), str(SEEDS / "001_0c3caed24b89a787.txt")).stdout
    assert "  kicker    陈吉宁：坚持问题导向，抓住关键环节，抓好骨干队伍，守牢安全底线  [2:35]" in out
    assert "  column    伟大征程" in out
    assert "  dateline  新华社北京6月2日电 (agency 新华社, place 北京, date --06-02)" in out


def test_normalize_explain() -> None:
    run = _run(str(EXAMPLES / "normalize_explain.py"), str(SEEDS / "001_0c3caed24b89a787.txt"))
    assert run.stdout.startswith("changed by: markup, hardwrap, punctuation, spaces\n")
    assert "  punctuation  '陈吉宁:坚持问' -> '陈吉宁：坚持问'" in run.stdout


def test_normalize_explain_script_conversion() -> None:
    run = _run(str(EXAMPLES / "normalize_explain.py"), str(ROOT / "tests/data/samples/hk_traditional.txt"), "t2s")
    assert "script:t2s" in run.stdout


def test_to_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "seeds.jsonl"
    run = _run(str(EXAMPLES / "to_jsonl.py"), str(SEEDS), str(out))
    assert "5 bulletins written" in run.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 5
    assert rows[0]["articles"][0]["title"] == "陈吉宁主持市委人才工作领导小组会议"


def test_dateline_rule() -> None:
    out = _run(str(EXAMPLES / "dateline_rule.py")).stdout
    assert "generic parser: None" in out
    assert "with the rule:  环球网综合报道 环球网 [('张明', '记者')]" in out
    assert "body:           据新华社消息" in out
    assert "source, huanqiu, dateline" in out


def test_export_ninjs() -> None:
    run = _run(str(EXAMPLES / "export_ninjs.py"), str(SEEDS / "004_cb86b37b82b480e5.txt"))
    items = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(items) == 4
    assert items[0]["headlines"][0] == {"role": "main", "value": "为人工智能高质量发展和高水平安全提供法治保障"}
    assert "by=张凌寒" in run.stderr
