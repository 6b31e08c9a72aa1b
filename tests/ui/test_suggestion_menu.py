"""The suggestion menu and the replace-all question on a tiny host app: every key gives the
typed result it promises; article text is shown literally. The snapshot is paired with
test_keys_and_text_are_shown (same menu, same host)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input, OptionList, Static

from reader.model import Finding
from reader.ui.dialogs.replace_all import ReplaceAllConfirm, occurrence_summary
from reader.ui.dialogs.suggestions import MenuAction, MenuResult, SuggestionMenu, menu_suggestions
from tests.ui.conftest import sync

FINDING = Finding(10, 14, "aple", "misspelling", "not in the dictionary", ("apple", "ample", "maple"))
HOSTILE = Finding(0, 9, "[b]x[/b]", "ocr", "[red]odd[/red]", ("[i]y[/i]",))


class Host(App[None]):
    """Pushes ``screen`` on start and keeps what it dismisses with."""

    def __init__(self, screen) -> None:
        super().__init__()
        self.dialog = screen
        self.results: list = []

    def compose(self) -> ComposeResult:
        yield Static("We ate an aple pie under the old tree.\n" * 6, id="page")

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)


async def run_keys(screen, *keys: str, size=(80, 24)):
    app = Host(screen)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        return app.results


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (("1",), MenuResult(MenuAction.PICK, "apple")),
        (("3",), MenuResult(MenuAction.PICK, "maple")),
        (("down", "enter"), MenuResult(MenuAction.PICK, "ample")),
        (("enter",), MenuResult(MenuAction.PICK, "apple")),
        (("i",), MenuResult(MenuAction.IGNORE_ONCE)),
        (("I",), MenuResult(MenuAction.IGNORE_ALL)),
        (("A",), MenuResult(MenuAction.ACCEPT_ARTICLE)),
        (("r",), MenuResult(MenuAction.REPLACE_ARTICLE, "apple")),
        (("down", "R"), MenuResult(MenuAction.REPLACE_LIBRARY, "ample")),
        (("escape",), MenuResult(MenuAction.CANCEL)),
        (("e", "s", "enter"), MenuResult(MenuAction.CUSTOM, "s")),  # prefilled and selected: typing replaces
        (("e", "end", "s", "enter"), MenuResult(MenuAction.CUSTOM, "apples")),  # an arrow keeps it to edit
        (("e", "enter"), MenuResult(MenuAction.CUSTOM, "apple")),  # the top suggestion is offered
        (("e", "backspace", "backspace", "backspace", "backspace", "backspace", "i", "enter"),
         MenuResult(MenuAction.CUSTOM, "i")),  # letters go to the input, not to the ignore key
    ],
)
@sync
async def test_each_key_gives_its_result(keys, expected) -> None:
    assert await run_keys(SuggestionMenu(FINDING, FINDING.suggestions), *keys) == [expected]


@sync
async def test_escape_in_the_editor_goes_back_to_the_list() -> None:
    menu = SuggestionMenu(FINDING, FINDING.suggestions)
    app = Host(menu)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("e")
        assert menu.editing and isinstance(app.focused, Input)
        assert menu.query_one(Input).value == "apple"
        await pilot.press("escape")
        assert not menu.editing and isinstance(app.focused, OptionList) and app.results == []
        await pilot.press("2")
    assert app.results == [MenuResult(MenuAction.PICK, "ample")]


@sync
async def test_without_suggestions_edit_prefills_the_word_and_replace_asks_for_text() -> None:
    bare = Finding(0, 4, "Qwix", "misspelling", "unknown", ())
    assert await run_keys(SuggestionMenu(bare), "1", "e", "enter") == [MenuResult(MenuAction.CUSTOM, "Qwix")]
    results = await run_keys(SuggestionMenu(bare), "r", "ctrl+u", "Q", "u", "i", "x", "enter")
    assert results == [MenuResult(MenuAction.REPLACE_ARTICLE, "Quix")]


def test_menu_suggestions_dedupe_and_cap() -> None:
    f = Finding(0, 1, "x", "misspelling", "", ("x", "a", "a", *"bcdefghijk"))
    assert menu_suggestions(f) == ["a", "b", "c", "d", "e", "f", "g", "h", "i"]


@sync
async def test_keys_and_text_are_shown_literally() -> None:
    menu = SuggestionMenu(HOSTILE)
    app = Host(menu)
    async with app.run_test() as pilot:
        await pilot.pause()
        shown = " ".join(str(w.render()) for w in menu.query(Static))
        assert "[b]x[/b]" in shown and "[red]odd[/red]" in shown and "1-9 pick" in shown
        assert "[i]y[/i]" in str(menu.query_one(OptionList).get_option_at_index(0).prompt)
        await pilot.press("1")
    assert app.results == [MenuResult(MenuAction.PICK, "[i]y[/i]")]


@sync
async def test_position_hint_places_the_menu_below_the_word_and_inside_the_screen() -> None:
    for hint, below in (((10, 2), True), ((70, 21), False)):
        menu = SuggestionMenu(FINDING, position_hint=hint)
        app = Host(menu)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()
            region = menu.query_one("#menu").region
            assert region.right <= 80 and region.bottom <= 24
            if below:
                assert (region.x, region.y) == (10, 3)
            else:
                assert region.bottom <= 21


def test_suggestion_menu_snapshot(snap_compare) -> None:
    assert snap_compare(Host(SuggestionMenu(FINDING, position_hint=(7, 3))), terminal_size=(80, 20))


@pytest.mark.parametrize(("keys", "expected"), [(("y",), True), (("n",), False), (("escape",), False)])
@sync
async def test_replace_all_confirm_answers(keys, expected) -> None:
    screen = ReplaceAllConfirm("blorp", "blurb", {"First": 2, "Second": 1, "Empty": 0})
    assert await run_keys(screen, *keys) == [expected]
    assert screen.total == 3 and occurrence_summary(screen.occurrences) == "3 places in 2 articles"


@sync
async def test_replace_all_confirm_lists_titles_literally_and_refuses_nothing() -> None:
    screen = ReplaceAllConfirm("[b]w", "v", {"[bold]Title[/bold]": 1})
    app = Host(screen)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "[bold]Title[/bold]" in str(screen.query_one("#replace-list", Static).render())
        assert '"[b]w"' in str(screen.query_one("#replace-question", Static).render())
        await pilot.press("y")
    assert app.results == [True]
    assert await run_keys(ReplaceAllConfirm("w", "v", {}), "y") == [False]
    assert occurrence_summary({"a": 1}) == "1 place in 1 article"
