"""The reader app: owns the library, the analyzer and the undo stack of deleted articles.

Kept small: screens (``screens/``) do the work. Start-up does nothing but push the library
screen, which paints from the article list alone and fills in counts from a worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding

from reader.ui.analysis_service import Analyzer, AnalysisService
from reader.ui.app_keys import APP_BINDINGS
from reader.ui.commands import ReaderCommands
from reader.errors import ReaderError
from reader.termsafe import safe, safe_line
from reader.settings import Settings
from reader.ui.theme_vars import DEFAULTS
from reader.ui.themes import (
    ThemeCommands, ThemePicker, apply_initial_theme, cycle_theme, register_all, variable_defaults_for,
)


class ReaderApp(App[int]):
    """``ReaderApp(library, theme_name=None, analyzer=None)``.

    ``analyzer`` defaults to :func:`reader.analysis.analyze` (imported lazily, after the
    first paint); tests pass a fake with known findings.
    """

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "reader"
    COMMANDS = App.COMMANDS | {ReaderCommands, ThemeCommands}
    COMMAND_CATEGORY = "app"
    BINDINGS: ClassVar[list[Binding]] = APP_BINDINGS

    def __init__(self, library, theme_name: str | None = None, analyzer: Analyzer | None = None) -> None:
        super().__init__()
        self.library = library
        self.analysis = AnalysisService(library, analyzer)
        self.analysis.start()  # the default analyzer's process must start before the app runs
        self.removed: list = []  # RemovedArticle stack for undo, newest last
        from reader.editing import Editor
        from reader.review import LibraryMemory

        #: One command path (with the persisted undo/redo history) for every screen.
        self.editor = Editor(library)
        #: What the library's corrections teach analysis, cached across screens.
        self.memory = LibraryMemory(library)
        #: Counts a reading view leaves for the library table (article id -> columns).
        self.known_counts: dict[str, dict[str, int]] = {}
        self._theme_name = theme_name

    def get_theme_variable_defaults(self) -> dict[str, str]:
        # reader's defaults, matched to the darkness of the current theme (reader.ui.themes)
        return {**super().get_theme_variable_defaults(), **DEFAULTS, **variable_defaults_for(self)}

    def on_mount(self) -> None:
        register_all(self)
        self.apply_keymap()
        apply_initial_theme(self, self._theme_name, Settings(self.library).theme)
        from reader.ui.screens.library import LibraryScreen

        self.push_screen(LibraryScreen())

    def apply_keymap(self, path: Path | None = None) -> None:
        """The user's ``keymap.toml`` (reader.ui.keymap); each unusable entry is named."""
        from reader.ui.keymap import load_keymap

        keymap = load_keymap(path)
        if keymap.bindings:
            self.set_keymap(keymap.bindings)
        for problem in keymap.problems:
            self.notify(problem, title="keymap.toml", severity="warning", timeout=10, markup=False)

    def on_unmount(self) -> None:
        self.analysis.close()

    def action_cycle_theme(self, step: int = 1) -> None:
        """Live switch to the next theme, remembered like a theme picked from the palette."""
        name = cycle_theme(self, step)
        self.notify(name, title="Theme", timeout=1.5, markup=False)
        try:
            Settings(self.library).set_theme(name)
        except ReaderError as exc:
            self.notify(f"could not remember the theme: {exc.message}", severity="warning", markup=False)

    def on_theme_picker_chosen(self, message: ThemePicker.Chosen) -> None:
        """Remember a theme picked in the app for next time."""
        try:
            Settings(self.library).set_theme(message.theme)
        except ReaderError as exc:
            self.notify(f"could not remember the theme: {exc.message}", severity="warning", markup=False)

    def notify(self, message: str, *, title: str = "", **kwargs) -> None:
        """Every notification (from any screen or widget) is made terminal-safe here:
        messages carry file names and errors from outside (reader.termsafe)."""
        super().notify(safe(message), title=safe_line(title), **kwargs)

    def validate_title(self, title) -> str:
        return safe_line(title)

    def validate_sub_title(self, sub_title) -> str:
        return safe_line(sub_title)

    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def open_article(self, article_id: str, offset: int | None = None, end: int | None = None) -> None:
        """Open the reading view at original-text ``offset`` (the span up to ``end``
        highlighted), else at the saved position."""
        from reader.ui.screens.reading import ReadingScreen

        self.push_screen(ReadingScreen(article_id, offset=offset, end=end))
