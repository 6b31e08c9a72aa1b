"""``h``: which highlights the reading view shows — the three layers (names, errors,
notes) and each finding kind on its own (LanguageTool's "turn this rule off").

A checklist: ``space`` or ``enter`` toggles the highlighted row, ``1``/``2``/``3`` toggle
the layers directly, ``escape`` (or ``h``) closes and applies. Dismisses with
``(layers shown, kinds hidden)``; the screen applies and remembers them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

LAYER_NAMES = {"entities": "1  names (entities)", "errors": "2  suspected errors", "annotations": "3  notes"}


class HideKindsDialog(ModalScreen[tuple[dict[str, bool], frozenset[str]] | None]):
    """``HideKindsDialog(layers, kinds, hidden)``: ``layers`` maps a layer to whether it
    is shown, ``kinds`` are the finding kinds to offer, ``hidden`` those hidden now."""

    DEFAULT_CSS = """
    HideKindsDialog { align: center middle; background: $background 30%; }
    HideKindsDialog > Vertical {
        width: 48; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    HideKindsDialog SelectionList { height: auto; max-height: 18; border: none; }
    HideKindsDialog #hide-help { color: $foreground-muted; height: auto; }
    """

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("escape,h", "close", "Apply", id="hide-apply"),
        Binding("1", "layer('entities')", "Names", id="hide-names", show=False),
        Binding("2", "layer('errors')", "Errors", id="hide-errors", show=False),
        Binding("3", "layer('annotations')", "Notes", id="hide-notes", show=False),
    ]

    def __init__(self, layers: Mapping[str, bool], kinds: Iterable[str], hidden: Iterable[str]) -> None:
        super().__init__()
        self.shown_layers = dict(layers)
        self.kinds = list(kinds)
        self.hidden = frozenset(hidden)

    def compose(self) -> ComposeResult:
        options = [Selection(LAYER_NAMES[name], f"layer:{name}", shown) for name, shown in self.shown_layers.items()]
        options += [Selection(f"   {kind}", f"kind:{kind}", kind not in self.hidden) for kind in self.kinds]
        with Vertical():
            yield Static(Text("Show / hide highlights", style="bold"), markup=False)
            yield SelectionList[str](*options, id="hide-list")
            yield Static(Text("space toggles · 1 2 3 layers · escape applies"), id="hide-help", markup=False)

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def action_layer(self, name: str) -> None:
        self.query_one(SelectionList).toggle(f"layer:{name}")

    def answer(self) -> tuple[dict[str, bool], frozenset[str]]:
        chosen = set(self.query_one(SelectionList).selected)
        layers = {name: f"layer:{name}" in chosen for name in self.shown_layers}
        hidden = frozenset(kind for kind in self.kinds if f"kind:{kind}" not in chosen)
        return layers, hidden

    def action_close(self) -> None:
        self.dismiss(self.answer())
