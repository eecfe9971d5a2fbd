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

import json
import os
import pickle
import signal
import threading
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
        else:
            record["error"] = self.error
            record["error_type"] = self.error_type
        return record


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
    if timeout is not None and timeout <= 0:
        raise ValueError(f"timeout must be positive, got {timeout!r}")
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
    except (Exception, SystemExit) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        message, kind = f"{type(exc).__name__}: {detail}", type(exc).__name__
    return Result(index=index, source=source, status="error", error=f"{source}: {message}", error_type=kind, parser=name)


def json_line(job: Job, index: int, item: object) -> tuple[bool, str]:
    """Parse one input into its JSON line (done in the worker, so the parent only writes)."""
    result = parse_document(job, index, item)
    try:
        line = json.dumps(result.to_dict(), ensure_ascii=False)
    except Exception as exc:  # a bad model that only fails when serialised
        name = result.parser or "?"
        message = f"{result.source}: source parser {name!r} failed: its bulletin does not serialise: {type(exc).__name__}: {exc}"
        result = Result(index=index, source=result.source, status="error", error=message,
                        error_type="SourceParserError", parser=result.parser)
        line = json.dumps(result.to_dict(), ensure_ascii=False)
    return result.ok, line


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


def _init_worker(job: Job) -> None:
    global _WORKER_JOB
    _WORKER_JOB = job
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def _call(task: Callable[[Job, int, object], T], index: int, item: object) -> T:
    assert _WORKER_JOB is not None
    return task(_WORKER_JOB, index, item)


def ordered_map(
    task: Callable[[Job, int, object], T],
    items: Iterable[object],
    job: Job,
    *,
    workers: int,
    window: int,
    crashed: Callable[[int, object, str], T],
) -> Iterator[T]:
    """``task(job, i, item)`` for every item, in input order, on ``workers`` processes.

    At most ``window`` items are read ahead of the one being yielded.  When a
    worker process dies (a plug-in that segfaults or calls ``os._exit``), the
    documents it may have been working on are run again one at a time in a
    fresh process, and the one that kills it again gets ``crashed(i, item, why)``.
    """
    numbered = enumerate(items)
    if workers == 1:
        for index, item in numbered:
            yield task(job, index, item)
        return
    from concurrent.futures.process import BrokenProcessPool

    pool = _pool(workers, job)
    pending: dict[int, tuple[object, concurrent.futures.Future[T]]] = {}
    next_index = 0
    exhausted = False
    try:
        while True:
            while not exhausted and len(pending) < window:
                try:
                    index, item = next(numbered)
                except StopIteration:
                    exhausted = True
                    break
                pending[index] = (item, pool.submit(_call, task, index, item))
            if not pending:
                return
            item, future = pending[next_index]
            try:
                value = future.result()
            except BrokenProcessPool:
                pool.shutdown(wait=True, cancel_futures=True)
                yield from _rerun_alone(task, pending, job, crashed)
                next_index += len(pending)
                pending.clear()
                pool = _pool(workers, job)
                continue
            except Exception as exc:  # e.g. a result that does not pickle
                value = crashed(next_index, item, f"{type(exc).__name__}: {exc}")
            del pending[next_index]
            next_index += 1
            yield value
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _pool(workers: int, job: Job) -> concurrent.futures.ProcessPoolExecutor:
    import concurrent.futures

    return concurrent.futures.ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(job,))


def _rerun_alone(
    task: Callable[[Job, int, object], T],
    pending: dict[int, tuple[object, concurrent.futures.Future[T]]],
    job: Job,
    crashed: Callable[[int, object, str], T],
) -> Iterator[T]:
    """After a worker died: keep what finished, run the rest one by one to find the document that kills it."""
    from concurrent.futures.process import BrokenProcessPool

    solo: concurrent.futures.ProcessPoolExecutor | None = None
    try:
        for index in sorted(pending):
            item, future = pending[index]
            if future.done() and not future.cancelled() and future.exception() is None:
                yield future.result()
                continue
            solo = solo or _pool(1, job)
            try:
                value = solo.submit(_call, task, index, item).result()
            except BrokenProcessPool:
                solo.shutdown(wait=True)
                solo = None
                value = crashed(index, item, "the worker process died while parsing it")
            except Exception as exc:
                value = crashed(index, item, f"{type(exc).__name__}: {exc}")
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
    size = 4 * count if window is None else window
    if size < 1:
        raise ValueError(f"window must be at least 1, got {window!r}")
    return count, size


def _crashed_result(job: Job) -> Callable[[int, object, str], Result]:
    def crashed(index: int, item: object, why: str) -> Result:
        source = describe(index, item, paths=job.paths)
        name = None if job.parser is None else job.parser if isinstance(job.parser, str) else _name_of(job.parser)
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
) -> Iterator[Result]:
    """Parse many bulletins on ``workers`` processes; yield one :class:`Result` per input, in input order.

    Each input is what :func:`bulletin.parse` takes: a ``str`` is text,
    ``bytes`` are decoded, and a path (``pathlib.Path``) is read by the worker,
    so only the path crosses between processes.  ``workers`` defaults to the
    number of CPUs; with ``workers=1`` everything runs in this process.
    ``parser`` is a source parser's name or object (it must pickle) and
    ``options`` apply to every document; ``timeout`` (seconds, POSIX only)
    turns a document that takes longer into an error result.  ``window``
    bounds how many documents are in flight (default ``4 * workers``).

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
    return ordered_map(parse_document, sources, job, workers=count, window=size, crashed=_crashed_result(job))
