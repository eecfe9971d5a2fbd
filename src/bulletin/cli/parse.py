"""``bulletin parse``: parse bulletins and print them as JSON, Markdown, text, ninjs or Gigaword SGML.

One input prints one document; several inputs, a directory or a glob run in
batch mode (see :mod:`bulletin.cli.batch`): one JSON line per input.
"""

from __future__ import annotations

import argparse
import datetime
from typing import TYPE_CHECKING, TextIO

from bulletin.cli.batch import add_batch_arguments, is_batch, run_batch
from bulletin.cli.common import EXIT_OK, Command, add_input_arguments, input_error, read_input

if TYPE_CHECKING:
    from bulletin.model import IssueDate
    from bulletin.parsing.state import ParseOptions

__all__ = ["COMMAND", "issue_date", "parse_options"]

_FORMATS = ("json", "markdown", "text", "ninjs", "gigaword")


def issue_date(value: str) -> IssueDate:
    """``--issue-date``: ``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` for a monthly or yearly issue.

    >>> issue_date("2024-11-05").iso(), issue_date("2024-11").iso()
    ('2024-11-05', '2024-11')
    >>> issue_date("2024-13-01")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected YYYY-MM-DD (or YYYY-MM, YYYY), got '2024-13-01'
    """
    from bulletin.errors import ModelError
    from bulletin.model import IssueDate

    parts = value.split("-")
    ok = 1 <= len(parts) <= 3 and len(parts[0]) == 4 and all(p.isdigit() and 1 <= len(p) <= 4 for p in parts)
    try:
        if ok:
            date = IssueDate.from_iso(value)
            if date.day is not None:
                datetime.date(date.year, date.month or 1, date.day)
            return date
    except (ModelError, ValueError):
        pass
    raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}")


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="text files, directories or globs; - for stdin")
    add_input_arguments(parser)
    parser.add_argument("--source", help="the source parser to use (default: chosen by detection)")
    parser.add_argument("--issue-date", type=issue_date, metavar="YYYY-MM-DD",
                        help="the date of the issue, which fixes the year of datelines that print none")
    parser.add_argument("--format", choices=_FORMATS, default="json")
    parser.add_argument("--compact", action="store_true", help="JSON on one line")
    add_batch_arguments(parser)


def parse_options(args: argparse.Namespace) -> ParseOptions:
    """The parse options the arguments ask for (``--issue-date``)."""
    from bulletin.parsing.state import ParseOptions

    return ParseOptions(issue_date=getattr(args, "issue_date", None))


def _run(args: argparse.Namespace, out: TextIO) -> int:
    if is_batch(args.inputs) or args.out:
        return run_batch(args.inputs, args, out)
    from bulletin.api import parse
    from bulletin.errors import BulletinDecodeError, InputTooLargeError, SourceParserError
    from bulletin.export import export

    name = args.inputs[0]
    try:
        bulletin = parse(read_input(name, args), parser=args.source, options=parse_options(args))
    except (SourceParserError, BulletinDecodeError, InputTooLargeError) as exc:
        raise input_error(name, exc) from exc
    if args.format == "json":
        out.write(bulletin.to_json(indent=None if args.compact else 1) + "\n")
    else:
        out.write(export(bulletin, args.format) + "\n")
    return EXIT_OK


COMMAND = Command("parse", "parse bulletins into articles", _configure, _run)
