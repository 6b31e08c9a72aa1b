"""The library-wide annotations screen: tag filter, fuzzy search, orphans, enter jumps."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.app import App
from textual.widgets import DataTable, Input, Static

from reader.annotating import new_annotation
from reader.ui.annotation_actions import Jump
from reader.ui.screens.annotations import AnnotationsScreen, load_rows
from tests.ui.conftest import sync, wait_until

HARBOUR = "Harbour talks\n\nBrenna Kask said the boats would stay in Aldmouth.\n"
MOSAIC = "Mosaic found\n\nDiggers in Velgrad found a floor of [b]tiles[/b].\n"
MISSING = object()


@pytest.fixture
def notes_library(library):
    library.add_article(HARBOUR, title="Harbour talks")
    library.add_article(MOSAIC, title="Mosaic found")
    ids = {i.title: i.id for i in library.list_articles()}
    hid, mid = ids["Harbour talks"], ids["Mosaic found"]

    def add(aid, text, quote, **kw):
        s = text.index(quote)
        a = new_annotation(aid, text, s, s + len(quote), annotation_id=f"n-{quote[:5]}", **kw)
        library.put_annotation(a)
        return a

    add(hid, HARBOUR, "Brenna Kask", note="Who is she?\nsecond line", tags=("people",), label="PERSON")
    add(hid, HARBOUR, "Aldmouth", note="the town", tags=("places", "todo"))
    add(mid, MOSAIC, "Velgrad", note="a city in the east", tags=("places",))
    gone = add(mid, MOSAIC, "[b]tiles[/b]", note="mosaic tiles", tags=("todo",))
    library.put_annotation(replace(gone, orphan=True))
    return library, hid, mid


class Host(App):
    def __init__(self, library) -> None:
        super().__init__()
        self.library = library
        self.result = MISSING

    def on_mount(self) -> None:
        self.push_screen(AnnotationsScreen(self.library), self._done)

    def _done(self, result) -> None:
        self.result = result


def _quotes(screen: AnnotationsScreen) -> list[str]:
    return [r.annotation.anchor.quote for r in screen.shown]


def test_rows_are_sorted_by_article_then_position(notes_library) -> None:
    lib, hid, mid = notes_library
    rows = load_rows(lib)
    assert [(r.title, r.annotation.anchor.quote) for r in rows] == [
        ("Harbour talks", "Brenna Kask"), ("Harbour talks", "Aldmouth"),
        ("Mosaic found", "Velgrad"), ("Mosaic found", "[b]tiles[/b]"),
    ]
    orphan_cells = rows[3].cells()
    assert orphan_cells[1].plain.startswith("⚠ orphan") and "[b]tiles[/b]" in orphan_cells[1].plain
    assert rows[0].cells()[2].plain == "Who is she?"  # first line of the note
    assert rows[0].cells()[4].plain == "PERSON"


@sync
async def test_tag_filter_search_and_jump(notes_library) -> None:
    lib, hid, mid = notes_library
    app = Host(lib)
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AnnotationsScreen)
        assert len(_quotes(screen)) == 4 and screen.query_one(DataTable).row_count == 4
        assert screen.tags == ["places", "todo", "people"]  # most used first
        await pilot.press("t")
        assert screen.tag == "places" and _quotes(screen) == ["Aldmouth", "Velgrad"]
        await pilot.press("t")
        assert screen.tag == "todo" and _quotes(screen) == ["Aldmouth", "[b]tiles[/b]"]
        assert "1 orphan" in str(screen.query_one("#annotations-status", Static).render())
        await pilot.press("T", "T")
        assert screen.tag is None and len(_quotes(screen)) == 4
        # fuzzy search in notes and quotes; "t" typed into the search is a letter
        await pilot.press("slash", *"citty")
        await pilot.pause()
        assert screen.query_one(Input).value == "citty" and screen.tag is None
        assert _quotes(screen) == ["Velgrad"]
        await pilot.press("enter")  # back to the list
        await pilot.pause()
        assert isinstance(app.focused, DataTable)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.result is not MISSING)
    s = MOSAIC.index("Velgrad")
    assert app.result == Jump(mid, s, s + 7, "n-Velgr")


@sync
async def test_escape_clears_search_then_leaves_and_orphan_jump(notes_library) -> None:
    lib, hid, mid = notes_library
    app = Host(lib)
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash", *"tiles")
        await pilot.pause()
        assert _quotes(screen) == ["[b]tiles[/b]"]
        await pilot.press("escape")
        await pilot.pause()
        assert len(_quotes(screen)) == 4 and app.result is MISSING
        await pilot.press("down", "down", "down", "enter")  # the last row is the orphan
        await wait_until(pilot, lambda: app.result is not MISSING)
    assert app.result == Jump(mid, None, None, "n-[b]ti", orphan=True)


@sync
async def test_escape_leaves_with_none(notes_library) -> None:
    lib, _, _ = notes_library
    app = Host(lib)
    async with app.run_test(size=(100, 16)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.result is not MISSING)
    assert app.result is None


@sync
async def test_empty_library_says_how_to_annotate(library) -> None:
    app = Host(library)
    async with app.run_test(size=(100, 16)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-empty")
        await pilot.press("t", "enter")  # no tags, no rows: nothing breaks
        await pilot.pause()
        assert app.result is MISSING
