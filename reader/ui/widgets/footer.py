"""The app's Footer: compact, and without the ``^p palette`` key on a narrow terminal.

Why: at 80 columns Textual's Footer docks the palette key over the last bindings, which
hid ``? Help`` and ``esc Library``; the palette is still on ``ctrl+p`` and the ``?``
screen names it.
"""

from __future__ import annotations

from textual.widgets import Footer

#: Narrower than this, the palette key gives its room to the screen's own keys.
PALETTE_MIN_WIDTH = 100


class ReaderFooter(Footer):
    """``Footer(compact=True)`` that shows the palette key only when there is room."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("compact", True)
        super().__init__(**kwargs)

    def on_resize(self) -> None:
        wanted = self.size.width >= PALETTE_MIN_WIDTH
        if wanted != self.show_command_palette:
            self.show_command_palette = wanted
            self.call_after_refresh(self.recompose)
