"""The command line, called as ``main(argv)``: outputs, exit codes and one-line errors."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import bulletin
from bulletin import __version__
from bulletin.cli import main
from conftest import SEEDS

SEED = SEEDS / "001_0c3caed24b89a787.txt"


def test_parse_prints_the_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    article = data["articles"][1]
    assert {"title", "kicker", "subtitle", "column", "dateline", "bylines", "sources", "notes", "subheads", "paragraphs", "span"} <= set(article)
    assert article["column"] == "伟大征程"
    assert article["dateline"]["agency"] == "新华社"
    assert article["dateline"]["date"] == "--06-02"
    assert {"toc", "furniture"} <= set(data)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("flags", [[], ["--compact"]])
def test_json_is_written_as_to_json_makes_it(flags: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # written to the stream article by article, indented at a terminal: the bytes of Bulletin.to_json
    for path in sorted(SEEDS.glob("*.txt")):
        for terminal in (False, True):
            out = _Terminal() if terminal else io.StringIO()
            monkeypatch.setattr(sys, "stdout", out)
            assert main(["parse", str(path), "--format", "json", *flags]) == 0
            indent = 1 if terminal and not flags else None
            assert out.getvalue() == bulletin.parse(path).to_json(indent=indent) + "\n"


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_views(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED), "--format", fmt]) == 0
    assert "推动政务智能工作再上新台阶" in capsys.readouterr().out


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("本报讯 会议举行。".encode("gb18030"))))
    assert main(["parse", "-", "--compact"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"][0]["dateline"]["agency"] == "本报"


def test_normalize_explains(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "in.txt"
    path.write_text("陈吉宁:坚持问题导向,抓住关键环节", encoding="utf-8")
    assert main(["normalize", str(path), "--explain"]) == 0
    out = capsys.readouterr()
    assert out.out == "陈吉宁：坚持问题导向，抓住关键环节"
    assert "punctuation" in out.err


def test_sources_lists_the_built_in_parsers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sources"]) == 0
    names = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    assert {"generic", "xinhua"} <= set(names)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["parse", "no/such/file.txt"], "no such file"),
        (["normalize", "."], "is a directory"),
        (["parse", str(SEED), "--source", "nope"], "unknown source parser 'nope'; installed: generic"),
        (["parse", str(SEED), "--format", "xml"], "invalid choice"),
        (["frobnicate"], "invalid choice"),
        (["normalize", str(SEED), "--script", "x2y"], "x2y"),
    ],
)
def test_errors_are_one_line_and_exit_2(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_undecodable_bytes_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.bin"
    path.write_bytes(b"\x00\x01\x02\xff\xfe\x00" * 200)
    assert main(["parse", str(path)]) == 2
    assert "byte" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_python_dash_m(tmp_path: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "bulletin", "parse", str(SEED), "--format", "text"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("陈吉宁")


def test_replace_decodes_bad_bytes_and_warns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("本报讯 会议举行。".encode() + b"\xff\xfe" + "市长出席。".encode())
    assert main(["parse", str(path)]) == 2
    capsys.readouterr()
    assert main(["parse", str(path), "--errors", "replace", "--compact"]) == 0
    captured = capsys.readouterr()
    assert "\ufffd" in captured.out
    assert "replaced undecodable bytes at 25, 26" in captured.err


def test_max_bytes_refuses_large_inputs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED), "--max-bytes", "100"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "100" in err
