"""Themes in the app: register the theme files with Textual, cycle them, pick one live.

The theme files are read and validated headlessly by :mod:`reader.themes`; this module only
turns a :class:`~reader.themes.ThemeSpec` into a ``textual.theme.Theme`` and wires themes
into an app:

* :func:`register_all` registers the packaged and user themes; a broken user file is
  skipped with a notification naming the file and the field, never a crash.
* :func:`apply_initial_theme` picks ``--theme``, else the remembered choice, else
  ``reader-dark`` — an unknown or vanished name falls back to the default with a notice.
* :func:`cycle_theme` steps through the themes (the key binding: each step is the preview).
* :class:`ThemePicker` lists every theme and previews the highlighted one as you move;
  Enter keeps it (posting :class:`ThemePicker.Chosen` to the app), Escape restores the
  theme you started from. :class:`ThemeCommands` puts it and each theme in the palette.

Textual's built-in themes keep working because the app supplies defaults for every
``reader-*`` variable (``App.get_theme_variable_defaults``); :func:`variable_defaults_for`
gives defaults that match the theme's darkness, so highlights stay readable on light
built-ins too. The variables and how each is drawn are listed in ``reader.ui.theme_vars``.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.theme import Theme
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from reader.themes import (
    DEFAULT_THEME,
    ThemeCatalog,
    ThemeSpec,
    default_variables,
    load_all_themes,
)

#: Optional Textual fields a theme file may leave out (Textual derives them).
_OPTIONAL_FIELDS = ("secondary", "accent", "panel", "error", "warning", "success", "boost")


def to_textual_theme(spec: ThemeSpec) -> Theme:
    """The Textual theme for a validated spec: its colours plus every variable."""
    optional = {key: spec.colors[key] for key in _OPTIONAL_FIELDS if key in spec.colors}
    return Theme(
        name=spec.name,
        primary=spec.colors["primary"],
        foreground=spec.foreground,
        background=spec.background,
        surface=spec.colors["surface"],
        dark=spec.dark,
        variables=dict(spec.variables),
        **optional,
    )


_DEFAULTS_BY_DARKNESS: dict[bool, dict[str, str]] = {}


def variable_defaults_for(app: App) -> dict[str, str]:
    """reader-* values for themes that do not set them (Textual's built-ins): those of
    ``reader-dark`` on a dark theme and ``reader-light`` on a light one, so highlights stay
    readable on ``textual-light`` or ``solarized-light`` too. Meant as the body of
    ``App.get_theme_variable_defaults``; Textual calls that after the theme is chosen."""
    dark = app.current_theme.dark
    if dark not in _DEFAULTS_BY_DARKNESS:
        _DEFAULTS_BY_DARKNESS[dark] = default_variables(dark)
    return dict(_DEFAULTS_BY_DARKNESS[dark])


def register_all(
    app: App, *, user_folder: Path | None = None, notify: bool = True
) -> ThemeCatalog:
    """Register every packaged and user theme with ``app``; returns the catalogue.

    Each user file that cannot be used is left out and, with ``notify``, reported in a
    notification naming the file and the field. Call it in ``__init__`` (before the theme
    is set) or ``on_mount``; calling it again picks up new or edited user files.
    """
    catalog = load_all_themes(user_folder)
    for spec in catalog.themes:
        app.register_theme(to_textual_theme(spec))
    if notify:
        for problem in catalog.problems:
            # markup=False: a file name is user data and may contain "[".
            app.notify(
                problem.message, title="Theme skipped", severity="warning", timeout=12,
                markup=False,
            )
    return catalog


def apply_initial_theme(
    app: App, requested: str | None = None, remembered: str | None = None
) -> str:
    """Set ``app.theme`` to ``requested`` (``--theme``), else ``remembered``, else the
    default; a name that is not registered is reported and skipped. Returns the name set."""
    available = app.available_themes
    for origin, name in (("--theme", requested), ("remembered", remembered)):
        if not name:
            continue
        if name in available:
            app.theme = name
            return name
        app.notify(
            f"unknown theme {name!r} ({origin}); using {DEFAULT_THEME}. "
            "Run `reader themes` for the list.",
            title="Theme", severity="warning", timeout=8, markup=False,
        )
    name = DEFAULT_THEME if DEFAULT_THEME in available else "textual-dark"
    app.theme = name
    return name


def theme_order(app: App) -> list[str]:
    """Every registered theme for cycling: reader's own (``reader-*`` and user themes, in
    registration order) first, then Textual's built-ins alphabetically."""
    names = list(app.available_themes)
    builtin_names = _builtin_theme_names()
    own = [n for n in names if n not in builtin_names]
    builtins = sorted(n for n in names if n in builtin_names)
    return own + builtins


def cycle_theme(app: App, step: int = 1) -> str:
    """Switch to the next (``step=1``) or previous (``-1``) theme; returns its name."""
    order = theme_order(app)
    try:
        index = order.index(app.theme)
    except ValueError:
        index = -1 if step > 0 else 0
    name = order[(index + step) % len(order)]
    app.theme = name
    return name


def _builtin_theme_names() -> set[str]:
    from textual.theme import BUILTIN_THEMES

    return set(BUILTIN_THEMES)


def _describe(theme: Theme) -> Text:
    """One picker row: the name (literal text, never markup) and dark/light."""
    row = Text(theme.name)
    row.append("  dark" if theme.dark else "  light", style="dim")
    return row


class ThemePicker(ModalScreen[str | None]):
    """Choose a theme with live preview: moving the highlight applies that theme, Enter
    keeps it, Escape puts back the theme that was active when the picker opened."""

    DEFAULT_CSS = """
    ThemePicker { align: center middle; }
    ThemePicker > Vertical {
        width: 48; height: auto; max-height: 80%;
        border: round $primary; background: $panel; padding: 0 1;
    }
    ThemePicker OptionList { height: auto; max-height: 24; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    class Chosen(Message):
        """The user kept ``theme`` (posted to the app, e.g. to remember the choice)."""

        def __init__(self, theme: str) -> None:
            super().__init__()
            self.theme = theme

    def __init__(self) -> None:
        super().__init__()
        self._original: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Theme — ↑↓ preview, Enter keep, Esc cancel")
            yield OptionList(
                *(Option(_describe(self.app.available_themes[n]), id=n) for n in theme_order(self.app))
            )

    def on_mount(self) -> None:
        self._original = self.app.theme
        options = self.query_one(OptionList)
        try:
            options.highlighted = options.get_option_index(self.app.theme)
        except Exception:  # the current theme was unregistered: start at the top
            options.highlighted = 0
        options.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        name = event.option.id
        if name and name in self.app.available_themes and name != self.app.theme:
            self.app.theme = name

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        name = event.option.id
        if name and name in self.app.available_themes:
            self.app.theme = name
            self.app.post_message(self.Chosen(name))
            self.dismiss(name)

    def action_cancel(self) -> None:
        if self._original and self._original in self.app.available_themes:
            self.app.theme = self._original
        self.dismiss(None)


class ThemeCommands(Provider):
    """Command palette entries: the live-preview picker and one entry per theme."""

    def _commands(self) -> list[tuple[str, object, str]]:
        app = self.app
        commands: list[tuple[str, object, str]] = [
            ("Theme: choose with live preview…", partial(_open_picker, app),
             "Move through the themes and see each one applied at once"),
        ]
        for name in theme_order(app):
            commands.append(
                (f"Theme: {name}", partial(_choose, app, name), "Switch to this theme")
            )
        return commands

    async def discover(self) -> Hits:
        for text, command, help_text in self._commands():
            yield DiscoveryHit(text, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), command, text=text, help=help_text)


def _open_picker(app: App) -> None:
    app.push_screen(ThemePicker())


def _choose(app: App, name: str) -> None:
    if name in app.available_themes:
        app.theme = name
        app.post_message(ThemePicker.Chosen(name))
