"""The ``bulletin`` command line: ``parse``, ``normalize`` and ``sources``.

Exit codes: 0 success, 1 some inputs of a batch failed, 2 a usage or input error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from bulletin import __version__
from bulletin.errors import BulletinError

__all__ = ["main"]

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

_EPILOG = """examples:
  bulletin parse seeds/001_0c3caed24b89a787.txt
  bulletin parse page.txt --format markdown
  cat page.txt | bulletin parse - --source xinhua
  bulletin normalize page.txt --script t2s
  bulletin sources
"""


class _UsageError(Exception):
    pass


class _ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


def _build() -> argparse.ArgumentParser:
    root = _ArgumentParser(
        prog="bulletin",
        description="Turn the raw text of Chinese news bulletins into structured data.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    root.add_argument("--version", action="version", version=f"bulletin {__version__}")
    root.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    sub = root.add_subparsers(dest="command", required=True, parser_class=_ArgumentParser)

    parse = sub.add_parser("parse", help="parse a bulletin into articles")
    parse.add_argument("input", help="a text file, or - for standard input")
    parse.add_argument("--source", help="the source parser to use (default: chosen by detection)")
    parse.add_argument("--format", choices=("json", "markdown", "text"), default="json")
    parse.add_argument("--compact", action="store_true", help="JSON on one line")

    norm = sub.add_parser("normalize", help="normalise punctuation, width and whitespace")
    norm.add_argument("input", help="a text file, or - for standard input")
    norm.add_argument("--steps", help="comma-separated steps (default: all but script)")
    norm.add_argument("--script", help="OpenCC configuration for script conversion, e.g. t2s")
    norm.add_argument("--explain", action="store_true", help="print the steps that changed the text on stderr")

    sub.add_parser("sources", help="list the installed source parsers")
    return root


def _read(name: str) -> str:
    from bulletin.api import read_text

    if name == "-":
        return read_text(sys.stdin.buffer.read())
    path = Path(name)
    if path.is_dir():
        raise _UsageError(f"{name}: is a directory, expected a file")
    if not path.exists():
        raise _UsageError(f"{name}: no such file")
    try:
        return read_text(path.read_bytes())
    except PermissionError as exc:
        raise _UsageError(f"{name}: cannot be read ({exc.strerror})") from exc


def _parse(args: argparse.Namespace, out: TextIO) -> int:
    from bulletin.api import parse
    from bulletin.export.markdown import to_markdown
    from bulletin.export.text import to_text

    text = _read(args.input)
    bulletin = parse(text, parser=args.source)
    if args.format == "json":
        out.write(bulletin.to_json(indent=None if args.compact else 1) + "\n")
    elif args.format == "markdown":
        out.write(to_markdown(bulletin) + "\n")
    else:
        out.write(to_text(bulletin) + "\n")
    return EXIT_OK


def _normalize(args: argparse.Namespace, out: TextIO) -> int:
    from bulletin.normalize.pipeline import DEFAULT_STEPS, normalize

    steps = tuple(s.strip() for s in args.steps.split(",")) if args.steps else DEFAULT_STEPS
    try:
        result = normalize(_read(args.input), steps=steps, script=args.script)
    except ValueError as exc:
        raise _UsageError(str(exc)) from exc
    out.write(result.text)
    if args.explain:
        print("changed by: " + (", ".join(result.changed_by) or "nothing"), file=sys.stderr)
        for span in result.mojibake:
            print(f"mojibake kept at {span.start}..{span.end}", file=sys.stderr)
    return EXIT_OK


def _sources(out: TextIO) -> int:
    from bulletin.parsers.registry import get_parser, parser_names

    for name in parser_names():
        doc = (type(get_parser(name)).__doc__ or "").strip().splitlines()
        out.write(f"{name}\t{doc[0] if doc else ''}\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args_list
    try:
        args = _build().parse_args(args_list)
        out = sys.stdout
        if args.command == "parse":
            return _parse(args, out)
        if args.command == "normalize":
            return _normalize(args, out)
        return _sources(out)
    except _UsageError as exc:
        print(f"bulletin: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BulletinError as exc:
        if debug:
            raise
        print(f"bulletin: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
