"""The annotate dialog: a note, comma-separated tags completing from tags already used, and
an optional entity label. Dismisses with an :class:`AnnotateResult` (``action`` "save" or,
when editing, "delete") or ``None`` when cancelled.

The quoted span is article text: it is shown as a rich ``Text`` (never parsed as markup).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Select, Static, TextArea

from reader.annotating import NO_ENTITY, STANDARD_LABELS, AnnotateResult, normalise_label, normalise_tags
from reader.errors import ReaderError

#: Select values that are not labels themselves.
CUSTOM = "\x00custom"
QUOTE_LIMIT = 300


def complete_last_tag(value: str, known: Sequence[str]) -> str | None:
    """``value`` with its last comma-separated item completed from ``known`` (in order,
    case-insensitive), or ``None``. What was typed is kept as typed; only the rest of the
    tag is appended, so the Input can show it as a suggestion."""
    head, sep, last = value.rpartition(",")
    typed = last.lstrip().lstrip("#")
    if not typed:
        return None
    already = {t.strip().lstrip("#").casefold() for t in head.split(",")} if sep else set()
    folded = typed.casefold()
    for tag in known:
        if tag.casefold().startswith(folded) and len(tag) > len(typed) and tag.casefold() not in already:
            return value + tag[len(typed):]
    return None


class TagSuggester(Suggester):
    """Completes the last comma-separated tag from the tags already used."""

    def __init__(self, known: Iterable[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.known = list(known)

    async def get_suggestion(self, value: str) -> str | None:
        return complete_last_tag(value, self.known)


def quote_text(quote: str, limit: int = QUOTE_LIMIT) -> Text:
    """The quoted span as literal text, shortened in the middle when long."""
    if len(quote) > limit:
        quote = quote[: limit // 2] + " … " + quote[-limit // 2:]
    return Text("“" + quote + "”", style="italic")


def label_options(known_labels: Sequence[str], current: str | None) -> list[tuple[str, str]]:
    """(prompt, value) pairs for the label Select: known labels, the current one if custom,
    "not an entity", then "custom…"."""
    labels = list(dict.fromkeys([*known_labels, *([current] if current and current != NO_ENTITY else [])]))
    opts = [(label, label) for label in labels if label != NO_ENTITY]
    opts.append(("not an entity (O)", NO_ENTITY))
    opts.append(("custom…", CUSTOM))
    return opts


class AnnotateDialog(ModalScreen[AnnotateResult | None]):
    """``AnnotateDialog(quote, note=, tags=, label=, known_tags=, known_labels=, editing=)``.

    ``editing`` (default: true when a note, tags or label is given) adds the delete button
    and ``ctrl+r``.
    """

    DEFAULT_CSS = """
    AnnotateDialog { align: center middle; }
    AnnotateDialog > #annotate-box {
        width: 72; max-width: 95%; height: auto; max-height: 95%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    AnnotateDialog #annotate-quote { height: auto; max-height: 4; color: $foreground-muted; margin-bottom: 1; }
    AnnotateDialog .field-label { height: 1; color: $foreground-muted; }
    AnnotateDialog #annotate-note { height: 6; }
    AnnotateDialog #annotate-custom { display: none; }
    AnnotateDialog #annotate-custom.-shown { display: block; }
    AnnotateDialog #annotate-message { height: auto; color: $error; display: none; }
    AnnotateDialog #annotate-message.-shown { display: block; }
    AnnotateDialog #annotate-buttons { height: auto; align-horizontal: right; margin-top: 1; }
    AnnotateDialog #annotate-buttons Button { margin-left: 2; }
    """

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("ctrl+s", "save", "Save", id="annotate-save", priority=True,
                tooltip="Save the note, tags and label"),
        Binding("escape", "cancel", "Cancel", id="annotate-cancel", tooltip="Close without saving"),
        Binding("ctrl+r", "delete", "Delete", id="annotate-delete", priority=True,
                tooltip="Delete this annotation (undoable)"),
        Binding("tab", "complete_or_next", "Complete", id="annotate-complete", show=False, priority=True,
                tooltip="Accept the tag completion, else move to the next field"),
    ]

    def __init__(
        self,
        quote: str,
        *,
        note: str = "",
        tags: Sequence[str] = (),
        label: str | None = None,
        known_tags: Sequence[str] = (),
        known_labels: Sequence[str] = STANDARD_LABELS,
        editing: bool | None = None,
    ) -> None:
        super().__init__()
        self.quote = quote
        self.note = note
        self.tags = tuple(tags)
        self.label = label
        self.known_tags = list(known_tags)
        self.known_labels = list(known_labels)
        self.editing = bool(note or tags or label) if editing is None else editing

    def compose(self) -> ComposeResult:
        with Vertical(id="annotate-box") as box:
            box.border_title = "Edit annotation" if self.editing else "Annotate"
            yield Static(quote_text(self.quote), id="annotate-quote")
            yield Static(Text("Note"), classes="field-label")
            yield TextArea(self.note, id="annotate-note", soft_wrap=True, show_line_numbers=False,
                           tab_behavior="focus")
            yield Static(Text("Tags (comma-separated; tab completes)"), classes="field-label")
            yield Input(", ".join(self.tags), placeholder="e.g. history, to-check",
                        suggester=TagSuggester(self.known_tags), id="annotate-tags")
            yield Static(Text("Entity label"), classes="field-label")
            yield Select(label_options(self.known_labels, self.label), prompt="no entity label",
                         allow_blank=True, value=self.label if self.label else Select.NULL,
                         id="annotate-label")
            yield Input(placeholder="custom label, e.g. SHIP", id="annotate-custom")
            yield Static(Text(""), id="annotate-message")
            with Horizontal(id="annotate-buttons"):
                if self.editing:
                    yield Button("Delete (ctrl+r)", id="delete", variant="error")
                yield Button("Cancel (esc)", id="cancel")
                yield Button("Save (ctrl+s)", id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#annotate-note", TextArea).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "delete" and not self.editing:
            return False
        return True

    # ------------------------------------------------------------------ label choice
    @on(Select.Changed, "#annotate-label")
    def _label_changed(self, event: Select.Changed) -> None:
        custom = self.query_one("#annotate-custom", Input)
        custom.set_class(event.value == CUSTOM, "-shown")
        if event.value == CUSTOM:
            custom.focus()

    def chosen_label(self) -> str | None:
        """The label picked (normalised); raises ReaderError for an unusable custom label."""
        value = self.query_one("#annotate-label", Select).value
        if value is Select.NULL:
            return None
        if value == CUSTOM:
            typed = self.query_one("#annotate-custom", Input).value
            if not typed.strip():
                raise ReaderError("type the custom label, or pick another")
            return normalise_label(typed)
        return normalise_label(str(value))

    def result(self) -> AnnotateResult:
        return AnnotateResult(
            "save",
            note=self.query_one("#annotate-note", TextArea).text,
            tags=normalise_tags([self.query_one("#annotate-tags", Input).value]),
            label=self.chosen_label(),
        )

    # ------------------------------------------------------------------ actions
    def action_save(self) -> None:
        try:
            result = self.result()
        except ReaderError as exc:
            message = self.query_one("#annotate-message", Static)
            message.update(Text(exc.message))
            message.add_class("-shown")
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_delete(self) -> None:
        if self.editing:
            self.dismiss(AnnotateResult("delete", self.note, self.tags, self.label))

    def action_complete_or_next(self) -> None:
        tags = self.query_one("#annotate-tags", Input)
        if self.focused is tags:
            completed = complete_last_tag(tags.value, self.known_tags)
            if completed and tags.cursor_position == len(tags.value):
                tags.value = completed
                tags.cursor_position = len(completed)
                return
        self.focus_next()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        {"save": self.action_save, "cancel": self.action_cancel, "delete": self.action_delete}[
            event.button.id or "cancel"
        ]()
