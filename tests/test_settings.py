"""Typed settings: one accessor per key, defaults for wrong types, locked updates, and
no module but the store and :mod:`reader.settings` touching the raw table."""

from __future__ import annotations

import re
import threading
from pathlib import Path

from reader.settings import WRAP_MAX, Settings


def test_typed_reads_fall_back_to_defaults(library):
    s = Settings(library)
    assert s.theme is None and s.wrap_width is None and s.samples_seeded is False and s.feeds == []
    library.set_setting("wrap_width", "wide")
    library.set_setting("theme", 3)
    library.set_setting("feeds", {"not": "a list"})
    assert s.wrap_width is None and s.theme is None and s.feeds == []
    library.set_setting("wrap_width", True)  # a bool is not a width
    assert s.wrap_width is None
    s.set_wrap_width(1000)
    assert s.wrap_width == WRAP_MAX
    s.set_theme("reader-light")
    s.set_export("/tmp/x", "md")
    assert (s.theme, s.export_dir, s.export_format) == ("reader-light", "/tmp/x", "md")


def test_updates_are_read_modify_write_under_the_lock(library):
    s = Settings(library)

    def add(i):
        s.update_forgotten_feeds(lambda old: old + [f"feed-{i}"])

    threads = [threading.Thread(target=add, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(s.forgotten_feeds) == sorted(f"feed-{i}" for i in range(8))


def test_feeds_remember_and_forget(library):
    from reader.importers import feedlist

    feedlist.remember(library, "https://example.org/a.xml", "A")
    feedlist.remember(library, "https://example.org/a.xml", "A2", etag="x")
    assert [(r["title"], r.get("etag")) for r in feedlist.remembered(library)] == [("A2", "x")]
    feedlist.forget(library, "https://example.org/a.xml")
    assert feedlist.remembered(library) == []
    assert Settings(library).forgotten_feeds == ["https://example.org/a.xml"]


def test_only_the_store_and_settings_touch_the_raw_table():
    root = Path(__file__).resolve().parents[1] / "reader"
    offenders = [
        str(p.relative_to(root)) for p in root.rglob("*.py")
        if p.name not in ("store.py", "settings.py") and re.search(r"\.(get|set|update)_setting\(", p.read_text())
    ]
    assert offenders == []
