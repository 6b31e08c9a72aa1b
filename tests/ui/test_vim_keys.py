"""Issue 20: the keys vim, newsboat and LanguageTool users reach for, driven by Pilot:
free edit (``c``), escape clearing before leaving, counts, half pages, ``*``/``#``,
search toggles, library keys and the user keymap."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import article_id, current_text, fake_analyzer, open_article, sync, wait_until

from reader.ui.document import ANNOTATIONS, SEARCH


@sync
async def test_free_edit_is_a_correction_undone_redone_kept_and_exported(ui_library, tmp_path: Path) -> None:
    from reader.export import get_format
    from reader.export.run import ExportOptions, render_articles
    from reader.ui.app import ReaderApp
    from reader.ui.dialogs.annotate import AnnotateDialog
    from reader.ui.dialogs.free_edit import FreeEditDialog

    lib = ui_library
    aid = article_id(lib, "Mosaic")
    app = ReaderApp(lib, analyzer=fake_analyzer)
    async with app.run_test(size=(100, 24)) as pilot:
        screen = await open_article(app, pilot, aid)
        await pilot.press("w", "w", "w", "w", "w")  # Mosaic under a car park -> "Diggers"
        assert current_text(screen) == "park"
        await pilot.press("w", "w", "w")  # Diggers in Velgrad
        assert current_text(screen) == "Velgrad"
        await pilot.press("a")
        assert isinstance(app.screen, AnnotateDialog)
        await pilot.press(*"the town", "ctrl+s")
        await pilot.press("W", "W", "v", "w")  # select "Diggers in"
        await pilot.press("c")
        assert isinstance(app.screen, FreeEditDialog) and app.screen.original == "Diggers in"
        await pilot.press(*"Builders working in", "enter")  # typing replaces the offered text
        await pilot.pause()
        doc = screen.view.document
        assert "Builders working in Velgrad found" in doc.text
        [note] = doc.layer(ANNOTATIONS).spans
        assert doc.text[note.start:note.end] == "Velgrad"  # the note stayed on its word
        [fix] = lib.corrections(aid)
        assert (fix.original, fix.replacement, fix.kind) == ("Diggers in", "Builders working in", "edit")
        await pilot.press("u")
        await pilot.pause()
        assert "Diggers in Velgrad" in screen.view.document.text and lib.corrections(aid) == []
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "Builders working in Velgrad" in screen.view.document.text
    # a restart reads it back; an export carries it
    app = ReaderApp(lib, analyzer=fake_analyzer)
    async with app.run_test(size=(100, 24)) as pilot:
        screen = await open_article(app, pilot, aid)
        assert "Builders working in Velgrad found" in screen.view.document.text
    [(doc, files)] = render_articles(lib, [aid], get_format("txt"), ExportOptions())
    assert any("Builders working in Velgrad found" in body for body in files.values())


@sync
async def test_escape_clears_count_selection_and_search_before_leaving(app) -> None:
    from reader.ui.screens.reading import ReadingScreen

    async with app.run_test(size=(100, 24)) as pilot:
        screen = await open_article(app, pilot, article_id(app.library, "Harbour"))
        doc = screen.view.document
        await pilot.press("slash", *"quay", "enter")
        assert len(doc.layer(SEARCH)) == 59
        await pilot.press("w", "v", "w", "3")
        await pilot.press("escape")  # the count
        assert app.screen is screen and screen.selection is not None and len(doc.layer(SEARCH)) == 59
        await pilot.press("escape")  # the selection
        assert app.screen is screen and screen.selection is None and len(doc.layer(SEARCH)) == 59
        await pilot.press("escape")  # the search highlights
        assert app.screen is screen and len(doc.layer(SEARCH)) == 0
        await pilot.press("n")  # nothing to step through now
        await pilot.press("escape")  # nothing pending: back to the library
        await pilot.pause()
        assert not isinstance(app.screen, ReadingScreen)


@sync
async def test_counts_half_pages_and_word_search(app) -> None:
    async with app.run_test(size=(100, 20)) as pilot:
        screen = await open_article(app, pilot, article_id(app.library, "Harbour"))
        view = screen.view
        await pilot.press("5", "j")
        assert view.scroll_y == 5
        await pilot.press("1", "2", "k")
        assert view.scroll_y == 0
        await pilot.press("ctrl+d")
        half = view.scroll_y
        assert half == max(1, view.scrollable_content_region.height - 2) // 2 or half > 3
        await pilot.press("ctrl+u")
        assert view.scroll_y == 0
        await pilot.press("2", "e")  # the second error
        assert current_text(screen) == "the the"
        await pilot.press("3", "w")  # the the boats would: three words on
        assert current_text(screen) == "would"
        await pilot.press("asterisk")  # search "would" as a whole word
        assert screen.search_options.whole_word and screen._query == "would"
        assert len(screen.view.document.layer(SEARCH)) == 1


@sync
async def test_search_toggles_whole_word_case_and_regex(library, fixed_clock) -> None:
    from reader.ui.app import ReaderApp

    aid = library.add_article("Toggles\n\nThe theme of the Netherlands: the THE then.\n",
                              title="Toggles", source="t.txt").info.id
    app = ReaderApp(library, analyzer=fake_analyzer)
    async with app.run_test(size=(100, 20)) as pilot:
        screen = await open_article(app, pilot, aid)
        layer = lambda: screen.view.document.layer(SEARCH)  # noqa: E731
        await pilot.press("slash", *"the")
        await pilot.press("enter")
        assert len(layer()) == 7  # The theme the Netherlands the THE then
        await pilot.press("slash", "ctrl+o")  # whole words: the ones that are "the"
        bar = screen.query_one("#search-bar")
        assert "words" in str(bar.border_title)
        await pilot.press("enter")
        assert len(layer()) == 4
        await pilot.press("slash", "ctrl+l", "enter")  # and case: only lower-case "the"
        assert len(layer()) == 2
        await pilot.press("slash", "ctrl+o", "ctrl+l", "ctrl+g", "ctrl+u", *"th[a-z]+", "enter")  # regex
        shown = [screen.view.document.text[s.start:s.end] for s in layer().spans]
        assert shown == ["The", "theme", "the", "therlands", "the", "THE", "then"]
        assert str(bar.border_title) == "search: regex"
        await pilot.press("slash", "ctrl+u", *"th(", "enter")  # a broken regex: said, nothing found
        assert len(layer()) == 0 and "not a regular expression" in screen.query_one("StatusLine").flash


@sync
async def test_library_keys_newsboat_style(app, monkeypatch) -> None:
    from reader.ui.screens.library import LibraryScreen
    from reader.ui.screens.reading import ReadingScreen

    opened: list[str] = []
    monkeypatch.setattr(type(app), "open_url", lambda self, url, **kw: opened.append(url))
    lib = app.library
    web = lib.add_article("Web page\n\nFrom the web.\n", title="Web page", source="https://example.org/story").info.id
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        cells = lambda: [str(screen.table.get_row_at(i)[6]) for i in range(screen.table.row_count)]  # noqa: E731
        assert cells() == ["new"] * 4
        await pilot.press("s")  # by title: Harbour, Mosaic, Night train, Web page
        assert screen.sort_column == "title"
        await pilot.press("j", "j")
        assert screen.table.cursor_row == 2
        await pilot.press("k")
        assert screen.table.cursor_row == 1
        await pilot.press("enter")  # opens "Mosaic": it is read now
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen) and app.screen.info.title.startswith("Mosaic")
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is screen and cells()[1] != "new"
        await pilot.press("g", "n", "n")  # next unread: Night train, then Web page (Mosaic is read)
        assert screen.selected_id() == web
        await pilot.press("o")
        assert opened == ["https://example.org/story"]
        await pilot.press("N")  # marked read
        assert cells()[3] == ""
        await pilot.press("N")
        assert cells()[3] == "new"
    # a new session starts with the cursor on the article read last
    from reader.ui.app import ReaderApp

    again = ReaderApp(lib, analyzer=fake_analyzer)
    async with again.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        assert again.screen.selected_id() == article_id(lib, "Mosaic")


def test_keymap_reports_unknown_ids_bad_values_and_clashes(tmp_path: Path) -> None:
    from reader.ui.keymap import load_keymap

    path = tmp_path / "keymap.toml"
    path.write_text('next-error = "ctrl+n"\nbogus-thing = "x"\nfix = "t"\nsearch = 3\nhelp = "?"\n', encoding="utf-8")
    keymap = load_keymap(path)
    assert keymap.bindings == {"next-error": "ctrl+n", "help": "question_mark"}
    text = "\n".join(keymap.problems)
    assert "unknown binding id 'bogus-thing'" in text
    assert "search must be a string of keys" in text
    assert "'t' would do both" in text and "fix" in text and "next-entity" in text
    path.write_text("not = [toml", encoding="utf-8")
    assert "cannot read it" in load_keymap(path).problems[0]


@sync
async def test_user_keymap_rebinds_keys_in_the_app(app, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("READER_CONFIG", str(tmp_path))
    (tmp_path / "keymap.toml").write_text('[keymap]\nnext-error = "ctrl+n"\nnope = "x"\n', encoding="utf-8")
    messages: list[str] = []
    original = type(app).notify

    def spy(self, message, *args, **kwargs):
        messages.append(str(message))
        return original(self, message, *args, **kwargs)

    monkeypatch.setattr(type(app), "notify", spy)
    async with app.run_test(size=(100, 24)) as pilot:
        screen = await open_article(app, pilot, article_id(app.library, "Harbour"))
        await pilot.press("ctrl+n")
        assert current_text(screen) == "ministr"
        assert any("unknown binding id 'nope'" in m for m in messages)


def test_readme_key_tables_are_generated_from_the_bindings() -> None:
    from reader.ui.keys_doc import END, START, key_tables

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index(START) + len(START):readme.index(END)]
    assert block == "\n" + key_tables(), "run: python -m reader.ui.keys_doc --write README.md"
    for ident in ("change", "back", "half-page-down", "search-word", "hide-kinds", "next-unread", "open-source"):
        assert f"`{ident}`" in block, ident


@sync
async def test_fix_every_error_of_one_kind_asks_then_is_one_undo_step(app) -> None:
    from reader.ui.dialogs.confirm import ConfirmDialog

    async with app.run_test(size=(110, 30)) as pilot:
        screen = await open_article(app, pilot, article_id(app.library, "Harbour"))
        await pilot.press("e", "F")  # on "ministr" (misspelling, twice in the article)
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        text = screen.view.document.text
        assert "ministr " not in text and text.count("minister") == 2 and "the the" in text
        assert len(app.library.corrections(screen.article_id)) == 2
        await pilot.press("u")
        await pilot.pause()
        assert app.library.corrections(screen.article_id) == []


def test_menu_says_why_with_rule_and_confidence_when_present() -> None:
    from dataclasses import dataclass

    from reader.model import Finding
    from reader.ui.dialogs.suggestions import why

    assert why(Finding(0, 1, "x", "misspelling", "", (), 0.62)) == "misspelling · confidence 62%"

    @dataclass(frozen=True)
    class Ruled(Finding):
        rule: str = ""

    assert why(Ruled(0, 1, "x", "ocr", "", (), 0.83, "rn-for-m")) == "ocr · rn-for-m · confidence 83%"


def test_unified_diff_marks_the_changed_words() -> None:
    from reader.ui.screens.corrections_diff import changed_words, diff_text

    old = "The goverment said wich plan would pass, in a long paragraph."
    new = "The government said which plan would pass, in a long paragraph."
    a, b = changed_words(old, new)
    assert [old[x:y] for x, y in a] == ["goverment", "wich"]
    assert [new[x:y] for x, y in b] == ["government", "which"]
    text = diff_text(f"--- a\n+++ b\n@@ -1 +1 @@\n-{old}\n+{new}\n")
    marked = [text.plain[span.start:span.end] for span in text.spans if "reverse" in str(span.style)]
    assert marked == ["goverment", "wich", "government", "which"]


def test_side_panel_groups_a_flagged_name_variant_under_its_person() -> None:
    from reader.model import Entity, Finding
    from reader.ui.widgets.side_panel import build_options

    entities = [Entity(0, 9, "Dalsgaard", "PERSON"), Entity(20, 28, "Dalsgard", "PERSON"),
                Entity(40, 49, "Dalsgaard", "PERSON")]
    findings = [Finding(20, 28, "Dalsgard", "variant", "another spelling", ("Dalsgaard",))]
    rows = [str(o.prompt) for o in build_options(findings, entities, [])]
    people = [r for r in rows if "Dalsg" in r and "variant" not in r]
    assert len(people) == 1 and "3 Dalsgaard" in people[0] and "~ Dalsgard" in people[0]
