"""Import: turn files (and, via :mod:`reader.importers`, web pages and feeds) into articles.

``collect`` expands the paths a person gives into importable files and URLs; ``load`` turns
one of them into a list of :class:`LoadedDoc` (``load_file`` for a file), each stored with
:meth:`reader.store.Library.add_article`. The CLI and the app both use these.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.errors import InputError
from reader.textio import read_text_file, title_of

@dataclass(frozen=True, slots=True)
class LoadedDoc:
    """A decoded document ready to store (text already sanitised by :mod:`reader.textio`)."""

    text: str
    title: str
    source: str
    meta: dict[str, Any] = field(default_factory=dict)
    warning: str | None = None


def importable_suffixes() -> set[str]:
    """The suffixes ``collect`` picks up in folders: plain text, and what the importers read."""
    from reader import importers

    return importers.PLAIN_SUFFIXES | importers.extra_suffixes()


def collect(paths: Iterable[str]) -> Iterator[str | Path]:
    """Files named, and importable files found recursively under folders (sorted).

    URLs (``http://``, ``https://``) pass through unchanged; a missing path raises.
    """
    suffixes = importable_suffixes()
    for raw in paths:
        if raw.startswith(("http://", "https://")):
            yield raw
            continue
        path = Path(raw).expanduser()
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in suffixes and not child.name.startswith("."):
                    yield child
        elif path.exists():
            yield path
        else:
            raise InputError(f"{raw}: no such file or folder")


def load_file(path: Path) -> list[LoadedDoc]:
    """Decode one file into documents (a feed gives several; a text file one)."""
    from reader import importers

    handler = importers.handler_for(path)
    if handler is not None:
        return handler(path)
    decoded = read_text_file(path)
    if not decoded.text:
        raise InputError(f"{path}: the file is empty")
    if decoded.text.isspace():
        raise InputError(f"{path}: the file holds only whitespace")
    meta: dict[str, Any] = {"encoding": decoded.encoding}  # Markdown has its own handler
    return [
        LoadedDoc(
            text=decoded.text,
            title=title_of(decoded.text, fallback=path.stem),
            source=str(path.resolve()),
            meta=meta,
            warning=decoded.warning,
        )
    ]


def load(item: str | Path) -> list[LoadedDoc]:
    """Load a path or URL."""
    if isinstance(item, str) and item.startswith(("http://", "https://")):
        from reader import importers

        return importers.load_url(item)
    return load_file(Path(item))
