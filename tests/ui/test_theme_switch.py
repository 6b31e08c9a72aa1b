"""Pilot tests: every theme registers, switching among reader and built-in themes keeps the
reader variables defined, the picker previews live and Escape restores, a broken user
theme is skipped with a notice and the app falls back to the default."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.app import App, ComposeResult
from textual.color import Color
from textual.widgets import Static

from reader.themes import (
    DEFAULT_THEME,
    PACKAGED_FLOOR,
    TEXT,
    VARIABLE_NAMES,
    HIGHLIGHT_VARIABLES,
    contrast_ratio,
    load_packaged_themes,
)
from reader.ui.themes import (
    ThemeCommands,
    ThemePicker,
    apply_initial_theme,
    cycle_theme,
    register_all,
    theme_order,
    to_textual_theme,
    variable_defaults_for,
)

PACKAGED = {spec.name: spec for spec in load_packaged_themes()}


class ThemedApp(App):
    """The smallest app that uses reader variables in its CSS (a missing one fails to parse)."""

    CSS = """
    #person { color: $reader-person; background: $surface; }
    #cursor { background: $reader-cursor; }
    """
    COMMANDS = App.COMMANDS | {ThemeCommands}

    def __init__(self, requested: str | None = None, remembered: str | None = None) -> None:
        super().__init__()
        self.requested, self.remembered = requested, remembered
        self.chosen: list[str] = []
        self.notified: list[str] = []
        self.catalog = register_all(self)

    def notify(self, message, *args, **kwargs) -> None:
        self.notified.append(str(message))
        super().notify(message, *args, **kwargs)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return variable_defaults_for(self)

    def compose(self) -> ComposeResult:
        yield Static("Ada Lovelace", id="person")
        yield Static("cursor", id="cursor")

    def on_mount(self) -> None:
        apply_initial_theme(self, self.requested, self.remembered)

    def on_theme_picker_chosen(self, message: ThemePicker.Chosen) -> None:
        self.chosen.append(message.theme)


def person_colour(app: App) -> Color:
    return app.query_one("#person").styles.color


def test_switching_through_reader_and_builtin_themes():
    async def scenario() -> None:
        app = ThemedApp()
        async with app.run_test() as pilot:
            assert app.theme == DEFAULT_THEME
            for name in [*PACKAGED, "textual-dark", "nord", "textual-light", "reader-dark"]:
                app.theme = name
                await pilot.pause()
                variables = app.get_css_variables()
                assert set(VARIABLE_NAMES) <= set(variables), name
                if name in PACKAGED:
                    expected = PACKAGED[name].variables
                else:  # built-ins take the default of their darkness
                    base = "reader-dark" if app.current_theme.dark else "reader-light"
                    expected = PACKAGED[base].variables
                assert variables["reader-person"] == expected["reader-person"]
                assert person_colour(app) == Color.parse(expected["reader-person"]), name
                cursor = app.query_one("#cursor").styles.background
                assert cursor == Color.parse(expected["reader-cursor"]), name

    asyncio.run(scenario())


def test_cycle_key_steps_through_every_theme_and_wraps():
    async def scenario() -> None:
        app = ThemedApp()
        async with app.run_test() as pilot:
            order = theme_order(app)
            assert order[: len(PACKAGED)] == list(PACKAGED)  # reader's own first
            assert {"textual-dark", "nord"} <= set(order)
            seen = [app.theme]
            for _ in order:
                seen.append(cycle_theme(app))
                await pilot.pause()
            assert seen[-1] == seen[0] == DEFAULT_THEME
            assert set(seen) == set(order)
            assert cycle_theme(app, -1) == order[-1]

    asyncio.run(scenario())


def test_picker_previews_live_escape_restores_enter_keeps():
    async def scenario() -> None:
        app = ThemedApp()
        async with app.run_test() as pilot:
            app.push_screen(ThemePicker())
            await pilot.pause()
            order = theme_order(app)
            await pilot.press("down")
            await pilot.pause()
            previewed = order[order.index(DEFAULT_THEME) + 1]
            assert app.theme == previewed  # live preview, before any Enter
            assert person_colour(app) == Color.parse(PACKAGED[previewed].variables["reader-person"])
            await pilot.press("escape")
            await pilot.pause()
            assert app.theme == DEFAULT_THEME and app.chosen == []
            assert not isinstance(app.screen, ThemePicker)

            app.push_screen(ThemePicker())
            await pilot.pause()
            await pilot.press("down", "down", "enter")
            await pilot.pause()
            kept = order[order.index(DEFAULT_THEME) + 2]
            assert app.theme == kept and app.chosen == [kept]

    asyncio.run(scenario())


def test_command_palette_switches_theme():
    async def scenario() -> None:
        app = ThemedApp()
        async with app.run_test() as pilot:
            app.action_command_palette()
            await pilot.pause()
            await pilot.press(*"Theme: reader-sepia")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert app.theme == "reader-sepia"
            assert app.chosen == ["reader-sepia"]

    asyncio.run(scenario())


def test_broken_user_theme_is_skipped_with_a_notice_and_default_used(tmp_path: Path):
    async def scenario() -> None:
        folder = tmp_path / "config" / "themes"  # READER_CONFIG is tmp_path/config (conftest)
        folder.mkdir(parents=True)
        (folder / "broken.toml").write_text(
            'name = "broken"\ndark = true\n[colors]\nprimary = "#fff"\nforeground = "#fff"\n'
            '[variables]\n',
            encoding="utf-8",
        )
        (folder / "mine.toml").write_text(
            'name = "mine"\ndark = false\n[colors]\nprimary = "#225"\nforeground = "#111"\n'
            'background = "#fafafa"\n[variables]\nreader-person = "#1a4fa0"\n',
            encoding="utf-8",
        )
        app = ThemedApp(requested="broken", remembered="also-gone")
        async with app.run_test() as pilot:
            await pilot.pause()
            assert app.theme == DEFAULT_THEME
            assert "broken" not in app.available_themes
            assert "mine" in app.available_themes
            messages = app.notified
            assert any("broken.toml" in m and "colors.background" in m for m in messages)
            assert any("'broken'" in m and "--theme" in m for m in messages)
            assert any("'also-gone'" in m for m in messages)
            app.theme = "mine"
            await pilot.pause()
            assert person_colour(app) == Color.parse("#1a4fa0")
            light_cursor = PACKAGED["reader-light"].variables["reader-cursor"]
            assert app.get_css_variables()["reader-cursor"] == light_cursor

    asyncio.run(scenario())


def test_builtin_themes_get_readable_defaults_of_their_darkness():
    async def scenario() -> None:
        app = ThemedApp()
        async with app.run_test() as pilot:
            worst = {}
            for name in ("textual-dark", "textual-light", "solarized-light", "nord", "gruvbox"):
                app.theme = name
                await pilot.pause()
                variables = app.get_css_variables()
                surface = variables["surface"][:7]
                worst[name] = min(
                    contrast_ratio(variables[v.name], surface)
                    for v in HIGHLIGHT_VARIABLES
                    if v.role == TEXT
                )
            assert min(worst.values()) >= PACKAGED_FLOOR, worst

    asyncio.run(scenario())


def test_to_textual_theme_carries_every_field():
    spec = PACKAGED["reader-okabe-ito"]
    theme = to_textual_theme(spec)
    assert theme.name == spec.name and theme.dark is True
    assert theme.background == spec.background and theme.surface == spec.colors["surface"]
    assert theme.secondary == spec.colors["secondary"] and theme.panel == spec.colors["panel"]
    assert {k: theme.variables[k] for k in VARIABLE_NAMES} == {
        k: spec.variables[k] for k in VARIABLE_NAMES
    }


def test_ctrl_t_cycles_the_reader_app_theme_and_remembers_it(library):
    """The app's own key: ctrl+t switches theme live and the choice is stored."""
    from reader.ui.app import ReaderApp
    from tests.ui.conftest import fake_analyzer

    async def scenario() -> None:
        app = ReaderApp(library, analyzer=fake_analyzer)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            first = app.theme
            await pilot.press("ctrl+t")
            await pilot.pause()
            assert app.theme != first
            assert library.get_setting("theme") == app.theme

    asyncio.run(scenario())
