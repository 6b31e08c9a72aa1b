"""Import: turn files (and, via :mod:`reader.importers`, web pages and feeds) into articles.

``collect`` expands the paths a person gives into importable files and URLs; ``load`` turns
one of them into a list of :class:`LoadedDoc` (``load_file`` for a file), and
:func:`store_doc` stores one (re-anchoring the annotations of an article whose text an
update replaced). :func:`import_items` is the whole path, used by ``reader add``, the app's
add dialog, feed refresh and the samples alike (docs/ARCHITECTURE.md, "An import").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.errors import InputError
from reader.importers.loaded import LoadedDoc  # noqa: F401  (part of this module's interface)
from reader.textio import read_text_file, title_of

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


# --------------------------------------------------------------------------- storing


def store_doc(lib, doc: LoadedDoc, *, update: bool = False):
    """Store one loaded document; the store's ``AddResult``. When ``update`` replaced the
    text of the article with the same source, its annotations are re-anchored to the new
    text (and orphaned, never dropped, where the passage is gone)."""
    res = lib.add_article(doc.text, title=doc.title, source=doc.source, meta=doc.meta, update=update)
    if res.status == "updated" and res.old_text is not None:
        from reader.anchors import reanchor_article

        reanchor_article(lib, res.info.id, res.old_text)
    return res


@dataclass(slots=True)
class ImportReport:
    """What :func:`import_items` did: every stored result (with the document's warning)
    and every item that could not be read (``(item, message)``)."""

    stored: list[tuple[Any, str | None]] = field(default_factory=list)  # (AddResult, warning)
    failures: list[tuple[str | Path, str]] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for res, _ in self.stored if res.status == status)


def import_items(lib, items: Iterable[str | Path], *, update: bool = False,
                 on_item: Callable[[str | Path, str], None] | None = None) -> ImportReport:
    """Load and store every item (a file or URL from :func:`collect`); an item that cannot
    be read is reported and the rest go on. ``on_item(item, stage)`` ("reading",
    "storing", "done") lets a caller show progress."""
    report = ImportReport()
    for item in items:
        if on_item is not None:
            on_item(item, "reading")
        try:
            docs = load(item)
            if on_item is not None:
                on_item(item, "storing")
            for doc in docs:
                report.stored.append((store_doc(lib, doc, update=update), doc.warning))
        except InputError as exc:
            report.failures.append((item, exc.message))
        except (ValueError, LookupError, UnicodeError, RecursionError, MemoryError) as exc:
            # A file the importers could not handle: report it, import the others.
            report.failures.append((item, f"{item}: cannot import this file ({exc.__class__.__name__})"))
        if on_item is not None:
            on_item(item, "done")
    return report
