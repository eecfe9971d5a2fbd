"""What every subcommand shares: exit codes, the usage error, reading an input."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import attrs

__all__ = ["EXIT_OK", "EXIT_SOME_FAILED", "EXIT_USAGE", "Command", "UsageError", "read_input"]

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A usage or input error: printed as one line, exit code 2."""


@attrs.frozen
class Command:
    """A subcommand: its name, help line, how it adds its arguments, and what it runs."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, TextIO], int]


def read_input(name: str) -> str:
    """The text of a file, or of standard input for ``-``; encodings are detected."""
    from bulletin.api import read_text

    if name == "-":
        return read_text(sys.stdin.buffer.read())
    path = Path(name)
    if path.is_dir():
        raise UsageError(f"{name}: is a directory, expected a file")
    if not path.exists():
        raise UsageError(f"{name}: no such file")
    try:
        data = path.read_bytes()
    except PermissionError as exc:
        raise UsageError(f"{name}: cannot be read ({exc.strerror})") from exc
    return read_text(data)
