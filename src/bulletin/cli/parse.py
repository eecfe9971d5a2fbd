"""``bulletin parse``: parse bulletins and print them as JSON, Markdown, text, ninjs or Gigaword SGML.

One input prints one document; several inputs, a directory or a glob run in
batch mode (see :mod:`bulletin.cli.batch`): one JSON line per input.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from bulletin.cli.batch import add_batch_arguments, is_batch, run_batch
from bulletin.cli.common import EXIT_OK, Command, add_input_arguments, ascii_safe, read_input

__all__ = ["COMMAND"]

_FORMATS = ("json", "markdown", "text", "ninjs", "gigaword")


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="text files, directories or globs; - for stdin")
    add_input_arguments(parser)
    parser.add_argument("--source", help="the source parser to use (default: chosen by detection)")
    parser.add_argument("--format", choices=_FORMATS, default="json")
    parser.add_argument("--compact", action="store_true", help="JSON on one line")
    add_batch_arguments(parser)


def _run(args: argparse.Namespace, out: TextIO) -> int:
    if is_batch(args.inputs) or args.out:
        return run_batch(args.inputs, args, out)
    from bulletin.api import parse
    from bulletin.export import export

    bulletin = parse(read_input(args.inputs[0], args), parser=args.source)
    if args.format == "json":
        ascii_safe(out).write(bulletin.to_json(indent=None if args.compact else 1) + "\n")
    else:
        out.write(export(bulletin, args.format) + "\n")
    return EXIT_OK


COMMAND = Command("parse", "parse bulletins into articles", _configure, _run)
