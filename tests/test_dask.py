"""``bulletin.dask.parse_bag`` on a ``dask.distributed.LocalCluster`` with worker processes."""

from __future__ import annotations

import doctest
import fnmatch
import sys
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import pytest

import bulletin
from conftest import ROOT, SEEDS

HAVE_DASK = all(find_spec(name) is not None for name in ("dask", "distributed"))
needs_dask = pytest.mark.skipif(
    not HAVE_DASK, reason="dask[bag,distributed] is not installed (pip install 'bulletin[dask]')"
)

SEED_PATHS = sorted(str(p.relative_to(ROOT)) for p in SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        yield local


@pytest.fixture
def client(cluster: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from dask.distributed import Client

    monkeypatch.chdir(ROOT)  # the workers were started here too: relative seed paths resolve alike
    with Client(cluster) as connected:
        yield connected


@needs_dask
def test_paths_parse_on_worker_processes_as_they_do_locally(client: Any) -> None:
    import os

    import dask.bag as db

    from bulletin.dask import parse_bag

    pids = set(client.run(os.getpid).values())
    assert len(pids) == 2
    assert os.getpid() not in pids  # the workers are processes of their own
    records = parse_bag(db.from_sequence(SEED_PATHS, npartitions=2), paths=True).compute()
    assert [r["source"] for r in records] == SEED_PATHS
    for path, record in zip(SEED_PATHS, records, strict=True):
        expected = bulletin.parse(Path(path))
        assert record["status"] == "ok"
        assert record["parser"] == expected.parser
        assert bulletin.Bulletin.from_dict(record["bulletin"]) == expected


@needs_dask
def test_texts_options_and_a_named_parser_travel_to_the_workers(client: Any) -> None:
    import dask.bag as db

    from bulletin.dask import parse_bag

    texts = [Path(p).read_text(encoding="utf-8") for p in SEED_PATHS[:2]] + ["本报讯 会议举行。"]
    options = bulletin.ParseOptions(issue_date=bulletin.IssueDate(year=2024, month=6, day=2))
    bag = parse_bag(db.from_sequence(texts, npartitions=2), parser=bulletin.get_parser("xinhua"), options=options)
    records = bag.compute()
    assert [r["parser"] for r in records] == ["xinhua"] * 3
    for text, record in zip(texts, records, strict=True):
        assert record["source"].startswith("<text ")
        assert record["bulletin"] == bulletin.parse(text, parser="xinhua", options=options).to_dict()
    assert len({r["source"] for r in records}) == 3


@needs_dask
def test_a_bad_document_is_a_record_and_a_bad_name_fails_early(client: Any) -> None:
    import dask.bag as db

    from bulletin.dask import parse_bag

    items = [SEED_PATHS[0], "seeds/missing.txt"]
    ok, missing = parse_bag(db.from_sequence(items, npartitions=2), paths=True).compute()
    assert ok["status"] == "ok"
    assert missing == {
        "source": "seeds/missing.txt",
        "status": "error",
        "parser": None,
        "error": "seeds/missing.txt: FileNotFoundError: No such file or directory",
        "error_type": "FileNotFoundError",
    }
    with pytest.raises(bulletin.UnknownSourceError):
        parse_bag(db.from_sequence(items), parser="nope")


@needs_dask
def test_docs_dask_examples_run(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    if any(fnmatch.fnmatch("docs/dask.md", g) for g in request.config.getoption("doctestglob") or ()):
        pytest.skip("docs/dask.md is collected as a doctest already (--doctest-glob)")
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
    result = doctest.testfile(str(ROOT / "docs" / "dask.md"), module_relative=False,
                              optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0


def test_a_missing_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from bulletin.dask import parse_bag

    monkeypatch.setitem(sys.modules, "dask.bag", None)  # makes `import dask.bag` fail
    with pytest.raises(ImportError, match=r"bulletin\[dask\]"):
        parse_bag(None)  # type: ignore[arg-type]
