"""The ``bulletin`` command line.

Each subcommand lives in its own module and registers itself in
:data:`~bulletin.cli.main.COMMANDS`; :func:`main` is the entry point.
"""

from bulletin.cli.main import main

__all__ = ["main"]
