"""``reader refresh``: fetch remembered feeds again and import only the new entries.

An entry counts as already imported when an article records its ``entry_id`` or its link
(``meta["url"]`` or ``source``), so an entry whose text changed upstream is not imported a
second time; and the feed's record keeps the keys of the entries the feed listed at the last
refresh (``seen``, bounded by the feed's own length), so an entry the person removed from
the library is not brought back. URL feeds are fetched with ``If-None-Match``/``If-Modified-Since`` when the last
fetch gave an ETag or Last-Modified, so an unchanged feed costs one small request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.errors import InputError
from reader.importers import feedlist
from reader.store import now_iso


@dataclass(slots=True)
class RefreshResult:
    """What refreshing one feed did."""

    source: str
    title: str
    added: list[Any] = field(default_factory=list)  # ArticleInfo of new articles
    already: int = 0
    not_modified: bool = False
    error: str | None = None
    warning: str | None = None


def imported_keys(lib) -> set[str]:
    """Entry ids and links of every article in the library."""
    keys: set[str] = set()
    for info in lib.list_articles():
        for value in (info.meta.get("entry_id"), info.meta.get("url"), info.source):
            if isinstance(value, str) and value:
                keys.add(value)
    return keys


def _read_feed(record: dict[str, Any]):
    """``(data, content_type, base_url, validators)``, or None when unchanged (HTTP 304)."""
    source = record["source"]
    if source.startswith(("http://", "https://")):
        from reader.importers.fetch import fetch

        headers = {}
        if record.get("etag"):
            headers["If-None-Match"] = record["etag"]
        if record.get("modified"):
            headers["If-Modified-Since"] = record["modified"]
        resp = fetch(source, extra_headers=headers)
        if resp.not_modified:
            return None
        validators = {k: resp.headers[h] for k, h in (("etag", "etag"), ("modified", "last-modified")) if resp.headers.get(h)}
        return resp.data, resp.content_type, resp.url, validators
    from reader.importers.local import read_limited

    return read_limited(Path(source)), None, None, {}


def refresh_feed(lib, record: dict[str, Any], *, known: set[str] | None = None) -> RefreshResult:
    """Import the entries of one remembered feed that the library does not have yet."""
    from reader.importers.feeds import parse_feed
    from reader.importing import store_doc

    result = RefreshResult(record["source"], record.get("title") or record["source"])
    known = imported_keys(lib) if known is None else known
    try:
        fetched = _read_feed(record)
        if fetched is None:
            result.not_modified = True
            feedlist.remember(lib, record["source"], refreshed=now_iso())
            return result
        data, content_type, base_url, validators = fetched
        feed = parse_feed(data, source=record["source"], content_type=content_type, base_url=base_url)
    except InputError as exc:
        result.error = exc.message
        return result
    result.title = feed.title
    result.warning = feed.warning
    seen = set(record.get("seen") or [])
    for entry in feed.entries:
        if entry.keys & (known | seen):
            result.already += 1
            continue
        added = store_doc(lib, entry.doc)
        known |= entry.keys
        if added.status == "added":
            result.added.append(added.info)
        else:
            result.already += 1
    listed = sorted({key for entry in feed.entries for key in entry.keys})
    feedlist.remember(lib, record["source"], feed.title, refreshed=now_iso(), seen=listed, **validators)
    return result


def refresh_all(lib, refs: list[str] | None = None) -> list[RefreshResult]:
    """Refresh the named feeds (all remembered ones when ``refs`` is empty)."""
    feedlist.adopt_from_articles(lib)
    records = [feedlist.resolve(lib, ref) for ref in refs] if refs else feedlist.remembered(lib)
    known = imported_keys(lib)
    return [refresh_feed(lib, record, known=known) for record in records]
