"""``c``: change a word or a selection freely (vim's ``c``, LanguageTool's free edit).

It only asks: the text is offered selected, so typing replaces it and an arrow key keeps
it for editing; ``enter`` dismisses with the new text, ``escape`` with ``None``. The
reading screen turns the answer into a standoff correction (undoable, exported,
annotations kept anchored) like any fix from the suggestion menu.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class FreeEditDialog(ModalScreen[str | None]):
    """``FreeEditDialog(text)``: what ``text`` should become."""

    DEFAULT_CSS = """
    FreeEditDialog { align: center middle; background: $background 30%; }
    FreeEditDialog > Vertical {
        width: 72; max-width: 100%; height: auto; border: round $primary; background: $surface; padding: 0 1;
    }
    FreeEditDialog #edit-help { color: $foreground-muted; height: auto; }
    """

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("escape", "cancel", "Cancel", id="edit-cancel"),
    ]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.original = text

    def compose(self) -> ComposeResult:
        with Vertical():
            head = Text("Change ", style="bold")
            head.append("\u201c" + " ".join(self.original.split())[:60] + "\u201d")
            yield Static(head, markup=False)
            yield Input(" ".join(self.original.split("\n")), id="edit-text", select_on_focus=False)
            yield Static(Text("enter: apply (u undoes) · escape: cancel · empty: delete the text"),
                         id="edit-help", markup=False)

    def on_mount(self) -> None:
        box = self.query_one(Input)
        box.focus()
        self.call_after_refresh(box.select_all)  # typing replaces, an arrow keeps it

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#edit-text")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)
