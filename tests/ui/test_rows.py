"""Library table rows: source labels, sorting and fuzzy filtering."""

from __future__ import annotations

from reader.model import ArticleInfo
from reader.ui.rows import ArticleRow, filter_rows, sort_rows, source_label


def info(title: str, source: str | None, words: int = 10, meta=None) -> ArticleInfo:
    return ArticleInfo(title, title, source, "x", "2026-01-01", words, words * 6, meta or {})


def test_source_prefers_site_then_feed_then_file_name() -> None:
    assert source_label(info("a", "/x/y/z.txt", meta={"site": "example.org"})) == "example.org"
    assert source_label(info("a", "/x/y/z.txt", meta={"feed_title": "Feed", "feed": "https://f.example/rss"})) == "Feed"
    assert source_label(info("a", "/x/y/z.txt")) == "z.txt"
    assert source_label(info("a", "https://news.example/p/1")) == "news.example"


def test_sort_puts_unknown_counts_last_and_filter_is_fuzzy() -> None:
    rows = [ArticleRow.from_info(info(t, f"/{t}.txt", w)) for t, w in (("Harbour talks", 30), ("Mosaic", 10), ("Train", 20))]
    assert [r.title for r in sort_rows(rows, "words")] == ["Mosaic", "Train", "Harbour talks"]
    rows[0] = rows[0].with_counts(errors=3)
    assert sort_rows(rows, "errors")[0].title == "Harbour talks"
    assert [r.title for r in filter_rows(rows, "harbr")] == ["Harbour talks"]
    assert len(filter_rows(rows, "")) == 3
