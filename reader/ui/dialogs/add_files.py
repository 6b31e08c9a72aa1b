"""Add files: a path input with completion (tab or → accepts); imports in a worker with
:func:`reader.importing.import_items` (the one import path, also the CLI's), which posts
an :class:`AddFilesDialog.Imported` message back. Dismisses with the number of articles
added."""

from __future__ import annotations

import os

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Static

from reader.errors import ReaderError
from reader.wording import counted


#: Choices listed under the path box when tab cannot pick one.
MAX_CHOICES = 12


def path_completion(value: str) -> tuple[str | None, list[str]]:
    """What tab does with ``value``: ``(completed, choices)``.

    One matching name: the whole of it (folders end with ``/``). Several: as far as they
    agree (the shell's rule), and when that adds nothing, ``completed`` is ``None`` and
    ``choices`` lists them (folders with ``/``), so a choice is never made silently.
    """
    if not value:
        return None, []
    expanded = os.path.expanduser(value)
    folder, prefix = os.path.split(expanded)
    base = folder or "."
    try:
        names = sorted(n for n in os.listdir(base)
                       if n.startswith(prefix) and not (n.startswith(".") and not prefix.startswith(".")))
    except OSError:
        return None, []

    def shown(name: str) -> str:
        return name + os.sep if os.path.isdir(os.path.join(base, name)) else name

    if not names:
        return None, []
    if len(names) == 1:
        full = os.path.join(folder, shown(names[0]))
        # keep what the person typed (e.g. a leading ~) and append the rest
        return (value + full[len(expanded):] if full != expanded else None), []
    common = os.path.commonprefix(names)
    if len(common) > len(prefix):
        return value + common[len(prefix):], []
    return None, [shown(n) for n in names]


def complete_path(value: str) -> str | None:
    """The completion of ``value`` when it is unambiguous (or the part all matches share)."""
    return path_completion(value)[0]


class PathSuggester(Suggester):
    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value)


class AddFilesDialog(ModalScreen[int]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("tab", "accept_completion", "Complete", id="complete", show=False, priority=True),
    ]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Add files or folders (space-separated; folders are searched)", style="bold"))
            yield Input(placeholder="~/articles/ or a file path", suggester=PathSuggester(), id="add-path")
            yield Static(Text("tab completes · enter imports · escape cancels"), id="add-message", markup=False)
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Add", id="add", variant="primary")

    def action_cancel(self) -> None:
        self.dismiss(0)

    def action_accept_completion(self) -> None:
        """Tab: complete as far as the matches agree; list them when they part ways."""
        box = self.query_one(Input)
        completed, choices = path_completion(box.value)
        if completed:
            box.value = completed
            box.cursor_position = len(completed)
            self._say("tab completes · enter imports · escape cancels")
        elif choices:
            listed = "  ".join(choices[:MAX_CHOICES])
            more = f"  … {len(choices) - MAX_CHOICES} more" if len(choices) > MAX_CHOICES else ""
            self._say(f"{counted(len(choices), 'match')}: {listed}{more} — type more, then tab")
        else:
            self.app.bell()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.dismiss(0)
        else:
            self.start_import(self.query_one(Input).value)

    @on(Input.Submitted, "#add-path")
    def _submitted(self, event: Input.Submitted) -> None:
        self.start_import(event.value)

    def start_import(self, value: str) -> None:
        paths = value.split()
        if not paths:
            self._say("type a path first")
            return
        self._say("importing…")
        self.import_paths(paths)

    def _say(self, message: str) -> None:
        self.query_one("#add-message", Static).update(Text(message))

    class Imported(Message):
        """The worker's result: articles added, duplicates, and problems (or the one
        reason nothing could be collected)."""

        def __init__(self, added: int, dupes: int, problems: list[str], failed: str | None = None) -> None:
            super().__init__()
            self.added, self.dupes, self.problems, self.failed = added, dupes, problems, failed

    @work(thread=True, exit_on_error=False, exclusive=True)
    def import_paths(self, paths: list[str]) -> None:
        from reader.importing import collect, import_items

        try:
            report = import_items(self.app.library, list(collect(paths)))
        except ReaderError as exc:
            self.post_message(self.Imported(0, 0, [], exc.message))
            return
        problems = [message for _, message in report.failures]
        self.post_message(self.Imported(report.count("added"), report.count("duplicate"), problems))

    def on_add_files_dialog_imported(self, message: Imported) -> None:
        if message.failed is not None:
            self._say(message.failed)
        else:
            self._finish(message.added, message.dupes, message.problems)

    def _finish(self, added: int, dupes: int, problems: list[str]) -> None:
        msg = f"added {counted(added, 'article')}"
        if dupes:
            msg += f", {dupes} already in the library"
        if problems:
            msg += f"; {len(problems)} skipped: {problems[0]}"
            self._say(msg)
            if not added:
                return
        self.app.notify(msg, timeout=4)
        self.dismiss(added)
