"""The library screen: a sortable, fuzzy-filterable table of articles.

It paints from :meth:`Library.list_articles` alone; counts (suspected errors, notes,
fixes) fill in from a worker thread, smallest articles first.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static
from reader.ui.widgets.footer import ReaderFooter

from reader.ui.rows import COLUMNS, ArticleRow, filter_rows, is_unread, sort_rows, text_column_widths
from reader.settings import Settings
from reader.ui.widgets.table_rows import selected_key
from reader.wording import counted

EMPTY_TEXT = (
    "Your library is empty.\n\n"
    "Press  a  to add text files or folders (.txt, .md, and the other formats reader imports),\n"
    "or from a shell:  reader add PATH...\n\n"
    "Press  ?  for every key, ctrl+p for the command palette."
)


#: Library setting: the article opened last (the cursor starts on it).


def web_address(info) -> str | None:
    """An article's http(s) address: its source, else the page's canonical URL."""
    meta = info.meta or {}
    for candidate in (info.source, meta.get("url"), meta.get("canonical"), meta.get("link")):
        if isinstance(candidate, str) and candidate.startswith(("http://", "https://")):
            return candidate
    return None


#: Seconds between showing the table and starting to count suspected errors.
COUNT_DELAY_S = 0.4


class LibraryScreen(Screen):
    """Lists articles; ``enter`` opens one in the reading view."""

    COMMAND_CATEGORY = "library"
    BINDINGS: ClassVar[list[Binding]] = [
        # priority: the table's own enter would hide this one from the Footer
        Binding("enter", "open", "Open", id="open", tooltip="Read the selected article", priority=True),
        Binding("slash", "filter", "Filter", id="filter", key_display="/", tooltip="Fuzzy filter on title and source"),
        Binding("s", "sort", "Sort", id="sort", show=False, tooltip="Sort by the next column (again to reverse: S)"),
        Binding("S", "reverse", "Reverse sort", id="reverse-sort", show=False),
        Binding("a", "add", "Add", id="add", tooltip="Import files or folders"),
        Binding("d", "delete", "Delete", id="delete", show=False, tooltip="Remove the selected article (u undoes)"),
        Binding("u", "undo", "Undo delete", id="undo", tooltip="Put back the last deleted article", show=False),
        Binding("F", "fulltext", "Search all", id="search-all", key_display="F", tooltip="Fuzzy full-text search across the library"),
        Binding("A", "annotations", "Annotations", id="annotations", key_display="A",
                tooltip="Every annotation in the library: filter by tag, search, enter opens it"),
        Binding("x", "export", "Export", id="export-article", show=False, tooltip="Export the selected article"),
        Binding("t", "stories", "Stories", id="stories",
                tooltip="Articles grouped by story: names tables, merge and split, side-by-side reading"),
        Binding("escape", "clear_filter", "Clear filter", id="clear-filter", show=False),
        Binding("j", "cursor(1)", "Next article", id="next-article", show=False),
        Binding("k", "cursor(-1)", "Previous article", id="previous-article", show=False),
        Binding("n", "next_unread", "Next unread", id="next-unread", show=False,
                tooltip="Go to the next article not read yet (newsboat's n)"),
        Binding("N", "toggle_read", "Read/unread", id="toggle-read", show=False,
                tooltip="Mark the selected article read or unread"),
        Binding("o", "open_source", "Open in browser", id="open-source", show=False,
                tooltip="Open the article's web address (its source or canonical URL) in the browser"),
        Binding("g", "first", "First article", id="first", show=False),
        Binding("G", "last", "Last article", id="last", show=False),
        Binding("q", "app.quit", "Quit", id="quit-library"),
    ]

    class Counted(Message):
        def __init__(self, article_id: str, counts: dict) -> None:
            super().__init__()
            self.article_id = article_id
            self.counts = counts

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, ArticleRow] = {}
        self.sort_column = "added"
        self.sort_reverse = False
        self.query_text = ""
        self.widths = text_column_widths(0)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="filter by title or source (escape clears)", id="filter")
        yield DataTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield Static(Text(EMPTY_TEXT), id="empty")
        yield Static(id="library-status")
        yield ReaderFooter()

    @property
    def table(self) -> DataTable:
        return self.query_one(DataTable)

    @property
    def library(self):
        return self.app.library

    def on_mount(self) -> None:
        self.title = "reader"
        self.sub_title = "library"
        for key, heading in COLUMNS:
            self.table.add_column(heading, key=key)
        self.reload()
        self.table.focus()
        last = Settings(self.library).last_read
        if last is not None and last in {r.id for r in self.visible_rows()}:
            self.table.move_cursor(row=self.table.get_row_index(last))  # where you left off

    def reload(self) -> None:
        """Re-read the article list (after add, delete, undo, or coming back)."""
        lib = self.library
        infos = lib.list_articles()
        states = lib.states()  # one pass, not one table scan per row
        old = self.rows
        self.rows = {}
        for info in infos:
            state = states.get(info.id, {})
            row = ArticleRow.from_info(info, lib.progress_of(state), unread=is_unread(state))
            prev = old.get(info.id)
            if prev is not None:
                row = row.with_counts(errors=prev.errors, notes=prev.notes, fixes=prev.fixes)
            self.rows[info.id] = row
        self.refill()

    def on_resize(self) -> None:
        """Title and source columns take the width there is (a wide terminal shows whole
        titles, a narrow one keeps every column on screen)."""
        widths = text_column_widths(self.size.width)
        if widths != self.widths:
            self.widths = widths
            if self.is_mounted:
                selected = self.selected_id()
                # columns keep the widest cell they ever held: start them afresh
                self.table.clear(columns=True)
                for key, heading in COLUMNS:
                    self.table.add_column(heading, key=key)
                self.refill(selected)

    def visible_rows(self) -> list[ArticleRow]:
        rows = sort_rows(list(self.rows.values()), self.sort_column, self.sort_reverse)
        return filter_rows(rows, self.query_text) if self.query_text else rows

    def refill(self, selected: str | None = None) -> None:
        table = self.table
        selected = selected or self.selected_id()
        table.clear()
        rows = self.visible_rows()
        for row in rows:
            table.add_row(*(Text(c) for c in row.cells(*self.widths)), key=row.id)
        if selected is not None and selected in {r.id for r in rows}:
            table.move_cursor(row=table.get_row_index(selected))
        self.set_class(not self.rows, "-empty")
        self._status(len(rows))

    def _status(self, shown: int) -> None:
        arrow = "↓" if self.sort_reverse else "↑"
        heading = dict(COLUMNS)[self.sort_column]
        msg = f"{shown} of {counted(len(self.rows), 'article')} · sorted by {heading} {arrow}"
        if self.query_text:
            msg += f" · filter: {self.query_text}"
        if self.app.removed:
            msg += f" · u undoes the delete of {self.app.removed[-1].info.title!r}"
        self.query_one("#library-status", Static).update(Text(msg))

    def selected_id(self) -> str | None:
        return selected_key(self.table)

    # ------------------------------------------------------------------ counts
    @work(thread=True, exit_on_error=False, exclusive=True, group="counts")
    def count_all(self) -> None:
        from textual.worker import get_current_worker

        worker = get_current_worker()
        from reader.review import LibraryMemory
        from reader.ui.screens.reading_corrections import AnalysisCancelled, remaining_counts

        lib = self.library
        memory = LibraryMemory(lib)  # this thread's own cache of what corrections teach
        for row in sorted(self.rows.values(), key=lambda r: r.words):
            if worker.is_cancelled:
                return
            if row.errors is not None:
                continue
            try:
                records = lib.record_counts(row.id)
                self.post_message(self.Counted(row.id, {"notes": records.get("annotations", 0), "fixes": records.get("corrections", 0)}))
                # open suspected errors of the corrected text (what the reading view shows)
                fixes, remaining = remaining_counts(self.app, row.id, cancelled=lambda: worker.is_cancelled,
                                                    memory=memory)
                self.post_message(self.Counted(row.id, {"errors": remaining, "fixes": fixes}))
            except AnalysisCancelled:  # leaving the screen or quitting: stop counting
                return
            except Exception as exc:  # one unreadable article must not stop the others
                self.log.error(f"counting {row.id}: {exc!r}")
                continue

    def on_library_screen_counted(self, message: Counted) -> None:
        row = self.rows.get(message.article_id)
        if row is None:
            return
        row = self.rows[message.article_id] = row.with_counts(**message.counts)
        cells = dict(zip((k for k, _ in COLUMNS), row.cells(*self.widths)))
        try:
            for key in message.counts:
                self.table.update_cell(row.id, key, Text(cells[key]))
        except Exception:  # row filtered out of the table right now
            pass

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "open" and not isinstance(self.focused, DataTable):
            return False  # enter in the filter box submits the filter
        return True

    # ------------------------------------------------------------------ actions
    def action_open(self) -> None:
        article_id = self.selected_id()
        if article_id:
            self.app.push_screen(self._reading(article_id), self._returned)

    def _mark_opened(self, article_id: str) -> None:
        """Opening an article marks it read and makes it the one the cursor returns to."""
        try:
            self.library.set_state(article_id, read=True)
            Settings(self.library).set_last_read(article_id)
        except Exception as exc:  # a locked library must not stop the reading
            self.notify(f"could not save the read state: {exc}", severity="warning", markup=False)

    def action_cursor(self, step: int) -> None:
        table = self.table
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)))

    def action_next_unread(self) -> None:
        rows = self.visible_rows()
        if not rows:
            return
        here = self.table.cursor_row
        order = list(range(here + 1, len(rows))) + list(range(0, here + 1))
        for i in order:
            if rows[i].unread:
                self.table.move_cursor(row=i)
                return
        self.notify("no unread articles", timeout=2)

    def action_toggle_read(self) -> None:
        article_id = self.selected_id()
        if not article_id:
            return
        row = self.rows[article_id]
        try:
            self.library.set_state(article_id, read=row.unread)
        except Exception as exc:
            self.notify(f"could not save the read state: {exc}", severity="warning", markup=False)
            return
        self.rows[article_id] = row.with_counts(unread=not row.unread)
        self.table.update_cell(article_id, "read", Text(self.rows[article_id].cells(*self.widths)[6]))
        self.notify("marked unread" if not row.unread else "marked read", timeout=1.5)

    def action_open_source(self) -> None:
        """``o``: the article's web address in the browser (newsboat's ``o``)."""
        article_id = self.selected_id()
        if not article_id:
            return
        info = self.library.get_info(article_id)
        url = web_address(info)
        if url is None:
            self.notify("this article has no web address (it was imported from a file)", timeout=3)
            return
        self.app.open_url(url)
        self.notify(f"opening {url}", timeout=2, markup=False)

    def on_screen_suspend(self) -> None:
        # the reading view needs the CPU more than the counts do; they resume on return
        self.workers.cancel_group(self, "counts")

    def on_screen_resume(self) -> None:
        if self.rows and any(r.errors is None for r in self.rows.values()):
            # a moment after the paint: loading the analyzer's word lists holds the GIL
            self.set_timer(COUNT_DELAY_S, self.count_all)

    def _reading(self, article_id: str, offset: int | None = None, end: int | None = None):
        from reader.ui.screens.reading import ReadingScreen

        self._mark_opened(article_id)
        return ReadingScreen(article_id, offset=offset, end=end)

    def _returned(self, result=None) -> None:
        """Back from the reading view: its counts (corrections change them) go in the row."""
        self.reload()
        counts = self.app.known_counts.pop(result, None) if isinstance(result, str) else None
        row = self.rows.get(result) if isinstance(result, str) else None
        if row is not None:
            self.rows[result] = row.with_counts(**counts) if counts else row.with_counts(errors=None)
            self.refill()

    def action_annotations(self) -> None:
        from reader.ui.screens.annotations import AnnotationsScreen

        def done(jump) -> None:
            if jump is None:
                return
            if jump.orphan or jump.start is None:
                self.notify("that annotation lost its place in the text (orphan): opening the article",
                            timeout=3)
                self.app.push_screen(self._reading(jump.article_id), self._returned)
                return
            self.app.push_screen(self._reading(jump.article_id, jump.start, jump.end), self._returned)

        self.app.push_screen(AnnotationsScreen(self.library), done)

    def action_stories(self) -> None:
        from reader.ui.screens.stories import StoriesScreen

        self.app.push_screen(StoriesScreen(), lambda _=None: self.reload())

    def action_export(self) -> None:
        article_id = self.selected_id()
        if not article_id:
            return
        try:
            from reader.ui.dialogs.export import run_export
        except ImportError:
            self.notify("export is not available in this build", severity="warning", timeout=3)
            return
        run_export(self.app, [article_id])

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    @on(DataTable.HeaderSelected)
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        key = event.column_key.value
        if key == self.sort_column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = key, False
        self.refill()

    def action_first(self) -> None:
        self.table.move_cursor(row=0)

    def action_last(self) -> None:
        self.table.move_cursor(row=max(0, self.table.row_count - 1))

    def action_sort(self) -> None:
        keys = [k for k, _ in COLUMNS]
        self.sort_column = keys[(keys.index(self.sort_column) + 1) % len(keys)]
        self.sort_reverse = False
        self.refill()

    def action_reverse(self) -> None:
        self.sort_reverse = not self.sort_reverse
        self.refill()

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.add_class("-shown")
        box.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.refill()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        self.table.focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.value = ""
        box.remove_class("-shown")
        self.query_text = ""
        self.refill()
        self.table.focus()

    def action_delete(self) -> None:
        article_id = self.selected_id()
        if not article_id:
            return
        from reader.ui.dialogs.confirm import ConfirmDialog

        row = self.rows[article_id]

        def done(yes: bool | None) -> None:
            if yes:
                removed = self.library.remove_article(article_id)
                self.app.removed.append(removed)
                self.reload()
                self.notify(f"deleted {row.title!r} — press u to undo", timeout=4)

        self.app.push_screen(
            ConfirmDialog(f"Delete {row.title!r} from the library?",
                          "Its annotations and corrections stay on disk; u undoes this until you quit."),
            done,
        )

    def action_undo(self) -> None:
        if not self.app.removed:
            self.notify("nothing to undo", timeout=2)
            return
        removed = self.app.removed.pop()
        self.library.restore_article(removed)
        self.reload()
        self.count_all()
        self.table.move_cursor(row=self.table.get_row_index(removed.info.id)) if removed.info.id in {r.id for r in self.visible_rows()} else None
        self.notify(f"restored {removed.info.title!r}", timeout=3)

    def action_add(self) -> None:
        from reader.ui.dialogs.add_files import AddFilesDialog

        def done(added: int | None) -> None:
            if added:
                self.reload()
                self.call_after_refresh(self.count_all)

        self.app.push_screen(AddFilesDialog(), done)

    def action_fulltext(self) -> None:
        from reader.ui.screens.search import SearchScreen

        def done(hit) -> None:
            if hit:
                article_id, offset = hit
                self.app.push_screen(self._reading(article_id, offset), self._returned)

        self.app.push_screen(SearchScreen(), done)
