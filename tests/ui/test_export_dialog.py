"""The export dialog and run_export, on a small host app with a library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Checkbox, Input, RadioSet

from reader.export import ExportOptions
from reader.ui.dialogs.confirm import ConfirmDialog
from reader.ui.dialogs.export import ExportDialog, ExportRequest, run_export
from reader.ui.theme_vars import DEFAULTS
from tests.ui.conftest import sync, wait_until

TEXT = "Harbour talks\n\nFishermen in Aldmouth waited on Monday while the minister spoke.\n"


@pytest.fixture(autouse=True)
def _work_in_tmp(tmp_path, monkeypatch) -> None:
    """The dialog defaults to the working folder: never let a test write into the repo."""
    monkeypatch.chdir(tmp_path)


class Host(App):
    """Just enough of ReaderApp: a library, the reader theme variables, notifications kept."""

    def __init__(self, library) -> None:
        super().__init__()
        self.library = library
        self.notes: list[tuple[str, str]] = []
        self.results: list = []

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **DEFAULTS}

    def notify(self, message, *args, **kwargs) -> None:
        assert kwargs.get("markup") is False  # paths and titles are never markup
        self.notes.append((kwargs.get("severity", "information"), message))
        super().notify(message, *args, **kwargs)


def _add(library, tmp_path, title, text=TEXT, name="a.txt") -> str:
    return library.add_article(text, title=title, source=str(tmp_path / name)).info.id


async def _open(app, pilot, ids) -> ExportDialog:
    run_export(app, ids)
    await wait_until(pilot, lambda: isinstance(app.screen, ExportDialog) and app.screen.query("#export-format"))
    await pilot.pause()
    return app.screen


async def _click(pilot, selector: str) -> None:
    await pilot.pause()  # let a layout change (md options shown or hidden) settle first
    await pilot.click(selector)
    await pilot.pause()


async def _set_folder(pilot, dialog, folder: Path) -> None:
    box = dialog.query_one("#export-folder", Input)
    box.value = str(folder)
    dialog.query_one(RadioSet).focus()
    await pilot.pause()


@sync
async def test_pick_a_format_by_key_and_export_into_the_folder(library, tmp_path) -> None:
    aid = _add(library, tmp_path, "Harbour talks")
    out = tmp_path / "out"
    app = Host(library)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await _open(app, pilot, [aid])
        assert dialog.chosen_format == "md"  # nothing remembered yet
        await _set_folder(pilot, dialog, out)
        await pilot.press("4")  # txt
        assert dialog.chosen_format == "txt"
        assert not dialog.query_one("#export-appendix", Checkbox).display  # md options hidden
        await pilot.press("enter")
        await wait_until(pilot, lambda: (out / "Harbour talks.txt").exists() and app.notes)
        assert (out / "Harbour talks.txt").read_text() == TEXT
        assert app.notes[-1] == ("information", f"exported {out / 'Harbour talks.txt'}")
        assert library.get_setting("export_dir") == str(out)
        assert library.get_setting("export_format") == "txt"
        # the next export starts from what was remembered
        dialog = await _open(app, pilot, [aid])
        assert dialog.chosen_format == "txt"
        assert dialog.query_one("#export-folder", Input).value == str(out)
        await pilot.press("escape")


@sync
async def test_md_options_reach_the_export(library, tmp_path) -> None:
    aid = _add(library, tmp_path, "Harbour talks")
    out = tmp_path / "md"
    app = Host(library)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await _open(app, pilot, [aid])
        await _set_folder(pilot, dialog, out)
        await pilot.press("1")
        await _click(pilot, "#export-highlights")
        assert dialog.query_one("#export-appendix", Checkbox).disabled
        await _click(pilot, "#export-appendix")  # disabled: a highlights list has no appendix
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: (out / "Harbour talks.md").exists() and app.notes)
        assert "## Highlights" in (out / "Harbour talks.md").read_text()


@sync
async def test_the_dialog_returns_a_typed_request(library, tmp_path) -> None:
    app = Host(library)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = ExportDialog(["A", "B"], default_dir=tmp_path, last_format="html")
        app.push_screen(dialog, app.results.append)
        await pilot.pause()
        assert dialog.chosen_format == "html"
        await pilot.press("down")  # arrows move and choose
        assert dialog.chosen_format == "json"
        await pilot.press("1")
        await _click(pilot, "#export-appendix")
        await _click(pilot, "#export-force")
        await _click(pilot, "#export-folder")
        await pilot.press("end", "/", "s", "u", "b", "1")  # digits type into the folder box
        assert dialog.chosen_format == "md"
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.results)
    assert app.results == [ExportRequest("md", tmp_path / "sub1", ExportOptions(appendix=True), True)]


@sync
async def test_cancel_writes_nothing(library, tmp_path) -> None:
    aid = _add(library, tmp_path, "Harbour talks")
    out = tmp_path / "out"
    app = Host(library)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await _open(app, pilot, [aid])
        await _set_folder(pilot, dialog, out)
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, ExportDialog))
        await pilot.pause(0.2)
    assert not out.exists()
    assert library.get_setting("export_dir") is None


@sync
async def test_a_clash_without_overwrite_asks_and_writes_nothing_on_no(library, tmp_path) -> None:
    aid = _add(library, tmp_path, "Harbour talks")
    out = tmp_path / "out"
    out.mkdir()
    mine = out / "Harbour talks.json"
    mine.write_text("my own file")
    app = Host(library)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await _open(app, pilot, [aid])
        await _set_folder(pilot, dialog, out)
        await pilot.press("3", "enter")  # json
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("n")
        await wait_until(pilot, lambda: app.notes)
        severity, message = app.notes[-1]
        assert severity == "warning" and str(mine) in message and "overwrite" in message
        assert mine.read_text() == "my own file"
        assert sorted(p.name for p in out.iterdir()) == [mine.name]
        # the same again, answering yes, replaces it
        dialog = await _open(app, pilot, [aid])
        from reader.paths import default_export_dir

        # nothing remembered after "no": the documented exports folder, not the working folder
        assert dialog.query_one("#export-folder", Input).value == str(default_export_dir()) != str(tmp_path)
        await _set_folder(pilot, dialog, out)
        await pilot.press("3", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_until(pilot, lambda: app.notes[-1][1].startswith("exported"))
    assert json.loads(mine.read_text())["type"] == "AnnotationCollection"


@sync
async def test_overwrite_ticked_replaces_without_asking(library, tmp_path) -> None:
    aid = _add(library, tmp_path, "Harbour talks")
    out = tmp_path / "out"
    out.mkdir()
    (out / "Harbour talks.txt").write_text("old")
    app = Host(library)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await _open(app, pilot, [aid])
        await _set_folder(pilot, dialog, out)
        await pilot.press("4")
        await _click(pilot, "#export-force")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.notes)
        assert not isinstance(app.screen, ConfirmDialog)
    assert (out / "Harbour talks.txt").read_text() == TEXT


@sync
async def test_a_hostile_title_stays_inside_the_folder(library, tmp_path) -> None:
    aid = _add(library, tmp_path, "../../x")
    out = tmp_path / "a" / "b"
    app = Host(library)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await _open(app, pilot, [aid])
        await _set_folder(pilot, dialog, out)
        await pilot.press("6", "enter")  # brat: two files
        await wait_until(pilot, lambda: app.notes)
    assert sorted(p.name for p in out.iterdir()) == ["x.brat.ann", "x.brat.txt"]
    # "../../x" from out would land in tmp_path; other tests own tmp_path.parent
    assert [p for p in tmp_path.rglob("x.brat.*") if p.parent != out] == []
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["b"]


@sync
async def test_several_articles_and_errors_become_notifications(library, tmp_path) -> None:
    ids = [_add(library, tmp_path, f"Story {i}", f"Story {i}\n\nText {i}.\n", f"{i}.txt") for i in range(3)]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    app = Host(library)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await _open(app, pilot, ids)
        assert "3 articles" in str(dialog.query_one("#export-title").render())
        # a file given as the folder: the dialog says so and stays open
        await _set_folder(pilot, dialog, blocker)
        await pilot.press("enter")
        assert isinstance(app.screen, ExportDialog)
        assert "not a folder" in str(dialog.query_one("#export-message").render())
        # a folder that cannot be created: an error notification, no crash
        await _set_folder(pilot, dialog, blocker / "sub")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.notes)
        assert app.notes[-1][0] == "error" and "cannot create" in app.notes[-1][1]
        # jsonl of several articles: one file
        dialog = await _open(app, pilot, ids)
        await _set_folder(pilot, dialog, tmp_path / "all")
        await pilot.press("7", "enter")
        await wait_until(pilot, lambda: (tmp_path / "all" / "articles.jsonl").exists())
    lines = (tmp_path / "all" / "articles.jsonl").read_text().splitlines()
    assert [json.loads(line)["id"] for line in lines] == ids


@sync
async def test_unknown_ids_and_empty_selections_only_notify(library) -> None:
    app = Host(library)
    async with app.run_test(size=(100, 40)) as pilot:
        run_export(app, [])
        run_export(app, ["nope"])
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    assert [s for s, _ in app.notes] == ["warning", "error"]


@sync
async def test_tab_completes_the_folder(library, tmp_path) -> None:
    (tmp_path / "exports-here").mkdir()
    app = Host(library)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = ExportDialog(["A"], default_dir=tmp_path / "exp", last_format=None)
        app.push_screen(dialog)
        await pilot.pause()
        await _click(pilot, "#export-folder")
        await pilot.press("end", "tab")
        box = dialog.query_one("#export-folder", Input)
        assert box.value == str(tmp_path / "exports-here") + "/"
        await pilot.press("tab")  # nothing more to complete: focus moves on
        assert not box.has_focus


@sync
async def test_titles_are_shown_literally(library, tmp_path) -> None:
    app = Host(library)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = ExportDialog(["[bold red]x[/] \x1b[2J"], default_dir=tmp_path, last_format=None)
        app.push_screen(dialog)
        await pilot.pause()
        shown = str(dialog.query_one("#export-title").render())
    assert "[bold red]x[/]" in shown and "\x1b" not in shown and "\u241b[2J" in shown


def test_only_the_files_agreed_to_are_replaced(tmp_path) -> None:
    """A file that appears while the person is answering the question is still refused."""
    from reader.export.run import ExistingFilesError
    from reader.ui.dialogs.export import _write_confirmed

    agreed, late = tmp_path / "a.txt", tmp_path / "b.txt"
    agreed.write_text("old a")
    late.write_text("old b")
    plan = [(agreed, "new a"), (late, "new b")]
    with pytest.raises(ExistingFilesError, match="overwrite existing files"):
        _write_confirmed(plan, tmp_path, [agreed], force=False)
    assert agreed.read_text() == "old a" and late.read_text() == "old b"
    assert _write_confirmed(plan, tmp_path, [agreed, late], force=False) == [agreed, late]
    assert late.read_text() == "new b"
