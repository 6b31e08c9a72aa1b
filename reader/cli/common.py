"""Helpers every sub-command shares: registering it, opening the library, consoles,
confirmation.

Kept light (no rich, no store at import time): every command module imports it while
``reader --help`` is being built.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.errors import ReaderError
from reader.kinds import FINDING_NAMES
from reader.paths import resolve_db_path


def db_path(args: argparse.Namespace) -> Path:
    return resolve_db_path(getattr(args, "db", None))


def open_library(args: argparse.Namespace, *, seed: bool = True):
    """Open the library named by ``--db``/``READER_DB``; a new one gets the samples."""
    from reader.store import Library

    path = db_path(args)
    lib = Library.open(path, samples=seed)
    if seed and lib.samples_pending():  # new, or a seeding that a kill cut short
        from reader.samples import seed_samples

        seed_samples(lib)
    return lib


def err_console():
    from reader.termsafe import console

    return console(stderr=True)


def warn(message: str) -> None:
    from reader.termsafe import warn as safe_warn

    safe_warn(message)


def confirm(question: str, *, assume_yes: bool) -> bool:
    """Ask a yes/no question on the terminal; refuse (not hang) when there is no terminal."""
    if assume_yes:
        return True
    if not sys.stdin.isatty():
        raise ReaderError(f"{question} -- not asked without a terminal; pass --yes to confirm")
    from reader.termsafe import ask

    answer = ask(f"{question} [y/N] ").strip().lower()
    return answer in ("y", "yes")


#: How every command that takes an article says what ``ID`` may be (store.resolve_id).
ID_HELP = "row number in `reader list` (N or #N), else an article id or a prefix of exactly one id"

#: The finding kinds ``check --kinds`` and ``fix --apply-suggestions`` accept, from the
#: kinds registry (standard library only, so building the parser stays light).
FINDING_KINDS = FINDING_NAMES


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """``--db PATH``; SUPPRESS keeps a value given before the sub-command from being reset."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="library file (default: $READER_DB, else the user data folder)",
    )


@contextmanager
def command(
    sub: argparse._SubParsersAction,
    name: str,
    func: Callable[[argparse.Namespace], int] | None,
    *,
    help: str,
    description: str | None = None,
    db: bool = True,
) -> Iterator[argparse.ArgumentParser]:
    """Register sub-command ``name`` to run ``func``: the ``with`` body adds its arguments;
    then ``--db`` is added (so it may follow the sub-command, and reads last in its help)."""
    parser = sub.add_parser(name, help=help, description=description)
    yield parser
    if db:
        add_db_option(parser)
    if func is not None:
        parser.set_defaults(func=func)
