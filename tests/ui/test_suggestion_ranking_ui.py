"""The app's suggestion menu shows the suggester's ranking (real analysis, no fake):
a sounds-alike fix five edits away, and a name the article spells right elsewhere."""

from __future__ import annotations

from tests.ui.conftest import open_article, sync, wait_until

from reader.ui.dialogs.suggestions import SuggestionMenu

TEXT = (
    "Council notes\n\n"
    "Minister Kowalczykowa opened the session. The council agreed imidatly on the budget.\n\n"
    "Later Kowalczykwa answered questions from the press.\n"
)


@sync
async def test_menu_offers_the_new_ranking(db_path, fixed_clock) -> None:
    from reader.store import Library
    from reader.ui.app import ReaderApp

    lib = Library.open(db_path)
    aid = lib.add_article(TEXT, title="Council notes", source="notes.txt").info.id
    app = ReaderApp(lib)
    async with app.run_test(size=(110, 30)) as pilot:
        screen = await open_article(app, pilot, aid)
        seen = {}
        for _ in range(4):
            await pilot.press("z")
            await wait_until(pilot, lambda: isinstance(app.screen, SuggestionMenu), timeout=30)
            menu = app.screen
            seen[menu.finding.text] = list(menu.suggestions)
            await pilot.press("escape")
            await wait_until(pilot, lambda: app.screen is screen, timeout=30)
            await pilot.press("e")  # the next error
            if {"imidatly", "Kowalczykwa"} <= seen.keys():
                break
        assert seen["imidatly"][0] == "immediately"
        assert seen["Kowalczykwa"][0] == "Kowalczykowa"
