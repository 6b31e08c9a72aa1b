"""Two articles of a story side by side, paragraphs kept in step.

Each side is an :class:`~reader.ui.widgets.article_view.ArticleView` of the article's
corrected text. The paragraph under the cursor is tinted on both sides: moving it in one
brings the other side to the matching paragraph (:func:`reader.stories.align.align`). With
a name (a names-table cluster's spellings) ``n`` jumps from one occurrence of any of its
spellings to the next in the other article, and ``]`` shows the story's next article on
the right.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from reader.ui.document import CURRENT, SEARCH, Document, Span, SpanLayer
from reader.ui.widgets.article_view import ArticleView

#: Text width of each side.
SIDE_WRAP = 60


class SideBySideScreen(Screen):
    """``SideBySideScreen(left_id, right_id, story_ids=(), names=(), left_offset=None)``."""

    COMMAND_CATEGORY = "side by side"
    DEFAULT_CSS = """
    SideBySideScreen #split-body { height: 1fr; }
    SideBySideScreen #split-body ArticleView { width: 1fr; height: 1fr; border: round $panel-lighten-2; }
    SideBySideScreen #split-body ArticleView:focus { border: round $accent; }
    SideBySideScreen #split-status { height: 1; background: $panel; }
    """
    BINDINGS: ClassVar[list[Binding]] = [
        Binding("j,down", "paragraph(1)", "Next paragraph", id="split-next"),
        Binding("k,up", "paragraph(-1)", "Previous paragraph", id="split-previous"),
        Binding("tab", "switch", "Other side", id="split-switch", tooltip="Move the cursor on the other article"),
        Binding("s", "toggle_sync", "Sync", id="split-sync",
                tooltip="Keep the other side at the matching paragraph (on/off)"),
        Binding("n", "name(1)", "Same name", id="split-name",
                tooltip="The next place the other article writes this name (any spelling)"),
        Binding("right_square_bracket", "next_article", "Next article", id="split-next-article", key_display="]",
                tooltip="Show the story's next article on the right"),
        Binding("escape,q", "close", "Back", id="split-back"),
    ]

    def __init__(self, left_id: str, right_id: str, *, story_ids: tuple[str, ...] = (),
                 names: tuple[str, ...] = (), left_offset: int | None = None) -> None:
        super().__init__()
        self.ids = [left_id, right_id]
        self.story_ids = story_ids or (left_id, right_id)
        self.names = names
        self.left_offset = left_offset
        self.texts = ["", ""]
        self.paras: list[list[tuple[int, int]]] = [[], []]
        self.maps: list[list[int]] = [[], []]  # left -> right, right -> left
        self.cursor = [0, 0]
        self.side = 0
        self.sync = True
        self._name_hit = -1

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="split-body"):
            yield ArticleView(id="split-left", wrap_width=SIDE_WRAP)
            yield ArticleView(id="split-right", wrap_width=SIDE_WRAP)
        yield Static(id="split-status")
        yield Footer()

    def view(self, side: int) -> ArticleView:
        return self.query_one("#split-left" if side == 0 else "#split-right", ArticleView)

    def on_mount(self) -> None:
        self.title = "side by side"
        for side in (0, 1):
            self._load(side)
        self._realign()
        if self.left_offset is not None:
            self.cursor[0] = self._para_at(0, self.left_offset)
        self._show(0)
        self.view(0).focus()
        if self.names:
            self.call_after_refresh(self.action_name, 1)

    def _load(self, side: int) -> None:
        from reader.corrections import project
        from reader.stories.align import paragraphs

        lib = self.app.library
        aid = self.ids[side]
        text, _ = project(lib.get_text(aid), lib.corrections(aid))
        self.texts[side] = text
        self.paras[side] = paragraphs(text) or [(0, 0)]
        view = self.view(side)
        view.set_document(Document(text))
        view.border_title = lib.get_info(aid).title

    def _realign(self) -> None:
        from reader.stories.align import align

        self.maps[0], self.maps[1] = align(self.texts[0], self.texts[1])
        self.cursor = [min(c, len(p) - 1) for c, p in zip(self.cursor, self.paras)]

    def _para_at(self, side: int, offset: int) -> int:
        for i, (_s, e) in enumerate(self.paras[side]):
            if offset < e:
                return i
        return len(self.paras[side]) - 1

    # ------------------------------------------------------------------ showing
    def _show(self, side: int) -> None:
        """Tint the cursor paragraph of ``side`` and, when in sync, bring the other side
        to its partner."""
        other = 1 - side
        if self.sync and self.maps[side]:
            self.cursor[other] = self.maps[side][self.cursor[side]]
        for s in (side, other) if self.sync else (side,):
            start, end = self.paras[s][self.cursor[s]]
            view = self.view(s)
            changed = view.document.set_layer(SpanLayer(SEARCH, [Span(start, max(end, start + 1), "reader-search")]))
            view.layers_changed(changed) if changed else None
            view.scroll_to_offset(start)
        self._status()

    def _status(self, extra: str = "") -> None:
        side = "left" if self.side == 0 else "right"
        parts = [f"paragraph {self.cursor[0] + 1}/{len(self.paras[0])} ↔ {self.cursor[1] + 1}/{len(self.paras[1])}",
                 f"cursor: {side}", "sync on" if self.sync else "sync off"]
        if self.names:
            parts.append("name: " + " / ".join(self.names))
        if extra:
            parts.append(extra)
        self.query_one("#split-status", Static).update(Text(" · ".join(parts)))

    # ------------------------------------------------------------------ actions
    def action_paragraph(self, step: int) -> None:
        side = self.side
        self.cursor[side] = max(0, min(len(self.paras[side]) - 1, self.cursor[side] + step))
        self._show(side)

    def action_switch(self) -> None:
        self.side = 1 - self.side
        self.view(self.side).focus()
        self._status()

    def action_toggle_sync(self) -> None:
        self.sync = not self.sync
        if self.sync:
            self._show(self.side)
        else:
            self._status()

    def name_hits(self, side: int) -> list[tuple[int, int]]:
        """Where the article on ``side`` writes any spelling of the name, in order."""
        from reader.corrections import word_occurrences

        return sorted(span for name in self.names for span in word_occurrences(self.texts[side], name))

    def action_name(self, step: int = 1) -> None:
        """The next occurrence of the name in the right-hand article (the story's other
        report); the left side follows to the matching paragraph."""
        if not self.names:
            self.notify("no name chosen: open this view from a names table or with S on a name", timeout=3)
            return
        target = 1
        hits = self.name_hits(target)
        if not hits:
            self._status(f"{self.names[0]} is not in the other article")
            return
        self._name_hit = (self._name_hit + step) % len(hits)
        start, end = hits[self._name_hit]
        view = self.view(target)
        changed = view.document.set_layer(SpanLayer(CURRENT, [Span(start, end, "reader-cursor")]))
        view.layers_changed(changed) if changed else None
        self.cursor[target] = self._para_at(target, start)
        self._show(target)
        view.scroll_to_offset(start)
        self._status(f"{self.texts[target][start:end]} ({self._name_hit + 1} of {len(hits)})")

    def action_next_article(self) -> None:
        others = [a for a in self.story_ids if a != self.ids[0]]
        if len(others) < 2:
            self.notify("the story has no other article", timeout=2)
            return
        i = others.index(self.ids[1]) if self.ids[1] in others else -1
        self.ids[1] = others[(i + 1) % len(others)]
        self._load(1)
        self._realign()
        self._name_hit = -1
        self._show(0)

    def action_close(self) -> None:
        self.dismiss(None)
