"""Asks before a library-wide replacement: how many places in how many articles, y/n.

Dismisses with ``True`` only when the person says yes and there is something to replace.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from reader.corrections import quote
from reader.wording import counted

#: Articles listed by name before "and N more".
MAX_LISTED = 8


def occurrence_summary(occurrences: Mapping[str, int]) -> str:
    """``"5 places in 2 articles"`` (singular forms where they apply)."""
    places = sum(occurrences.values())
    articles = sum(1 for n in occurrences.values() if n)
    return f"{counted(places, 'place')} in {counted(articles, 'article')}"


class ReplaceAllConfirm(ModalScreen[bool]):
    """``ReplaceAllConfirm(word, replacement, occurrences)``; ``occurrences`` maps an
    article title to how many occurrences it has."""

    DEFAULT_CSS = """
    ReplaceAllConfirm { align: center middle; }
    ReplaceAllConfirm > Vertical {
        width: 72; max-width: 100%; height: auto; border: round $warning; background: $surface; padding: 1 2;
    }
    ReplaceAllConfirm #replace-list { height: auto; color: $foreground-muted; margin-top: 1; }
    ReplaceAllConfirm Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    ReplaceAllConfirm Button { margin-left: 2; }
    """

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("y", "answer(True)", "Replace", id="replace-yes"),
        Binding("n,escape", "answer(False)", "Cancel", id="replace-no"),
    ]

    def __init__(self, word: str, replacement: str, occurrences: Mapping[str, int]) -> None:
        super().__init__()
        self.word = word
        self.replacement = replacement
        self.occurrences = {title: n for title, n in occurrences.items() if n}

    @property
    def total(self) -> int:
        return sum(self.occurrences.values())

    def compose(self) -> ComposeResult:
        with Vertical():
            question = Text("Replace ", style="bold")
            question.append(quote(self.word))
            question.append(" with ", style="bold")
            question.append(quote(self.replacement))
            question.append("?", style="bold")
            yield Static(question, id="replace-question", markup=False)
            if self.total:
                yield Static(Text(occurrence_summary(self.occurrences) + " in the library."),
                             id="replace-summary", markup=False)
                listed = sorted(self.occurrences.items(), key=lambda kv: (-kv[1], kv[0]))
                lines = Text()
                for title, n in listed[:MAX_LISTED]:
                    lines.append(f"{n:>5}  ", style="bold")
                    lines.append(title.replace("\n", " "))
                    lines.append("\n")
                if len(listed) > MAX_LISTED:
                    lines.append(f"       and {len(listed) - MAX_LISTED} more articles\n")
                lines.rstrip()
                yield Static(lines, id="replace-list", markup=False)
            else:
                yield Static(Text("No occurrences to replace."), id="replace-summary", markup=False)
            with Horizontal():
                yield Button("No (n)", id="no")
                if self.total:
                    yield Button("Yes (y)", id="yes", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_answer(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(bool(yes and self.total))
