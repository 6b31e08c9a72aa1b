"""Export from the app (``x``): a dialog to pick format, folder and options, and
:func:`run_export`, which shows it and writes the files the way ``reader export`` does.

Rendering, file naming, the refusal to overwrite and the atomic writes are
:mod:`reader.export.run`'s; this module only asks the person and reports back. The export
runs in a worker (the first one loads the analysis lexicons, ~0.3 s); a clash with existing
files asks before replacing them.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, RadioButton, RadioSet, Static

from reader.errors import ReaderError
from reader.export import FORMATS, ExportOptions
from reader.export.document import inert
from reader.ui.dialogs.add_files import PathSuggester, complete_path
from reader.wording import counted

#: How many titles/paths a message lists before "…".
_LISTED = 4


@dataclass(frozen=True)
class ExportRequest:
    """What the person asked for: a format name (a key of :data:`reader.export.FORMATS`),
    an absolute folder, the format's options, and whether existing files may be replaced."""

    format: str
    folder: Path
    options: ExportOptions
    force: bool


def _one_line(title: str, limit: int = 60) -> str:
    s = " ".join(inert(title).split()) or "Untitled"
    return s if len(s) <= limit else s[: limit - 1] + "\u2026"


class FormatChoice(RadioSet, inherit_bindings=False):
    """The formats; arrows move *and* choose (a radio group), enter is left to the dialog."""

    BINDINGS = [
        Binding("down,right", "step(1)", "Next format", show=False),
        Binding("up,left", "step(-1)", "Previous format", show=False),
        Binding("space", "toggle_button", "Choose", show=False),
    ]

    def action_step(self, direction: int) -> None:
        buttons = list(self.query(RadioButton))
        current = self.pressed_index if self.pressed_index >= 0 else 0
        buttons[(current + direction) % len(buttons)].value = True


class OptionTick(Checkbox, inherit_bindings=False):
    """A checkbox toggled by space only, so enter exports from anywhere in the dialog."""

    BINDINGS = [Binding("space", "toggle_button", "Toggle", show=False)]


class FolderInput(Input):
    """The folder box: tab accepts the path completion, else moves on as usual."""

    BINDINGS = [Binding("tab", "complete_or_next", "Complete", show=False)]

    def action_complete_or_next(self) -> None:
        suggestion = complete_path(self.value) if self.cursor_position == len(self.value) else None
        if suggestion:
            self.value = suggestion
            self.cursor_position = len(suggestion)
        else:
            self.screen.focus_next()


class ExportDialog(ModalScreen[ExportRequest | None]):
    """``ExportDialog(titles, default_dir=..., last_format=...)``: dismisses with an
    :class:`ExportRequest`, or ``None`` when cancelled. Keys 1-7 pick a format (when the
    folder box is not focused), enter or ctrl+s exports, escape cancels."""

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > #export-box {
        width: 84; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    ExportDialog .export-heading { margin-top: 1; text-style: bold; }
    ExportDialog #export-title { margin-top: 0; }
    /* fixed sizes whether focused or not, so nothing moves when focus does */
    ExportDialog RadioSet, ExportDialog RadioSet:focus { width: 100%; height: auto; border: none; padding: 0; }
    ExportDialog Checkbox, ExportDialog Checkbox:focus { border: none; padding: 0; height: 1; }
    ExportDialog #export-options { height: auto; margin-top: 1; }
    ExportDialog #export-message { color: $foreground-muted; height: auto; }
    ExportDialog #export-message.-error { color: $error; }
    ExportDialog #export-buttons { height: auto; align-horizontal: right; margin-top: 1; }
    ExportDialog Button { margin-left: 2; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("enter,ctrl+s", "export", "Export", id="export"),
        *(Binding(str(n), f"pick({n - 1})", f"Format {n}", show=False) for n in range(1, len(FORMATS) + 1)),
    ]

    def __init__(self, titles: list[str], *, default_dir: Path, last_format: str | None) -> None:
        super().__init__()
        self.titles = list(titles)
        self.default_dir = Path(default_dir)
        self.initial_format = last_format if last_format in FORMATS else next(iter(FORMATS))

    def compose(self) -> ComposeResult:
        if len(self.titles) == 1:
            heading = Text.assemble("Export \u201c", (_one_line(self.titles[0]), "bold"), "\u201d")
        else:
            shown = ", ".join(_one_line(t, 30) for t in self.titles[:_LISTED])
            more = "\u2026" if len(self.titles) > _LISTED else ""
            heading = Text.assemble(("Export ", "bold"), (counted(len(self.titles), 'article'), "bold"), f": {shown}{more}")
        box = VerticalScroll(id="export-box")
        box.can_focus = False  # scrolls on a small terminal; not a tab stop of its own
        with box:
            yield Static(heading, classes="export-heading", id="export-title")
            yield Static(Text(f"Format (1-{len(FORMATS)})"), classes="export-heading")
            with FormatChoice(id="export-format"):
                for n, fmt in enumerate(FORMATS.values(), start=1):
                    label = Text.assemble((f"{n} ", "dim"), (f"{fmt.name:<7}", "bold"), fmt.description)
                    yield RadioButton(label, name=fmt.name)  # pressed in on_mount, so the cursor follows
            yield Static(Text("Folder"), classes="export-heading")
            yield FolderInput(str(self.default_dir), placeholder="a folder (created if missing)",
                               suggester=PathSuggester(), id="export-folder")
            with Vertical(id="export-options"):
                yield OptionTick(Text("appendix of entities and corrections (md)"), id="export-appendix")
                yield OptionTick(Text("highlights only, Readwise/Zotero style (md)"), id="export-highlights")
                yield OptionTick(Text("overwrite existing files"), id="export-force")
            yield Static(Text(f"1-{len(FORMATS)} format \u00b7 tab completes \u00b7 enter/ctrl+s exports \u00b7 esc cancels"),
                         id="export-message")
            with Horizontal(id="export-buttons"):
                yield Button("Cancel", id="cancel", compact=True)
                yield Button("Export", id="export", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.action_pick(list(FORMATS).index(self.initial_format))
        self.query_one("#export-format", FormatChoice).focus()
        self._show_options()

    # ------------------------------------------------------------------ state
    @property
    def chosen_format(self) -> str:
        pressed = self.query_one("#export-format", FormatChoice).pressed_button
        return pressed.name if pressed is not None and pressed.name else self.initial_format

    def _show_options(self) -> None:
        md = self.chosen_format == "md"
        highlights = self.query_one("#export-highlights", Checkbox)
        appendix = self.query_one("#export-appendix", Checkbox)
        highlights.display = md
        appendix.display = md
        appendix.disabled = highlights.value  # a highlights list has no appendix

    @on(RadioSet.Changed)
    def _format_changed(self) -> None:
        self._show_options()

    @on(Checkbox.Changed, "#export-highlights")
    def _highlights_changed(self) -> None:
        self._show_options()

    def _say(self, message: str, *, error: bool = False) -> None:
        box = self.query_one("#export-message", Static)
        box.update(Text(message))
        box.set_class(error, "-error")

    # ------------------------------------------------------------------ actions
    def action_pick(self, index: int) -> None:
        buttons = list(self.query(RadioButton))
        if 0 <= index < len(buttons):
            buttons[index].value = True

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_export(self) -> None:
        request = self.request()
        if request is not None:
            self.dismiss(request)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "cancel":
            self.action_cancel()
        else:
            self.action_export()

    @on(Input.Submitted, "#export-folder")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def request(self) -> ExportRequest | None:
        """The request the dialog's fields describe, or ``None`` (with a message) if the
        folder cannot be used."""
        raw = self.query_one("#export-folder", Input).value.strip()
        if not raw:
            self._say("type a folder to export to", error=True)
            return None
        folder = Path(os.path.abspath(os.path.expanduser(raw)))
        if folder.exists() and not folder.is_dir():
            self._say(f"{folder} is a file, not a folder", error=True)
            return None
        fmt = self.chosen_format
        md = fmt == "md"
        highlights = md and self.query_one("#export-highlights", Checkbox).value
        appendix = md and not highlights and self.query_one("#export-appendix", Checkbox).value
        return ExportRequest(
            format=fmt,
            folder=folder,
            options=ExportOptions(appendix=appendix, highlights_only=highlights),
            force=self.query_one("#export-force", Checkbox).value,
        )


# ---------------------------------------------------------------------- running it
def run_export(app, article_ids: list[str]) -> None:
    """Ask how to export ``article_ids`` and do it; everything is reported by notifications.

    ``app`` needs a ``library`` (:class:`reader.store.Library`). Returns at once: the dialog
    and the export run on the app's event loop and a worker thread.
    """
    ids = list(dict.fromkeys(article_ids))
    if not ids:
        app.notify("no article to export", severity="warning", markup=False)
        return
    lib = app.library
    try:
        titles = [lib.get_info(i).title for i in ids]
        from reader.settings import Settings

        last_dir, last_format = Settings(lib).export_dir, Settings(lib).export_format
    except ReaderError as exc:
        app.notify(exc.message, severity="error", markup=False)
        return

    def chosen(request: ExportRequest | None) -> None:
        if request is not None:
            app.run_worker(perform_export(app, ids, request), group="export", exit_on_error=False)

    dialog = ExportDialog(titles, default_dir=_default_dir(last_dir),
                          last_format=last_format if isinstance(last_format, str) else None)
    app.push_screen(dialog, chosen)


def _default_dir(remembered) -> Path:
    """The folder last exported to, else the documented exports folder (created on export)."""
    if isinstance(remembered, str) and remembered:
        return Path(remembered)
    from reader.paths import default_export_dir

    return default_export_dir()


async def perform_export(app, ids: list[str], request: ExportRequest) -> list[Path]:
    """Render, check for clashes (asking before overwriting), write; notify the outcome and
    remember folder and format. Returns the written paths (empty if nothing was written).
    Must run in a worker of ``app`` (it may wait for a confirmation dialog)."""
    from reader.export import get_format
    from reader.export.run import check_options, existing_files, plan_files, render_articles

    lib = app.library
    try:
        fmt = get_format(request.format)
        check_options(fmt, request.options)
        if len(ids) > 5:
            app.notify(f"exporting {counted(len(ids), 'article')}\u2026", timeout=2, markup=False)
        outputs = await asyncio.to_thread(render_articles, lib, ids, fmt, request.options)
        plan = plan_files(fmt, outputs, request.folder)
        clashes = await asyncio.to_thread(existing_files, plan)
        if clashes and not request.force:
            from reader.ui.dialogs.confirm import ConfirmDialog

            question = f"Overwrite {counted(len(clashes), 'existing file')}?"
            yes = await app.push_screen(ConfirmDialog(question, _listing(clashes)), wait_for_dismiss=True)
            if not yes:
                app.notify(
                    f"nothing exported: {_listing(clashes)} already exists "
                    "(tick \u201coverwrite existing files\u201d, or answer y, to replace)",
                    severity="warning", timeout=8, markup=False,
                )
                return []
        written = await asyncio.to_thread(_write_confirmed, plan, request.folder, clashes, request.force)
    except ReaderError as exc:
        app.notify(f"export failed: {exc.message}", severity="error", timeout=8, markup=False)
        return []
    except OSError as exc:  # e.g. a folder we may not even look into
        app.notify(f"export failed: {exc.strerror or exc}", severity="error", timeout=8, markup=False)
        return []
    try:
        from reader.settings import Settings

        Settings(lib).set_export(str(request.folder), request.format)
    except ReaderError as exc:
        app.notify(f"could not remember the export folder: {exc.message}", severity="warning", markup=False)
    app.notify(_written_message(written, request.folder), timeout=6, markup=False)
    return written


def _write_confirmed(plan, folder: Path, confirmed: list[Path], force: bool) -> list[Path]:
    """Write, replacing only the files the person agreed to replace (a file that appeared
    since the question is still refused)."""
    from reader.export.run import ExistingFilesError, existing_files, write_files

    if not force:
        unexpected = [p for p in existing_files(plan) if p not in confirmed]
        if unexpected:
            raise ExistingFilesError(unexpected, "tick \u201coverwrite existing files\u201d to replace")
    return write_files(plan, folder, force=True)


def _listing(paths: list[Path]) -> str:
    shown = ", ".join(str(p) for p in paths[:_LISTED])
    return shown + (f" and {len(paths) - _LISTED} more" if len(paths) > _LISTED else "")


def _written_message(written: list[Path], folder: Path) -> str:
    if len(written) == 1:
        return f"exported {written[0]}"
    names = ", ".join(p.name for p in written[:_LISTED]) + ("\u2026" if len(written) > _LISTED else "")
    return f"exported {counted(len(written), 'file')} to {folder}: {names}"
