"""The ``reader`` command: argparse sub-commands, and the TUI when none is given.

Each sub-command lives in its own module in this package with a ``register(subparsers)``
function; heavy imports happen inside the command so ``reader --help`` stays instant.
Errors a user can cause are :class:`reader.errors.ReaderError`: one line on stderr and the
error's exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from reader import __version__
from reader.cli.common import add_db_option
from reader.errors import ReaderError
from reader.termsafe import err, error

#: Modules in this package that register sub-commands, in help order.
COMMAND_MODULES = [
    "reader.cli.library",
    "reader.cli.check",
    "reader.cli.fix",
    "reader.cli.stories",
    "reader.cli.notes",
    "reader.cli.export",
    "reader.cli.dictionary",
    "reader.cli.feeds",
    "reader.cli.themes",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description=(
            "A terminal reader for noisy articles. With no command, opens the library in "
            "the reading app; the commands below work without it."
        ),
        epilog="Run `reader COMMAND --help` for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    add_db_option(parser)
    parser.add_argument("--theme", metavar="NAME", help="theme for the app (see `reader themes`)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if getattr(args, "func", None) is None:
            from reader.cli.app import run_app

            return run_app(args)
        return int(args.func(args) or 0)
    except ReaderError as exc:
        error(exc.message)
        return exc.exit_code
    except KeyboardInterrupt:
        err("reader: interrupted")
        return 130
    except BrokenPipeError:
        # e.g. `reader show ID | head`: the reader of our output went away; not an error.
        try:
            sys.stdout = None  # type: ignore[assignment]
        finally:
            return 0
