"""Parse many bulletins at once: :func:`parse_many` and its per-document :class:`Result`.

Documents are parsed in worker processes and the results come back in input
order, each as soon as it and every document before it are done.  A document
that cannot be read or parsed gives an error result naming the input and the
source parser; it never stops the batch.

>>> results = list(parse_many(["本报讯 会议举行。", b"\\xff\\x00\\xfe"], workers=1))
>>> [(r.source, r.status, r.parser) for r in results]
[('<text #0>', 'ok', 'generic'), ('<bytes #1>', 'error', None)]
>>> results[0].bulletin.articles[0].dateline.agency
'本报'

Memory stays flat however many documents there are: the inputs are read
lazily, at most ``window`` documents are in flight at once, and nothing is
kept after it has been yielded.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import pickle
import re
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs

from bulletin.api import MAX_BYTES
from bulletin.documents import read_document
from bulletin.errors import BulletinError, SourceParserError
from bulletin.model import Bulletin
from bulletin.parsers.base import SourceParser
from bulletin.parsers.registry import choose_parser, get_parser
from bulletin.parsing.state import ParseOptions
from bulletin.serialize import iter_json

if TYPE_CHECKING:  # the process pool is imported when a batch needs one, not with `import bulletin`
    import concurrent.futures

__all__ = ["Result", "parse_many"]

Input = str | bytes | os.PathLike[str]
Status = Literal["ok", "error"]
T = TypeVar("T")


@attrs.frozen(kw_only=True)
class Result:
    """What became of one input of a batch.

    ``source`` is the path of a file input, ``<text #i>`` or ``<bytes #i>`` for
    an in-memory one (``i`` its position in the input); ``parser`` is the name
    of the source parser that was chosen (``None`` if the input could not even
    be read).  Exactly one of ``bulletin`` and ``error`` is set, by ``status``.
    """

    index: int
    source: str
    status: Status
    bulletin: Bulletin | None = None
    error: str | None = None
    error_type: str | None = None
    parser: str | None = None
    #: The bulletin as compact JSON text instead of ``bulletin``, when :func:`parse_many` was asked
    #: for ``as_json``: ``Bulletin.to_json(indent=None)`` as a JSON line carries it (see :func:`line_safe`).
    json: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def to_dict(self) -> dict[str, Any]:
        """The JSON-lines record of ``bulletin parse --out``: source, status, parser, bulletin or error.

        >>> Result(index=0, source="a.txt", status="error", error="a.txt: no such file",
        ...        error_type="FileNotFoundError").to_dict()
        {'source': 'a.txt', 'status': 'error', 'parser': None, 'error': 'a.txt: no such file', 'error_type': 'FileNotFoundError'}
        """
        record: dict[str, Any] = {"source": self.source, "status": self.status, "parser": self.parser}
        if self.bulletin is not None:
            record["bulletin"] = self.bulletin.to_dict()
        elif self.json is not None:
            record["bulletin"] = json.loads(self.json)
        else:
            record["error"] = self.error
            record["error_type"] = self.error_type
        return record

    def to_json_line(self) -> str:
        """:meth:`to_dict` as the one JSON line ``bulletin parse --out`` writes (see :func:`dumps_line`).

        The bulletin's JSON is written article by article, or taken as it is
        from :attr:`json`, so the record's tree is never built.

        >>> [result] = parse_many(["本报讯 会议举行。"], workers=1, as_json=True)
        >>> result.to_json_line() == dumps_line(result.to_dict())
        True
        """
        if self.bulletin is None and self.json is None:
            return dumps_line(self.to_dict())
        head = dumps_line({"source": self.source, "status": self.status, "parser": self.parser})[:-1]
        if self.json is not None:  # made line-safe by the worker: the parent only joins
            return "".join((head, ', "bulletin": ', self.json, "}"))
        assert self.bulletin is not None
        return "".join((head, ', "bulletin": ', line_safe("".join(iter_json(self.bulletin, indent=None))), "}"))


#: Timeouts longer than this (about three years, ``inf`` included) mean no timeout at all.
NO_TIMEOUT_ABOVE = 1e8

_SURROGATE = re.compile("[\ud800-\udfff]")

# --- one document -------------------------------------------------------------------------------


class _Timeout(BaseException):
    """Raised by the alarm inside a slow parse; a ``BaseException`` so ``except Exception`` in a plug-in cannot swallow it."""


@attrs.frozen
class Job:
    """How every document of a batch is parsed; sent to each worker once, so it must pickle.

    ``parser`` is a parser object, the name of an installed one, or ``None``
    for detection; ``paths`` says that ``str`` inputs are file paths rather
    than text (the Dask integration uses it).
    """

    parser: SourceParser | str | None = None
    options: ParseOptions = attrs.field(factory=ParseOptions)
    timeout: float | None = None
    paths: bool = False

    def parser_for(self, text: str) -> SourceParser:
        if self.parser is None:
            return choose_parser(text)
        if isinstance(self.parser, str):
            return get_parser(self.parser)
        return self.parser


def make_job(
    parser: SourceParser | str | None,
    options: ParseOptions | None,
    timeout: float | None,
    *,
    paths: bool = False,
    check_pickle: bool = True,
) -> Job:
    """A :class:`Job`, validated in the caller's process so that a bad name fails before the batch starts.

    A parser named by a string is shipped to the workers as the object when it
    pickles (so a parser registered only in this process still works), else by name.
    """
    if timeout is not None and not timeout > 0:
        raise ValueError(f"timeout must be positive, got {timeout!r}")
    if timeout is not None and timeout > NO_TIMEOUT_ABOVE:  # inf included: the timer cannot count that far
        timeout = None
    if isinstance(parser, str):
        found = get_parser(parser)  # UnknownSourceError now, not once per document
        parser_spec: SourceParser | str | None = parser
        if check_pickle:
            try:
                pickle.dumps(found)
                parser_spec = found
            except Exception:
                parser_spec = parser
    elif parser is not None:
        if check_pickle:
            try:
                pickle.dumps(parser)
            except Exception as exc:
                raise TypeError(f"source parser {_name_of(parser)!r} does not pickle, so worker processes cannot use it: {exc}") from exc
        parser_spec = parser
    else:
        parser_spec = None
    return Job(parser_spec, options or ParseOptions(), timeout, paths)


def describe(index: int, item: object, *, paths: bool = False) -> str:
    """The name an input goes by in results: its path, or ``<text #i>`` / ``<bytes #i>``."""
    if isinstance(item, bytes):
        return f"<bytes #{index}>"
    if isinstance(item, str) and not paths:
        return f"<text #{index}>"
    if isinstance(item, (str, os.PathLike)):
        return os.fspath(item)
    return f"<{type(item).__name__} #{index}>"


def _name_of(parser: object) -> str:
    try:
        return str(parser.name)  # type: ignore[attr-defined]
    except Exception:
        return type(parser).__name__


def parse_document(job: Job, index: int, item: object) -> Result:
    """Read and parse one input; every failure becomes an error :class:`Result`."""
    source = describe(index, item, paths=job.paths)
    name: str | None = None
    try:
        with _alarm(job.timeout):
            if isinstance(item, str) and job.paths:
                document = read_document(Path(item), max_bytes=MAX_BYTES)
            elif isinstance(item, (str, bytes, os.PathLike)):
                document = read_document(item, max_bytes=MAX_BYTES)
            else:
                raise TypeError(f"expected text, bytes or a path, got {type(item).__name__}")
            text = document.text
            options = job.options if document.layout is None else attrs.evolve(job.options, layout=document.layout)
            chosen = job.parser_for(text)
            name = _name_of(chosen)
            try:
                bulletin = chosen.parse(text, options=options)
            except SourceParserError:
                raise
            except Exception as exc:  # ModelError included: the parser built an impossible model
                raise SourceParserError(name, f"{type(exc).__name__}: {exc}") from exc
            if not isinstance(bulletin, Bulletin):
                raise SourceParserError(name, f"returned {type(bulletin).__name__}, not a Bulletin")
        return Result(index=index, source=source, status="ok", bulletin=bulletin, parser=name)
    except _Timeout:
        who = f"source parser {name!r}" if name else "reading the input or choosing its parser"
        message, kind = f"{who} timed out after {job.timeout:g} s", "TimeoutError"
    except SourceParserError as exc:
        name = exc.parser
        message, kind = str(exc), type(exc).__name__
    except BulletinError as exc:
        message, kind = str(exc), type(exc).__name__
    except BaseException as exc:  # KeyboardInterrupt, GeneratorExit, SystemExit from a plug-in included
        if isinstance(exc, KeyboardInterrupt) and _INTERRUPTED.is_set():
            raise  # a real Ctrl-C in this process ends the batch
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        message, kind = f"{type(exc).__name__}: {detail}", type(exc).__name__
    return Result(index=index, source=source, status="error", error=f"{source}: {message}", error_type=kind, parser=name)


def _unserialisable(result: Result, exc: Exception) -> Result:
    name = result.parser or "?"
    message = f"{result.source}: source parser {name!r} failed: its bulletin does not serialise: {type(exc).__name__}: {exc}"
    return Result(index=result.index, source=result.source, status="error", error=message,
                  error_type="SourceParserError", parser=result.parser)


def parse_to_json(job: Job, index: int, item: object) -> Result:
    """:func:`parse_document`, with the bulletin as its compact JSON text in :attr:`Result.json`.

    Done in the worker, so only text crosses back to the parent; a bulletin
    that does not serialise is an error result.
    """
    result = parse_document(job, index, item)
    if result.bulletin is None:
        return result
    try:
        text = line_safe(result.bulletin.to_json(indent=None))
    except Exception as exc:  # a bad model that only fails when serialised
        return _unserialisable(result, exc)
    return Result(index=index, source=result.source, status="ok", parser=result.parser, json=text)


def json_line(job: Job, index: int, item: object) -> tuple[bool, str]:
    """Parse one input into its JSON line (done in the worker, so the parent only writes).

    Whatever a plug-in prints goes to stderr, so stdout holds records only.
    """
    with contextlib.redirect_stdout(sys.stderr):
        result = parse_document(job, index, item)
    try:
        line = result.to_json_line()
    except Exception as exc:  # a bad model that only fails when serialised
        result = _unserialisable(result, exc)
        line = result.to_json_line()
    return result.ok, line


_LINE_BREAKS_IN_JSON = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def dumps_line(record: object) -> str:
    """``record`` as one JSON line: UTF-8 text, with U+2028, U+2029 and U+0085 escaped.

    Those three are valid inside JSON strings but break tools that split lines
    the way ``str.splitlines`` does; escaped, one record is one line for all.
    Lone surrogates (the undecodable bytes of a file name) are escaped as
    ``\\udcXX``, so the line always encodes as UTF-8 and reads back the same.

    >>> dumps_line({"text": "甲" + chr(0x2028) + "乙"})
    '{"text": "甲\\\\u2028乙"}'
    """
    return line_safe(json.dumps(record, ensure_ascii=False))


def line_safe(line: str) -> str:
    """JSON text with U+2028, U+2029, U+0085 and lone surrogates escaped (see :func:`dumps_line`): the same data.

    >>> line_safe('["甲' + chr(0x2028) + '乙"]')
    '["甲\\\\u2028乙"]'
    """
    if _SURROGATE.search(line):  # a file name that is not UTF-8: \\udcff, still JSON, and encodable
        line = line.encode("utf-8", "backslashreplace").decode("utf-8")
    if "\u2028" in line or "\u2029" in line or "\x85" in line:
        for raw, escaped in _LINE_BREAKS_IN_JSON.items():
            line = line.replace(raw, escaped)
    return line


class _alarm:
    """Raise :class:`_Timeout` in the current (main) thread after ``seconds``; nothing when ``None``."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.previous: Any = None

    def __enter__(self) -> None:
        if self.seconds is not None:
            self.previous = signal.signal(signal.SIGALRM, self._fire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc: object) -> None:
        if self.seconds is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)

    @staticmethod
    def _fire(signum: int, frame: FrameType | None) -> None:
        raise _Timeout


def _check_timeout_supported(timeout: float | None, workers: int) -> None:
    if timeout is None:
        return
    if not hasattr(signal, "setitimer"):
        raise ValueError("a per-document timeout needs signal.setitimer, which this platform lacks")
    if workers == 1 and threading.current_thread() is not threading.main_thread():
        raise ValueError("a per-document timeout with workers=1 works only in the main thread")


# --- many documents, in order -------------------------------------------------------------------

_WORKER_JOB: Job | None = None

#: Set while a real Ctrl-C reaches this process during an in-process batch; a plug-in that raises
#: ``KeyboardInterrupt`` itself fails only its document.
_INTERRUPTED = threading.Event()

#: How many documents one task carries to a worker at most: fewer round trips on small files.
CHUNK = 16

def _init_worker(job: Job) -> None:
    global _WORKER_JOB
    _WORKER_JOB = job
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    with contextlib.suppress(OSError, ValueError):  # a plug-in's print() must not land among the records
        sys.stdout.flush()
        os.dup2(sys.stderr.fileno(), sys.stdout.fileno())


def _call(task: Callable[[Job, int, object], T], index: int, item: object) -> T:
    assert _WORKER_JOB is not None
    return task(_WORKER_JOB, index, item)


def _call_chunk(task: Callable[[Job, int, object], T], chunk: list[tuple[int, object]]) -> list[T]:
    assert _WORKER_JOB is not None
    return [task(_WORKER_JOB, index, item) for index, item in chunk]


def _parser_name(job: Job, index: int, item: object) -> str | None:
    """The name of the parser that ``item`` would get; ``None`` when it cannot be read or detection fails."""
    try:
        if job.parser is not None:
            return job.parser if isinstance(job.parser, str) else _name_of(job.parser)
        path = item if isinstance(item, str) and job.paths else None
        source = Path(path) if path is not None else item
        text = read_document(source, max_bytes=MAX_BYTES).text  # type: ignore[arg-type]
        return _name_of(job.parser_for(text))
    except BaseException:
        return None


@contextlib.contextmanager
def _real_interrupts() -> Iterator[None]:
    """Mark a Ctrl-C that reaches this (main) thread, so that it ends an in-process batch."""
    _INTERRUPTED.clear()
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach the main thread only: any KeyboardInterrupt here is a plug-in's
        return
    previous = signal.getsignal(signal.SIGINT)
    if not callable(previous):
        yield
        return

    def mark(signum: int, frame: FrameType | None) -> Any:
        _INTERRUPTED.set()
        return previous(signum, frame)

    signal.signal(signal.SIGINT, mark)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class _Chunk:
    """Consecutive documents sent to a worker as one task, and the future of their results."""

    __slots__ = ("future", "items")

    def __init__(self, items: list[tuple[int, object]]) -> None:
        self.items = items
        self.future: concurrent.futures.Future[list[Any]] | None = None

    def finished(self) -> bool:
        future = self.future
        return future is not None and future.done() and not future.cancelled() and future.exception() is None


def chunk_size(workers: int, window: int) -> int:
    """Documents per task: up to :data:`CHUNK`, small enough that every worker gets two tasks of the window.

    >>> chunk_size(2, 8), chunk_size(2, 128), chunk_size(4, 3)
    (2, 16, 1)
    """
    return max(1, min(CHUNK, window // (2 * workers)))


def ordered_map(
    task: Callable[[Job, int, object], T],
    items: Iterable[object],
    job: Job,
    *,
    workers: int,
    window: int,
    crashed: Callable[[int, object, str, str | None], T],
    chunk: int | None = None,
) -> Iterator[T]:
    """``task(job, i, item)`` for every item, in input order, on ``workers`` processes.

    Items go to the workers in chunks of ``chunk`` (default :func:`chunk_size`),
    and at most ``window`` items are read ahead of the one being yielded.  When
    a worker process dies (a plug-in that segfaults or calls ``os._exit``), the
    documents that had not finished are run again one at a time in a fresh
    process, and the one that kills it again gets ``crashed(i, item, why, parser)``.
    """
    numbered = enumerate(items)
    if workers == 1:
        with _real_interrupts():
            for index, item in numbered:
                yield task(job, index, item)
        return
    from concurrent.futures.process import BrokenProcessPool

    size = chunk or chunk_size(workers, window)
    pool = _pool(workers, job)
    pending: deque[_Chunk] = deque()
    in_flight = 0
    exhausted = False
    try:
        while True:
            try:
                while not exhausted and in_flight < window:
                    items_now = list(itertools.islice(numbered, min(size, window - in_flight)))
                    if not items_now:
                        exhausted = True
                        break
                    pending.append(_Chunk(items_now))
                    in_flight += len(items_now)
                    pending[-1].future = pool.submit(_call_chunk, task, items_now)
                if not pending:
                    return
                head = pending[0]
                assert head.future is not None
                try:
                    values = head.future.result()
                except BrokenProcessPool:
                    raise
                except Exception:  # e.g. a result that does not pickle: find which, one by one
                    values = [_one(pool, task, index, item, job, crashed) for index, item in head.items]
            except BrokenProcessPool:  # a worker died, while we waited or while we submitted
                pool.shutdown(wait=True, cancel_futures=True)
                yield from _rerun_alone(task, list(pending), job, crashed)
                pending.clear()
                in_flight = 0
                pool = _pool(workers, job)
                continue
            pending.popleft()
            in_flight -= len(head.items)
            yield from values
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _one(
    pool: concurrent.futures.ProcessPoolExecutor,
    task: Callable[[Job, int, object], T],
    index: int,
    item: object,
    job: Job,
    crashed: Callable[[int, object, str, str | None], T],
) -> T:
    try:
        return pool.submit(_call, task, index, item).result()
    except Exception as exc:
        return crashed(index, item, f"{type(exc).__name__}: {exc}", _parser_name(job, index, item))


def _pool(workers: int, job: Job) -> concurrent.futures.ProcessPoolExecutor:
    import concurrent.futures
    import multiprocessing

    context = multiprocessing.get_context()
    if context.get_start_method() == "fork":
        warm_up()  # forked workers start with every pattern and table built
    return concurrent.futures.ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(job,))


#: Invented text that takes the built-in parsers through every rule once.
_WARM_UP_TEXT = """全区防汛工作会议举行
部署汛期各项工作

本报讯（记者 林立 通讯员 何平）全区防汛工作会议昨天上午举行。会议强调，要压实各方责任。
区府办发〔2024〕3号

新华社北京6月2日电（记者 王明）会议强调，要压实责任。（据新华社）

（来源：区应急管理局）

編者按：汛期將至。

新華社北京6月2日電 會議強調，要壓實責任。

一、压实责任

林立 摄

（责任编辑：周明）

第2版

目录
要闻 全区防汛工作会议举行 2
"""

_warmed = False


def warm_up() -> None:
    """Build the built-in parsers' patterns and tables in this process, once (they are built on first use).

    A pool of forked workers then starts with them, instead of each worker
    building its own copy: about a quarter of a second of CPU per worker.
    A failure here is ignored: each worker builds what it needs as before.
    """
    global _warmed
    if _warmed:
        return
    _warmed = True
    import importlib.metadata  # noqa: F401  (what plug-in discovery reads, imported once here)

    from bulletin.parsers.registry import builtin_parsers

    for parser in builtin_parsers().values():
        with contextlib.suppress(Exception):
            parser.parse(_WARM_UP_TEXT, options=ParseOptions())


def _rerun_alone(
    task: Callable[[Job, int, object], T],
    pending: list[_Chunk],
    job: Job,
    crashed: Callable[[int, object, str, str | None], T],
) -> Iterator[T]:
    """After a worker died: keep what finished, run the rest one by one to find the document that kills it.

    The parser a deadly document was given is asked for first, in a process of
    its own, so the error can name it even when detection chose it.
    """
    from concurrent.futures.process import BrokenProcessPool

    solo: concurrent.futures.ProcessPoolExecutor | None = None
    try:
        for chunk in pending:
            if chunk.finished():
                assert chunk.future is not None
                yield from chunk.future.result()
                continue
            for index, item in chunk.items:
                solo = solo or _pool(1, job)
                try:
                    value = solo.submit(_call, task, index, item).result()
                except BrokenProcessPool:
                    solo.shutdown(wait=True)
                    solo = _pool(1, job)
                    try:
                        name = solo.submit(_call, _parser_name, index, item).result()
                    except BrokenProcessPool:  # detection itself kills the process
                        solo.shutdown(wait=True)
                        solo, name = None, None
                    value = crashed(index, item, "the worker process died while parsing it", name)
                except Exception as exc:
                    value = crashed(index, item, f"{type(exc).__name__}: {exc}", _parser_name(job, index, item))
                yield value
    finally:
        if solo is not None:
            solo.shutdown(wait=True)


def default_workers() -> int:
    """The number of CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_workers(workers: int | None, window: int | None) -> tuple[int, int]:
    count = default_workers() if workers is None else workers
    if count < 1:
        raise ValueError(f"workers must be at least 1, got {workers!r}")
    size = 4 * CHUNK * count if window is None else window
    if size < 1:
        raise ValueError(f"window must be at least 1, got {window!r}")
    return count, size


def _crashed_result(job: Job) -> Callable[[int, object, str, str | None], Result]:
    def crashed(index: int, item: object, why: str, name: str | None) -> Result:
        source = describe(index, item, paths=job.paths)
        return Result(index=index, source=source, status="error", error=f"{source}: {why}",
                      error_type="WorkerError", parser=name)

    return crashed


def parse_many(
    sources: Iterable[Input],
    *,
    workers: int | None = None,
    parser: SourceParser | str | None = None,
    options: ParseOptions | None = None,
    timeout: float | None = None,
    window: int | None = None,
    as_json: bool = False,
) -> Iterator[Result]:
    """Parse many bulletins on ``workers`` processes; yield one :class:`Result` per input, in input order.

    Each input is what :func:`bulletin.parse` takes: a ``str`` is text,
    ``bytes`` are decoded, and a path (``pathlib.Path``) is read by the worker,
    so only the path crosses between processes.  ``workers`` defaults to the
    number of CPUs; with ``workers=1`` everything runs in this process.
    ``parser`` is a source parser's name or object (it must pickle) and
    ``options`` apply to every document; ``timeout`` (seconds, POSIX only)
    turns a document that takes longer into an error result.  ``window``
    bounds how many documents are in flight (default ``64 * workers``).
    ``as_json=True`` gives each bulletin as its compact JSON text
    (:attr:`Result.json`, what ``Bulletin.to_json(indent=None)`` gives) instead
    of the object: the workers write it, and only text comes back to this
    process, for callers that write JSON anyway.

    An unknown parser name, a parser that does not pickle and bad arguments
    raise at once; a failure on one document is reported in its result only.

    >>> from pathlib import Path
    >>> for r in parse_many([Path("seeds/001_0c3caed24b89a787.txt"), Path("missing.txt")], workers=2):
    ...     print(r.status, r.source, r.parser, r.error)
    ok seeds/001_0c3caed24b89a787.txt generic None
    error missing.txt None missing.txt: FileNotFoundError: No such file or directory
    """
    count, size = check_workers(workers, window)
    _check_timeout_supported(timeout, count)
    job = make_job(parser, options, timeout, check_pickle=count > 1)
    task = parse_to_json if as_json else parse_document
    return ordered_map(task, sources, job, workers=count, window=size, crashed=_crashed_result(job))
