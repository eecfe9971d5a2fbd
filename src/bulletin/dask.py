"""Parse corpora larger than one machine with Dask: :func:`parse_bag`.

Needs the ``dask`` extra (``pip install 'bulletin[dask]'``).  The parser and
options travel to the Dask workers by pickling, so a custom source parser must
be importable there (installed on every worker, like ``bulletin`` itself).
``docs/dask.md`` has a worked example, on a local and on a real cluster.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from bulletin.batch import Job, describe, make_job, parse_document
from bulletin.parsers.base import SourceParser
from bulletin.parsing.state import ParseOptions

if TYPE_CHECKING:
    import dask.bag

__all__ = ["parse_bag", "parse_partition"]

_MISSING = "bulletin.dask needs Dask: pip install 'bulletin[dask]' (dask[bag,distributed])"


def _require_dask() -> None:
    try:
        import dask.bag  # noqa: F401
    except ImportError as exc:
        raise ImportError(f"{_MISSING}; importing it failed with: {exc}") from exc


def parse_partition(items: Any, job: Job) -> list[dict[str, Any]]:
    """Parse the texts or paths of one partition into records (what :func:`parse_bag` maps)."""
    records = []
    for index, item in enumerate(items):
        result = parse_document(job, index, item)
        record = result.to_dict()
        if record["source"].startswith("<"):  # in-memory input: a name that holds across partitions
            data = item.encode("utf-8") if isinstance(item, str) else bytes(item)
            name = f"<{'bytes' if isinstance(item, bytes) else 'text'} {hashlib.blake2b(data, digest_size=6).hexdigest()}>"
            old = describe(index, item, paths=job.paths)
            record["source"] = name
            if record.get("error"):
                record["error"] = name + record["error"][len(old):]
        records.append(record)
    return records


def parse_bag(
    bag: dask.bag.Bag,
    *,
    parser: SourceParser | str | None = None,
    options: ParseOptions | None = None,
    paths: bool = False,
) -> dask.bag.Bag:
    """A bag of parse records, one per text (``str`` or ``bytes``) or path in ``bag``.

    Each record is a dict as ``bulletin parse --out`` writes it:
    ``{"source", "status", "parser", "bulletin"}`` when the document parsed
    (``bulletin`` is :meth:`Bulletin.to_dict` output) or ``{"source",
    "status", "parser", "error", "error_type"}`` when it did not, so one bad
    document never fails the computation.  With ``paths=True`` the ``str``
    items are file paths, read by the workers (which must see those files);
    otherwise they are text.  ``source`` is the path, or ``<text HASH>`` for
    text.  ``bag.filter(lambda r: r["status"] == "ok").pluck("bulletin")``
    keeps the parsed bulletins; :meth:`Bulletin.from_dict` rebuilds one.

    ``parser`` (a name or a source parser object) and ``options`` must pickle;
    an unknown name raises here, before anything is computed.
    """
    _require_dask()
    job = make_job(parser, options, None, paths=paths)
    records: dask.bag.Bag = bag.map_partitions(parse_partition, job)  # type: ignore[no-untyped-call]
    return records
