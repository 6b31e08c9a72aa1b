"""Importers for formats beyond plain text: saved web pages, URLs, feeds, Markdown.

:func:`handler_for` picks a loader by file suffix, or by looking inside a file whose suffix
says nothing (``page``, ``index.php``); :func:`load_url` fetches a page or feed. Each returns
a list of :class:`reader.importers.loaded.LoadedDoc`. ``.txt`` files are never sniffed: they are
imported exactly as written.

Modules: :mod:`.sniff` (what is this blob, which charset), :mod:`.local` (bounded file
reads), :mod:`.fetch` (HTTP), :mod:`.blocks` (elements to paragraphs), :mod:`.html` (page
extraction), :mod:`.feeds` (RSS/Atom), :mod:`.markdown`, :mod:`.feedlist` (remembered
feeds) and :mod:`.refresh` (``reader refresh``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.importers.loaded import LoadedDoc

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
#: Suffixes that are always plain text: never sniffed.
PLAIN_SUFFIXES = {".txt", ".text"}


def extra_suffixes() -> set[str]:
    """Suffixes picked up when scanning folders, beyond the plain-text ones. ``.xml`` is
    left out (folders hold many XML files that are not feeds); a ``.xml`` file named on
    the command line is still read as a feed or page."""
    return HTML_SUFFIXES | (FEED_SUFFIXES - {".xml"}) | MARKDOWN_SUFFIXES


def _load_html(path: Path) -> list[LoadedDoc]:
    from reader.importers.html import load_html_file

    return load_html_file(path)


def _load_feed(path: Path) -> list[LoadedDoc]:
    from reader.importers.feeds import load_feed_file

    return load_feed_file(path)


def _load_markdown(path: Path) -> list[LoadedDoc]:
    from reader.importers.markdown import load_markdown_file

    return load_markdown_file(path)


def _load_xml(path: Path) -> list[LoadedDoc]:
    """``.xml``/``.rss``/``.atom``: a feed, or an XHTML page; anything else is refused."""
    from reader.importers import sniff
    from reader.importers.local import read_limited

    kind = sniff.kind_of(read_limited(path))
    if kind == "html":
        return _load_html(path)
    return _load_feed(path)


def _sniffed(path: Path) -> Callable[[Path], list[LoadedDoc]] | None:
    from reader.importers import sniff

    from reader.errors import InputError
    from reader.textio import read_limited_bytes

    try:
        head = read_limited_bytes(path, head=sniff.PRESCAN_BYTES)
    except InputError:
        return None  # the plain-text loader reports the error (a FIFO, a device, too big)
    kind = sniff.kind_of(head)
    return {"html": _load_html, "feed": _load_feed}.get(kind or "")


def handler_for(path: Path) -> Callable[[Path], list[LoadedDoc]] | None:
    """The loader for ``path``, or None to import it as plain text."""
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return _load_html
    if suffix in FEED_SUFFIXES:
        return _load_xml
    if suffix in MARKDOWN_SUFFIXES:
        return _load_markdown
    if suffix in PLAIN_SUFFIXES or path.is_dir():
        return None
    return _sniffed(path)


def load_url(url: str) -> list[LoadedDoc]:
    """Fetch ``url`` and import it: a page is one article, a feed one article per entry."""
    from reader.importers.remote import load_response
    from reader.importers.fetch import fetch

    return load_response(url, fetch(url))
