"""``bulletin sources``: list the installed source parsers."""

from __future__ import annotations

import argparse
from typing import TextIO

from bulletin.cli.common import EXIT_OK, Command

__all__ = ["COMMAND"]


def _configure(parser: argparse.ArgumentParser) -> None:
    del parser  # no arguments


def _run(args: argparse.Namespace, out: TextIO) -> int:
    from bulletin.parsers.registry import get_parser, parser_names

    for name in parser_names():
        doc = (type(get_parser(name)).__doc__ or "").strip().splitlines()
        out.write(f"{name}\t{doc[0] if doc else ''}\n")
    return EXIT_OK


COMMAND = Command("sources", "list the installed source parsers", _configure, _run)
