"""The library grouped by story: every story's articles together, names tables, merging,
splitting and side-by-side reading.

Grouping reads every article's text, so it runs in a worker thread, as do the names tables
computed afterwards so that each story's reconciled names reach the ``variant`` check; the
worker posts results back and this screen stores them (through :mod:`reader.stories.library`).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from reader.ui.widgets.table_rows import selected_key
from reader.wording import counted

COLUMNS = (("story", "Story"), ("title", "Title"), ("id", "Id"), ("mark", ""))


class StoriesScreen(Screen):
    """Stories of two or more articles, one row per article, grouped."""

    COMMAND_CATEGORY = "stories"
    BINDINGS: ClassVar[list[Binding]] = [
        Binding("enter", "open", "Open", id="stories-open", tooltip="Read the selected article"),
        Binding("n", "names", "Names", id="stories-names",
                tooltip="The story's names table: every spelling of every name; apply the preferred ones"),
        Binding("v", "side_by_side", "Side by side", id="stories-split",
                tooltip="Read the selected article beside another of its story, paragraphs in step"),
        Binding("space", "mark", "Mark", id="stories-mark", tooltip="Mark the article for a merge or a split"),
        Binding("m", "merge", "Merge", id="stories-merge", tooltip="Make the marked articles' stories one story"),
        Binding("x", "split", "Split", id="stories-split-off",
                tooltip="Move the marked articles out of their story into one of their own"),
        Binding("escape,q", "close", "Library", id="stories-back"),
    ]

    class Grouped(Message):
        def __init__(self, stories, titles: dict[str, str]) -> None:
            super().__init__()
            self.stories = stories
            self.titles = titles

    class Named(Message):
        """A story's reconciled names, computed in the worker, to be stored."""

        def __init__(self, article_ids: tuple[str, ...], variants: dict) -> None:
            super().__init__()
            self.article_ids = article_ids
            self.variants = variants

    def __init__(self) -> None:
        super().__init__()
        self.stories: list = []
        self.titles: dict[str, str] = {}
        self.marked: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="stories", cursor_type="row", zebra_stripes=True)
        yield Static(Text("grouping articles into stories…"), id="stories-status")
        yield Footer()

    @property
    def table(self) -> DataTable:
        return self.query_one("#stories", DataTable)

    def on_mount(self) -> None:
        self.title = "reader"
        self.sub_title = "stories"
        for key, heading in COLUMNS:
            self.table.add_column(heading, key=key)
        self.table.focus()
        self.group()

    @work(thread=True, exclusive=True, group="stories", exit_on_error=False)
    def group(self) -> None:
        from textual.worker import get_current_worker

        from reader.stories import library as stories

        worker = get_current_worker()
        lib = self.app.library
        found = stories.list_stories(lib)
        self.post_message(self.Grouped(found, {i.id: i.title for i in lib.list_articles()}))
        for story in found:  # names tables, so each story's spellings reach the variant check
            if worker.is_cancelled:
                return
            names = stories.story_names(lib, story, remember=False)
            self.post_message(self.Named(story.article_ids, names.variants()))

    def on_stories_screen_grouped(self, message: Grouped) -> None:
        self.stories, self.titles = message.stories, message.titles
        self.marked &= {a for s in self.stories for a in s.article_ids}
        self.refill()

    def on_stories_screen_named(self, message: Named) -> None:
        from reader.stories.library import remember_names

        remember_names(self.app.library, message.article_ids, message.variants)

    def refill(self) -> None:
        table = self.table
        selected = self.selected_id()
        table.clear()
        for n, story in enumerate(self.stories, 1):
            for k, aid in enumerate(story.article_ids):
                head = f"{n} · {counted(len(story.article_ids), 'article')}" if k == 0 else ""
                if k == 0 and story.pinned:
                    head += " (by hand)"
                table.add_row(Text(head), Text(self.titles.get(aid, "")), Text(aid),
                              Text("●" if aid in self.marked else ""), key=aid)
        if selected is not None and any(selected in s.article_ids for s in self.stories):
            table.move_cursor(row=table.get_row_index(selected))
        count = sum(len(s.article_ids) for s in self.stories)
        status = (f"{counted(len(self.stories), 'story')} · {count} of {counted(len(self.titles), 'article')}"
                  if self.stories else "no stories: no two articles report the same event")
        if self.marked:
            status += f" · {len(self.marked)} marked (m merges their stories, x splits them off)"
        self.query_one("#stories-status", Static).update(Text(status))

    def selected_id(self) -> str | None:
        return selected_key(self.table)

    def story_of(self, article_id: str | None):
        return next((s for s in self.stories if article_id in s.article_ids), None)

    # ------------------------------------------------------------------ actions
    @on(DataTable.RowSelected, "#stories")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        article_id = self.selected_id()
        if article_id:
            self.app.open_article(article_id)

    def action_names(self) -> None:
        story = self.story_of(self.selected_id())
        if story is None:
            return
        from reader.ui.screens.names_table import NamesScreen

        self.app.push_screen(NamesScreen(story, self.titles), lambda _=None: self.group())

    def action_side_by_side(self) -> None:
        article_id = self.selected_id()
        story = self.story_of(article_id)
        if story is None:
            return
        from reader.ui.screens.side_by_side import SideBySideScreen

        others = [a for a in story.article_ids if a != article_id]
        self.app.push_screen(SideBySideScreen(article_id, others[0], story_ids=story.article_ids))

    def action_mark(self) -> None:
        article_id = self.selected_id()
        if article_id:
            self.marked ^= {article_id}
            row = self.table.cursor_row
            self.refill()
            self.table.move_cursor(row=min(row + 1, self.table.row_count - 1))

    def action_merge(self) -> None:
        from reader.stories.library import merge

        picked = {s.key: s for s in self.stories if set(s.article_ids) & self.marked}
        if len(picked) < 2:
            self.notify("mark articles of two or more stories (space), then m", timeout=3)
            return
        merge(self.app.library, [s.article_ids for s in picked.values()])
        self.marked.clear()
        self.notify(f"merged {len(picked)} stories", timeout=2)
        self.group()

    def action_split(self) -> None:
        from reader.errors import ReaderError
        from reader.stories.library import split

        moved = 0
        for story in self.stories:
            ids = [a for a in story.article_ids if a in self.marked]
            if ids:
                try:
                    split(self.app.library, story, ids)
                    moved += len(ids)
                except ReaderError as exc:
                    self.notify(exc.message, severity="warning", timeout=3)
        if moved:
            self.marked.clear()
            self.notify(f"moved {counted(moved, 'article')} into a story of their own", timeout=2)
            self.group()
        elif not self.marked:
            self.notify("mark the articles to split off (space), then x", timeout=3)

    def action_close(self) -> None:
        self.workers.cancel_group(self, "stories")
        self.dismiss(None)
