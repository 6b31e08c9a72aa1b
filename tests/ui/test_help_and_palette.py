"""The help screen and the command palette list the screen's bindings by name."""

from __future__ import annotations

from tests.ui.conftest import article_id, sync, wait_until

from reader.ui.screens.help import HelpScreen
from reader.ui.screens.reading import ReadingScreen


@sync
async def test_help_lists_keys(app) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.open_article(article_id(app.library, "Mosaic"))
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = app.screen.keys_table
        from rich.console import Console

        console = Console(width=100, record=True)
        console.print(shown)
        text = console.export_text()
        for words in ("Next error", "Show/hide", "Search", "Panel", "Page down", "Change", "reading · next-error"):
            assert words in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReadingScreen)


@sync
async def test_palette_offers_category_action_names_and_runs_them(app) -> None:
    from reader.ui.commands import ReaderCommands

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_article(article_id(app.library, "Harbour"))
        await pilot.pause()
        screen = app.screen
        await wait_until(pilot, lambda: bool(screen.analysis.findings))
        provider = ReaderCommands(screen)
        commands = {name: help_text for name, _action, _node, help_text in provider._commands()}
        assert "reading: next error" in commands and "reading: show/hide" in commands
        assert commands["reading: next error"].startswith("e ]")  # the palette shows each command's keys
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"reading: next error")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is screen and bool(screen.view.document.layer("current").spans))
        span = screen.view.document.layer("current").spans[0]
        assert screen.view.document.text[span.start:span.end] == "ministr"
