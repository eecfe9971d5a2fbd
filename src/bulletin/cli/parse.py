"""``bulletin parse``: parse a bulletin and print it as JSON, Markdown or plain text."""

from __future__ import annotations

import argparse
from typing import TextIO

from bulletin.cli.common import EXIT_OK, Command, read_input

__all__ = ["COMMAND"]


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", help="a text file, or - for standard input")
    parser.add_argument("--source", help="the source parser to use (default: chosen by detection)")
    parser.add_argument("--format", choices=("json", "markdown", "text"), default="json")
    parser.add_argument("--compact", action="store_true", help="JSON on one line")


def _run(args: argparse.Namespace, out: TextIO) -> int:
    from bulletin.api import parse
    from bulletin.export.markdown import to_markdown
    from bulletin.export.text import to_text

    bulletin = parse(read_input(args.input), parser=args.source)
    if args.format == "json":
        out.write(bulletin.to_json(indent=None if args.compact else 1) + "\n")
    elif args.format == "markdown":
        out.write(to_markdown(bulletin) + "\n")
    else:
        out.write(to_text(bulletin) + "\n")
    return EXIT_OK


COMMAND = Command("parse", "parse a bulletin into articles", _configure, _run)
