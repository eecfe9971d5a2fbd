"""What every subcommand shares: exit codes, the usage error, reading an input."""

from __future__ import annotations

import argparse
import codecs
import io
import re
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
    "ascii_safe",
    "input_error",
    "read_input",
    "whole_number",
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
        "--max-bytes", type=_byte_count, default=MAX_BYTES, metavar="N", help=f"refuse inputs over N bytes (default {MAX_BYTES})"
    )


def whole_number(minimum: int, what: str = "a whole number") -> Callable[[str], int]:
    """An argparse ``type`` that reads a whole number of at least ``minimum``.

    >>> whole_number(1)("4"), whole_number(0, "a whole number of bytes")("0")
    (4, 0)
    >>> whole_number(1)("0")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: must be at least 1, got 0
    """

    def read(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {what}, got {value!r}") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {number}")
        return number

    return read


_byte_count = whole_number(0, "a whole number of bytes")


_UNICODE_ENCODINGS = frozenset({"utf-8", "utf-8-sig", "utf-16", "utf-32", "gb18030"})
_NON_ASCII = re.compile("[^\x00-\x7f]")


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # JSON spells a character outside the BMP as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


class _JSONEscaping(io.TextIOBase):
    """Writes JSON text with every non-ASCII character escaped, for a stream that cannot encode it."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def write(self, text: str) -> int:
        self.out.write(_NON_ASCII.sub(_json_escape, text))
        return len(text)

    def flush(self) -> None:
        self.out.flush()


def ascii_safe(out: TextIO) -> TextIO:
    """``out`` itself when it can encode any text, else a wrapper that writes JSON with ``\\uXXXX`` escapes.

    For JSON output only: a non-ASCII character there stands inside a string,
    where an escape means the same.

    >>> stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    >>> _ = ascii_safe(stream).write('{"title": "会议"}')
    >>> stream.flush(); stream.buffer.getvalue()
    b'{"title": "\\\\u4f1a\\\\u8bae"}'
    """
    encoding = getattr(out, "encoding", None)
    if not isinstance(encoding, str):
        return out  # an in-memory text stream holds any text
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return out
    return out if name in _UNICODE_ENCODINGS else _JSONEscaping(out)  # type: ignore[return-value]


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
