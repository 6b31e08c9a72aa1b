"""Regression tests for the reading/library UI defects of issue 13 (each failed before
its fix): stale rows after a width change, search snippets, highlight styles, the
suggestion menu's edit field, small and wide terminals, notifications over the status
line, dictionary/replace-all safety and path completion."""

from __future__ import annotations

from tests.ui.conftest import open_article, article_id, sync, wait_until

from reader.ui.widgets.article_view import ArticleView


def _margin(strip_text: str) -> int:
    return len(strip_text) - len(strip_text.lstrip(" "))


def _painted_rows(view: ArticleView) -> list[str]:
    return [view.render_line(y).text for y in range(view.scrollable_content_region.height)]


@sync
async def test_rows_follow_the_view_width_when_the_panel_opens_and_closes(app) -> None:
    """Defect 3: the wrap width stays (88) while the view narrows: every row must be drawn
    for the new width (same centring margin, no horizontal scrollbar, no stale row)."""
    async with app.run_test(size=(200, 30)) as pilot:
        screen = await open_article(app, pilot, article_id(app.library, "Harbour"))
        view = screen.view
        await pilot.pause()
        wide = _painted_rows(view)
        for keys in (("tab",), ("tab",)):  # open the panel, then close it
            await pilot.press(*keys)
            await pilot.pause()
            await pilot.pause()
            width = view.size.width
            expected = max(1, (view.row_width - view.layout_rows.width) // 2)
            rows = _painted_rows(view)
            texts = [r for r in rows if r.strip()]
            assert texts and all(_margin(r) == expected for r in texts), (width, [_margin(r) for r in texts])
            assert all(len(r) == view.row_width for r in rows)
            assert view.virtual_size.width <= width and not view.show_horizontal_scrollbar
        assert _painted_rows(view) == wide


@sync
async def test_rows_follow_a_terminal_resize_that_keeps_the_wrap_width(app) -> None:
    async with app.run_test(size=(200, 30)) as pilot:
        screen = await open_article(app, pilot, article_id(app.library, "Harbour"))
        view = screen.view
        await pilot.pause()
        await pilot.resize_terminal(150, 30)
        await pilot.pause()
        await pilot.pause()
        rows = _painted_rows(view)
        expected = max(1, (view.row_width - view.layout_rows.width) // 2)
        assert all(_margin(r) == expected for r in rows if r.strip())
        assert view.virtual_size.width <= view.size.width


def test_fulltext_snippets_keep_the_spaces_around_the_match() -> None:
    """Defect 6: before + match + after reads as the text did (one space per gap)."""
    from reader.ui.fulltext import search_text
    from reader.ui.screens.search import hit_label

    text = "The cat  sat\non the mat.\n\nA second  paragraph sat here."
    hits = search_text("a", "T", text, "sat")
    assert len(hits) == 2
    for hit in hits:
        assert hit.before.endswith(" ") and hit.after.startswith(" ")
    assert "The cat sat on the mat." in str(hit_label(hits[0]))
    assert "paragraph sat here." in str(hit_label(hits[1]))
    fuzzy = search_text("a", "T", "We saw the Aldmoth harbour today.", "Aldmouth")
    assert fuzzy and " Aldmoth " in str(hit_label(fuzzy[0]))


def test_every_highlight_kind_has_its_own_text_style() -> None:
    """Defect 7: kinds never differ by colour alone (the README's promise)."""
    from reader.ui.theme_vars import TEXT_STYLES

    text_kinds = {k: frozenset(style.split()) for k, (where, style) in TEXT_STYLES.items() if where == "fg"}
    assert len(text_kinds) == 12
    assert len(set(text_kinds.values())) == len(text_kinds), text_kinds
    assert "reverse" in TEXT_STYLES["reader-cursor"][1] and "reverse" not in TEXT_STYLES["reader-search"][1]


def test_search_and_current_match_differ_in_256_colours_in_every_packaged_theme() -> None:
    from rich.color import Color, ColorSystem

    import reader.themes as T
    from reader.ui.theme_vars import DEFAULTS

    def n(colour: str) -> int:
        return Color.parse(colour).downgrade(ColorSystem.EIGHT_BIT).number

    tints = [(s.name, s.variables["reader-cursor"], s.variables["reader-search"]) for s in T.load_packaged_themes()]
    tints.append(("defaults", DEFAULTS["reader-cursor"], DEFAULTS["reader-search"]))
    for name, cursor, search in tints:
        assert n(cursor) != n(search), name


@sync
async def test_the_current_match_is_drawn_unlike_the_other_matches(app) -> None:
    async with app.run_test(size=(100, 24)) as pilot:
        screen = await open_article(app, pilot, article_id(app.library, "Harbour"))
        await pilot.press("slash", *"quay", "enter")
        await pilot.pause()
        view = screen.view
        styles = {}
        for y in range(view.scrollable_content_region.height):
            for seg in view.render_line(y):
                if seg.text == "quay":
                    styles.setdefault("quay", []).append(seg.style)
        current, *others = styles["quay"]
        assert others and all(current.reverse and not o.reverse for o in others)
        assert all(current.bgcolor != o.bgcolor for o in others)
        # a reversed kind under the cursor is un-reversed instead
        from reader.ui.document import CURRENT, ERRORS, Span, SpanLayer

        doc = view.document
        start = doc.text.index("quay")
        doc.set_layer(SpanLayer(ERRORS, [Span(start, start + 4, "reader-spacing")]))
        doc.set_layer(SpanLayer(CURRENT, []))
        view.layers_changed(None)
        await pilot.pause()
        plain = [seg.style for y in range(10) for seg in view.render_line(y) if seg.text == "quay"][0]
        doc.set_layer(SpanLayer(CURRENT, [Span(start, start + 4, "reader-cursor")]))
        view.layers_changed(None)
        await pilot.pause()
        cur = [seg.style for y in range(10) for seg in view.render_line(y) if seg.text == "quay"][0]
        assert plain.reverse and not cur.reverse


def _footer_keys(screen) -> dict[str, object]:
    from textual.widgets._footer import FooterKey  # noqa: F401 - the public widget type lives here

    return {k.action: k for k in screen.query("FooterKey")}


def _fully_visible(widget, width: int) -> bool:
    region = widget.region
    return region.width > 0 and region.x >= 0 and region.right <= width


@sync
async def test_small_terminal_keeps_the_keys_that_matter_in_the_footers(app) -> None:
    """Defect 9: at 80x24 the reading footer shows ? Help, a Annotate and esc Library;
    the library footer shows enter Open and ? Help."""
    def all_shown(screen, actions) -> bool:
        keys = _footer_keys(screen)
        palette = keys.get("command_palette")
        return all(a in keys and _fully_visible(keys[a], 80) for a in actions) and (
            palette is None or all(not palette.region.overlaps(keys[a].region) for a in actions))

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await wait_until(pilot, lambda: all_shown(app.screen, ("open", "help", "add", "filter", "app.quit")), 5)
        screen = await open_article(app, pilot, article_id(app.library, "Harbour"))
        await wait_until(pilot, lambda: all_shown(screen, ("help", "annotate", "escape", "finding(1)", "fix", "search")), 5)


@sync
async def test_small_terminal_legend_shows_every_kind_uncut(app) -> None:
    from reader.ui.widgets.bars import Legend

    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_article(app, pilot, article_id(app.library, "Harbour"))
        await pilot.pause()
        legend = screen.query_one(Legend)
        lines = legend.legend_text(legend.content_region.width).plain.split("\n")
        assert all(len(line) <= legend.content_region.width for line in lines)
        shown = " ".join(lines)
        assert "…" not in shown
        for word in ("PER", "PL", "ORG", "DAT", "spell", "case", "spac", "gram", "rep", "for", "ocr", "var", "note"):
            assert word in shown, word
        assert legend.region.height == len(lines)


@sync
async def test_suggestion_menu_near_the_bottom_stays_above_the_footer(app) -> None:
    from reader.ui.dialogs.suggestions import SuggestionMenu
    from reader.model import Finding

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        menu = SuggestionMenu(Finding(0, 4, "aple", "misspelling", "unknown word", ()),
                              position_hint=(60, 21))
        app.push_screen(menu)
        await pilot.pause()
        await pilot.pause()
        for keys in ((), ("e",)):  # the edit field makes the menu taller: it moves up
            await pilot.press(*keys)
            await pilot.pause()
            await pilot.pause()
            box = menu.query_one("#menu").region
            footer = menu.query_one("Footer").region
            assert box.bottom <= footer.y and box.right <= 80 and box.y >= 0, (keys, box, footer)


@sync
async def test_wide_library_gives_the_title_column_the_room(library, fixed_clock) -> None:
    from reader.ui.app import ReaderApp
    from tests.ui.conftest import fake_analyzer

    long_title = "A very long headline about harbour talks that stalled again on a windy Monday in spring"
    library.add_article(long_title + "\n\nSome text.\n", title=long_title, source="long.txt")
    app = ReaderApp(library, analyzer=fake_analyzer)
    async with app.run_test(size=(200, 24)) as pilot:
        await pilot.pause()
        table = app.screen.table
        assert str(table.get_row_at(0)[0]) == long_title
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        cell = str(table.get_row_at(0)[0])
        assert cell.endswith("…") and long_title.startswith(cell[:-1])
        assert table.virtual_size.width <= table.size.width  # every column on screen


@sync
async def test_a_fix_is_reported_on_the_status_line_not_in_a_toast_over_it(app) -> None:
    """Defect 10: after a fix the next suggestion stays readable."""
    from reader.ui.widgets.bars import StatusLine

    async with app.run_test(size=(100, 24)) as pilot:
        screen = await open_article(app, pilot, article_id(app.library, "Harbour"))
        await pilot.press("e", "z", "1")
        await pilot.pause()
        status = screen.query_one(StatusLine)
        assert "minister" in status.flash.lower()
        assert status.message[0].startswith("repetition")  # the next one, still shown
        toasts = list(app.screen.query("Toast"))
        assert all(not t.region.overlaps(status.region) for t in toasts)
        await pilot.press("u")
        await pilot.pause()
        assert status.flash.startswith("Undid")
        assert not list(app.screen.query("Toast"))


@sync
async def test_status_line_forgets_a_deleted_or_undone_note(app) -> None:
    from reader.ui.dialogs.annotate import AnnotateDialog
    from reader.ui.widgets.bars import StatusLine

    async with app.run_test(size=(110, 30)) as pilot:
        screen = await open_article(app, pilot, article_id(app.library, "Harbour"))
        status = screen.query_one(StatusLine)
        await pilot.press("w", "w", "a")
        assert isinstance(app.screen, AnnotateDialog)
        await pilot.press(*"first words", "ctrl+s")
        await pilot.press("enter")  # edit it
        assert isinstance(app.screen, AnnotateDialog)
        await pilot.press(*"edited ", "ctrl+s")
        await pilot.pause()
        assert status.message[0] == "note: edited first words"
        await pilot.press("u")  # undo the edit: the first note is back
        await pilot.pause()
        assert status.message[0] == "note: first words"
        await pilot.press("d")  # delete it: the status line no longer shows it
        await pilot.pause()
        assert not status.message[0].startswith("note:")


@sync
async def test_dictionary_key_is_off_for_a_phrase_and_replace_all_here_asks(app) -> None:
    """Defect 11: ``I`` never puts a phrase in the dictionary; ``r`` asks when it would
    change more than the one occurrence (the README's promise)."""
    from reader.ui.dialogs.replace_all import ReplaceAllConfirm
    from reader.ui.dialogs.suggestions import MenuAction, MenuResult, SuggestionMenu

    async with app.run_test(size=(110, 30)) as pilot:
        screen = await open_article(app, pilot, article_id(app.library, "Harbour"))
        await pilot.press("e", "e", "z")  # "the the": a repetition of two words
        menu = app.screen
        assert isinstance(menu, SuggestionMenu) and menu.finding.text == "the the"
        await pilot.press("I")
        await pilot.pause()
        assert app.screen is menu and "I dictionary" not in str(menu.query_one("#menu-keys").render())
        await pilot.press("escape")
        assert app.library.words() == set()
        outcome = screen.fixer.apply(menu.finding, MenuResult(MenuAction.IGNORE_ALL))
        assert outcome.change is None and "single word" in outcome.message
        await pilot.press("g", "e", "z", "r")  # "ministr" occurs twice: asks first
        await pilot.pause()
        assert isinstance(app.screen, ReplaceAllConfirm) and app.screen.total == 2
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and "ministr " in screen.view.document.text
        await pilot.press("z", "r")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert "ministr " not in screen.view.document.text
        assert len(app.library.corrections(screen.article_id)) == 2


def test_path_completion_never_picks_one_of_several(tmp_path) -> None:
    """Defect 12 (the Add dialog): tab completes what the matches share, then lists them."""
    from reader.ui.dialogs.add_files import complete_path, path_completion

    (tmp_path / "alpha-one.txt").write_text("x")
    (tmp_path / "alpha-two.txt").write_text("x")
    (tmp_path / "alpine").mkdir()
    (tmp_path / "beta.txt").write_text("x")
    base = str(tmp_path) + "/"
    assert path_completion(base + "alp") == (None, ["alpha-one.txt", "alpha-two.txt", "alpine/"])
    assert complete_path(base + "alph") == base + "alpha-"
    assert path_completion(base + "alpha-") == (None, ["alpha-one.txt", "alpha-two.txt"])
    assert complete_path(base + "alpha-o") == base + "alpha-one.txt"
    assert complete_path(base + "alpi") == base + "alpine/"
    assert complete_path(base + "b") == base + "beta.txt"
    assert path_completion(base + "zzz") == (None, [])


@sync
async def test_add_dialog_tab_shows_the_choices(app, tmp_path) -> None:
    from textual.widgets import Input, Static

    (tmp_path / "alpha-one.txt").write_text("x")
    (tmp_path / "alpha-two.txt").write_text("x")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        box = app.screen.query_one("#add-path", Input)
        box.value = str(tmp_path / "alp")
        box.cursor_position = len(box.value)
        await pilot.press("tab")
        assert box.value == str(tmp_path / "alpha-")
        await pilot.press("tab")
        assert box.value == str(tmp_path / "alpha-")  # nothing picked for the person
        message = str(app.screen.query_one("#add-message", Static).render())
        assert "alpha-one.txt" in message and "alpha-two.txt" in message
