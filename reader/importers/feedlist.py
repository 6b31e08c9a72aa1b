"""The remembered feeds, kept in the library's settings.

Setting ``feeds`` (typed access and locked updates: :class:`reader.settings.Settings`) holds a list of ``{"source", "title", "added", "refreshed", "etag",
"modified"}`` records (``source`` is a URL or an absolute file path). ``reader add feed.xml``
goes through the generic import path, which has no library at hand, so a feed imported that
way is remembered through its entries instead: every entry's ``meta["feed"]`` names it, and
:func:`adopt_from_articles` adds such feeds to the list. Feeds a person removed are kept in
``feeds_forgotten`` so they are not adopted again.
"""

from __future__ import annotations

from typing import Any

from reader.errors import NotFoundError
from reader.settings import Settings
from reader.store import now_iso

def remembered(lib) -> list[dict[str, Any]]:
    return Settings(lib).feeds


def remember(lib, source: str, title: str | None = None, **fields: Any) -> dict[str, Any]:
    """Add or update the feed ``source``; returns its record (read and written under the
    library's lock, so two processes refreshing at once lose no feed)."""
    found: list[dict[str, Any]] = []

    def change(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        found.clear()
        for record in records:
            if record["source"] == source:
                if title:
                    record["title"] = title
                record.update(fields)
                found.append(record)
                break
        else:
            found.append({"source": source, "title": title or source, "added": now_iso(), **fields})
            records.append(found[0])
        return records

    settings = Settings(lib)
    settings.update_feeds(change)
    settings.update_forgotten_feeds(lambda forgotten: [s for s in forgotten if s != source])
    return found[0]


def forget(lib, source: str) -> dict[str, Any]:
    """Stop refreshing ``source`` (its articles stay); raises if it is not remembered."""
    settings = Settings(lib)
    gone: list[dict[str, Any]] = []

    def change(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        gone[:] = [r for r in records if r["source"] == source]
        return [r for r in records if r["source"] != source]

    settings.update_feeds(change)
    if not gone:
        raise NotFoundError(f"{source}: not a remembered feed (see `reader feeds`)")
    settings.update_forgotten_feeds(lambda forgotten: forgotten + [source] if source not in forgotten else forgotten)
    return gone[0]


def adopt_from_articles(lib) -> list[dict[str, Any]]:
    """Remember the feeds that imported articles name in ``meta["feed"]`` (see module doc)."""
    known = {r["source"] for r in remembered(lib)} | set(Settings(lib).forgotten_feeds)
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
