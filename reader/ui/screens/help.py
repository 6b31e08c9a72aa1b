"""``?``: every key of the screen underneath, grouped by where it applies, from the same
bindings the Footer and the command palette show."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


def bindings_table(screen: Screen) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
    table.add_column("key", style="bold", no_wrap=True)
    table.add_column("what")
    table.add_column("where", style="dim", no_wrap=True)
    seen: set[tuple[str, str]] = set()
    rows: dict[str, list[tuple[str, str, str]]] = {}
    for key, active in screen.active_bindings.items():
        b = active.binding
        if not b.description or not b.id:  # reader's own bindings all have ids
            continue
        category = getattr(active.node, "COMMAND_CATEGORY", None) or type(active.node).__name__.lower()
        ident = (category, b.action)
        if ident in seen:
            continue
        seen.add(ident)
        keys = [k for bb in screen.active_bindings.values() if bb.binding.action == b.action and bb.node is active.node
                for k in [bb.binding.key]]
        shown = " ".join(dict.fromkeys(screen.app.get_key_display(Binding(k, "")) for k in keys))
        rows.setdefault(category, []).append((shown, b.description + (f" — {b.tooltip}" if b.tooltip else ""),
                                              f"{category} · {b.id}"))  # the id keymap.toml rebinds
    for category in sorted(rows, key=lambda c: (c == "app", c)):
        for shown, what, where in rows[category]:
            table.add_row(Text(shown), Text(what), Text(where))
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="close-help")]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self._for = screen

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(Text("Keys (escape closes; ctrl+p searches commands; ids rebind in keymap.toml)", style="bold"))
            with VerticalScroll():
                self.keys_table = bindings_table(self._for)
                yield Static(self.keys_table)
