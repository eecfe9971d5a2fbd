"""``bulletin parse``: parse bulletins and print them as JSON, Markdown, text, ninjs or Gigaword SGML.

One input prints one document; several inputs, a directory or a glob run in
batch mode (see :mod:`bulletin.cli.batch`): one JSON line per input.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bulletin.cli.batch import add_batch_arguments, is_batch, run_batch
from bulletin.cli.common import EXIT_OK, Command, UsageError, add_input_arguments, read_input

if TYPE_CHECKING:
    from bulletin.model import Bulletin

__all__ = ["COMMAND"]

_FORMATS = ("json", "markdown", "text", "ninjs", "gigaword")


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="text files, directories or globs; - for stdin")
    add_input_arguments(parser)
    parser.add_argument("--source", help="the source parser to use (default: chosen by detection)")
    parser.add_argument("--format", choices=_FORMATS, default="json")
    parser.add_argument("--compact", action="store_true", help="JSON on one line")
    parser.add_argument("--pages", metavar="RANGE", help="pages of a PDF input to read: 3, 3-5, 1,4-6 (default: all)")
    add_batch_arguments(parser)


def _run(args: argparse.Namespace, out: TextIO) -> int:
    if is_batch(args.inputs) or args.out:
        return run_batch(args.inputs, args, out)
    from bulletin.export import export

    bulletin = _parse_one(args)
    if args.format == "json":
        out.write(bulletin.to_json(indent=None if args.compact else 1) + "\n")
    else:
        out.write(export(bulletin, args.format) + "\n")
    return EXIT_OK


def _parse_one(args: argparse.Namespace) -> Bulletin:
    """One input: a PDF (recognised by its first bytes) is read with its layout, anything else as text."""
    from bulletin.api import parse
    from bulletin.documents import document_kind

    name = args.inputs[0]
    pages = None
    if args.pages:
        from bulletin.pdf.reader import parse_pages

        try:
            pages = parse_pages(args.pages)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    if name != "-" and Path(name).is_file():
        with open(name, "rb") as handle:
            kind = document_kind(handle.read(1024))
        if kind == "pdf" or (kind != "text" and pages is None):
            return parse(Path(name), parser=args.source, pages=pages, errors=args.errors, max_bytes=args.max_bytes)
    if pages is not None:
        raise UsageError(f"{name}: --pages applies to a PDF input")
    return parse(read_input(name, args), parser=args.source)


COMMAND = Command("parse", "parse bulletins into articles", _configure, _run)
