"""Snapshots of the library, the reading view with highlights and the side panel, and the
help screen. Each is paired with a Pilot test that would fail if the same keys crashed or
did nothing: test_library_screen.test_filter_sort_and_open,
test_reading_screen.test_text_first_then_errors_and_entities_by_key /
test_side_panel_lists_and_jumps, and test_help_and_palette.test_help_lists_keys.

Regenerate after an intended change:
``python -m pytest tests/ui/test_app_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from tests.ui.conftest import article_id, wait_until

from reader.ui.screens.reading import ReadingScreen


def test_library_snapshot(app, snap_compare) -> None:
    async def settle(pilot) -> None:
        screen = app.screen
        await wait_until(pilot, lambda: all(r.errors is not None for r in screen.rows.values()))

    assert snap_compare(app, terminal_size=(110, 16), run_before=settle)


def test_reading_view_snapshot(app, snap_compare) -> None:
    async def open_and_step(pilot) -> None:
        await pilot.pause()
        app.open_article(article_id(app.library, "Harbour"))
        await pilot.pause()
        await wait_until(pilot, lambda: isinstance(app.screen, ReadingScreen) and bool(app.screen.analysis.findings))
        await pilot.press("e", "tab")

    assert snap_compare(app, terminal_size=(120, 24), run_before=open_and_step)


def test_help_snapshot(app, snap_compare) -> None:
    async def open_help(pilot) -> None:
        await pilot.pause()
        app.open_article(article_id(app.library, "Mosaic"))
        await pilot.pause()
        await pilot.press("question_mark")

    assert snap_compare(app, terminal_size=(100, 40), run_before=open_help)
