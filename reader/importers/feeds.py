"""RSS and Atom feeds: every entry becomes an article (feedparser).

An entry's full content is preferred to its summary; HTML content goes through the same
paragraph builder as saved pages (:mod:`reader.importers.blocks`). Each article records
where it came from in its metadata: ``url`` (the entry's link), ``site``, ``author``,
``date``, ``feed`` (the feed's URL or file path), ``feed_title``, ``entry_id`` and
``format`` (``feed``). ``reader refresh`` uses ``entry_id``/``url`` to skip entries it has
already imported, and ``feed`` to find the feeds to refresh.
"""

from __future__ import annotations

import calendar
import io
import os
import re
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reader.errors import InputError
from reader.importers import blocks, sniff
from reader.importers.html import host_of
from reader.importers.local import read_limited
from reader.textio import sanitize

#: Media types of entry content that are HTML.
_HTML_CONTENT = {"text/html", "application/xhtml+xml", "html", "xhtml"}


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One entry, ready to store, and the keys that identify it across refreshes."""

    doc: Any  # reader.importers.loaded.LoadedDoc
    keys: frozenset[str]


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str
    source: str
    entries: list[FeedEntry] = field(default_factory=list)
    warning: str | None = None  # the feed had more items than were read
    skipped: int = 0


def _one_line(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    return " ".join(sanitize(value).split())


def _entry_paragraphs(entry: Any) -> list[str]:
    candidates = []
    for content in entry.get("content") or []:
        candidates.append((content.get("type") or "", content.get("value") or ""))
    if not any(v.strip() for _, v in candidates):
        detail = entry.get("summary_detail") or {}
        candidates = [(detail.get("type") or "text/html", entry.get("summary") or "")]
    best: list[str] = []
    for media, value in candidates:
        if media.lower() in _HTML_CONTENT or (not media and "<" in value):
            paragraphs = blocks.html_fragment_paragraphs(value)
        else:
            paragraphs = [p.strip() for p in value.replace("\r", "").split("\n\n") if p.strip()]
        if sum(len(p) for p in paragraphs) > sum(len(p) for p in best):
            best = paragraphs
    return [sanitize(p) for p in best]


def _entry_title(entry: Any) -> str:
    title = entry.get("title") or ""
    media = ((entry.get("title_detail") or {}).get("type") or "").lower()
    if media in _HTML_CONTENT and "<" in title:
        title = " ".join(blocks.html_fragment_paragraphs(title))
    return _one_line(title)


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(parsed)))
            except (TypeError, ValueError, OverflowError):
                continue
    return None


def entry_keys(entry_id: str | None, link: str | None) -> frozenset[str]:
    return frozenset(k for k in (entry_id, link) if k)


#: Entries read from one feed at a time; ``READER_MAX_FEED_ITEMS`` overrides it.
DEFAULT_MAX_FEED_ITEMS = 500
_ITEM_END_RE = re.compile(rb"</(?:[A-Za-z0-9_-]+:)?(?:item|entry)\s*>", re.I)


def max_feed_items() -> int:
    raw = os.environ.get("READER_MAX_FEED_ITEMS")
    if raw:
        try:
            return max(1, int(raw))
        except ValueError:
            raise InputError(f"READER_MAX_FEED_ITEMS must be a whole number, not {raw!r}") from None
    return DEFAULT_MAX_FEED_ITEMS


def cap_items(data: bytes, cap: int) -> tuple[bytes, int]:
    """Feed bytes holding only the first ``cap`` items (feeds list the newest first), and
    how many items the feed had. The cut keeps everything after the last item (the closing
    tags), so the shortened document is as well-formed as the original. Parsing costs
    milliseconds per item: a feed of 100,000 items would otherwise take minutes."""
    ends = [m.end() for m in _ITEM_END_RE.finditer(data)]
    if len(ends) <= cap:
        return data, len(ends)
    return data[: ends[cap - 1]] + data[ends[-1]:], len(ends)


def parse_feed(data: bytes, *, source: str, content_type: str | None = None, base_url: str | None = None) -> ParsedFeed:
    """Parse feed bytes into entries. ``source`` is the feed's URL or file path (recorded in
    every entry's ``meta["feed"]``); entries with neither text nor title are skipped; only
    the first :func:`max_feed_items` are read (``ParsedFeed.warning`` says so)."""
    import feedparser

    from reader.importers.loaded import LoadedDoc

    cap = max_feed_items()
    data, total = cap_items(data, cap)
    warning = (
        f"{source}: the feed has {total:,} items; read the first {cap:,} (set READER_MAX_FEED_ITEMS to read more)"
        if total > cap else None
    )

    headers = {}
    if content_type:
        headers["content-type"] = content_type
    if base_url:
        headers["content-location"] = base_url
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    version = parsed.get("version") or ""
    if not parsed.entries and not version:
        reason = parsed.get("bozo_exception")
        raise InputError(f"{source}: not a readable RSS or Atom feed" + (f" ({_one_line(str(reason))})" if reason else ""))
    feed_title = _one_line(parsed.feed.get("title")) or host_of(base_url) or Path(source).stem
    feed_author = _one_line(parsed.feed.get("author"))
    entries: list[FeedEntry] = []
    skipped = 0
    for n, entry in enumerate(parsed.entries, 1):
        title = _entry_title(entry)
        paragraphs = _entry_paragraphs(entry)
        if not paragraphs and not title:
            skipped += 1
            continue
        link = _one_line(entry.get("link"))
        link = link if link.startswith(("http://", "https://")) else None
        entry_id = _one_line(entry.get("id")) or link or f"{source}#{n}:{title}"
        title = title or paragraphs[0][:80]
        meta: dict[str, Any] = {"format": "feed", "feed": source, "feed_title": feed_title, "entry_id": entry_id}
        for key, value in (
            ("url", link),
            ("site", host_of(link) or host_of(base_url)),
            ("author", _one_line(entry.get("author")) or feed_author),
            ("date", _entry_date(entry)),
        ):
            if value:
                meta[key] = value
        doc = LoadedDoc(
            text=blocks.join_paragraphs(title[:200], paragraphs),
            title=title[:200],
            source=link or f"{source}#{entry_id}",
            meta=meta,
        )
        entries.append(FeedEntry(doc, entry_keys(entry_id, link)))
    return ParsedFeed(title=feed_title, source=source, entries=entries, skipped=skipped, warning=warning)


def load_feed_bytes(data: bytes, *, source: str, content_type: str | None = None, base_url: str | None = None) -> list:
    feed = parse_feed(data, source=source, content_type=content_type, base_url=base_url)
    if not feed.entries:
        raise InputError(f"{source}: the feed {feed.title!r} has no entries")
    docs = [e.doc for e in feed.entries]
    if feed.warning:
        docs[0] = replace(docs[0], warning=feed.warning)
    return docs


def load_feed_file(path: Path) -> list:
    """A saved feed file: one article per entry."""
    data = read_limited(path)
    if not sniff.looks_like_feed(data):
        raise InputError(f"{path}: not an RSS or Atom feed")
    return load_feed_bytes(data, source=str(path.resolve()))
