"""Pilot tests of the reading view, driven by keys: scroll, next/previous error and
entity, search with n/N, layer toggles, the side panel, position saved and restored, and
hostile text reaching the terminal only as literal characters."""

from __future__ import annotations

from tests.ui.conftest import article_id, sync, wait_until

from reader.ui.document import CURRENT, ENTITIES, ERRORS
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.bars import StatusLine


async def open_harbour(app, pilot) -> ReadingScreen:
    await pilot.pause()
    app.open_article(article_id(app.library, "Harbour"))
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    await wait_until(pilot, lambda: bool(screen.analysis.findings))
    return screen


def current(screen: ReadingScreen):
    spans = screen.view.document.layer(CURRENT).spans
    return spans[0] if spans else None


@sync
async def test_text_first_then_errors_and_entities_by_key(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_harbour(app, pilot)
        text = screen.view.document.text
        await pilot.press("e")
        first = current(screen)
        assert text[first.start:first.end] == "ministr"
        status = screen.query_one(StatusLine)
        assert status.message[0].startswith("misspelling")
        assert "minister" in status.message[1]
        await pilot.press("e")
        assert text[current(screen).start:current(screen).end] == "the the"
        await pilot.press("E")
        assert current(screen).start == first.start
        await pilot.press("t")
        ent = current(screen)
        assert text[ent.start:ent.end] == "Aldmouth" or ent.start > first.start
        assert "PLACE" in status.message[0] or "PERSON" in status.message[0] or "DATE" in status.message[0]


@sync
async def test_scroll_keys_move_the_view(app) -> None:
    async with app.run_test(size=(100, 20)) as pilot:
        screen = await open_harbour(app, pilot)
        view = screen.view
        await pilot.press("j", "j")
        assert view.scroll_y == 2
        await pilot.press("k")
        assert view.scroll_y == 1
        await pilot.press("space")
        assert view.scroll_y > 10
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y
        assert screen.query_one(StatusLine).percent == 100.0
        await pilot.press("g")
        assert view.scroll_y == 0


@sync
async def test_search_and_next_previous_match(app) -> None:
    async with app.run_test(size=(100, 20)) as pilot:
        screen = await open_harbour(app, pilot)
        await pilot.press("slash", *"aldmouth", "enter")
        assert len(screen._matches) == 60
        first = current(screen).start
        await pilot.press("n")
        second = current(screen).start
        assert second > first
        await pilot.press("N")
        assert current(screen).start == first
        await pilot.press("G", "n")  # from the bottom, wraps to the first
        assert screen.view.is_offset_visible(current(screen).start)


@sync
async def test_layers_toggle_and_legend_shows_it(app) -> None:
    from reader.ui.dialogs.hide_kinds import HideKindsDialog
    from reader.ui.widgets.bars import Legend

    async with app.run_test(size=(100, 20)) as pilot:
        screen = await open_harbour(app, pilot)
        doc = screen.view.document
        await pilot.press("h")
        assert isinstance(app.screen, HideKindsDialog)
        await pilot.press("1", "escape")  # names off
        await pilot.pause()
        assert not doc.layer(ENTITIES).visible
        assert "entities" in screen.query_one(Legend).hidden_layers
        await pilot.press("h", "2", "escape")
        await pilot.pause()
        assert not doc.layer(ERRORS).visible
        assert doc.spans_in(0, len(doc.text)) == []
        await pilot.press("h", "1", "2", "escape")
        await pilot.pause()
        assert doc.layer(ENTITIES).visible and doc.layer(ERRORS).visible


@sync
async def test_side_panel_lists_and_jumps(app) -> None:
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_harbour(app, pilot)
        await pilot.press("G", "tab")
        panel_list = screen.query_one("#panel-list")
        assert panel_list.has_focus
        prompts = [str(panel_list.get_option_at_index(i).prompt) for i in range(panel_list.option_count)]
        assert any("Brenna Kask" in p and "~ Kask" in p for p in prompts)  # grouped with its variant
        assert prompts[0].strip().startswith("Suspected errors (3)")
        await pilot.press("down", "enter")  # the first error: the suggestion menu opens on it
        from reader.ui.dialogs.suggestions import SuggestionMenu

        assert isinstance(app.screen, SuggestionMenu)
        await pilot.press("escape")
        assert app.screen is screen and panel_list.has_focus  # the next row is one key away
        span = current(screen)
        assert screen.view.document.text[span.start:span.end] == "ministr"
        assert screen.view.is_offset_visible(span.start)


@sync
async def test_reading_position_is_saved_and_restored(app) -> None:
    async with app.run_test(size=(100, 20)) as pilot:
        screen = await open_harbour(app, pilot)
        await pilot.press("space", "space")
        top = screen.view.top_offset
        assert top > 0
        await pilot.press("q")
        await pilot.pause()
        state = app.library.get_state(screen.article_id)
        assert state["position"] == top and state["progress"] > 0
        app.open_article(screen.article_id)
        await pilot.pause()
        assert app.screen.view.top_offset == top


HOSTILE = (
    "Hostile [bold]not bold[/bold] and [link=https://evil.example]click[/link] and $var\n\n"
    "Escapes \x1b[31mred\x1b[0m and \x1b]8;;http://x\x07osc\x1b]8;;\x07 and \x9b2J done.\n"
)


@sync
async def test_hostile_text_renders_literally(library) -> None:
    from reader.textio import decode_bytes
    from reader.ui.app import ReaderApp

    text = decode_bytes(HOSTILE.encode("utf-8"), name="hostile.txt").text
    aid = library.add_article(text, title="Hostile", source="hostile.txt").info.id
    app = ReaderApp(library, analyzer=lambda t, c=None: __import__("reader.model").model.Analysis())
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.pause()
        app.open_article(aid)
        await pilot.pause()
        view = app.screen.view
        rows = [view.render_line(y) for y in range(6)]
        painted = "\n".join(strip.text for strip in rows)
        assert "[bold]not bold[/bold]" in painted
        assert "[link=https://evil.example]click[/link]" in painted
        assert "$var" in painted
        assert "\x1b" not in painted and "\x9b" not in painted and "\x07" not in painted
        assert "␛[31mred" in painted
        # no segment carries a link or style that came from the text
        assert all(seg.style is None or not seg.style.link for strip in rows for seg in strip)
        svg = app.export_screenshot()
        assert "\x1b" not in svg and "evil.example" in svg


@sync
async def test_view_strips_control_characters_even_if_stored(library) -> None:
    """Belt and braces: a text that bypassed import sanitising still paints inertly."""
    from reader.ui.document import Document
    from reader.ui.widgets.article_view import ArticleView
    from textual.app import App, ComposeResult

    from reader.ui.theme_vars import DEFAULTS

    class One(App):
        def get_theme_variable_defaults(self) -> dict[str, str]:
            return {**super().get_theme_variable_defaults(), **DEFAULTS}

        def compose(self) -> ComposeResult:
            yield ArticleView(Document("bell\x07 esc\x1b[2J csi\x9bK tab\there"))

    app = One()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        line = app.query_one(ArticleView).render_line(0).text
        assert all(ord(ch) >= 0x20 and not 0x7F <= ord(ch) < 0xA0 for ch in line)
        assert "␇" in line and "␛[2J" in line and "tab here" in line


@sync
async def test_text_width_changes_rewrap_and_is_remembered(app) -> None:
    async with app.run_test(size=(120, 20)) as pilot:
        screen = await open_harbour(app, pilot)
        rows_before = screen.view.layout_rows.total_rows
        await pilot.press("minus", "minus", "minus")
        assert screen.view.wrap_width == 88 - 24
        assert screen.view.layout_rows.width == 64
        assert screen.view.layout_rows.total_rows > rows_before
        assert app.library.get_setting("wrap_width") == 64


@sync
async def test_long_article_fills_in_chunk_by_chunk_with_the_same_result(app, monkeypatch) -> None:
    from tests.ui.conftest import ARTICLES, fake_analyzer

    monkeypatch.setattr("reader.ui.analysis_service.CHUNK_CHARS", 400)
    monkeypatch.setattr("reader.ui.screens.library.COUNT_DELAY_S", 60)  # no cached result
    progress: list[str] = []
    original = ReadingScreen._show_progress

    def spy(self, text):
        progress.append(text)
        original(self, text)

    monkeypatch.setattr(ReadingScreen, "_show_progress", spy)
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        app.open_article(article_id(app.library, "Harbour"))
        await pilot.pause()
        screen = app.screen
        await wait_until(pilot, lambda: bool(screen.analysis.findings))
        whole = fake_analyzer(ARTICLES["harbour.txt"])
        doc = screen.view.document
        assert [(s.start, s.end) for s in doc.layer(ERRORS).spans] == [(f.start, f.end) for f in whole.findings]
        assert [(s.start, s.end) for s in doc.layer(ENTITIES).spans] == [(e.start, e.end) for e in whole.entities]
        assert any(p and "parts)" in p for p in progress) and progress[-1] is None


@sync
async def test_sensitivity_key_cycles_the_stored_level_and_analyses_again(app) -> None:
    from reader.analysis.confidence import levels

    seen = []
    inner = app.analysis.analyzer

    def spy(text, context=None):
        seen.append(context.min_confidence if context is not None else None)
        return inner(text, context)

    app.analysis._analyzer = spy
    async with app.run_test(size=(100, 30)) as pilot:
        await open_harbour(app, pilot)
        assert app.library.get_setting("sensitivity") is None  # balanced by default
        await pilot.press("C")
        await wait_until(pilot, lambda: levels()["thorough"] in seen)
        assert app.library.get_setting("sensitivity") == "thorough"
        await pilot.press("C")
        assert app.library.get_setting("sensitivity") == "strict"
        await wait_until(pilot, lambda: levels()["strict"] in seen)
