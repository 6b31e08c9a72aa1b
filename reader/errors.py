"""Errors a user can cause, each with the message and exit status the CLI reports.

Anything raised as a :class:`ReaderError` is printed as one line on stderr, never as a
traceback. Other exceptions are bugs.
"""

from __future__ import annotations


class ReaderError(Exception):
    """A problem the user can understand and fix; ``exit_code`` is the process status."""

    exit_code: int = 2

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class InputError(ReaderError):
    """An input file or argument cannot be used (binary, unreadable, too large, not found)."""


class StoreError(ReaderError):
    """The library file cannot be opened or written."""


class CorruptLibraryError(StoreError):
    """The library file exists but is damaged; it is never overwritten."""


class LockedLibraryError(StoreError):
    """Another process holds the library's write lock for too long."""


class NotFoundError(ReaderError):
    """An article, annotation or record id that does not exist."""
