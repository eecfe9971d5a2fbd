"""The ``bulletin`` entry point: argument parsing, dispatch, and errors as one line.

Exit codes: 0 success, 1 some inputs of a batch failed, 2 a usage or input error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from bulletin.cli import normalize, parse, schema, sources
from bulletin.cli.common import EXIT_OK, EXIT_USAGE, Command, UsageError
from bulletin.errors import BulletinError

__all__ = ["COMMANDS", "main"]

#: The subcommands, in the order ``--help`` lists them.
COMMANDS: tuple[Command, ...] = (parse.COMMAND, normalize.COMMAND, sources.COMMAND, schema.COMMAND)

_EPILOG = """examples:
  bulletin parse seeds/001_0c3caed24b89a787.txt
  bulletin parse page.txt --format markdown
  bulletin parse page.txt --format ninjs
  bulletin parse paper.pdf --pages 3-5 --format markdown
  bulletin parse corpus/ --jobs 2 --out corpus.jsonl --resume
  cat page.txt | bulletin parse - --source xinhua
  bulletin normalize page.txt --script t2s --explain
  bulletin sources
  bulletin schema
"""


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
    root.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    sub = root.add_subparsers(dest="command", required=True, parser_class=_ArgumentParser)
    for command in COMMANDS:
        command.configure(sub.add_parser(command.name, help=command.help))
    return root


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args_list
    try:
        args = _build().parse_args(args_list)
        command = next(c for c in COMMANDS if c.name == args.command)
        return command.run(args, sys.stdout)
    except UsageError as exc:
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
