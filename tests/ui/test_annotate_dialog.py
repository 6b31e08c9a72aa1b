"""The annotate and label dialogs on a tiny host app: every path returns the typed result.

``test_annotate_dialog_snapshot`` is paired with ``test_save_with_note_tags_and_label``,
which drives the same dialog by keys. Regenerate after an intended change:
``python -m pytest tests/ui/test_annotate_dialog.py --snapshot-update``.
"""

from __future__ import annotations

import pytest
from textual.app import App
from textual.widgets import Input, Select, Static, TextArea

from reader.ui.annotation_actions import AnnotateResult
from reader.ui.dialogs.annotate import AnnotateDialog, complete_last_tag
from reader.ui.dialogs.label import LabelDialog
from tests.ui.conftest import sync, wait_until

MISSING = object()


class Host(App):
    """Pushes one dialog at start and keeps what it dismissed with."""

    def __init__(self, dialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.result = MISSING

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self._done)

    def _done(self, result) -> None:
        self.result = result


async def _run(dialog, *steps, size=(80, 30)):
    """Run the host, then each step (a key name, or an async callable taking the pilot)."""
    app = Host(dialog)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for step in steps:
            if callable(step):
                await step(pilot)
            else:
                await pilot.press(step)
            await pilot.pause()
        await wait_until(pilot, lambda: app.result is not MISSING, timeout=5)
    return app.result


def _type(selector: str, text: str):
    async def step(pilot) -> None:
        pilot.app.screen.query_one(selector).focus()
        await pilot.pause()
        await pilot.press(*text)

    return step


def _choose_label(value: str):
    async def step(pilot) -> None:
        pilot.app.screen.query_one("#annotate-label", Select).value = value
        await pilot.pause()

    return step


# ------------------------------------------------------------------ tag completion
def test_complete_last_tag() -> None:
    known = ["history", "harbour", "people"]
    assert complete_last_tag("hi", known) == "history"
    assert complete_last_tag("people, Ha", known) == "people, Harbour"
    assert complete_last_tag("history, h", known) == "history, harbour"  # used one skipped
    assert complete_last_tag("people, ", known) is None
    assert complete_last_tag("history", known) is None  # already complete
    assert complete_last_tag("#pe", known) == "#people"


# ------------------------------------------------------------------ annotate dialog
@sync
async def test_save_with_note_tags_and_label() -> None:
    dialog = AnnotateDialog("Brenna Kask", known_tags=["people", "harbour"])
    result = await _run(
        dialog,
        _type("#annotate-note", "who is she?"),
        "enter",
        *"more",
        _type("#annotate-tags", "harb"),
        "tab",  # accepts the completion "harbour"
        *", pe",
        "tab",
        _choose_label("PERSON"),
        "ctrl+s",
    )
    assert result == AnnotateResult("save", note="who is she?\nmore", tags=("harbour", "people"), label="PERSON")


@sync
async def test_suggestion_accepted_with_right_and_buttons() -> None:
    async def check_suggestion(pilot) -> None:
        tags = pilot.app.screen.query_one("#annotate-tags", Input)
        for _ in range(40):  # the suggester answers asynchronously; `right` accepts it once shown
            await pilot.pause(0.05)
            await pilot.press("right")
            if tags.value == "people, harbour":
                break
        assert tags.value == "people, harbour"

    result = await _run(AnnotateDialog("quay", known_tags=["harbour"]),
                        _type("#annotate-tags", "people, h"), check_suggestion, _type("#save", ""), "enter")
    assert result == AnnotateResult("save", tags=("people", "harbour"))
    assert await _run(AnnotateDialog("quay"), _type("#cancel", ""), "enter") is None


@sync
async def test_cancel_returns_none() -> None:
    result = await _run(AnnotateDialog("quote"), _type("#annotate-note", "draft"), "escape")
    assert result is None


@sync
async def test_edit_prefills_and_delete_key_and_button() -> None:
    def make():
        return AnnotateDialog("quay", note="old", tags=("a", "b"), label="PLACE", known_tags=["a"])

    async def check_prefill(pilot) -> None:
        screen = pilot.app.screen
        assert screen.query_one("#annotate-note", TextArea).text == "old"
        assert screen.query_one("#annotate-tags", Input).value == "a, b"
        assert screen.query_one("#annotate-label", Select).value == "PLACE"

    assert await _run(make(), check_prefill, "ctrl+r") == AnnotateResult("delete", "old", ("a", "b"), "PLACE")
    assert (await _run(make(), _type("#delete", ""), "enter")).action == "delete"
    # saving unchanged returns the same fields
    assert await _run(make(), "ctrl+s") == AnnotateResult("save", "old", ("a", "b"), "PLACE")


@sync
async def test_new_annotation_has_no_delete() -> None:
    async def check(pilot) -> None:
        assert not pilot.app.screen.query("#delete")
        await pilot.press("ctrl+r")  # disabled: nothing happens
        await pilot.pause()
        assert pilot.app.result is MISSING
        await pilot.press("escape")

    assert await _run(AnnotateDialog("x"), check) is None


@sync
async def test_custom_label_and_clearing_the_label() -> None:
    result = await _run(AnnotateDialog("Stella"), _choose_label("\x00custom"), *"ship", "ctrl+s")
    assert result.label == "SHIP"
    result = await _run(AnnotateDialog("Stella", label="ORG"), _choose_label(Select.NULL), "ctrl+s")
    assert result.label is None
    result = await _run(AnnotateDialog("Stella"), _choose_label("O"), "ctrl+s")
    assert result.label == "O"


@sync
async def test_bad_custom_label_shows_a_message_and_stays_open() -> None:
    async def check(pilot) -> None:
        message = str(pilot.app.screen.query_one("#annotate-message", Static).render())
        assert "not usable" in message
        assert pilot.app.result is MISSING
        await pilot.press("escape")

    result = await _run(AnnotateDialog("x"), _choose_label("\x00custom"), *"two words", "ctrl+s", check)
    assert result is None


@sync
async def test_markup_in_the_quote_is_shown_literally() -> None:
    async def check(pilot) -> None:
        shown = str(pilot.app.screen.query_one("#annotate-quote", Static).render())
        assert "[bold]x[/bold] [link=y]" in shown
        await pilot.press("escape")

    assert await _run(AnnotateDialog("[bold]x[/bold] [link=y]"), check) is None


def test_annotate_dialog_snapshot(snap_compare) -> None:
    dialog = AnnotateDialog(
        "the ministr spoke to the [council]", note="Check the minutes.", tags=("politics",),
        label="ORG", known_tags=["politics", "harbour"],
    )

    async def type_tag(pilot) -> None:
        await pilot.pause()
        pilot.app.screen.query_one("#annotate-tags", Input).focus()
        await pilot.press("end", *", ha")
        await pilot.pause()

    assert snap_compare(Host(dialog), terminal_size=(80, 30), run_before=type_tag)


# ------------------------------------------------------------------ label dialog
@pytest.mark.parametrize(
    "keys, expected",
    [
        (("p",), "PERSON"), (("2",), "PLACE"), (("o",), "ORG"), (("4",), "DATE"),
        (("x",), "O"), (("escape",), None), (("5",), "SHIP"),
        (("down", "enter"), "PLACE"),
        (("c", *"vessel-2", "enter"), "VESSEL-2"),
    ],
)
def test_label_keys(keys, expected) -> None:
    @sync
    async def run():
        return await _run(LabelDialog("Stella", custom_labels=["SHIP", "PERSON"]), *keys)

    assert run() == expected


@sync
async def test_label_custom_input_takes_letters_and_escape_backs_out() -> None:
    async def check(pilot) -> None:
        box = pilot.app.screen.query_one("#label-custom", Input)
        assert box.value == "pod"  # p, o, d typed, not picked
        assert pilot.app.result is MISSING
        await pilot.press("escape")  # leaves the input
        await pilot.pause()
        assert pilot.app.result is MISSING and not box.has_class("-shown")
        await pilot.press("d")

    assert await _run(LabelDialog("x", current="PLACE"), "c", *"pod", check) == "DATE"


@sync
async def test_label_custom_rejects_an_unusable_label() -> None:
    async def check(pilot) -> None:
        assert "not usable" in str(pilot.app.screen.query_one("#label-message", Static).render())
        await pilot.press("escape", "escape")

    assert await _run(LabelDialog("x"), "c", *"a b", "enter", check) is None


@sync
async def test_label_highlights_the_current_label() -> None:
    async def check(pilot) -> None:
        from textual.widgets import OptionList

        options = pilot.app.screen.query_one(OptionList)
        assert options.get_option_at_index(options.highlighted).id == "ORG"
        await pilot.press("enter")

    assert await _run(LabelDialog("x", current="ORG"), check) == "ORG"
