"""``bulletin show``: write the HTML view of a parsed bulletin, every element highlighted by kind.

``bulletin show page.txt -o view.html`` writes a self-contained page (see
:mod:`bulletin.export.html`); without ``-o`` the page goes to standard output.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from bulletin.cli.common import EXIT_OK, Command, UsageError, add_input_arguments, input_error, read_input

__all__ = ["COMMAND"]


def _configure(parser: argparse.ArgumentParser) -> None:
    from bulletin.cli.parse import issue_date

    parser.add_argument("input", metavar="INPUT", help="a text file, or - for standard input")
    parser.add_argument("-o", "--out", metavar="FILE", help="write the page to FILE (default: standard output)")
    parser.add_argument("--source", help="the source parser to use (default: chosen by detection)")
    parser.add_argument("--issue-date", type=issue_date, metavar="YYYY-MM-DD",
                        help="the date of the issue, which fixes the year of datelines that print none")
    add_input_arguments(parser)


def _run(args: argparse.Namespace, out: TextIO) -> int:
    from bulletin.api import parse
    from bulletin.cli.parse import parse_options
    from bulletin.errors import BulletinDecodeError, InputTooLargeError, SourceParserError
    from bulletin.export.html import to_html

    try:
        bulletin = parse(read_input(args.input, args), parser=args.source, options=parse_options(args))
    except (SourceParserError, BulletinDecodeError, InputTooLargeError) as exc:
        raise input_error(args.input, exc) from exc
    title = "standard input" if args.input == "-" else Path(args.input).name
    page = to_html(bulletin, title=title)
    if args.out is None:
        out.write(page)
        return EXIT_OK
    try:
        Path(args.out).write_text(page, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{args.out}: cannot be written ({exc.strerror or exc})") from exc
    return EXIT_OK


COMMAND = Command("show", "write an HTML page that highlights every element found", _configure, _run)
