"""Issue 5's end-to-end check: fix a sample article's errors by keys only (replace-all,
a suggestion by number, custom text, ignore here, ignore everywhere, undo, redo), quit,
start a new app on the same library file and find every correction and ignore in place,
with the corrected text shown."""

from __future__ import annotations

import re

from tests.ui.conftest import current_text, open_article, sync

from reader.model import Analysis, Finding
from reader.ui.dialogs.suggestions import SuggestionMenu
from reader.ui.document import CORRECTIONS, ERRORS
from reader.ui.widgets.bars import StatusLine

TEXT = (
    "Budget row\n\n"
    "The goverment said wich plan would pass. Teh council met in Brusels.\n\n"
    "Later the goverment met again, and wich side won was unclear. Zorblat agreed.\n"
)
EXPECTED = (
    "Budget row\n\n"
    "The government said which plan would pass. The council met in Brussels.\n\n"
    "Later the government met again, and wich side won was unclear. Zorblat agreed.\n"
)

#: word -> suggestions; the analyzer skips dictionary words like the real one.
WORDS = {"goverment": ("government",), "wich": ("which", "witch"), "Teh": ("Tea", "Ten"),
         "Brusels": ("Brussels",), "Zorblat": ("Zorblatt",)}


def analyzer(text: str, context=None) -> Analysis:
    known = context.dictionary if context is not None else frozenset()
    findings = [
        Finding(m.start(), m.end(), m.group(), "misspelling", "not in the dictionary", WORDS[m.group()])
        for m in re.finditer(r"\b(" + "|".join(WORDS) + r")\b", text) if m.group() not in known
    ]
    return Analysis(tuple(findings), ())


def painted_rows(view) -> list[str]:
    return ["".join(seg.text + repr(seg.style) for seg in view.render_line(y)) for y in range(view.size.height)]


def assert_cache_matches_a_fresh_paint(view) -> None:
    """Targeted invalidation kept only strips that still look right."""
    cached = painted_rows(view)
    view.layers_changed(None)
    assert painted_rows(view) == cached




@sync
async def test_fix_by_keys_then_restart_finds_everything(db_path, fixed_clock) -> None:
    from reader.store import Library
    from reader.ui.app import ReaderApp

    lib = Library.open(db_path)
    aid = lib.add_article(TEXT, title="Budget row", source="budget.txt").info.id
    app = ReaderApp(lib, analyzer=analyzer)
    async with app.run_test(size=(110, 30)) as pilot:
        screen = await open_article(app, pilot, aid)
        assert len(screen.view.document.layer(ERRORS)) == 7
        await pilot.press("z")  # the menu opens on the first error
        assert isinstance(app.screen, SuggestionMenu) and app.screen.finding.text == "goverment"
        await pilot.press("r", "y")  # replace every "goverment" in this article (asks: two places)
        assert app.screen is screen and current_text(screen) == "wich"
        await pilot.press("z", "1")  # a suggestion by number
        assert current_text(screen) == "Teh"
        await pilot.press("z", "e", "ctrl+u", *"The", "enter")  # custom text
        assert current_text(screen) == "Brusels"
        status = screen.query_one(StatusLine)
        assert status.message[1].startswith("1·Brussels")
        await pilot.press("enter", "1")  # enter opens the menu too
        assert current_text(screen) == "wich"
        assert_cache_matches_a_fresh_paint(screen.view)
        await pilot.press("z", "i")  # ignore this one here
        assert current_text(screen) == "Zorblat"
        await pilot.press("z", "I")  # ignore everywhere: the personal dictionary
        assert not screen.view.document.layer(ERRORS).spans
        await pilot.press("u")  # undo the dictionary word
        assert [s.ref.text for s in screen.view.document.layer(ERRORS).spans] == ["Zorblat"]
        await pilot.press("ctrl+r")  # redo it
        assert not screen.view.document.layer(ERRORS).spans
        assert screen.view.document.text == EXPECTED
        assert len(screen.view.document.layer(CORRECTIONS)) == 5
        await pilot.press("o")  # the original text, remembered
        assert screen.view.document.text == TEXT
        await pilot.press("o")
        assert screen.view.document.text == EXPECTED
        await pilot.press("q")
        await pilot.pause()
    lib.close()

    lib = Library.open(db_path)
    assert "Zorblat" in lib.words()
    assert len(lib.corrections(aid)) == 5
    assert [i.text for i in lib.ignores(aid)] == ["wich"]
    app = ReaderApp(lib, analyzer=analyzer)
    async with app.run_test(size=(110, 30)) as pilot:
        screen = await open_article(app, pilot, aid)
        assert screen.view.document.text == EXPECTED
        assert not screen.view.document.layer(ERRORS).spans  # ignore and dictionary in place
        assert len(screen.view.document.layer(CORRECTIONS)) == 5
        await pilot.press("u")  # the history survived the restart: undo the dictionary word
        assert [s.ref.text for s in screen.view.document.layer(ERRORS).spans] == ["Zorblat"]
    lib.close()


@sync
async def test_review_mode_steps_through_with_the_menu_open(db_path, fixed_clock) -> None:
    from reader.store import Library
    from reader.ui.app import ReaderApp

    lib = Library.open(db_path)
    aid = lib.add_article(TEXT, title="Budget row", source="budget.txt").info.id
    app = ReaderApp(lib, analyzer=analyzer)
    async with app.run_test(size=(110, 30)) as pilot:
        screen = await open_article(app, pilot, aid)
        await pilot.press("Z")
        assert isinstance(app.screen, SuggestionMenu) and app.screen.finding.text == "goverment"
        await pilot.press("1")
        assert isinstance(app.screen, SuggestionMenu) and app.screen.finding.text == "wich"
        await pilot.press("2")
        assert isinstance(app.screen, SuggestionMenu) and app.screen.finding.text == "Teh"
        await pilot.press("escape")
        assert app.screen is screen
        assert screen.view.document.text.startswith("Budget row\n\nThe government said witch plan")
        await pilot.press("D")  # the corrections diff; enter jumps to the first one
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and current_text(screen) == "government"
    lib.close()


@sync
async def test_only_the_edited_paragraph_is_repainted_and_the_rest_stays_right(app) -> None:
    from tests.ui.conftest import article_id

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_article(app, pilot, article_id(app.library, "Harbour"))
        view = screen.view
        await pilot.press("z")
        before = dict(view._strips)
        await pilot.press("e", "ctrl+u", *"minister of fisheries and the sea, who is new", "enter")  # wraps longer
        assert screen.review.reanalysed_chars < len(view.document.text)  # one paragraph re-checked
        assert current_text(screen) == "the the"  # the next error, a paragraph further down
        kept = [row for row, strip in view._strips.items() if before.get(row) is strip]
        assert kept  # rows above the edit kept their cached strips
        assert_cache_matches_a_fresh_paint(view)
        await pilot.press("z", "1")  # "the the" -> "the": same number of rows
        assert_cache_matches_a_fresh_paint(view)
