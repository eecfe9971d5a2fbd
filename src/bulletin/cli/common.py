"""What every subcommand shares: exit codes, the usage error, reading an input."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import attrs

__all__ = [
    "EXIT_OK",
    "EXIT_SOME_FAILED",
    "EXIT_USAGE",
    "Command",
    "UsageError",
    "add_input_arguments",
    "input_error",
    "read_input",
]

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A usage or input error: printed as one line, exit code 2."""


#: How the library's advice, given in Python keywords, reads on the command line.
_CLI_SPELLING = (
    ("decode with errors='replace'", "pass --errors replace"),
    ("errors='replace'", "--errors replace"),
    ("pass a larger max_bytes", "pass a larger --max-bytes N"),
    ("max_bytes", "--max-bytes"),
)


def input_error(name: str, exc: Exception) -> UsageError:
    """A :class:`UsageError` for an input the library refused: names the file, advises CLI flags.

    >>> from bulletin.errors import InputTooLargeError
    >>> print(input_error("page.txt", InputTooLargeError(900, 100)))
    page.txt: input of 900 bytes is over the limit of 100 bytes; pass a larger --max-bytes N to read it
    """
    message = str(exc)
    for python, cli in _CLI_SPELLING:
        message = message.replace(python, cli)
    shown = "standard input" if name == "-" else name
    if not message.startswith(f"{shown}: "):
        message = f"{shown}: {message}"
    error = UsageError(message)
    error.__cause__ = exc
    return error


@attrs.frozen
class Command:
    """A subcommand: its name, help line, how it adds its arguments, and what it runs."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, TextIO], int]


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """``--errors`` and ``--max-bytes``: how bytes are decoded and how many are accepted."""
    from bulletin.api import MAX_BYTES

    parser.add_argument(
        "--errors",
        choices=("strict", "replace"),
        default="strict",
        help="undecodable bytes: refuse the input (strict) or replace them with U+FFFD and warn",
    )
    parser.add_argument(
        "--max-bytes", type=int, default=MAX_BYTES, metavar="N", help=f"refuse inputs over N bytes (default {MAX_BYTES})"
    )


def read_input(name: str, args: argparse.Namespace | None = None) -> str:
    """The text of a file, or of standard input for ``-``; encodings are detected.

    With ``--errors replace`` the replaced byte offsets are reported on stderr.
    """
    from bulletin.decode import decode_with_report
    from bulletin.errors import BulletinError, InputTooLargeError

    errors = getattr(args, "errors", "strict")
    max_bytes = getattr(args, "max_bytes", None)
    if name == "-":
        data = sys.stdin.buffer.read() if max_bytes is None else sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(name)
        if path.is_dir():
            raise UsageError(f"{name}: is a directory, expected a file")
        if not path.exists():
            raise UsageError(f"{name}: no such file")
        try:
            size = path.stat().st_size
            if max_bytes is not None and size > max_bytes:
                raise input_error(name, InputTooLargeError(size, max_bytes, name=name))
            data = path.read_bytes()
        except PermissionError as exc:
            raise UsageError(f"{name}: cannot be read ({exc.strerror})") from exc
    if max_bytes is not None and len(data) > max_bytes:
        raise input_error(name, InputTooLargeError(len(data), max_bytes, name=None if name == "-" else name))
    try:
        decoded = decode_with_report(data, errors=errors)
    except BulletinError as exc:
        raise input_error(name, exc) from exc
    if decoded.replaced:
        shown = ", ".join(str(x) for x in decoded.replaced[:10])
        more = f" and {len(decoded.replaced) - 10} more" if len(decoded.replaced) > 10 else ""
        print(f"bulletin: warning: {name}: replaced undecodable bytes at {shown}{more}", file=sys.stderr)
    return decoded.text
