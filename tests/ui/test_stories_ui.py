"""The story screens driven by keys: the grouped library, the names table (apply, undo,
prefer), the side-by-side view and the reading view's jump to the same name."""

from __future__ import annotations

import pytest

from tests.stories_data.corpus import ARTICLES
from tests.ui.conftest import fake_analyzer, sync, wait_until

EVENTS = ("ferry", "launch")


@pytest.fixture
def story_app(library):
    from reader.ui.app import ReaderApp

    for event, title, date, text in ARTICLES:
        if event in EVENTS or title.startswith(("A lentil", "Pruning")):
            library.add_article(text, title=title, meta={"date": date})
    return ReaderApp(library, analyzer=fake_analyzer)


def _ids(lib, event):
    titles = {t for ev, t, _d, _x in ARTICLES if ev == event}
    return [i.id for i in lib.list_articles() if i.title in titles]


async def _stories(app, pilot):
    from reader.ui.screens.stories import StoriesScreen

    await pilot.pause()
    await pilot.press("t")
    screen = app.screen
    assert isinstance(screen, StoriesScreen)
    await wait_until(pilot, lambda: screen.stories, timeout=180)
    return screen


@sync
async def test_story_view_groups_the_library(story_app):
    async with story_app.run_test(size=(120, 35)) as pilot:
        screen = await _stories(story_app, pilot)
        lib = story_app.library
        assert sorted(sorted(s.article_ids) for s in screen.stories) == sorted(
            sorted(_ids(lib, ev)) for ev in EVENTS)
        assert screen.table.row_count == 5
        # mark one ferry and one launch article and merge their stories
        ferry, launch = _ids(lib, "ferry"), _ids(lib, "launch")
        screen.table.move_cursor(row=screen.table.get_row_index(ferry[0]))
        await pilot.press("space")
        screen.table.move_cursor(row=screen.table.get_row_index(launch[0]))
        await pilot.press("space", "m")
        await wait_until(pilot, lambda: len(screen.stories) == 1, timeout=30)
        assert screen.stories[0].pinned and set(screen.stories[0].article_ids) == {*ferry, *launch}


@sync
async def test_names_table_applies_and_undoes_in_one_step(story_app):
    from reader.ui.screens.names_table import NamesScreen

    async with story_app.run_test(size=(120, 35)) as pilot:
        screen = await _stories(story_app, pilot)
        lib = story_app.library
        ferry = _ids(lib, "ferry")
        screen.table.move_cursor(row=screen.table.get_row_index(ferry[0]))
        await pilot.press("n")
        names = story_app.screen
        assert isinstance(names, NamesScreen)
        await wait_until(pilot, lambda: names.names is not None, timeout=60)
        spellings = {names.table.get_cell(k, "spelling").plain for k in names.rows}
        assert {"Oosterhuis", "Oosterhius", "Vandermeulen", "Vandermuelen"} <= spellings
        await pilot.press("a")
        await wait_until(pilot, lambda: sum(len(lib.corrections(a)) for a in ferry) == 3)
        assert {c.replacement for a in ferry for c in lib.corrections(a)} == {"Oosterhuis", "Vandermeulen", "Vlieland"}
        await wait_until(pilot, lambda: not any(len(c.spellings) > 1 for c in names.names.clusters), timeout=60)
        await pilot.press("u")
        await wait_until(pilot, lambda: sum(len(lib.corrections(a)) for a in ferry) == 0)
        await wait_until(pilot, lambda: any(len(c.spellings) > 1 for c in names.names.clusters), timeout=60)
        # prefer the garbled spelling: remembered, and first from then on
        key = next(k for k in names.rows if names.table.get_cell(k, "spelling").plain == "Oosterhius")
        names.table.move_cursor(row=names.table.get_row_index(key))
        await pilot.press("p")
        await wait_until(pilot, lambda: any(c.preferred == "Oosterhius" for c in names.names.clusters), timeout=60)


@sync
async def test_side_by_side_keeps_paragraphs_in_step(story_app):
    from reader.ui.document import SEARCH
    from reader.ui.screens.side_by_side import SideBySideScreen

    async with story_app.run_test(size=(120, 35)) as pilot:
        screen = await _stories(story_app, pilot)
        ferry = _ids(story_app.library, "ferry")
        screen.table.move_cursor(row=screen.table.get_row_index(ferry[0]))
        await pilot.press("v")
        split = story_app.screen
        assert isinstance(split, SideBySideScreen)
        await pilot.pause()

        def tinted(side):
            span = split.view(side).document.layer(SEARCH).spans[0]
            return split.paras[side].index(next(p for p in split.paras[side] if p[0] == span.start))

        await pilot.press("j")
        assert split.cursor[0] == 1 and tinted(0) == 1
        assert tinted(1) == split.maps[0][1] == split.cursor[1]
        await pilot.press("tab", "k")
        assert split.side == 1 and tinted(0) == split.maps[1][split.cursor[1]]
        await pilot.press("s", "j")  # sync off: the left side stays
        left = split.cursor[0]
        await pilot.press("j")
        assert split.cursor[0] == left
        await pilot.press("escape")
        assert story_app.screen is screen


@sync
async def test_reading_view_jumps_to_the_same_name_in_the_other_report(story_app):
    from reader.ui.document import CURRENT
    from reader.ui.screens.side_by_side import SideBySideScreen
    from tests.ui.conftest import open_article

    async with story_app.run_test(size=(120, 35)) as pilot:
        lib = story_app.library
        garbled = next(a for a in _ids(lib, "ferry") if "Oosterhius" in lib.get_text(a))
        reading = await open_article(story_app, pilot, garbled)
        await pilot.press("slash", *"Oosterhius", "enter")
        await pilot.pause()
        await pilot.press("S")
        await wait_until(pilot, lambda: isinstance(story_app.screen, SideBySideScreen), timeout=60)
        split = story_app.screen
        assert split.ids[0] == garbled and "Oosterhuis" in split.names
        await wait_until(pilot, lambda: split.view(1).document.layer(CURRENT).spans)
        span = split.view(1).document.layer(CURRENT).spans[0]
        assert split.texts[1][span.start:span.end] in ("Oosterhuis", "Oosterhius")
        await pilot.press("escape")
        assert story_app.screen is reading


def test_side_by_side_snapshot(story_app, snap_compare) -> None:
    """The split view after one paragraph step (paired with
    test_side_by_side_keeps_paragraphs_in_step). Regenerate after an intended change:
    ``python -m pytest tests/ui/test_stories_ui.py --snapshot-update``."""
    from reader.ui.screens.side_by_side import SideBySideScreen

    async def open_split(pilot) -> None:
        await pilot.pause()
        left, right = _ids(story_app.library, "ferry")[:2]
        story_app.push_screen(SideBySideScreen(left, right))
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()

    assert snap_compare(story_app, terminal_size=(120, 20), run_before=open_split)
