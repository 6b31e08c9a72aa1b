"""Every correction of an article at a glance: a compact list (line, old -> new), and the
unified diff of original against corrected text on a key.

Dismisses with the index of the correction chosen with enter (in ``compact_lines``
order, which is :func:`reader.corrections.compact_diff`'s) so the reading view can jump
to it, or ``None`` on escape. All text goes through ``rich.text.Text``: never markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from reader.ui.widgets.footer import ReaderFooter
from textual.widgets.option_list import Option

from reader.wording import counted

#: ``line 3: "old" -> "new"`` as made by compact_diff (JSON-quoted strings).
_COMPACT = re.compile(r'^(line \d+): ("(?:[^"\\]|\\.)*") -> ("(?:[^"\\]|\\.)*")$')

#: Fallback colours when the theme does not provide them (a host app without the theme).
_FALLBACK = {"error": "#ff5f5f", "success": "#5fd787", "accent": "#5fafff", "foreground-muted": "#8a8a8a"}


def compact_line(line: str, colours: dict[str, str] | None = None) -> Text:
    """One compact-diff line styled: line number dim, old red struck, new green."""
    c = {**_FALLBACK, **(colours or {})}
    m = _COMPACT.match(line)
    if m is None:
        return Text(line)
    out = Text(f"{m.group(1):>10}  ", style=c["foreground-muted"])
    out.append(m.group(2), style=f"{c['error']} strike")
    out.append(" → ")
    out.append(m.group(3), style=f"bold {c['success']}")
    return out


def changed_words(old: str, new: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character ranges of the words that differ between two versions of a line, on
    each side (word-level, so a change inside a long paragraph stands out)."""
    import difflib
    import re

    def tokens(s: str) -> list[tuple[int, int]]:
        return [m.span() for m in re.finditer(r"\w+|[^\w\s]", s)]

    a, b = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, [old[x:y] for x, y in a], [new[x:y] for x, y in b], autojunk=False)
    out_a: list[tuple[int, int]] = []
    out_b: list[tuple[int, int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if i2 > i1:
            out_a.append((a[i1][0], a[i2 - 1][1]))
        if j2 > j1:
            out_b.append((b[j1][0], b[j2 - 1][1]))
    return out_a, out_b


def diff_text(unified: str, colours: dict[str, str] | None = None) -> Text:
    """A unified diff with added/removed/hunk lines coloured and, inside a changed line,
    the changed words marked (``Text``, never markup)."""
    c = {**_FALLBACK, **(colours or {})}
    out = Text(no_wrap=False)
    lines = unified.splitlines()
    marks: dict[int, list[tuple[int, int]]] = {}
    i = 0
    while i < len(lines):  # pair each block of "-" lines with the "+" block after it
        if lines[i].startswith("-") and not lines[i].startswith("---"):
            j = i
            while j < len(lines) and lines[j].startswith("-") and not lines[j].startswith("---"):
                j += 1
            k = j
            while k < len(lines) and lines[k].startswith("+") and not lines[k].startswith("+++"):
                k += 1
            for n in range(min(j - i, k - j)):
                old_marks, new_marks = changed_words(lines[i + n][1:], lines[j + n][1:])
                marks[i + n] = [(x + 1, y + 1) for x, y in old_marks]
                marks[j + n] = [(x + 1, y + 1) for x, y in new_marks]
            i = k
        else:
            i += 1
    for index, line in enumerate(lines):
        if line.startswith(("+++", "---")):
            style = "bold"
        elif line.startswith("@@"):
            style = c["accent"]
        elif line.startswith("+"):
            style = c["success"]
        elif line.startswith("-"):
            style = c["error"]
        else:
            style = ""
        start = len(out)
        out.append(line + "\n", style=style)
        for x, y in marks.get(index, ()):
            out.stylize("bold reverse", start + x, start + y)
    out.rstrip()
    return out


class CorrectionsDiffScreen(ModalScreen[int | None]):
    """``CorrectionsDiffScreen(title, compact_lines, unified_diff_text)``."""

    DEFAULT_CSS = """
    CorrectionsDiffScreen { align: center middle; }
    CorrectionsDiffScreen > #diff-box {
        width: 90%; height: 85%; border: round $primary; background: $surface; padding: 0 1;
        border-title-style: bold;
    }
    CorrectionsDiffScreen #diff-summary { height: auto; color: $foreground-muted; }
    CorrectionsDiffScreen #diff-list { height: 1fr; border: none; background: $surface; }
    CorrectionsDiffScreen #diff-unified { height: 1fr; display: none; }
    CorrectionsDiffScreen.-unified #diff-unified { display: block; }
    CorrectionsDiffScreen.-unified #diff-list { display: none; }
    """

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("d", "toggle_unified", "Unified diff", id="diff-toggle",
                tooltip="Switch between the list of corrections and the unified diff"),
        Binding("escape,q", "close", "Close", id="diff-close"),
        Binding("j", "scroll(1)", "Down", id="diff-down", show=False),
        Binding("k", "scroll(-1)", "Up", id="diff-up", show=False),
    ]

    def __init__(self, title: str, compact_lines: Sequence[str], unified_diff_text: str) -> None:
        super().__init__()
        self.article_title = title
        self.compact_lines = list(compact_lines)
        self.unified_diff_text = unified_diff_text

    def _colours(self) -> dict[str, str]:
        try:
            variables = self.app.get_css_variables()
        except Exception:  # noqa: BLE001 - colours are cosmetic; fall back
            return {}
        return {k: variables[k] for k in _FALLBACK if k in variables}

    def compose(self) -> ComposeResult:
        colours = self._colours()
        box = Vertical(id="diff-box")
        box.border_title = Text(f"Corrections: {self.article_title}".replace("\n", " "))
        with box:
            n = len(self.compact_lines)
            summary = (f"{counted(n, 'correction')} · enter jumps · d unified diff · esc closes"
                       if n else "No corrections in this article.")
            yield Static(Text(summary), id="diff-summary", markup=False)
            yield OptionList(*[Option(compact_line(line, colours)) for line in self.compact_lines],
                             id="diff-list", markup=False)
            with VerticalScroll(id="diff-unified"):
                body = diff_text(self.unified_diff_text, colours) if self.unified_diff_text else Text("(no differences)")
                yield Static(body, id="diff-unified-text", markup=False)
        yield ReaderFooter()

    def on_mount(self) -> None:
        options = self.query_one("#diff-list", OptionList)
        if self.compact_lines:
            options.highlighted = 0
        options.focus()

    @property
    def showing_unified(self) -> bool:
        return self.has_class("-unified")

    def action_toggle_unified(self) -> None:
        self.toggle_class("-unified")
        target = "#diff-unified" if self.showing_unified else "#diff-list"
        self.query_one(target).focus()

    def action_scroll(self, lines: int) -> None:
        if self.showing_unified:
            self.query_one("#diff-unified", VerticalScroll).scroll_relative(y=lines, animate=False)
        else:
            options = self.query_one("#diff-list", OptionList)
            options.action_cursor_down() if lines > 0 else options.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#diff-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)
