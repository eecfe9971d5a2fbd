"""A batch survives whatever one document or plug-in does: dying workers, BaseExceptions, prints, odd names."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import signal
import sys
import time
from pathlib import Path

import pytest

import bulletin
from bulletin.cli.batch import run_batch
from bulletin.cli.common import EXIT_OK, UsageError
from bulletin.cli.main import main
from bulletin.parsers import registry
from test_batch import _cli

FORK = multiprocessing.get_start_method() == "fork"
needs_fork = pytest.mark.skipif(not FORK, reason="worker processes see a monkeypatched registry only when forked")

PLAIN = "本报讯 会议举行。"


class Custom(BaseException):
    """What a careless plug-in might raise."""


class Hostile(bulletin.RuleBasedParser):
    """A plug-in that dies, raises every kind of BaseException and prints, each on its own trigger."""

    name = "hostile"
    markers = ((r"致命|打印", 1.0),)

    def parse(self, text: str, *, options: bulletin.ParseOptions) -> bulletin.Bulletin:
        if "致命" in text:
            os._exit(3)
        if "中断" in text:
            raise KeyboardInterrupt
        if "生成器" in text:
            raise GeneratorExit
        if "自定义" in text:
            raise Custom("custom")
        if "打印" in text:
            print("a plug-in talking on stdout")
        return super().parse(text, options=options)


@pytest.fixture
def hostile(monkeypatch: pytest.MonkeyPatch) -> str:
    found = dict(registry._registry())
    found["hostile"] = Hostile()
    monkeypatch.setattr(registry, "_registry", lambda: found)
    return "hostile"


@needs_fork
def test_a_worker_dying_while_the_window_is_topped_up_does_not_end_the_batch(hostile: str) -> None:
    inputs = [PLAIN] * 2 + ["本报讯 致命。"] + [PLAIN] * 5
    statuses = []
    for result in bulletin.parse_many(inputs, workers=2, window=2, parser=hostile):
        time.sleep(0.3)  # a slow consumer: the pool breaks while the parent submits, not while it waits
        statuses.append(result.status)
    assert statuses == ["ok", "ok", "error", "ok", "ok", "ok", "ok", "ok"]


@needs_fork
def test_a_worker_death_names_the_parser_detection_chose(hostile: str) -> None:
    results = list(bulletin.parse_many([PLAIN, "本报讯 致命。", PLAIN], workers=2))
    assert [(r.status, r.parser) for r in results] == [("ok", "generic"), ("error", "hostile"), ("ok", "generic")]
    assert results[1].error == "<text #1>: the worker process died while parsing it"
    assert results[1].error_type == "WorkerError"


@pytest.mark.parametrize("workers", [1, pytest.param(2, marks=needs_fork)])
@pytest.mark.parametrize(("trigger", "kind"), [("中断", "KeyboardInterrupt"), ("生成器", "GeneratorExit"),
                                               ("自定义", "Custom")])
def test_a_plug_in_raising_a_base_exception_fails_only_its_document(
    hostile: str, workers: int, trigger: str, kind: str
) -> None:
    results = list(bulletin.parse_many([PLAIN, f"本报讯 {trigger}。", PLAIN], workers=workers, parser=hostile))
    assert [r.status for r in results] == ["ok", "error", "ok"]
    assert results[1].error_type == kind


class Interrupted(bulletin.RuleBasedParser):
    """Stands for a user pressing Ctrl-C while a document is being parsed in this process."""

    name = "interrupted"

    def parse(self, text: str, *, options: bulletin.ParseOptions) -> bulletin.Bulletin:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(5)
        return super().parse(text, options=options)


def test_a_real_ctrl_c_still_ends_an_in_process_batch() -> None:
    with pytest.raises(KeyboardInterrupt):
        list(bulletin.parse_many([PLAIN, PLAIN], workers=1, parser=Interrupted()))
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


@pytest.mark.parametrize("jobs", ["1", pytest.param("2", marks=needs_fork)])
def test_records_alone_on_stdout(hostile: str, jobs: str, tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("本报讯 打印。", encoding="utf-8")
    (tmp_path / "b.txt").write_text(PLAIN, encoding="utf-8")
    args = _cli(str(tmp_path), "--jobs", jobs, "--no-progress")
    code = run_batch(args.inputs, args, sys.stdout)
    captured = capfd.readouterr()
    assert code == EXIT_OK
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["parser"] for r in records] == ["hostile", "generic"]
    assert "a plug-in talking on stdout" in captured.err


# --- names, line breaks and the output file --------------------------------------------------------


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_a_file_name_that_is_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    odd = os.fsdecode(b"\xff\xfe.txt")
    (folder / odd).write_text(PLAIN, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = _cli(str(folder), "--jobs", "1", "--out", str(out), "--no-progress")
    assert run_batch(args.inputs, args, io.StringIO()) == EXIT_OK
    record = json.loads(out.read_bytes().decode("utf-8"))  # strict: the file is valid UTF-8
    assert record["source"] == str(folder / odd)
    resumed = _cli(str(folder), "--jobs", "1", "--out", str(out), "--resume", "--no-progress")
    assert run_batch(resumed.inputs, resumed, io.StringIO()) == EXIT_OK
    assert len(out.read_bytes().splitlines()) == 1  # found done by --resume
    stdout = io.StringIO()
    assert run_batch(args.inputs, _cli(str(folder), "--jobs", "1", "--no-progress"), stdout) == EXIT_OK
    stdout.getvalue().encode("utf-8")


def test_unicode_line_separators_are_escaped_in_json_lines(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("本报讯 会议\u2028举行\u2029。\x85完", encoding="utf-8")
    (tmp_path / "b.txt").write_text(PLAIN, encoding="utf-8")
    out = io.StringIO()
    assert run_batch([str(tmp_path)], _cli(str(tmp_path), "--jobs", "1", "--no-progress"), out) == EXIT_OK
    lines = out.getvalue().splitlines()  # splits at U+2028, U+2029 and U+0085 too
    assert len(lines) == 2
    assert json.loads(lines[0])["bulletin"]["text"] == "本报讯 会议\u2028举行\u2029。\x85完"


def test_out_naming_an_input_is_refused_before_it_is_touched(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PLAIN, encoding="utf-8")
    for argv in ([str(tmp_path), "--out", str(tmp_path / "b.txt")],
                 [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--out", str(tmp_path / "b.txt"), "--resume"]):
        args = _cli(*argv, "--jobs", "1", "--no-progress")
        with pytest.raises(UsageError, match="--out names one of the inputs"):
            run_batch(args.inputs, args, io.StringIO())
        assert (tmp_path / "b.txt").read_text(encoding="utf-8") == PLAIN


# --- command-line edges ------------------------------------------------------------------------


def _main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_timeout_inf_means_no_timeout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PLAIN, encoding="utf-8")
    code, out, _ = _main(["parse", str(tmp_path), "--jobs", "1", "--timeout", "inf", "--no-progress"], capsys)
    assert code == EXIT_OK
    assert [json.loads(line)["status"] for line in out.splitlines()] == ["ok", "ok"]
    assert bulletin.batch.make_job(None, None, 1e300).timeout is None


@pytest.mark.parametrize("value", ["-5", "ten"])
def test_max_bytes_must_be_a_count(tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str) -> None:
    (tmp_path / "a.txt").write_text(PLAIN, encoding="utf-8")
    code, _, err = _main(["parse", str(tmp_path / "a.txt"), "--max-bytes", value], capsys)
    assert code == 2
    assert "--max-bytes" in err


def test_a_directory_without_files_to_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    code, out, err = _main(["parse", str(tmp_path), "--jobs", "1"], capsys)
    assert (code, out) == (2, "")
    assert err == f"bulletin: error: {tmp_path}: a directory with no files to read (batch mode reads *.txt, *.pdf, *.html, *.htm files)\n"


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_stdout_that_is_not_utf8_gets_escaped_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    (tmp_path / "a.txt").write_text("本报讯 会议举行。😀", encoding="utf-8")
    (tmp_path / "b.txt").write_text(PLAIN, encoding="utf-8")
    for argv in (["parse", str(tmp_path / "a.txt")], ["parse", str(tmp_path), "--jobs", "1", "--no-progress"]):
        raw = io.BytesIO()
        stdout = io.TextIOWrapper(raw, encoding=encoding)
        monkeypatch.setattr(sys, "stdout", stdout)
        assert main(argv) == EXIT_OK
        stdout.flush()
        text = raw.getvalue().decode("ascii")
        first = json.loads(text) if len(argv) == 2 else json.loads(text.splitlines()[0])["bulletin"]
        assert first["text"] == "本报讯 会议举行。😀"
