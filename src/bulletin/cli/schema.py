"""``bulletin schema``: print the JSON Schema of ``bulletin parse --format json`` output."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from bulletin.cli.common import EXIT_OK, Command

__all__ = ["COMMAND"]


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--compact", action="store_true", help="the schema on one line")


def _run(args: argparse.Namespace, out: TextIO) -> int:
    from bulletin.export.schema import json_schema

    out.write(json.dumps(json_schema(), ensure_ascii=False, indent=None if args.compact else 1) + "\n")
    return EXIT_OK


COMMAND = Command("schema", "print the JSON Schema of the JSON that parse prints", _configure, _run)
