"""A story's names table: every name, each spelling with its count in every article.

``a`` applies the preferred spellings to every variant in every article (one undo step,
through the app's :class:`~reader.editing.Editor`), ``u`` undoes, ``p`` makes the selected
spelling the preferred one (remembered), ``v`` reads two articles side by side at that name.
The table is computed in a worker (the entity detector runs over each article).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from reader.wording import counted


class NamesScreen(Screen):
    """``NamesScreen(story, titles)``; dismisses with nothing."""

    COMMAND_CATEGORY = "names"
    BINDINGS: ClassVar[list[Binding]] = [
        Binding("a", "apply", "Apply all", id="names-apply",
                tooltip="Correct every variant to its preferred spelling in every article (one undo step)"),
        Binding("u", "undo", "Undo", id="names-undo", tooltip="Undo the last correction step"),
        Binding("p", "prefer", "Prefer", id="names-prefer",
                tooltip="Make the selected spelling the preferred one (remembered)"),
        Binding("v", "side_by_side", "Side by side", id="names-split",
                tooltip="Read an article with this spelling beside another, at the name"),
        Binding("escape,q", "close", "Back", id="names-back"),
    ]

    class Computed(Message):
        def __init__(self, names) -> None:
            super().__init__()
            self.names = names

    def __init__(self, story, titles: dict[str, str] | None = None) -> None:
        super().__init__()
        self.story = story
        self.titles = titles or {}
        self.names = None
        self.rows: dict[str, tuple[int, int]] = {}  # row key -> (cluster, spelling)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="names-head")
        yield DataTable(id="names", cursor_type="row", zebra_stripes=True)
        yield Static(Text("finding the names of the story…"), id="names-status")
        yield Footer()

    @property
    def table(self) -> DataTable:
        return self.query_one("#names", DataTable)

    def on_mount(self) -> None:
        self.title = "names"
        self.sub_title = f"story {self.story.key}"
        head = Text()
        for n, aid in enumerate(self.story.article_ids, 1):
            head.append(f"{n}: ", style="bold")
            head.append(self.titles.get(aid, aid))
            head.append("\n" if n < len(self.story.article_ids) else "")
        self.query_one("#names-head", Static).update(head)
        table = self.table
        for key, heading in (("label", "Label"), ("name", "Name"), ("spelling", "Spelling"), ("role", "")):
            table.add_column(heading, key=key)
        for n, _aid in enumerate(self.story.article_ids, 1):
            table.add_column(str(n), key=f"a{n}")
        table.focus()
        self.compute()

    @work(thread=True, exclusive=True, group="names", exit_on_error=False)
    def compute(self) -> None:
        from reader.stories.library import story_names

        self.post_message(self.Computed(story_names(self.app.library, self.story, remember=False)))

    def on_names_screen_computed(self, message: Computed) -> None:
        from reader.stories.library import remember_names

        self.names = message.names
        remember_names(self.app.library, self.story.article_ids, self.names.variants())
        self.refill()

    def refill(self) -> None:
        table = self.table
        selected = self.selected()
        table.clear()
        self.rows = {}
        clusters = sorted(enumerate(self.names.clusters), key=lambda c: len(c[1].spellings) < 2)
        for ci, cluster in clusters:
            for si, spelling in enumerate(cluster.spellings):
                key = f"{ci}:{si}"
                self.rows[key] = (ci, si)
                role = "preferred" if si == 0 else "variant"
                cells = [Text(cluster.label if si == 0 else ""), Text(cluster.example if si == 0 else ""),
                         Text(spelling.text, style="bold" if si == 0 else ""), Text(role)]
                cells += [Text(str(spelling.counts.get(aid, 0) or "·")) for aid in self.story.article_ids]
                table.add_row(*cells, key=key)
        if selected in self.rows:
            table.move_cursor(row=table.get_row_index(selected))
        variants = sum(len(c.variants) for c in self.names.clusters)
        self._status(f"{len(self.names.clusters)} names · {variants} variant spellings"
                     + (" · a applies the preferred ones" if variants else ""))

    def _status(self, text: str) -> None:
        self.query_one("#names-status", Static).update(Text(text))

    def selected(self) -> str | None:
        from reader.ui.widgets.table_rows import selected_key

        return selected_key(self.table)

    def _picked(self):
        key = self.selected()
        if self.names is None or key not in self.rows:
            return None, None
        ci, si = self.rows[key]
        cluster = self.names.clusters[ci]
        return cluster, cluster.spellings[si]

    # ------------------------------------------------------------------ actions
    def _changed(self, change) -> None:
        self.app.memory.forget(change.article_ids)
        self.compute()

    def action_apply(self) -> None:
        if self.names is None:
            return
        from reader.errors import ReaderError
        from reader.stories.library import apply_names

        try:
            change = apply_names(self.app.editor, self.names)
        except ReaderError as exc:
            self.notify(exc.message, severity="error", markup=False)
            return
        if not change.changed:
            self.notify("every name already has its preferred spelling", timeout=2)
            return
        self.notify(f"applied {counted(change.count, 'correction')} in {counted(len(change.article_ids), 'article')} — u undoes",
                    timeout=3, markup=False)
        self._changed(change)

    def action_undo(self) -> None:
        change = self.app.editor.undo()
        if change is None:
            self.notify("nothing to undo", timeout=2)
            return
        self.notify(f"undone: {change.description}", timeout=3, markup=False)
        self._changed(change)

    def action_prefer(self) -> None:
        cluster, spelling = self._picked()
        if cluster is None:
            return
        from reader.stories.library import choose

        choose(self.app.library, cluster, spelling.text)
        self.notify(f"{spelling.text} is now the preferred spelling", timeout=2, markup=False)
        self.compute()

    def action_side_by_side(self) -> None:
        cluster, spelling = self._picked()
        if cluster is None:
            return
        from reader.ui.screens.side_by_side import SideBySideScreen

        ids = self.story.article_ids
        left = next((a for a in ids if spelling.counts.get(a)), ids[0])
        right = next((a for a in ids if a != left and any(s.counts.get(a) for s in cluster.spellings)),
                     next(a for a in ids if a != left))
        self.app.push_screen(SideBySideScreen(left, right, story_ids=ids,
                                              names=tuple(s.text for s in cluster.spellings)))

    def action_close(self) -> None:
        self.dismiss(None)
