"""Label a span as an entity by one key (``l`` in the reading view).

Dismisses with the label (``PERSON``, ``PLACE``, ``ORG``, ``DATE``, a custom label, or
:data:`reader.annotating.NO_ENTITY` "O" meaning "not an entity", which removes a wrong
detected entity) or ``None`` when cancelled.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.annotating import NO_ENTITY, normalise_label
from reader.errors import ReaderError
from reader.ui.dialogs.annotate import quote_text

#: (key, digit, label) of the standard labels, in the order shown.
STANDARD_KEYS: tuple[tuple[str, str, str], ...] = (
    ("p", "1", "PERSON"), ("l", "2", "PLACE"), ("o", "3", "ORG"), ("d", "4", "DATE"),
)
#: Digits for custom labels already used (after the four standard ones).
CUSTOM_DIGITS = "56789"
CUSTOM_OPTION, REMOVE_OPTION = "\x00custom", "\x00remove"


def _row(key: str, name: str, note: str = "", current: bool = False) -> Text:
    out = Text(no_wrap=True, overflow="ellipsis")
    out.append(f" {key:>4} ", style="bold")
    out.append(name)  # custom labels came from records: appended literally
    if note:
        out.append(f"  {note}", style="dim")
    if current:
        out.append("  (current)", style="italic")
    return out


class LabelDialog(ModalScreen[str | None]):
    """``LabelDialog(quote, current=None, custom_labels=())``."""

    DEFAULT_CSS = """
    LabelDialog { align: center middle; }
    LabelDialog > #label-box {
        width: 56; max-width: 95%; height: auto; max-height: 95%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    LabelDialog #label-quote { height: auto; max-height: 3; color: $foreground-muted; margin-bottom: 1; }
    LabelDialog OptionList { height: auto; max-height: 14; border: none; }
    LabelDialog #label-custom { display: none; }
    LabelDialog #label-custom.-shown { display: block; }
    LabelDialog #label-message { height: auto; color: $error; }
    """

    BINDINGS: ClassVar[list[Binding]] = [
        *(Binding(f"{key},{digit}", f"pick('{label}')", label.title(), id=f"label-{label.lower()}",
                  tooltip=f"Label the span {label}") for key, digit, label in STANDARD_KEYS),
        *(Binding(d, f"pick_custom({i})", show=False, id=f"label-custom-{i}") for i, d in enumerate(CUSTOM_DIGITS)),
        Binding("c", "custom", "Custom", id="label-custom", tooltip="Type a label of your own"),
        Binding("x", "pick('O')", "Not an entity", id="label-remove",
                tooltip="Mark the span as no entity (removes a wrong detected one)"),
        Binding("escape", "cancel", "Cancel", id="label-cancel", tooltip="Close without labelling"),
    ]

    def __init__(self, quote: str, current: str | None = None, custom_labels: Sequence[str] = ()) -> None:
        super().__init__()
        self.quote = quote
        self.current = current
        standard = {label for _, _, label in STANDARD_KEYS}
        self.custom_labels = [c for c in dict.fromkeys(custom_labels) if c not in standard and c != NO_ENTITY]
        self.custom_labels = self.custom_labels[: len(CUSTOM_DIGITS)]

    def compose(self) -> ComposeResult:
        with Vertical(id="label-box") as box:
            box.border_title = "Entity label"
            yield Static(quote_text(self.quote, 200), id="label-quote")
            options = [Option(_row(f"{k}/{d}", label, current=label == self.current), id=label)
                       for k, d, label in STANDARD_KEYS]
            options += [Option(_row(d, label, current=label == self.current), id=label)
                        for d, label in zip(CUSTOM_DIGITS, self.custom_labels)]
            options.append(Option(_row("c", "custom…", "type a label"), id=CUSTOM_OPTION))
            options.append(Option(_row("x", "not an entity", "removes a detected entity",
                                       current=self.current == NO_ENTITY), id=REMOVE_OPTION))
            yield OptionList(*options, id="label-options")
            yield Input(placeholder="custom label, e.g. SHIP; enter saves", id="label-custom")
            yield Static(Text(""), id="label-message")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        if self.current:
            target = REMOVE_OPTION if self.current == NO_ENTITY else self.current
            try:
                options.highlighted = options.get_option_index(target)
            except Exception:  # a custom current label beyond the shown ones
                options.highlighted = 0
        else:
            options.highlighted = 0

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # while typing a custom label, letters and digits go to the input
        if action != "cancel" and isinstance(self.focused, Input):
            return False
        return True

    def action_pick(self, label: str) -> None:
        self.dismiss(label)

    def action_pick_custom(self, index: int) -> None:
        if index < len(self.custom_labels):
            self.dismiss(self.custom_labels[index])

    def action_custom(self) -> None:
        box = self.query_one("#label-custom", Input)
        box.add_class("-shown")
        box.focus()

    def action_cancel(self) -> None:
        box = self.query_one("#label-custom", Input)
        if box.has_class("-shown") and self.focused is box:
            box.remove_class("-shown")  # first escape leaves the custom input
            self.query_one(OptionList).focus()
            return
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#label-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id
        if choice == CUSTOM_OPTION:
            self.action_custom()
        elif choice == REMOVE_OPTION:
            self.dismiss(NO_ENTITY)
        elif choice:
            self.dismiss(choice)

    @on(Input.Submitted, "#label-custom")
    def _custom_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            label = normalise_label(event.value)
        except ReaderError as exc:
            self.query_one("#label-message", Static).update(Text(exc.message))
            return
        if label is None:
            self.query_one("#label-message", Static).update(Text("type a label, or escape"))
            return
        self.dismiss(label)
