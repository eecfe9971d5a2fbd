"""Batch mode of ``bulletin parse``: many inputs, one JSON line each, in parallel, resumable.

``bulletin parse DIR_OR_GLOB... --jobs N --out out.jsonl`` expands
directories (every ``*.txt``, ``*.pdf`` and ``*.html`` below them) and glob patterns, parses the files
on ``N`` processes and writes one JSON object per line, in input order::

    {"source": "corpus/a.txt", "status": "ok", "parser": "generic", "bulletin": {...}}
    {"source": "corpus/b.txt", "status": "error", "parser": "broken", "error": "...", "error_type": "..."}

``--out corpus.parquet`` writes a Parquet table instead, one row per article
(see :mod:`bulletin.tables`; needs the ``tables`` extra).

``--resume`` skips inputs whose last line in ``--out`` says ``"status": "ok"``
and appends the rest, so inputs that failed last time are tried again
(``--no-retry-failed`` skips them too).  A source's last line is its current one.  The exit code is 0 when every input parsed, 1 when some
failed, 2 for a usage error (no such file, a glob that matches nothing).
"""

from __future__ import annotations

import argparse
import glob
import importlib
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from bulletin.cli.common import EXIT_OK, EXIT_SOME_FAILED, UsageError, ascii_safe, whole_number

__all__ = ["add_batch_arguments", "expand_inputs", "is_batch", "run_batch"]

_GLOB_CHARS = frozenset("*?[")
_EXTENSIONS = (".txt", ".pdf", ".html", ".htm")  # the files a directory input contributes
_READ = ", ".join(f"*{ext}" for ext in _EXTENSIONS)




def _positive_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {value!r}") from None
    if not number > 0:
        raise argparse.ArgumentTypeError(f"must be positive, got {value}")
    return number


def add_batch_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--jobs``, ``--out``, ``--resume``, ``--progress/--no-progress`` and ``--timeout``."""
    group = parser.add_argument_group("batch (several inputs, a directory or a glob)")
    group.add_argument("--jobs", "-j", type=whole_number(1), metavar="N",
                       help="worker processes (default: the number of CPUs)")
    group.add_argument("--out", "-o", metavar="FILE",
                       help="write the JSON lines to FILE (default: standard output); "
                            "FILE.parquet: a Parquet table, one row per article (needs bulletin[tables])")
    group.add_argument("--resume", action="store_true",
                       help="skip inputs that already parsed into --out and append the others (failed ones are retried)")
    group.add_argument("--retry-failed", action=argparse.BooleanOptionalAction, default=True,
                       help="with --resume, parse again inputs whose last line in --out is an error (default: yes)")
    group.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                       help="a progress bar on stderr (default: when stderr is a terminal)")
    group.add_argument("--timeout", type=_positive_float, metavar="SECONDS",
                       help="give up on a document after this long and report it as failed")


def _is_pattern(name: str) -> bool:
    return not os.path.exists(name) and any(c in name for c in _GLOB_CHARS)


def is_batch(inputs: list[str]) -> bool:
    """Whether these inputs call for batch mode: several of them, a directory or a glob pattern.

    >>> is_batch(["page.txt"]), is_batch(["-"]), is_batch(["a.txt", "b.txt"]), is_batch(["corpus/*.txt"])
    (False, False, True, True)
    """
    if len(inputs) != 1:
        return len(inputs) > 1
    name = inputs[0]
    return name != "-" and (os.path.isdir(name) or _is_pattern(name))


#: The files a directory input is searched for: text, PDF and HTML (each is recognised by content).
SUFFIXES = _EXTENSIONS


def _walk(folder: str) -> Iterator[str]:
    """Every ``*.txt``, ``*.pdf`` and ``*.html`` file under ``folder``, in a stable order, without listing the whole tree first."""
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(SUFFIXES):
                yield os.path.join(root, name)


def expand_inputs(inputs: Iterable[str]) -> Iterator[str]:
    """The files that the inputs name: files as given, ``*.txt``/``.pdf``/``.html`` under directories, glob matches.

    Each file comes once.  Every input is checked before this returns, and a
    name that is none of these raises :class:`UsageError`; the files themselves
    are then listed lazily, so a huge directory is never held in memory.
    """
    names = list(inputs)
    for name in names:
        if name == "-":
            raise UsageError("standard input (-) cannot be one of several inputs")
        if _is_pattern(name):
            if not any(True for _ in glob.iglob(name, recursive=True)):
                raise UsageError(f"{name}: matches no files")
        elif not os.path.exists(name):
            raise UsageError(f"{name}: no such file or directory")
        elif os.path.isdir(name) and not any(True for _ in _walk(name)):
            raise UsageError(f"{name}: a directory with no files to read (batch mode reads {_READ} files)")
    return _expand(names)


def _expand(names: list[str]) -> Iterator[str]:
    # One directory or pattern never repeats a file; only several inputs can overlap.
    seen: set[str] | None = set() if len(names) > 1 else None
    for name in names:
        if os.path.isdir(name):
            found: Iterable[str] = _walk(name)
        elif _is_pattern(name):
            found = (p for p in sorted(glob.glob(name, recursive=True)) if os.path.isfile(p))
        else:
            found = (name,)
        for path in found:
            if seen is None:
                yield path
            elif path not in seen:
                seen.add(path)
                yield path


def _names_an_input(target: Path, inputs: list[str]) -> bool:
    """Whether the ``--out`` file is one of the files the inputs name (compared by identity, not by name)."""
    try:
        wanted = target.stat()
    except OSError:
        return False  # not there yet: it cannot be an input
    for path in _expand(inputs):
        if os.path.basename(path) != target.name:
            continue
        try:
            found = os.stat(path)
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == (wanted.st_dev, wanted.st_ino):
            return True
    return False


def _done_sources(path: Path, *, retry_failed: bool = True) -> set[str]:
    """Sources that already have a complete line in a JSON-lines output; cuts off a torn last line.

    With ``retry_failed``, a source whose last line is an error does not count as done.
    """
    last_ok: dict[str, bool] = {}
    if not path.exists():
        return set()
    decoder = json.JSONDecoder()
    prefix = '{"source": '
    complete = 0
    with path.open("rb") as stream:
        for raw in stream:
            if not raw.endswith(b"\n"):
                break  # written half when the last run stopped
            complete += len(raw)
            line = raw.decode("utf-8", errors="replace")
            try:
                if line.startswith(prefix):
                    source, end = decoder.raw_decode(line, len(prefix))
                    ok = line.startswith(', "status": "ok"', end)
                else:
                    record = json.loads(line)
                    source, ok = record.get("source"), record.get("status") == "ok"
            except (ValueError, AttributeError):
                continue
            if isinstance(source, str):
                last_ok[source] = ok
    if path.stat().st_size > complete:
        with path.open("r+b") as stream:
            stream.truncate(complete)
    return {source for source, ok in last_ok.items() if ok or not retry_failed}


class _Progress:
    """tqdm when it is installed, else a plain counter; nothing at all when disabled."""

    def __init__(self, total: int | None, enabled: bool) -> None:
        self.enabled = enabled
        self.bar: Any = None
        self.count = self.failed = 0
        self.total = total
        self.shown = 0.0
        if not enabled:
            return
        try:
            tqdm = importlib.import_module("tqdm").tqdm  # the optional `progress` extra
        except ImportError:
            return
        self.bar = tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True)

    def update(self, ok: bool) -> None:
        self.count += 1
        self.failed += not ok
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.update(1)
            if not ok:
                self.bar.set_postfix(failed=self.failed, refresh=False)
            return
        now = time.monotonic()
        if now - self.shown >= 0.2 or self.count == self.total:
            self.shown = now
            total = f"/{self.total}" if self.total is not None else ""
            sys.stderr.write(f"\r{self.count}{total} documents, {self.failed} failed")
            sys.stderr.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.enabled and self.count:
            sys.stderr.write("\n")


def run_batch(inputs: list[str], args: argparse.Namespace, out: TextIO) -> int:
    """Parse every file the inputs name; write one JSON line per file to ``--out`` or ``out``.

    Returns :data:`EXIT_OK` when all parsed, :data:`EXIT_SOME_FAILED` when some
    did not; raises :class:`UsageError` for bad arguments or inputs.  Reads
    ``args.source`` and ``args.format`` too when the parser defines them.
    """
    from bulletin.batch import check_workers, describe, dumps_line, json_line, make_job, ordered_map

    if getattr(args, "format", "json") not in ("json", "auto"):
        raise UsageError("several inputs are written as JSON lines; --format applies to a single input")
    resume = bool(getattr(args, "resume", False))
    out_name: str | None = getattr(args, "out", None)
    if resume and not out_name:
        raise UsageError("--resume needs --out FILE")
    parquet = bool(out_name) and str(out_name).lower().endswith(".parquet")
    if parquet and resume:
        raise UsageError("--resume works with JSON lines output, not Parquet")
    timeout: float | None = getattr(args, "timeout", None)
    try:
        workers, window = check_workers(getattr(args, "jobs", None), None)
        options = _parse_options(args)
        job = make_job(getattr(args, "source", None), options, timeout, paths=True, check_pickle=workers > 1)
    except (TypeError, ValueError) as exc:
        raise UsageError(str(exc)) from exc

    paths = expand_inputs(inputs)  # checks every input now, before any output is opened
    target = Path(out_name) if out_name else None
    retry = bool(getattr(args, "retry_failed", True))
    if target is not None and _names_an_input(target, inputs):
        raise UsageError(f"{out_name}: --out names one of the inputs; it would be overwritten before it is read")
    done = _done_sources(target, retry_failed=retry) if resume and target is not None else set()
    todo = (p for p in paths if p not in done)

    progress_wanted = getattr(args, "progress", None)
    show = sys.stderr.isatty() if progress_wanted is None else bool(progress_wanted)
    total = sum(1 for p in expand_inputs(inputs) if p not in done) if show else None

    def crashed(index: int, item: object, why: str, parser: str | None) -> tuple[bool, str]:
        source = describe(index, item, paths=True)
        record = {"source": source, "status": "error", "parser": parser,
                  "error": f"{source}: {why}", "error_type": "WorkerError"}
        return False, dumps_line(record)

    try:
        if parquet and target is not None:
            stream: Any = _ParquetStream(target)
        else:
            stream = target.open("a" if resume else "w", encoding="utf-8") if target is not None else ascii_safe(out)
    except ImportError as exc:
        raise UsageError(str(exc)) from exc
    except OSError as exc:
        raise UsageError(f"{out_name}: cannot be written ({exc.strerror or exc})") from exc
    progress = _Progress(total, show)
    failed = 0
    try:
        for ok, line in ordered_map(json_line, todo, job, workers=workers, window=window, crashed=crashed):
            stream.write(line + "\n")
            stream.flush()
            failed += not ok
            progress.update(ok)
    finally:
        progress.close()
        if target is not None:
            stream.close()
    return EXIT_SOME_FAILED if failed else EXIT_OK


class _ParquetStream:
    """Takes the JSON lines a batch writes and writes their rows to a Parquet file instead."""

    def __init__(self, path: Path) -> None:
        from bulletin.tables import ParquetSink

        self.sink = ParquetSink(path)
        self.count = 0

    def write(self, line: str) -> None:
        from bulletin.batch import Result
        from bulletin.model import Bulletin

        record = json.loads(line)
        data = record.get("bulletin")
        self.sink.add(Result(
            index=self.count, source=record["source"], status=record["status"], parser=record.get("parser"),
            bulletin=Bulletin.from_dict(data) if data is not None else None,
            error=record.get("error"), error_type=record.get("error_type"),
        ))
        self.count += 1

    def flush(self) -> None:
        """Rows are written a row group at a time; nothing to do per document."""

    def close(self) -> None:
        self.sink.close()


def _parse_options(args: argparse.Namespace) -> Any:
    from bulletin.parsing.state import ParseOptions

    return ParseOptions(issue_date=getattr(args, "issue_date", None))


def _parser_name(job: Any) -> str | None:
    parser = job.parser
    if parser is None or isinstance(parser, str):
        return parser
    return str(getattr(parser, "name", type(parser).__name__))
