"""Tables: records and CSV need nothing; Arrow, pandas and Parquet need the `tables` extra (skipped without)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import bulletin
from bulletin.cli import main
from bulletin.export import export
from bulletin.export.records import COLUMNS
from bulletin.tables import ALL_COLUMNS, rows
from conftest import SEEDS

SEED = SEEDS / "001_0c3caed24b89a787.txt"


def test_records_have_one_row_per_article_with_the_fields_flat() -> None:
    parsed = bulletin.parse(SEED)
    table = export(parsed, "records")
    assert len(table) == len(parsed)
    assert all(list(row) == list(COLUMNS) for row in table)
    second = table[1]
    assert second["column"] == "伟大征程"
    assert (second["dateline_agency"], second["dateline_place"], second["dateline_date"]) == ("新华社", "北京", "--06-02")
    assert second["bylines"] == "胡了然"
    assert second["roles"] == "新华社记者"
    assert parsed.text[second["span_start"]:second["span_end"]] == parsed.text[parsed[1].span]
    assert second["body"] == parsed[1].body


def test_csv_reads_back_as_the_records(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED), "--format", "csv"]) == 0
    read = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    table = export(bulletin.parse(SEED), "records")
    assert [r["title"] for r in read] == [r["title"] for r in table]
    assert [r["body"] for r in read] == [r["body"] for r in table]  # multi-line bodies survive quoting
    assert read[0]["kicker"] == table[0]["kicker"]


def test_rows_of_a_batch_name_the_document_and_keep_failures() -> None:
    results = bulletin.parse_many([SEED, b"\xff\x00\xfe", "本报讯 会议举行。"], workers=1)
    found = list(rows(results))
    assert all(list(row) == list(ALL_COLUMNS) for row in found)
    assert [r["document"] for r in found] == [0, 0, 0, 0, 1, 2]
    failed = found[4]
    assert failed["status"] == "error"
    assert failed["error"]
    assert failed["title"] is None
    assert found[0]["source"] == str(SEED)


def test_to_arrow_and_to_pandas() -> None:
    pa = pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    from bulletin.tables import to_arrow, to_pandas

    results = list(bulletin.parse_many([SEED, b"\xff\x00\xfe"], workers=1))
    table = to_arrow(results)
    assert table.num_rows == 5
    assert table.column_names == list(ALL_COLUMNS)
    assert table.schema.field("span_start").type == pa.int64()
    frame = to_pandas(results)
    assert list(frame.columns) == list(ALL_COLUMNS)
    assert frame.loc[1, "column"] == "伟大征程"
    assert frame["status"].tolist() == ["ok"] * 4 + ["error"]
    assert to_pandas([bulletin.parse(SEED)])["title"].tolist() == [a.title for a in bulletin.parse(SEED)]


def test_a_batch_writes_parquet(tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED.read_bytes())
    (folder / "b.txt").write_bytes(b"\x00\x01" * 40)
    out = tmp_path / "corpus.parquet"
    assert main(["parse", str(folder), "--out", str(out), "--jobs", "1"]) == 1  # b.txt fails
    table = parquet.read_table(out).to_pylist()
    assert [(r["source"], r["status"]) for r in table] == [(str(folder / "a.txt"), "ok")] * 4 + [(str(folder / "b.txt"), "error")]
    assert table[1]["dateline_agency"] == "新华社"
    assert main(["parse", str(folder), "--out", str(out), "--resume"]) == 2


def test_without_pyarrow_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pyarrow", None)  # what an absent package looks like to import
    from bulletin.tables import to_arrow

    with pytest.raises(ImportError, match=r"bulletin\[tables\]"):
        to_arrow([bulletin.parse("本报讯 会议举行。")])


def test_json_lines_stay_the_default_batch_output(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("本报讯 会议举行。", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(folder), "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["status"] == "ok"


def test_one_input_in_a_chosen_format_goes_to_out(tmp_path: Path) -> None:
    target = tmp_path / "page.csv"
    assert main(["parse", str(SEED), "--format", "csv", "-o", str(target)]) == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == len(bulletin.parse(SEED))
