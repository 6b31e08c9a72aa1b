"""Helpers every sub-command shares: opening the library, consoles, confirmation."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.errors import ReaderError
from reader.paths import resolve_db_path


def db_path(args: argparse.Namespace) -> Path:
    return resolve_db_path(getattr(args, "db", None))


def open_library(args: argparse.Namespace, *, seed: bool = True):
    """Open the library named by ``--db``/``READER_DB``; a new one gets the samples."""
    from reader.store import Library

    path = db_path(args)
    created = not path.exists()
    lib = Library.open(path)
    if created and seed:
        from reader.samples import seed_samples

        seed_samples(lib)
    return lib


def err_console():
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def out_console():
    """A console for stdout; piped output is not wrapped to 80 columns (grep-friendly)."""
    from rich.console import Console

    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=max(console.width, 200))
    return console


def warn(message: str) -> None:
    print(f"reader: warning: {message}", file=sys.stderr)


def confirm(question: str, *, assume_yes: bool) -> bool:
    """Ask a yes/no question on the terminal; refuse (not hang) when there is no terminal."""
    if assume_yes:
        return True
    if not sys.stdin.isatty():
        raise ReaderError(f"{question} -- not asked without a terminal; pass --yes to confirm")
    answer = input(f"{question} [y/N] ").strip().lower()
    return answer in ("y", "yes")


def add_db_option_to(parser: argparse.ArgumentParser) -> None:
    """Let ``--db`` be given after the sub-command too."""
    from reader.cli import add_db_option

    add_db_option(parser)
