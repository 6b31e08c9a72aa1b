"""The new reading and library keys are listed by the help screen and the command palette
(``category: action`` names), and the mouse places the cursor and selects."""

from __future__ import annotations

import os
from pathlib import Path

from rich.console import Console

from tests.ui.conftest import article_id, open_article, sync

from reader.ui.commands import ReaderCommands
from reader.ui.document import CURRENT, SELECTION
from reader.ui.screens.help import bindings_table


@sync
async def test_help_and_palette_list_correction_and_annotation_keys(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        names = [name for name, *_ in ReaderCommands(app.screen)._commands()]
        assert "library: annotations" in names and "library: export" in names
        app.open_article(article_id(app.library, "Harbour"))
        await pilot.pause()
        screen = app.screen
        console = Console(width=160, record=True)
        console.print(bindings_table(screen))
        text = console.export_text()
        for words in ("Fix", "Review all", "Undo", "Redo", "Original", "Corrections", "Next word",
                      "Next sentence", "Next paragraph", "Select", "Annotate", "Label", "Delete note"):
            assert words in text, words
        names = [name for name, *_ in ReaderCommands(screen)._commands()]
        for name in ("reading: fix", "reading: undo", "reading: annotate", "reading: label", "reading: next word"):
            assert name in names, name


@sync
async def test_click_places_the_cursor_and_drag_selects(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_article(app, pilot, article_id(app.library, "Harbour"))
        view = screen.view
        margin = max(1, (view.size.width - view.layout_rows.width) // 2)
        row = view.layout_rows.row_of_offset(view.document.text.index("Fishermen"))
        await pilot.click(view, offset=(margin + 2, row))
        doc = view.document
        span = doc.layer(CURRENT).spans[0]
        assert doc.text[span.start:span.end] == "Fishermen"
        await pilot.mouse_down(view, offset=(margin + 2, row))
        await pilot.hover(view, offset=(margin + 14, row))
        await pilot.mouse_up(view, offset=(margin + 14, row))
        sel = doc.layer(SELECTION).spans[0]
        assert doc.text[sel.start:sel.end] == "Fishermen in Aldmouth"


@sync
async def test_escape_cancels_a_selection_before_leaving(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_article(article_id(app.library, "Harbour"))
        await pilot.pause()
        screen = app.screen
        await pilot.press("w", "v", "w", "w")
        doc = screen.view.document
        sel = doc.layer(SELECTION).spans[0]
        assert doc.text[sel.start:sel.end] == "Harbour talks stall"
        await pilot.press("escape")
        assert app.screen is screen and not doc.layer(SELECTION).spans
        await pilot.press("escape")
        assert app.screen is not screen


@sync
async def test_x_opens_the_export_dialog_from_the_library_and_the_reading_view(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        library = app.screen
        await pilot.press("x")
        await pilot.pause()
        assert app.screen is not library and "Export" in type(app.screen).__name__
        # regression: the folder was the working folder; it is the documented exports folder
        from reader.paths import default_export_dir

        folder = app.screen.query_one("#export-folder").value
        assert folder == str(default_export_dir()) and folder.endswith("/reader/exports")
        assert folder != str(Path.cwd()) and folder.startswith(os.environ["XDG_DATA_HOME"])
        await pilot.press("escape")
        await pilot.pause()
        app.open_article(article_id(app.library, "Harbour"))
        await pilot.pause()
        reading = app.screen
        await pilot.press("x")
        await pilot.pause()
        assert app.screen is not reading and "Export" in type(app.screen).__name__
