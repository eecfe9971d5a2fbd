"""The JSON Schema of the model's JSON: valid itself, and every real output validates against it."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path
from typing import Any

import pytest

import bulletin
from bulletin.export.schema import json_schema
from conftest import ROOT, SEEDS

jsonschema = pytest.importorskip("jsonschema")

INPUTS = sorted(SEEDS.glob("*.txt")) + sorted((ROOT / "tests" / "data" / "samples").glob("*.txt"))


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_real_outputs_validate(path: Path, validator: Any) -> None:
    data = json.loads(bulletin.parse(path).to_json())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert not errors, errors[:5]


def test_the_schema_rejects_what_the_contract_forbids(validator: Any) -> None:
    data = json.loads(bulletin.parse(SEEDS / "001_0c3caed24b89a787.txt").to_json())
    data["articles"][1]["dateline"]["date"] = "June 2"
    data["articles"][0]["span"] = [3]
    data["articles"][0]["surprise"] = 1
    messages = " ".join(e.message for e in validator.iter_errors(data))
    assert "June 2" in messages
    assert "surprise" in messages
    assert "[3]" in messages


def test_every_model_class_has_a_definition() -> None:
    defs = json_schema()["$defs"]
    expected = {"Article", "Byline", "Caption", "Column", "Dateline", "Furniture", "Headline", "HeadlinePart",
                "IssueDate", "Note", "Paragraph", "Source", "Span", "Subhead", "TocEntry"}  # fmt: skip
    assert expected <= set(defs)
    assert defs["Dateline"]["properties"]["resolved"] == {"type": "boolean", "description": "whether date is certain"}
    assert {"title", "kicker", "subtitle", "column", "headline"} <= set(defs["Article"]["required"])


def test_schema_command_prints_the_schema() -> None:
    from bulletin.cli import schema as schema_command

    out = io.StringIO()
    assert schema_command.COMMAND.run(argparse.Namespace(compact=True), out) == 0
    assert json.loads(out.getvalue()) == json_schema()
    assert out.getvalue().count("\n") == 1


def test_schema_command_through_main(capsys: pytest.CaptureFixture[str]) -> None:
    from bulletin.cli.main import COMMANDS, main

    if "schema" not in {command.name for command in COMMANDS}:
        pytest.skip("the schema command is not registered in bulletin.cli.main yet")
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["$id"] == "urn:bulletin:schema:bulletin.json"
