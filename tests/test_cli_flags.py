"""The command line speaks its own language: errors name the file and the CLI flag,
``--debug`` goes anywhere, ``--issue-date`` fixes the year, ``--resume`` retries failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bulletin.cli import main
from bulletin.cli.batch import _done_sources


def _err(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().err


def test_undecodable_bytes_name_the_file_and_the_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.txt"
    good = "本报讯 会议昨天举行。".encode()
    path.write_bytes(good + b"\xff\xfe\xfd\x80\x80\xff" + good)
    assert main(["parse", str(path)]) == 2
    line = _err(capsys)
    assert line.startswith(f"bulletin: error: {path}: ")
    assert "--errors replace" in line
    assert "errors='replace'" not in line
    assert main(["parse", str(path), "--errors", "replace", "--format", "text"]) == 0


def test_a_large_input_names_the_file_and_the_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.txt"
    path.write_text("本报讯 会议举行。" * 20, encoding="utf-8")
    assert main(["parse", str(path), "--max-bytes", "10"]) == 2
    line = _err(capsys)
    assert line.startswith(f"bulletin: error: {path}: ")
    assert "--max-bytes" in line
    assert "max_bytes" not in line


def test_debug_is_accepted_before_and_after_the_subcommand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "page.txt"
    path.write_text("本报讯 会议举行。", encoding="utf-8")
    for argv in (["--debug", "parse", str(path)], ["parse", "--debug", str(path)], ["parse", str(path), "--debug"]):
        assert main([*argv, "--compact"]) == 0
        assert json.loads(capsys.readouterr().out)["articles"]
    broken = tmp_path / "broken.bin"
    broken.write_bytes(b"\x00\x01" * 50)
    with pytest.raises(Exception, match="binary data"):
        main(["parse", str(broken), "--debug"])  # the traceback, not one line


def test_issue_date_fixes_the_year_of_datelines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "page.txt"
    path.write_text("市长会见代表团\n\n新华社北京6月2日电 市长会见了代表团。", encoding="utf-8")
    assert main(["parse", str(path), "--compact", "--issue-date", "2024-06-03"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"][0]["dateline"]["date"] == "2024-06-02"
    assert data["issue_date"] == "2024-06-03"
    assert main(["parse", str(path), "--compact"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"][0]["dateline"]["date"] == "--06-02"
    assert main(["parse", str(path), "--issue-date", "June 3"]) == 2
    assert "YYYY-MM-DD" in _err(capsys)


def test_issue_date_in_a_batch(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("新华社北京6月2日电 会议举行。", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(tmp_path / "in"), "--out", str(out), "--issue-date", "2023-06-03", "--jobs", "1"]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["bulletin"]["articles"][0]["dateline"]["date"] == "2023-06-02"


def test_resume_retries_inputs_that_failed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("本报讯 会议举行。", encoding="utf-8")
    bad = folder / "b.txt"
    bad.write_bytes(b"\x00\x01" * 50)
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(folder), "--out", str(out), "--jobs", "1"]) == 1
    assert _done_sources(out) == {str(folder / "a.txt")}
    assert _done_sources(out, retry_failed=False) == {str(folder / "a.txt"), str(bad)}
    # still broken: skipped with --no-retry-failed, tried again by default
    assert main(["parse", str(folder), "--out", str(out), "--resume", "--no-retry-failed"]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    bad.write_text("本报讯 又一会议举行。", encoding="utf-8")  # fixed
    assert main(["parse", str(folder), "--out", str(out), "--resume", "--jobs", "1"]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["source"], r["status"]) for r in records] == [
        (str(folder / "a.txt"), "ok"), (str(bad), "error"), (str(bad), "ok")
    ]
    assert _done_sources(out) == {str(folder / "a.txt"), str(bad)}
