"""Library table rows: what each column shows and sorts by, and fuzzy filtering.

No textual here, so the sort and filter rules are tested on their own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reader.termsafe import safe_line
from reader.model import ArticleInfo

#: (column key, heading) in display order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("title", "Title"),
    ("source", "Source"),
    ("words", "Words"),
    ("errors", "Errors"),
    ("notes", "Notes"),
    ("fixes", "Fixes"),
    ("read", "Read"),
    ("added", "Added"),
)


def source_label(info: ArticleInfo) -> str:
    """The feed or site an article came from, else its file name (the importers' rule)."""
    from reader.importers.labels import source_label as label

    return label(info.source, info.meta)


TITLE_WIDTH = 42
SOURCE_WIDTH = 22

#: Cells the other columns take (Words, Errors, Notes, Fixes, Read, Added), with the
#: table's one-cell padding either side of every column and a vertical scrollbar.
OTHER_COLUMNS_WIDTH = (9 + 6 + 5 + 5 + 4 + 10) + 2 * len(COLUMNS) + 2


def is_unread(state: dict) -> bool:
    """Never opened, or marked unread with ``N`` (newsboat's keys): the ``read`` flag of
    the reading state, else whether it has a reading position at all."""
    if "read" in state:
        return not state["read"]
    return not state.get("position") and not state.get("progress")


def text_column_widths(table_width: int) -> tuple[int, int]:
    """``(title, source)`` widths that fill a table ``table_width`` cells wide: the title
    takes what the source does not (at least 16 and 8 cells, the source at most 28)."""
    free = max(0, table_width - OTHER_COLUMNS_WIDTH)
    source = max(8, min(28, free // 3))
    return max(16, free - source), source


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One article as the table shows it; ``None`` counts are still being computed."""

    id: str
    title: str
    source: str
    words: int
    added: str
    errors: int | None = None
    notes: int | None = None
    fixes: int | None = None
    read: float = 0.0
    unread: bool = False

    @classmethod
    def from_info(cls, info: ArticleInfo, progress: float = 0.0, unread: bool = False) -> ArticleRow:
        return cls(info.id, info.title, source_label(info), info.words, info.added, read=progress, unread=unread)

    def with_counts(self, **counts) -> ArticleRow:
        return replace(self, **counts)

    def sort_key(self, column: str):
        value = getattr(self, column)
        if isinstance(value, str):
            return (0, value.casefold())
        return (0 if value is not None else 1, value if value is not None else 0)

    def cells(self, title_width: int = TITLE_WIDTH, source_width: int = SOURCE_WIDTH) -> tuple[str, ...]:
        def count(v: int | None) -> str:
            return "…" if v is None else str(v)

        return (
            _clip(safe_line(self.title), title_width),
            _clip(safe_line(self.source), source_width),
            f"{self.words:,}",
            count(self.errors),
            count(self.notes),
            count(self.fixes),
            "new" if self.unread else (f"{self.read:.0f}%" if self.read else ""),
            safe_line(self.added[:10]),
        )


def sort_rows(rows: list[ArticleRow], column: str, reverse: bool = False) -> list[ArticleRow]:
    return sorted(rows, key=lambda r: r.sort_key(column), reverse=reverse)


def filter_rows(rows: list[ArticleRow], query: str, cutoff: float = 75.0) -> list[ArticleRow]:
    """Rows whose title or source fuzzily matches ``query``, best match first."""
    query = query.strip()
    if not query:
        return list(rows)
    from rapidfuzz import fuzz, utils

    scored = []
    for row in rows:
        score = max(
            fuzz.partial_ratio(query, row.title, processor=utils.default_process),
            fuzz.partial_ratio(query, row.source, processor=utils.default_process),
        )
        if score >= cutoff:
            scored.append((-score, row.title.casefold(), row))
    return [r for *_, r in sorted(scored, key=lambda t: (t[0], t[1]))]
