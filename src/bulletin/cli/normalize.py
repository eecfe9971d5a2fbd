"""``bulletin normalize``: normalise punctuation, width and whitespace, optionally the script."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from bulletin.cli.common import EXIT_OK, Command, UsageError, add_input_arguments, read_input

__all__ = ["COMMAND"]


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", help="a text file, or - for standard input")
    add_input_arguments(parser)
    parser.add_argument("--steps", help="comma-separated steps (default: all but script)")
    parser.add_argument("--script", help="OpenCC configuration for script conversion, e.g. t2s")
    parser.add_argument("--explain", action="store_true", help="print the steps that changed the text on stderr")


def _run(args: argparse.Namespace, out: TextIO) -> int:
    from bulletin.normalize.pipeline import DEFAULT_STEPS, normalize

    steps = tuple(s.strip() for s in args.steps.split(",")) if args.steps else DEFAULT_STEPS
    try:
        result = normalize(read_input(args.input, args), steps=steps, script=args.script)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    out.write(result.text)
    if args.explain:
        print("changed by: " + (", ".join(result.changed_by) or "nothing"), file=sys.stderr)
        for span in result.mojibake:
            print(f"mojibake kept at {span.start}..{span.end}", file=sys.stderr)
    return EXIT_OK


COMMAND = Command("normalize", "normalise punctuation, width and whitespace", _configure, _run)
