"""The suggestion menu for one suspected error (aspell check mode / vim ``z=`` keys).

It only asks: it dismisses with a :class:`MenuResult` saying what the person chose and
:class:`reader.ui.correction_actions.CorrectionController` performs it, so the menu can be
tested (and reused from the side panel or review mode) without a library.
Article text is shown through ``rich.text.Text`` and ``markup=False``: never parsed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Offset
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, OptionList, Static
from reader.ui.widgets.footer import ReaderFooter
from textual.widgets.option_list import Option

from reader.model import Finding

#: Suggestions shown (one per digit key).
MAX_SUGGESTIONS = 9


class MenuAction(StrEnum):
    """What the person chose in the menu."""

    PICK = "pick"  # a listed suggestion
    CUSTOM = "custom"  # text typed after ``e``
    IGNORE_ONCE = "ignore_once"  # ``i``: dismiss this finding here
    IGNORE_ALL = "ignore_all"  # ``I``: add the word to the personal dictionary
    ACCEPT_ARTICLE = "accept_article"  # ``A``: accept the word in this article
    REPLACE_ARTICLE = "replace_article"  # ``r``: every occurrence in this article
    REPLACE_LIBRARY = "replace_library"  # ``R``: every occurrence in the library (confirm first)
    CANCEL = "cancel"  # ``esc``


@dataclass(frozen=True, slots=True)
class MenuResult:
    """The menu's answer; ``replacement`` is set for pick, custom and the replace actions."""

    action: MenuAction
    replacement: str = ""

    @property
    def changes_text(self) -> bool:
        return self.action in (MenuAction.PICK, MenuAction.CUSTOM,
                               MenuAction.REPLACE_ARTICLE, MenuAction.REPLACE_LIBRARY)


CANCELLED = MenuResult(MenuAction.CANCEL)


def menu_suggestions(finding: Finding, suggestions: Sequence[str] | None = None) -> list[str]:
    """Distinct suggestions other than the flagged text itself, at most nine."""
    seen: dict[str, None] = {}
    for s in finding.suggestions if suggestions is None else suggestions:
        if s and s != finding.text:
            seen.setdefault(s, None)
    return list(seen)[:MAX_SUGGESTIONS]


#: What the personal dictionary holds: one word (letters, digits, inner apostrophes,
#: hyphens or dots). A spacing, grammar or repetition finding spans several words or
#: punctuation, and adding that to the dictionary would hide nothing the person meant.
DICTIONARY_WORD = re.compile(r"\w+(?:['’.\-]\w+)*")


def is_dictionary_word(text: str) -> bool:
    return DICTIONARY_WORD.fullmatch(text) is not None


def why(finding: Finding) -> str:
    """The kind, and the rule and confidence when the analysis gave them."""
    parts = [finding.kind]
    rule = getattr(finding, "rule", None)
    if rule:
        parts.append(str(rule))
    confidence = getattr(finding, "confidence", None)
    if isinstance(confidence, (int, float)):
        parts.append(f"confidence {confidence:.0%}" if confidence <= 1 else f"confidence {confidence}")
    return " · ".join(parts)


def _line(s: str) -> str:
    """Article text on one line (a finding may span a line break)."""
    return s.replace("\r", " ").replace("\n", "⏎")


#: The one-line key help inside the menu.
KEY_HELP = "1-9 pick · e edit · i ignore here · I dictionary\nA accept in article · r/R replace all · esc close"


class SuggestionMenu(ModalScreen[MenuResult]):
    """``SuggestionMenu(finding, suggestions=None, *, position_hint=None)``.

    ``position_hint`` is the screen offset of the flagged word: the menu opens just below
    it (above it near the bottom); without one it is centred.
    """

    DEFAULT_CSS = """
    SuggestionMenu { align: center middle; background: $background 30%; }
    SuggestionMenu.-hinted { align: left top; }
    SuggestionMenu > #menu {
        width: 56; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    SuggestionMenu #menu-word { height: auto; text-style: bold; }
    SuggestionMenu #menu-message { height: auto; color: $foreground-muted; }
    SuggestionMenu #menu-list { height: auto; max-height: 11; border: none; padding: 0; background: $surface; }
    SuggestionMenu #menu-empty { height: auto; color: $foreground-muted; text-style: italic; }
    SuggestionMenu #menu-input { display: none; border: tall $accent; }
    SuggestionMenu.-editing #menu-input { display: block; }
    SuggestionMenu.-editing #menu-list { display: none; }
    SuggestionMenu #menu-keys { height: auto; color: $foreground-muted; border-top: solid $primary 50%; }
    """

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("1", "pick(0)", "Pick", id="menu-pick", key_display="1-9",
                tooltip="Replace the word with the numbered suggestion"),
        *[Binding(str(n), f"pick({n - 1})", f"Pick {n}", id=f"menu-pick-{n}", show=False)
          for n in range(2, 10)],
        Binding("e", "edit", "Edit", id="menu-edit", tooltip="Type your own replacement"),
        Binding("i", "choose('ignore_once')", "Ignore", id="menu-ignore", tooltip="Ignore here only"),
        Binding("I", "choose('ignore_all')", "Dictionary", id="menu-dictionary",
                tooltip="Ignore everywhere: add to the personal dictionary"),
        Binding("A", "choose('accept_article')", "Accept", id="menu-accept",
                tooltip="Accept this word everywhere in this article"),
        Binding("r", "replace('replace_article')", "All here", id="menu-replace-article",
                tooltip="Replace every occurrence in this article"),
        Binding("R", "replace('replace_library')", "All library", id="menu-replace-library",
                tooltip="Replace every occurrence in the library (asks first)"),
        Binding("escape", "leave", "Close", id="menu-close", tooltip="Close (in the editor: back to the list)"),
    ]

    def __init__(self, finding: Finding, suggestions: Sequence[str] | None = None, *,
                 position_hint: Offset | tuple[int, int] | None = None) -> None:
        super().__init__()
        self.finding = finding
        self.suggestions = menu_suggestions(finding, suggestions)
        self.position_hint = Offset(*position_hint) if position_hint is not None else None
        #: what enter in the input does: custom, or a replace-all chosen with no suggestion
        self._input_action = MenuAction.CUSTOM

    # ------------------------------------------------------------------ building
    def compose(self) -> ComposeResult:
        f = self.finding
        with Vertical(id="menu"):
            head = Text(_line(f.text), style="bold")
            head.append(f"  {why(f)}", style="italic dim")
            yield Static(head, id="menu-word", markup=False)
            if f.message:
                yield Static(Text(_line(f.message)), id="menu-message", markup=False)
            options = []
            for n, s in enumerate(self.suggestions, 1):
                prompt = Text(f"{n} ", style="bold")
                prompt.append(_line(s))
                options.append(Option(prompt, id=f"s{n}"))
            yield OptionList(*options, id="menu-list", markup=False)
            if not self.suggestions:
                yield Static(Text("no suggestions: e to type one"), id="menu-empty", markup=False)
            yield Input(id="menu-input", placeholder="replacement (enter: apply, esc: back)",
                        select_on_focus=False)
            keys = KEY_HELP if is_dictionary_word(f.text) else KEY_HELP.replace(" · I dictionary", "")
            yield Static(Text(keys), id="menu-keys", markup=False)
        yield ReaderFooter()

    def on_mount(self) -> None:
        options = self.query_one("#menu-list", OptionList)
        if self.suggestions:
            options.highlighted = 0
        options.focus()
        if self.position_hint is not None:
            self.add_class("-hinted")
            self.call_after_refresh(self._place)

    def _place(self) -> None:
        """Put the menu under the word (above it near the bottom), inside the screen and
        clear of the Footer; again whenever its height changes (the edit field)."""
        menu = self.query_one("#menu")
        hint = self.position_hint
        if hint is None:
            return
        width, height = menu.outer_size
        sw = self.size.width
        sh = self.query_one(Footer).region.y or self.size.height  # rows above the Footer
        x = max(0, min(hint.x, sw - width))
        y = hint.y + 1 if hint.y + 1 + height <= sh else hint.y - height
        menu.styles.offset = (x, max(0, min(y, sh - height)))

    def on_resize(self) -> None:
        if self.position_hint is not None:
            self.call_after_refresh(self._place)

    # ------------------------------------------------------------------ state
    @property
    def editing(self) -> bool:
        return self.has_class("-editing")

    def chosen(self) -> str | None:
        """The highlighted suggestion (the top one unless arrows moved)."""
        if not self.suggestions:
            return None
        index = self.query_one("#menu-list", OptionList).highlighted
        return self.suggestions[index if index is not None else 0]

    def _open_input(self, action: MenuAction, value: str) -> None:
        self._input_action = action
        self.add_class("-editing")
        if self.position_hint is not None:
            self.call_after_refresh(self._place)  # one row taller: keep it inside
        box = self.query_one("#menu-input", Input)
        box.value = value
        box.focus()
        # selected, as in a spell checker's change field: typing replaces the offered
        # word, an arrow key keeps it and edits it (the selection must be made after
        # focus, which would otherwise move the cursor to the end)
        self.call_after_refresh(box.select_all)

    # ------------------------------------------------------------------ actions
    def action_pick(self, index: int) -> None:
        if index < len(self.suggestions):
            self.dismiss(MenuResult(MenuAction.PICK, self.suggestions[index]))
        else:
            self.app.bell()

    def action_edit(self) -> None:
        self._open_input(MenuAction.CUSTOM, self.chosen() or self.finding.text)

    def action_choose(self, action: str) -> None:
        self.dismiss(MenuResult(MenuAction(action)))

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """``I`` only for a single word: disabled (shown dimmed) for a phrase or spacing."""
        if action == "choose" and parameters == ("ignore_all",) and not is_dictionary_word(self.finding.text):
            return None
        return True

    def action_replace(self, action: str) -> None:
        """Replace all with the chosen suggestion; with none, ask for the text first."""
        chosen = self.chosen()
        if chosen is None:
            self._open_input(MenuAction(action), self.finding.text)
        else:
            self.dismiss(MenuResult(MenuAction(action), chosen))

    def action_leave(self) -> None:
        if self.editing:
            self.remove_class("-editing")
            self.query_one("#menu-list", OptionList).focus()
            if self.position_hint is not None:
                self.call_after_refresh(self._place)
        else:
            self.dismiss(CANCELLED)

    @on(OptionList.OptionSelected, "#menu-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(MenuResult(MenuAction.PICK, self.suggestions[event.option_index]))

    @on(Input.Submitted, "#menu-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value or self._input_action is MenuAction.CUSTOM:  # empty custom: delete the text
            self.dismiss(MenuResult(self._input_action, event.value))
        else:
            self.app.bell()
