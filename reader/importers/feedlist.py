"""The remembered feeds, kept in the library's settings.

Setting ``feeds`` holds a list of ``{"source", "title", "added", "refreshed", "etag",
"modified"}`` records (``source`` is a URL or an absolute file path). ``reader add feed.xml``
goes through the generic import path, which has no library at hand, so a feed imported that
way is remembered through its entries instead: every entry's ``meta["feed"]`` names it, and
:func:`adopt_from_articles` adds such feeds to the list. Feeds a person removed are kept in
``feeds_forgotten`` so they are not adopted again.
"""

from __future__ import annotations

from typing import Any

from reader.errors import NotFoundError
from reader.store import now_iso

FEEDS_KEY = "feeds"
FORGOTTEN_KEY = "feeds_forgotten"


def remembered(lib) -> list[dict[str, Any]]:
    value = lib.get_setting(FEEDS_KEY, [])
    return [dict(r) for r in value if isinstance(r, dict) and r.get("source")] if isinstance(value, list) else []


def _save(lib, records: list[dict[str, Any]]) -> None:
    lib.set_setting(FEEDS_KEY, records)


def remember(lib, source: str, title: str | None = None, **fields: Any) -> dict[str, Any]:
    """Add or update the feed ``source``; returns its record."""
    records = remembered(lib)
    for record in records:
        if record["source"] == source:
            if title:
                record["title"] = title
            record.update(fields)
            break
    else:
        record = {"source": source, "title": title or source, "added": now_iso(), **fields}
        records.append(record)
    _save(lib, records)
    forgotten = [s for s in lib.get_setting(FORGOTTEN_KEY, []) or [] if s != source]
    lib.set_setting(FORGOTTEN_KEY, forgotten)
    return record


def forget(lib, source: str) -> dict[str, Any]:
    """Stop refreshing ``source`` (its articles stay); raises if it is not remembered."""
    records = remembered(lib)
    kept = [r for r in records if r["source"] != source]
    if len(kept) == len(records):
        raise NotFoundError(f"{source}: not a remembered feed (see `reader feeds`)")
    _save(lib, kept)
    forgotten = list(lib.get_setting(FORGOTTEN_KEY, []) or [])
    if source not in forgotten:
        forgotten.append(source)
    lib.set_setting(FORGOTTEN_KEY, forgotten)
    return next(r for r in records if r["source"] == source)


def adopt_from_articles(lib) -> list[dict[str, Any]]:
    """Remember the feeds that imported articles name in ``meta["feed"]`` (see module doc)."""
    known = {r["source"] for r in remembered(lib)} | set(lib.get_setting(FORGOTTEN_KEY, []) or [])
    found: dict[str, str] = {}
    for info in lib.list_articles():
        feed = info.meta.get("feed")
        if isinstance(feed, str) and feed and feed not in known and feed not in found:
            found[feed] = str(info.meta.get("feed_title") or feed)
    return [remember(lib, source, title) for source, title in found.items()]


def resolve(lib, ref: str) -> dict[str, Any]:
    """A remembered feed by source, by a unique part of its source or title, or by number."""
    records = remembered(lib)
    for record in records:
        if record["source"] == ref:
            return record
    if ref.isdigit() and 1 <= int(ref) <= len(records):
        return records[int(ref) - 1]
    matches = [r for r in records if ref.casefold() in (r["source"] + " " + r.get("title", "")).casefold()]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise NotFoundError(f"{ref!r} matches several feeds; give its number from `reader feeds`")
    raise NotFoundError(f"{ref!r} is not a remembered feed (see `reader feeds`)")
