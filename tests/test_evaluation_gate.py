"""The evaluation gate: the seed bulletins must keep scoring above their floors.

The floors are the issue's targets (score >= 0.92, articles F1 >= 0.95, full
coverage). A change that lowers extraction quality below them fails CI.
"""

from __future__ import annotations

import json

import pytest

import bulletin
from bulletin.evaluation import Report, score, score_many
from conftest import GOLD, SEEDS

FLOORS = {"overall": 0.92, "articles_f1": 0.95, "coverage": 1.0}


def _cases() -> list[tuple[dict[str, object], dict[str, object], str]]:
    cases = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (SEEDS / str(gold["file"])).read_text(encoding="utf-8")
        cases.append((gold, bulletin.parse(text).to_dict(), text))
    return cases


@pytest.fixture(scope="module")
def report() -> Report:
    return score_many(_cases())


def test_every_seed_has_an_annotation() -> None:
    assert sorted(p.stem for p in GOLD.glob("*.json")) == sorted(p.stem for p in SEEDS.glob("*.txt"))


def test_overall_score_floor(report: Report) -> None:
    assert report.overall >= FLOORS["overall"], report.fields


def test_article_segmentation_floor(report: Report) -> None:
    assert report.fields["articles_f1"] >= FLOORS["articles_f1"], report.misses


def test_full_coverage(report: Report) -> None:
    assert report.fields["coverage"] == FLOORS["coverage"]


@pytest.mark.parametrize("case", _cases(), ids=lambda c: str(c[0]["file"]))
def test_each_seed_covers_all_its_text(case: tuple[dict[str, object], dict[str, object], str]) -> None:
    gold, pred, text = case
    assert score(gold, pred, text).fields["coverage"] == 1.0


# The dev set: 28 real texts of the kinds users bring (web and e-paper pages, wires, digests,
# newsletters, traditional-script papers, PDF pages).  Its floors sit a little under what the
# parser reaches, so a change that loses real-text accuracy fails here, not only in a hidden score.
DEV = GOLD.parent / "dev"
DEV_FLOORS = {"overall": 0.90, "articles_f1": 0.85, "coverage": 1.0}


@pytest.fixture(scope="module")
def dev_report() -> Report:
    from bulletin.evaluation import score_directory

    return score_directory(DEV / "gold", DEV / "raw")


def test_dev_set_overall_floor(dev_report: Report) -> None:
    assert dev_report.overall >= DEV_FLOORS["overall"], dev_report.fields


def test_dev_set_segmentation_floor(dev_report: Report) -> None:
    assert dev_report.fields["articles_f1"] >= DEV_FLOORS["articles_f1"], dev_report.fields


def test_dev_set_full_coverage(dev_report: Report) -> None:
    assert dev_report.fields["coverage"] == DEV_FLOORS["coverage"]
