"""The ``bulletin`` entry point: argument parsing, dispatch, and errors as one line.

Exit codes: 0 success, 1 some inputs of a batch failed, 2 a usage or input error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from bulletin.cli import normalize, parse, schema, show, sources
from bulletin.cli.common import EXIT_OK, EXIT_USAGE, Command, UsageError
from bulletin.errors import BulletinError

__all__ = ["COMMANDS", "main"]

#: The subcommands, in the order ``--help`` lists them.
COMMANDS: tuple[Command, ...] = (parse.COMMAND, show.COMMAND, normalize.COMMAND, sources.COMMAND, schema.COMMAND)

_EPILOG = """examples:
  bulletin parse seeds/001_0c3caed24b89a787.txt
  bulletin parse page.txt --issue-date 2024-11-05
  bulletin parse page.txt --format markdown
  bulletin show page.txt -o view.html
  bulletin parse page.txt --format ninjs
  bulletin parse paper.pdf --pages 3-5 --format markdown
  bulletin parse corpus/ --jobs 2 --out corpus.jsonl --resume
  cat page.txt | bulletin parse - --source xinhua
  bulletin normalize page.txt --script t2s --explain
  bulletin sources
  bulletin schema
"""


class _HelpFormatter(argparse.HelpFormatter):
    """Wraps each line of a help text on its own, so a list of choices keeps one choice a line."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        lines: list[str] = []
        for line in text.splitlines():
            lines.extend(super()._split_lines(line, width))
        return lines


class _ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _build() -> argparse.ArgumentParser:
    from bulletin import __version__

    root = _ArgumentParser(
        prog="bulletin",
        description="Turn the raw text of Chinese news bulletins into structured data.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    root.add_argument("--version", action="version", version=f"bulletin {__version__}")
    root.add_argument("--debug", action="store_true", help="show tracebacks of errors (accepted anywhere)")
    sub = root.add_subparsers(dest="command", required=True, parser_class=_ArgumentParser)
    for command in COMMANDS:
        parser = sub.add_parser(command.name, help=command.help, description=command.help,
                                formatter_class=_HelpFormatter)
        command.configure(parser)
        parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                            help="show tracebacks of errors")
    return root


def _split_debug(args: list[str]) -> tuple[list[str], bool]:
    """Take ``--debug`` out wherever it stands (before ``--``), so it works before or after the subcommand.

    >>> _split_debug(["parse", "x.txt", "--debug"]), _split_debug(["parse", "--", "--debug"])
    ((['parse', 'x.txt'], True), (['parse', '--', '--debug'], False))
    """
    end = args.index("--") if "--" in args else len(args)
    kept = [a for a in args[:end] if a != "--debug"] + args[end:]
    return kept, len(kept) != len(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args_list, debug = _split_debug(list(sys.argv[1:] if argv is None else argv))
    try:
        args = _build().parse_args(args_list)
        command = next(c for c in COMMANDS if c.name == args.command)
        return command.run(args, sys.stdout)
    except UsageError as exc:
        if debug and exc.__cause__ is not None:
            raise
        print(f"bulletin: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BulletinError as exc:
        if debug:
            raise
        print(f"bulletin: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # the reader went away (``bulletin parse x | head``): not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: one line, and the traceback with --debug
        if debug:
            raise
        print(f"bulletin: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", file=sys.stderr)
        return EXIT_USAGE
