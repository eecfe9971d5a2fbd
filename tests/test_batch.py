"""Batch parsing: ``bulletin.parse_many`` and the batch mode of ``bulletin parse`` (``bulletin.cli.batch``)."""

from __future__ import annotations

import argparse
import doctest
import fnmatch
import io
import itertools
import json
import os
import pickle
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

import bulletin
from bulletin.batch import Job, dumps_line, line_safe, make_job
from bulletin.cli.batch import add_batch_arguments, expand_inputs, is_batch, run_batch
from bulletin.cli.common import EXIT_OK, EXIT_SOME_FAILED, UsageError
from bulletin.parsers import registry
from conftest import ROOT, SEEDS

SEED_PATHS = sorted(SEEDS.glob("*.txt"))
BAD_BYTES = b"\xff\xfe\x00\xd8"  # a UTF-16 byte-order mark, then a lone surrogate: decodes as nothing


class Flaky(bulletin.RuleBasedParser):
    """A third-party parser with every fault: it raises, returns a bad model, hangs and kills its process."""

    name = "flaky"

    def parse(self, text: str, *, options: bulletin.ParseOptions) -> bulletin.Bulletin:
        if "爆炸" in text:
            raise ZeroDivisionError("boom")
        if "坏模型" in text:
            return None  # type: ignore[return-value]
        if "无效" in text:
            return bulletin.Bulletin(text=text, articles=[bulletin.Article(span=bulletin.Span(0, 10_000))])
        if "太慢" in text:
            time.sleep(30)
        if "崩溃" in text:
            os._exit(3)
        return super().parse(text, options=options)


@pytest.fixture
def flaky(monkeypatch: pytest.MonkeyPatch) -> str:
    """Register :class:`Flaky` as if a plug-in had installed it."""
    found = dict(registry._registry())
    found["flaky"] = Flaky()
    monkeypatch.setattr(registry, "_registry", lambda: found)
    return "flaky"


# --- parse_many --------------------------------------------------------------------------------


@pytest.mark.parametrize("workers", [1, 2])
def test_results_come_in_input_order_and_match_parse(workers: int) -> None:
    wire = "新华社北京6月2日电（记者 张三）农业农村部2日部署夏季粮油生产。（完）"
    inputs: list[str | Path] = [*SEED_PATHS, "本报讯 会议举行。", SEED_PATHS[0], wire]
    results = list(bulletin.parse_many(inputs, workers=workers, window=2))
    assert [r.index for r in results] == list(range(len(inputs)))
    assert [r.source for r in results] == [*map(str, SEED_PATHS), "<text #5>", str(SEED_PATHS[0]), "<text #7>"]
    assert all(r.ok and r.error is None for r in results)
    for item, result in zip(inputs, results, strict=True):
        assert result.bulletin == bulletin.parse(item)
    assert [r.parser for r in results[-2:]] == ["generic", "xinhua"]  # each input's detected parser


def test_a_failing_document_gives_an_error_result_naming_the_input() -> None:
    inputs = [Path("no/such.txt"), BAD_BYTES, "本报讯 会议举行。", 42]
    results = list(bulletin.parse_many(inputs, workers=2))  # type: ignore[arg-type]
    assert [r.status for r in results] == ["error", "error", "ok", "error"]
    missing, undecodable, _, wrong = results
    assert missing.source == "no/such.txt"
    assert missing.error == "no/such.txt: FileNotFoundError: No such file or directory"
    assert missing.error_type == "FileNotFoundError"
    assert missing.parser is None
    assert missing.bulletin is None
    assert undecodable.source == "<bytes #1>"
    assert (undecodable.error or "").startswith("<bytes #1>: ")
    assert undecodable.error_type == "BulletinDecodeError"
    assert wrong.error_type == "TypeError"


@pytest.mark.parametrize("workers", [1, 2])
def test_a_broken_plug_in_does_not_stop_the_batch(flaky: str, workers: int) -> None:
    inputs = ["本报讯 会议举行。", "本报讯 爆炸。", "本报讯 坏模型。", "本报讯 无效。", "本报讯 又一会议举行。"]
    results = list(bulletin.parse_many(inputs, workers=workers, parser=flaky))
    assert [r.status for r in results] == ["ok", "error", "error", "error", "ok"]
    assert all(r.parser == "flaky" for r in results)
    assert results[1].error == "<text #1>: source parser 'flaky' failed: ZeroDivisionError: boom"
    assert results[2].error == "<text #2>: source parser 'flaky' failed: returned NoneType, not a Bulletin"
    assert (results[3].error or "").startswith("<text #3>: source parser 'flaky' failed: ModelError: Article span")
    assert {r.error_type for r in results[1:4]} == {"SourceParserError"}


class Grabby(Flaky):
    """A plug-in that claims the texts it would break on, and whose detection itself can fail."""

    name = "grabby"
    markers = ((r"爆炸", 1.0),)

    def detect(self, text: str) -> float:
        if "探测" in text:
            raise KeyError("no detector")
        return super().detect(text)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_broken_plug_in_chosen_by_detection(monkeypatch: pytest.MonkeyPatch, workers: int) -> None:
    import multiprocessing

    if workers > 1 and multiprocessing.get_start_method() != "fork":
        pytest.skip("worker processes see a monkeypatched registry only when forked")
    found = dict(registry._registry())
    found["grabby"] = Grabby()
    monkeypatch.setattr(registry, "_registry", lambda: found)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        results = list(bulletin.parse_many(["本报讯 爆炸。", "本报讯 探测。", "本报讯 会议举行。"], workers=workers))
    assert [(r.status, r.parser) for r in results] == [("error", "grabby"), ("ok", "generic"), ("ok", "generic")]
    assert results[0].error == "<text #0>: source parser 'grabby' failed: ZeroDivisionError: boom"
    if workers == 1:  # a detector that raises is skipped with a warning; the others still compete
        assert "source parser 'grabby' skipped: detect() raised KeyError: 'no detector'" in str(caught[0].message)


def test_one_broken_detector_does_not_stop_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    found = dict(registry._registry())
    found["grabby"] = Grabby()
    monkeypatch.setattr(registry, "_registry", lambda: found)
    with pytest.warns(UserWarning, match="'grabby' skipped"):
        parsed = bulletin.parse("本报讯 探测。")
    assert parsed.articles[0].dateline is not None


def test_a_slow_document_times_out(flaky: str) -> None:
    start = time.monotonic()
    results = list(bulletin.parse_many(["本报讯 太慢。", "本报讯 会议举行。"], workers=2, parser=flaky, timeout=0.5))
    assert time.monotonic() - start < 20
    assert [r.status for r in results] == ["error", "ok"]
    assert results[0].error == "<text #0>: source parser 'flaky' timed out after 0.5 s"
    assert results[0].error_type == "TimeoutError"


def test_a_timeout_in_process(flaky: str) -> None:
    [result] = bulletin.parse_many(["本报讯 太慢。"], workers=1, parser=flaky, timeout=0.2)
    assert result.error_type == "TimeoutError"


def test_a_worker_that_dies_takes_only_its_document_down(flaky: str) -> None:
    inputs = ["本报讯 会议举行。", "本报讯 崩溃。", "本报讯 又一会议举行。", "本报讯 第三个会议举行。"]
    results = list(bulletin.parse_many(inputs, workers=2, parser=flaky))
    assert [r.status for r in results] == ["ok", "error", "ok", "ok"]
    assert results[1].error == "<text #1>: the worker process died while parsing it"
    assert results[1].error_type == "WorkerError"
    assert results[1].parser == "flaky"


def test_inputs_are_read_lazily_with_a_bounded_window() -> None:
    taken = 0

    def endless() -> Iterator[str]:
        nonlocal taken
        for n in itertools.count():
            taken += 1
            yield f"本报讯 第{n}次会议举行。"

    results = bulletin.parse_many(endless(), workers=2, window=3)
    first = list(itertools.islice(results, 4))
    assert [r.index for r in first] == [0, 1, 2, 3]
    assert taken <= 4 + 3
    results.close()  # type: ignore[attr-defined]


def test_bad_arguments_raise_before_the_batch() -> None:
    with pytest.raises(bulletin.UnknownSourceError):
        bulletin.parse_many(["x"], parser="nope")
    with pytest.raises(ValueError, match="workers"):
        bulletin.parse_many(["x"], workers=0)
    with pytest.raises(ValueError, match="timeout"):
        bulletin.parse_many(["x"], timeout=-1)

    class Local(bulletin.RuleBasedParser):  # a class defined in a function does not pickle
        name = "local"

        def __reduce__(self) -> tuple[type[bulletin.RuleBasedParser], tuple[()]]:
            return (Local, ())

    with pytest.raises(TypeError, match="'local' does not pickle"):
        bulletin.parse_many(["x"], parser=Local(), workers=2)
    assert [r.parser for r in bulletin.parse_many(["本报讯 会议举行。"], parser=Local(), workers=1)] == ["local"]


@pytest.mark.parametrize("name", registry.parser_names())
def test_parsers_options_and_jobs_pickle(name: str) -> None:
    options = bulletin.ParseOptions(issue_date=bulletin.IssueDate(year=2024, month=6, day=2),
                                    publication="某报", disable={"subhead"})
    job = make_job(name, options, 5.0)
    clone = pickle.loads(pickle.dumps(job))
    assert isinstance(clone, Job)
    assert clone.options == options
    assert isinstance(clone.parser, bulletin.SourceParser)
    assert clone.parser.name == name
    text = SEED_PATHS[1].read_text(encoding="utf-8")
    assert clone.parser.parse(text, options=options) == bulletin.get_parser(name).parse(text, options=options)


def test_result_records() -> None:
    ok, failed = bulletin.parse_many(["本报讯 会议举行。", BAD_BYTES], workers=1)
    record = json.loads(json.dumps(ok.to_dict(), ensure_ascii=False))
    assert list(record) == ["source", "status", "parser", "bulletin"]
    assert bulletin.Bulletin.from_dict(record["bulletin"]) == ok.bulletin
    assert list(failed.to_dict()) == ["source", "status", "parser", "error", "error_type"]


@pytest.mark.parametrize("workers", [1, 2])
def test_results_as_json_text(flaky: str, workers: int) -> None:
    odd = "会议举行\ud800\n\n本报讯 会议\u2028举行。\x85"
    inputs: list[str | bytes | Path] = [*SEED_PATHS, odd, BAD_BYTES, "无效的模型"]
    as_objects = list(bulletin.parse_many(inputs, workers=workers, parser=flaky))
    as_text = list(bulletin.parse_many(inputs, workers=workers, parser=flaky, as_json=True))
    for obj, text in zip(as_objects, as_text, strict=True):
        assert text.bulletin is None
        assert (obj.source, obj.status, obj.parser, obj.error, obj.error_type) == (
            text.source, text.status, text.parser, text.error, text.error_type)
        if obj.ok:
            assert obj.bulletin is not None
            assert text.json == line_safe(obj.bulletin.to_json(indent=None))
            assert json.loads(text.json) == json.loads(obj.bulletin.to_json(indent=None))
        assert text.to_dict() == obj.to_dict()
        assert text.to_json_line() == obj.to_json_line() == dumps_line(obj.to_dict())
        line = text.to_json_line()
        assert "\n" not in line
        assert "\u2028" not in line
    assert [r.status for r in as_text[-3:]] == ["ok", "error", "error"]
    assert "runs past the text" in (as_text[-1].error or "")


def test_the_warm_up_text_goes_through_every_built_in_parser() -> None:
    # a parent that forks its workers builds patterns and tables once, with this text
    from bulletin.batch import _WARM_UP_TEXT, warm_up
    from bulletin.parsers.registry import builtin_parsers

    for parser in builtin_parsers().values():
        assert len(parser.parse(_WARM_UP_TEXT, options=bulletin.ParseOptions())) >= 2
    warm_up()
    warm_up()


# --- the command line --------------------------------------------------------------------------


def _cli(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--source")
    parser.add_argument("--format", default="json")
    add_batch_arguments(parser)
    return parser.parse_args(argv)


def _run(*argv: str) -> tuple[int, str]:
    args = _cli(*argv)
    out = io.StringIO()
    return run_batch(args.inputs, args, out), out.getvalue()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "b").mkdir(parents=True)
    (folder / "a.txt").write_text("本报讯 会议举行。", encoding="utf-8")
    (folder / "b" / "c.txt").write_bytes(SEED_PATHS[1].read_bytes())
    (folder / "b" / "notes.md").write_text("not a bulletin", encoding="utf-8")
    return folder


def test_batch_writes_one_json_line_per_input(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, output = _run(str(corpus), "--jobs", "2")
    assert code == EXIT_OK
    records = [json.loads(line) for line in output.splitlines()]
    assert [r["source"] for r in records] == [str(corpus / "a.txt"), str(corpus / "b" / "c.txt")]
    assert [(r["status"], r["parser"]) for r in records] == [("ok", "generic"), ("ok", "generic")]
    assert bulletin.Bulletin.from_dict(records[1]["bulletin"]) == bulletin.parse(SEED_PATHS[1])
    assert capsys.readouterr().err == ""  # no progress bar: stderr is not a terminal


def test_some_failures_exit_1_and_are_reported_per_line(corpus: Path, tmp_path: Path) -> None:
    (corpus / "b" / "bad.txt").write_bytes(BAD_BYTES)
    out = tmp_path / "out.jsonl"
    code, _ = _run(str(corpus), "--jobs", "2", "--out", str(out))
    assert code == EXIT_SOME_FAILED
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["status"] for r in records] == ["ok", "error", "ok"]
    bad = records[1]
    assert bad["source"] == str(corpus / "b" / "bad.txt")
    assert bad["error"].startswith(f"{bad['source']}: ")
    assert bad["error_type"] == "BulletinDecodeError"


def test_a_broken_plug_in_in_the_cli(corpus: Path, flaky: str) -> None:
    (corpus / "boom.txt").write_text("本报讯 爆炸。", encoding="utf-8")
    code, output = _run(str(corpus), "--source", flaky, "--jobs", "2")
    assert code == EXIT_SOME_FAILED
    bad = [json.loads(line) for line in output.splitlines() if '"error"' in line]
    assert [(b["source"], b["parser"]) for b in bad] == [(str(corpus / "boom.txt"), "flaky")]
    assert "source parser 'flaky' failed: ZeroDivisionError: boom" in bad[0]["error"]


def test_resume_skips_inputs_already_done(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert _run(str(corpus), "--out", str(out), "--jobs", "1")[0] == EXIT_OK
    first = out.read_text(encoding="utf-8")
    (corpus / "b" / "d.txt").write_text("新华社北京6月2日电 会议举行。（完）", encoding="utf-8")
    with out.open("a", encoding="utf-8") as stream:
        stream.write('{"source": "torn')  # a line half written when the last run was killed
    assert _run(str(corpus), "--out", str(out), "--resume", "--jobs", "2")[0] == EXIT_OK
    text = out.read_text(encoding="utf-8")
    assert text.startswith(first)
    added = [json.loads(line)["source"] for line in text[len(first):].splitlines()]
    assert added == [str(corpus / "b" / "d.txt")]
    assert _run(str(corpus), "--out", str(out), "--resume")[0] == EXIT_OK
    assert out.read_text(encoding="utf-8") == text  # nothing left to do


def test_globs_and_several_inputs(corpus: Path) -> None:
    pattern = str(corpus / "**" / "*.txt")
    assert [is_batch([pattern]), is_batch([str(corpus)]), is_batch(["a.txt", "b.txt"])] == [True] * 3
    assert [is_batch([str(corpus / "a.txt")]), is_batch(["-"])] == [False] * 2
    files = list(expand_inputs([pattern, str(corpus / "a.txt"), str(corpus)]))
    assert files == [str(corpus / "a.txt"), str(corpus / "b" / "c.txt")]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["{corpus}/nope.txt"], "no such file or directory"),
        (["{corpus}/*.xml"], "matches no files"),
        (["{corpus}", "--format", "markdown"], "JSON lines"),
        (["{corpus}", "-"], "standard input"),
    ],
)
def test_usage_errors(corpus: Path, tmp_path: Path, argv: list[str], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        _run(*(a.format(corpus=corpus) for a in argv), "--out", str(tmp_path / "out.jsonl"))
    assert not (tmp_path / "out.jsonl").exists()  # checked before anything is written


def test_resume_needs_out(corpus: Path) -> None:
    with pytest.raises(UsageError, match="--resume needs --out"):
        _run(str(corpus), "--resume")


def test_an_unwritable_out(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot be written"):
        _run(str(corpus), "--out", str(tmp_path / "no" / "such" / "dir" / "out.jsonl"))


def test_an_unknown_source(corpus: Path) -> None:
    with pytest.raises(bulletin.UnknownSourceError):  # the command line prints it and exits with 2
        _run(str(corpus), "--source", "nope")


def test_jobs_must_be_positive() -> None:
    with pytest.raises(SystemExit):
        _cli("x", "--jobs", "0")


def test_progress_on_request(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = _run(str(corpus), "--jobs", "1", "--progress")
    assert code == EXIT_OK
    assert "2/2" in capsys.readouterr().err


def test_progress_without_tqdm(corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "tqdm", None)  # makes `import tqdm` fail
    assert _run(str(corpus), "--jobs", "1", "--progress")[0] == EXIT_OK
    assert "2/2 documents, 0 failed" in capsys.readouterr().err


_SCRIPT = """
import argparse, sys
from bulletin.cli.batch import add_batch_arguments, run_batch
parser = argparse.ArgumentParser()
parser.add_argument("inputs", nargs="+")
add_batch_arguments(parser)
args = parser.parse_args(sys.argv[1:])
sys.exit(run_batch(args.inputs, args, sys.stdout))
"""


@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")
def test_a_progress_bar_when_stderr_is_a_terminal(corpus: Path, tmp_path: Path) -> None:
    import fcntl
    import pty
    import select
    import struct
    import subprocess
    import sys
    import termios

    main, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-c", _SCRIPT, str(corpus), "--jobs", "2", "--out", str(out)]
    process = subprocess.run(command, stderr=terminal, stdout=subprocess.DEVNULL, timeout=60, check=False)
    os.close(terminal)
    shown = b""
    while select.select([main], [], [], 0.5)[0]:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    assert process.returncode == EXIT_OK
    assert "2/2" in shown.decode("utf-8", "replace")
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


# --- the docs ----------------------------------------------------------------------------------


def test_docs_batch_examples_run(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    if any(fnmatch.fnmatch("docs/batch.md", g) for g in request.config.getoption("doctestglob") or ()):
        pytest.skip("docs/batch.md is collected as a doctest already (--doctest-glob)")
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(ROOT / "docs" / "batch.md"), module_relative=False,
                              optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0
