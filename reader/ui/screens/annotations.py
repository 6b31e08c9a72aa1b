"""Every annotation in the library in one table: filter by tag (``t`` cycles), fuzzy search
in notes and quotes (``/``), ``enter`` dismisses with a :class:`Jump` to the span.

Orphans (annotations whose text is gone after a source update) are listed with their last
quote and marked, so nothing a person wrote disappears silently. All cells are rich
``Text`` built from record strings, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static
from reader.ui.widgets.footer import ReaderFooter

from reader.termsafe import safe_line
from reader.annotating import NO_ENTITY, filter_annotations, tag_completions
from reader.model import Annotation
from reader.ui.annotation_actions import Jump
from reader.wording import counted

#: (heading, width) of the table columns; fits 100 columns with cell padding.
COLUMNS = (("Article", 18), ("Quote", 28), ("Note", 28), ("Tags", 14), ("Label", 8))
ORPHAN_MARK = "⚠ orphan "


@dataclass(frozen=True)
class AnnotationRow:
    """One annotation with its article's title (what the table shows)."""

    annotation: Annotation
    title: str

    def cells(self) -> tuple[Text, ...]:
        a = self.annotation
        quote = Text(no_wrap=True, overflow="ellipsis")
        if a.orphan:
            quote.append(ORPHAN_MARK, style="bold")
        quote.append(safe_line(" ".join(a.anchor.quote.split())), style="italic" if a.orphan else "")
        note = safe_line(a.note.strip().split("\n", 1)[0] if a.note.strip() else "")
        label = safe_line("no entity" if a.label == NO_ENTITY else (a.label or ""))
        return (
            Text(safe_line(self.title), no_wrap=True, overflow="ellipsis"),
            quote,
            Text(note, no_wrap=True, overflow="ellipsis"),
            Text(safe_line(", ".join(a.tags)), no_wrap=True, overflow="ellipsis"),
            Text(label, no_wrap=True),
        )


def load_rows(library) -> list[AnnotationRow]:
    """All annotations, by article title then position (orphans of an article last)."""
    titles = {info.id: info.title for info in library.list_articles()}
    rows = [AnnotationRow(a, titles.get(a.article_id, a.article_id)) for a in library.annotations(None)]
    rows.sort(key=lambda r: (r.title.casefold(), r.annotation.article_id, r.annotation.orphan,
                             r.annotation.anchor.start, r.annotation.id))
    return rows


class AnnotationsScreen(Screen[Jump | None]):
    """``AnnotationsScreen(library)``; dismisses with a :class:`Jump` or ``None``."""

    COMMAND_CATEGORY = "annotations"
    DEFAULT_CSS = """
    AnnotationsScreen DataTable { height: 1fr; }
    AnnotationsScreen #annotations-search { dock: top; display: none; }
    AnnotationsScreen #annotations-search.-shown { display: block; }
    AnnotationsScreen #annotations-status { height: 1; padding: 0 1; background: $panel; }
    AnnotationsScreen #annotations-empty { display: none; padding: 2 4; color: $foreground-muted; }
    AnnotationsScreen.-empty #annotations-empty { display: block; }
    AnnotationsScreen.-empty DataTable { display: none; }
    """
    BINDINGS: ClassVar[list[Binding]] = [
        Binding("enter", "jump", "Go to", id="annotations-jump", tooltip="Open the article at this annotation"),
        Binding("t", "cycle_tag(1)", "Tag filter", id="annotations-tag", tooltip="Show only the next tag (again: next one, then all)"),
        Binding("T", "cycle_tag(-1)", "Previous tag", id="annotations-tag-back", show=False, tooltip="Filter by the previous tag"),
        Binding("slash", "search", "Search", id="annotations-search", key_display="/", tooltip="Fuzzy search in notes and quotes"),
        Binding("escape", "back", "Back", id="annotations-back", tooltip="Clear the search, else leave"),
    ]

    def __init__(self, library) -> None:
        super().__init__()
        self.library = library
        self.rows: list[AnnotationRow] = []
        self.shown: list[AnnotationRow] = []
        self.tags: list[str] = []
        self.tag: str | None = None
        self.search = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="search notes and quotes (fuzzy); enter or ↓ goes to the list",
                    id="annotations-search")
        yield Static(Text(""), id="annotations-status")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="annotations-table")
        yield Static(Text("No annotations yet. In the reading view select with v and press a."),
                     id="annotations-empty")
        yield ReaderFooter()

    def on_mount(self) -> None:
        self.sub_title = "annotations"
        table = self.query_one(DataTable)
        for heading, width in COLUMNS:
            table.add_column(heading, width=width)
        self.reload()
        table.focus()

    # ------------------------------------------------------------------ data
    def reload(self) -> None:
        """Read the annotations again (after an edit elsewhere)."""
        self.rows = load_rows(self.library)
        self.tags = tag_completions(r.annotation for r in self.rows)
        if self.tag not in self.tags:
            self.tag = None
        self.refilter()

    def refilter(self) -> None:
        by_id = {r.annotation.id: r for r in self.rows}
        kept = filter_annotations((r.annotation for r in self.rows), tag=self.tag, search=self.search or None)
        self.shown = [by_id[a.id] for a in kept]
        table = self.query_one(DataTable)
        table.clear()
        for row in self.shown:
            table.add_row(*row.cells(), key=row.annotation.id)
        self.set_class(not self.rows, "-empty")
        self._status()

    def _status(self) -> None:
        orphans = sum(r.annotation.orphan for r in self.shown)
        out = Text(f"{len(self.shown)} of {counted(len(self.rows), 'annotation')}")
        if orphans:
            out.append(f" · {counted(orphans, 'orphan')}", style="bold")
        if self.tag:
            out.append(" · tag: ")
            out.append(self.tag, style="bold")
        if self.search:
            out.append(" · search: ")
            out.append(repr(self.search), style="bold")
        out.append("   t tag · / search · enter go to", style="dim")
        self.query_one("#annotations-status", Static).update(out)

    def current(self) -> AnnotationRow | None:
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row is None or not 0 <= table.cursor_row < len(self.shown):
            return None
        return self.shown[table.cursor_row]

    # ------------------------------------------------------------------ actions
    def action_cycle_tag(self, step: int) -> None:
        if not self.tags:
            self.notify("no tags yet", timeout=2)
            return
        cycle: list[str | None] = [None, *self.tags]
        self.tag = cycle[(cycle.index(self.tag) + step) % len(cycle)]
        self.refilter()

    def action_search(self) -> None:
        box = self.query_one("#annotations-search", Input)
        box.add_class("-shown")
        box.focus()

    @on(Input.Changed, "#annotations-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.search = event.value.strip()
        self.refilter()

    @on(Input.Submitted, "#annotations-search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(DataTable).focus()

    def on_key(self, event) -> None:
        if event.key == "down" and self.focused is self.query_one("#annotations-search", Input):
            event.stop()
            self.query_one(DataTable).focus()

    def action_back(self) -> None:
        box = self.query_one("#annotations-search", Input)
        if box.has_class("-shown"):
            box.value = ""
            box.remove_class("-shown")
            self.search = ""
            self.refilter()
            self.query_one(DataTable).focus()
            return
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("cycle_tag", "jump") and isinstance(self.focused, Input):
            return False  # typing a search: t is a letter, enter goes to the list
        return True

    @on(DataTable.RowSelected, "#annotations-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_jump()

    def action_jump(self) -> None:
        row = self.current()
        if row is None:
            return
        a = row.annotation
        if a.orphan:
            self.dismiss(Jump(a.article_id, None, None, a.id, orphan=True))
        else:
            self.dismiss(Jump(a.article_id, a.anchor.start, a.anchor.end, a.id))
