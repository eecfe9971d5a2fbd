"""The county-paper parser on its fixture file, checked with bulletin's own testing helpers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from bulletin_countypaper import CountyPaperParser

from bulletin.testing import Fixture, assert_parses, pinned_registry, read_fixtures

CASES = read_fixtures(Path(__file__).parent / "fixtures" / "countypaper.txt")


@pytest.fixture(autouse=True)
def _this_parser_and_the_built_in_ones() -> Iterator[None]:
    """The same results whatever other parser packages are installed."""
    with pinned_registry([CountyPaperParser()]):
        yield


@pytest.mark.parametrize("case", CASES, ids=[case.title for case in CASES])
def test_fixture(case: Fixture) -> None:
    assert_parses(case.input, case.expected, parser="countypaper")
