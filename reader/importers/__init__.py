"""Importers for formats beyond plain text and Markdown: saved web pages, URLs, feeds.

:func:`handler_for` picks a loader by file suffix (or content sniffing); each returns a list
of :class:`reader.importing.LoadedDoc`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import InputError

if TYPE_CHECKING:
    from reader.importing import LoadedDoc


def extra_suffixes() -> set[str]:
    """Suffixes handled here, beyond the plain-text ones."""
    return set()


def handler_for(path: Path) -> Callable[[Path], list[LoadedDoc]] | None:
    return None


def load_url(url: str) -> list[LoadedDoc]:
    raise InputError(f"{url}: importing from URLs is not supported yet")
