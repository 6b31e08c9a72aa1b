"""The keys active on every screen (the App's bindings), apart from the App so the keymap
and the key tables can list them without importing the App (docs/ARCHITECTURE.md)."""

from __future__ import annotations

from textual.binding import Binding

APP_BINDINGS: list[Binding] = [
    Binding("?", "help", "Help", id="help", tooltip="List every key of this screen"),
    Binding("ctrl+q", "quit", "Quit", id="quit", tooltip="Leave reader", priority=True, show=False),
    Binding("ctrl+t", "cycle_theme", "Next theme", id="next-theme", show=False,
            tooltip="Switch to the next theme (remembered for next time)"),
]
