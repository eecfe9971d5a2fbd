"""Results as tables: one row per article, for pyarrow, pandas and Parquet (the ``tables`` extra).

The rows are those of the ``csv`` format (:mod:`bulletin.export.records`)
with four columns in front that say which document a row comes from:
``document`` (its position in the input), ``source``, ``status`` and
``parser``, and ``error`` for an input that failed (one row, article fields
empty).  A document without articles gives no row.  The inputs are
:class:`~bulletin.model.Bulletin` objects or the results of
:func:`~bulletin.batch.parse_many`, mixed as you like:

>>> import bulletin
>>> results = bulletin.parse_many(["王明主持会议\\n\\n本报讯 会议举行。", b"\\xff\\x00\\xfe"], workers=1)
>>> [(row["document"], row["status"], row["title"]) for row in rows(results)]
[(0, 'ok', '王明主持会议'), (1, 'error', None)]

``to_arrow(results)`` and ``to_pandas(results)`` make the table;
``write_parquet(results, "corpus.parquet")`` writes it a row group at a time.

``pip install 'bulletin[tables]'`` installs pyarrow and pandas.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bulletin.batch import Result
from bulletin.export.records import COLUMNS, records
from bulletin.model import Bulletin

if TYPE_CHECKING:
    import os

__all__ = ["ALL_COLUMNS", "ParquetSink", "rows", "to_arrow", "to_pandas", "write_parquet"]

#: Every column of a table, in order.
ALL_COLUMNS: tuple[str, ...] = ("document", "source", "status", "parser", "error", *COLUMNS)

_INTEGERS = frozenset({"document", "article", "span_start", "span_end"})


def _require(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise ImportError(
            f"{module} is needed for tables; install it with: pip install 'bulletin[tables]'"
        ) from None


def _document_rows(index: int, item: Result | Bulletin) -> Iterator[dict[str, Any]]:
    if isinstance(item, Bulletin):
        head: dict[str, Any] = {"document": index, "source": None, "status": "ok", "parser": item.parser, "error": None}
        bulletin: Bulletin | None = item
    elif isinstance(item, Result):
        head = {"document": item.index, "source": item.source, "status": item.status, "parser": item.parser,
                "error": item.error}
        bulletin = item.bulletin
    else:
        raise TypeError(f"expected a Bulletin or a parse_many result, got {type(item).__name__}")
    if bulletin is None:
        yield {**head, **dict.fromkeys(COLUMNS)}
        return
    for record in records(bulletin):
        yield {**head, **record}


def rows(items: Iterable[Result | Bulletin]) -> Iterator[dict[str, Any]]:
    """Every row of the table, lazily, keys in :data:`ALL_COLUMNS` order."""
    for index, item in enumerate(items):
        yield from _document_rows(index, item)


def arrow_schema() -> Any:
    """The :class:`pyarrow.Schema` of the table: integers for positions and spans, strings otherwise."""
    pa = _require("pyarrow")
    return pa.schema([(name, pa.int64() if name in _INTEGERS else pa.string()) for name in ALL_COLUMNS])


def _batch(chunk: list[dict[str, Any]]) -> Any:
    pa = _require("pyarrow")
    return pa.RecordBatch.from_pylist(chunk, schema=arrow_schema())


def to_arrow(items: Iterable[Result | Bulletin]) -> Any:
    """A :class:`pyarrow.Table` of :func:`rows`."""
    pa = _require("pyarrow")
    return pa.Table.from_pylist(list(rows(items)), schema=arrow_schema())


def to_pandas(items: Iterable[Result | Bulletin]) -> Any:
    """A :class:`pandas.DataFrame` of :func:`rows` (pandas alone is enough)."""
    pd = _require("pandas")
    frame = pd.DataFrame.from_records(list(rows(items)), columns=list(ALL_COLUMNS))
    for name in _INTEGERS:
        frame[name] = frame[name].astype("Int64")
    return frame


class ParquetSink:
    """Rows written to a Parquet file a row group at a time, so memory stays flat for any batch."""

    def __init__(self, path: str | os.PathLike[str], *, group_rows: int = 2000) -> None:
        parquet = _require("pyarrow.parquet")
        self.path = Path(path)
        self.group_rows = group_rows
        self._pending: list[dict[str, Any]] = []
        self._writer = parquet.ParquetWriter(str(self.path), arrow_schema())
        self._documents = 0

    def add(self, item: Result | Bulletin) -> None:
        """Add the rows of one document."""
        self._pending.extend(_document_rows(self._documents, item))
        self._documents += 1
        if len(self._pending) >= self.group_rows:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            self._writer.write_batch(_batch(self._pending))
            self._pending = []

    def close(self) -> None:
        self.flush()
        self._writer.close()

    def __enter__(self) -> ParquetSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_parquet(items: Iterable[Result | Bulletin], path: str | os.PathLike[str]) -> None:
    """Write :func:`rows` to a Parquet file (``bulletin parse DIR --out corpus.parquet`` does this)."""
    with ParquetSink(path) as sink:
        for item in items:
            sink.add(item)
