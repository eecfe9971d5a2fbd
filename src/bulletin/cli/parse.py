"""``bulletin parse``: parse bulletins and print them as an outline, JSON, Markdown, text, HTML, ninjs or Gigaword.

One input prints one document: by default a readable outline when standard
output is a terminal and compact JSON when it is a pipe or a file.  Several
inputs, a directory or a glob run in batch mode (see :mod:`bulletin.cli.batch`):
one JSON line per input.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bulletin.cli.batch import add_batch_arguments, is_batch, run_batch
from bulletin.cli.common import (
    EXIT_OK,
    Command,
    UsageError,
    add_input_arguments,
    ascii_safe,
    input_error,
    read_input,
)

if TYPE_CHECKING:
    from bulletin.model import Bulletin, IssueDate
    from bulletin.parsing.state import ParseOptions

__all__ = ["COMMAND", "FORMAT_HELP", "issue_date", "parse_options"]

#: Every ``--format`` and what it prints; ``auto`` is the default.
FORMAT_HELP: dict[str, str] = {
    "auto": "an outline at a terminal, compact JSON in a pipe or file",
    "outline": "a few lines per article: headline, dateline, bylines, first line of body; furniture counts",
    "json": "the model's JSON (indented at a terminal, compact otherwise; see bulletin schema)",
    "markdown": "a page to read: headline anatomy, credits, body",
    "text": "plain text: headline, credits, body",
    "html": "the original text with every element highlighted by kind (as bulletin show)",
    "csv": "one row per article: headline, dateline, bylines, sources, body, span",
    "ninjs": "IPTC ninjs 2.1 JSON lines, one item per article",
    "gigaword": "Gigaword-style SGML, one DOC per article",
}


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
    parser.add_argument(
        "--format",
        choices=tuple(FORMAT_HELP),
        default="auto",
        metavar="FORMAT",
        help="output format (default: auto):\n" + "\n".join(f"  {name}: {text}" for name, text in FORMAT_HELP.items()),
    )
    parser.add_argument("--compact", action="store_true", help="JSON on one line, at a terminal too")
    parser.add_argument("--pages", metavar="RANGE", help="pages of a PDF input to read: 3, 3-5, 1,4-6 (default: all)")
    add_batch_arguments(parser)


def parse_options(args: argparse.Namespace) -> ParseOptions:
    """The parse options the arguments ask for (``--issue-date``)."""
    from bulletin.parsing.state import ParseOptions

    return ParseOptions(issue_date=getattr(args, "issue_date", None))


def _run(args: argparse.Namespace, out: TextIO) -> int:
    rendered = args.format not in ("auto", "json")
    if is_batch(args.inputs) or (args.out and not rendered):
        return run_batch(args.inputs, args, out)
    if args.out:  # one input in a chosen format, into a file: `parse page.txt --format csv -o page.csv`
        try:
            with open(args.out, "w", encoding="utf-8") as target:
                return _run_one(args, target)
        except OSError as exc:
            raise UsageError(f"{args.out}: cannot be written ({exc.strerror or exc})") from exc
    return _run_one(args, out)


def _run_one(args: argparse.Namespace, out: TextIO) -> int:
    """Parse one input and print it; only the chosen format's code is imported."""
    from bulletin.errors import BulletinDecodeError, InputTooLargeError, SourceParserError

    name = args.inputs[0]
    try:
        bulletin = _parse_one(args, name)
    except (SourceParserError, BulletinDecodeError, InputTooLargeError) as exc:
        raise input_error(name, exc) from exc
    terminal = _is_terminal(out)
    fmt = args.format if args.format != "auto" else ("outline" if terminal else "json")
    if fmt == "json":  # written article by article: the whole text is never held
        from bulletin.serialize import write_json

        stream = ascii_safe(out)
        write_json(bulletin, stream, indent=1 if terminal and not args.compact else None)
        stream.write("\n")
    elif fmt == "outline":
        from bulletin.export.outline import to_outline

        out.write(to_outline(bulletin, width=shutil.get_terminal_size().columns, color=terminal and _colour()) + "\n")
    else:
        from bulletin.export import export

        out.write(export(bulletin, fmt) + "\n")
    return EXIT_OK


def _is_terminal(out: TextIO) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


def _colour() -> bool:
    """Colour unless the user asked for none (``NO_COLOR``, https://no-color.org) or the terminal is dumb."""
    return not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def _parse_one(args: argparse.Namespace, name: str) -> Bulletin:
    """One input: a PDF or an HTML page (recognised by its first bytes) is read with its layout,
    anything else as text."""
    from bulletin.api import parse
    from bulletin.documents import document_kind

    pages = None
    if args.pages:
        from bulletin.pdf.reader import parse_pages

        try:
            pages = parse_pages(args.pages)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    options = parse_options(args)
    if name != "-" and Path(name).is_file():
        with open(name, "rb") as handle:
            kind = document_kind(handle.read(1024))
        if kind == "pdf" or (kind != "text" and pages is None):
            return parse(
                Path(name), parser=args.source, pages=pages, errors=args.errors, max_bytes=args.max_bytes, options=options
            )
    if pages is not None:
        raise UsageError(f"{name}: --pages applies to a PDF input")
    return parse(read_input(name, args), parser=args.source, options=options)


COMMAND = Command("parse", "parse bulletins into articles", _configure, _run)
