"""Short labels for where an article came from, for the library table and its filter.

Kept next to the importers because they decide the metadata keys: a feed entry is labelled
by its feed's title, a web page by its site, a file by its file name.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any


def source_label(source: str | None, meta: dict[str, Any] | None) -> str:
    """``feed_title``, else ``site``, else the file name of ``source``, else ``""``."""
    meta = meta or {}
    for key in ("feed_title", "site"):
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    if not source:
        return ""
    if source.startswith(("http://", "https://")):
        from reader.importers.html import host_of

        return host_of(source) or source
    if source.startswith("sample:"):
        return source.removeprefix("sample:")
    return PurePath(source).name


def article_date(meta: dict[str, Any] | None) -> str:
    """The article's own date (``YYYY-MM-DD``) from its metadata, or ``""``."""
    value = (meta or {}).get("date")
    return value[:10] if isinstance(value, str) else ""
