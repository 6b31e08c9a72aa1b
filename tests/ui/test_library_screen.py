"""Pilot tests of the library screen, driven by keys: open, filter, sort, delete and undo,
add files, full-text search and jump."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import article_id, sync, wait_until

from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.reading import ReadingScreen


def titles(screen: LibraryScreen) -> list[str]:
    table = screen.table
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


@sync
async def test_lists_articles_and_counts_errors(app) -> None:
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert titles(screen) == ["Harbour talks stall", "Mosaic under a car park", "Night train returns"]
        harbour = article_id(app.library, "Harbour")
        await wait_until(pilot, lambda: screen.rows[harbour].errors is not None)
        assert screen.rows[harbour].errors == 3  # ministr twice, "the the" once
        assert str(screen.table.get_cell(harbour, "errors")) == "3"


@sync
async def test_filter_sort_and_open(app) -> None:
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash", *"mosiac")
        await pilot.pause()
        assert titles(screen) == ["Mosaic under a car park"]
        await pilot.press("escape")
        assert len(titles(screen)) == 3
        await pilot.press("s")  # added -> title
        assert screen.sort_column == "title"
        await pilot.press("S")
        assert titles(screen)[0] == "Night train returns"
        await pilot.press("enter")  # the selection followed the article through filter and sort
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.info.title == "Mosaic under a car park"
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is screen


@sync
async def test_delete_asks_then_undo_restores(app) -> None:
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("d")
        await pilot.press("n")  # refused: nothing happens
        assert len(titles(screen)) == 3
        await pilot.press("d", "y")
        await pilot.pause()
        assert titles(screen) == ["Mosaic under a car park", "Night train returns"]
        assert len(app.library.list_articles()) == 2
        await pilot.press("u")
        await pilot.pause()
        assert len(titles(screen)) == 3
        assert len(app.library.list_articles()) == 3


@sync
async def test_empty_library_says_how_to_add_and_add_dialog_imports(library, tmp_path: Path) -> None:
    from reader.ui.app import ReaderApp
    from tests.ui.conftest import fake_analyzer

    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "note.txt").write_text("A short note\n\nAbout Velgrad.\n", encoding="utf-8")
    app = ReaderApp(library, analyzer=fake_analyzer)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-empty")
        assert "press  a  to add" in str(screen.query_one("#empty").render()).lower()
        await pilot.press("a")
        await pilot.pause()
        box = app.screen.query_one("#add-path")
        box.value = str(tmp_path / "incom")
        box.cursor_position = len(box.value)
        await pilot.press("tab")  # completes the folder name
        assert app.screen.query_one("#add-path").value == str(folder) + "/"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen
        assert titles(screen) == ["A short note"]
        assert not screen.has_class("-empty")


@sync
async def test_full_text_search_jumps_into_the_article(app) -> None:
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("F", *"Brena Kask sayd", "enter")  # misspelt on purpose: fuzzy
        await app.workers.wait_for_complete()
        await pilot.pause()
        search = app.screen
        assert search.hits and search.hits[0].match.startswith("Brenna Kask")
        await pilot.press("enter")
        await pilot.pause()
        reading = app.screen
        assert isinstance(reading, ReadingScreen)
        hit = search.hits[0]
        assert reading.view.is_offset_visible(hit.offset)


@sync
async def test_counts_show_fixes_and_remaining_errors_after_reading(app) -> None:
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        harbour = article_id(app.library, "Harbour")
        await wait_until(pilot, lambda: screen.rows[harbour].errors is not None)
        screen.table.move_cursor(row=screen.table.get_row_index(harbour))
        await pilot.press("enter")
        reading = app.screen
        await wait_until(pilot, lambda: reading.review is not None)
        await pilot.press("z", "1")  # ministr -> minister
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is screen
        assert (screen.rows[harbour].errors, screen.rows[harbour].fixes) == (2, 1)
        assert str(screen.table.get_cell(harbour, "errors")) == "2"
        assert str(screen.table.get_cell(harbour, "fixes")) == "1"
        screen.rows[harbour] = screen.rows[harbour].with_counts(errors=None)  # recounted from the store
        screen.count_all()
        await wait_until(pilot, lambda: screen.rows[harbour].errors is not None)
        assert (screen.rows[harbour].errors, screen.rows[harbour].fixes) == (2, 1)


@sync
async def test_annotations_screen_jumps_into_the_corrected_text(app) -> None:
    from reader.anchors import make_anchor
    from reader.editing import Editor
    from reader.model import Annotation

    lib = app.library
    harbour = article_id(lib, "Harbour")
    text = lib.get_text(harbour)
    start = text.index("Brenna Kask")
    Editor(lib).correct(harbour, text.index("ministr"), text.index("ministr") + 7, "minister of fish")
    note = Annotation(id="n1", article_id=harbour, anchor=make_anchor(text, start, start + 11), note="who?",
                      tags=("people",), created="2026-01-01T00:00:00+00:00", updated="2026-01-01T00:00:00+00:00")
    lib.put_annotation(note)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        reading = app.screen
        assert isinstance(reading, ReadingScreen)
        await wait_until(pilot, lambda: reading.review is not None)
        span = reading.view.document.layer("current").spans[0]
        assert reading.view.document.text[span.start:span.end] == "Brenna Kask"  # mapped past the fix
        assert reading.view.is_offset_visible(span.start)
