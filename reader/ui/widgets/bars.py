"""One-row bars of the reading view: the legend of highlight styles and the status line.

Both render :class:`rich.text.Text` built with ``append`` (never markup), because parts of
what they show — finding messages, suggestions — quote article text.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from reader.kinds import legend_label
from reader.ui.document import ANNOTATIONS, ENTITIES, ERRORS
from reader.ui.theme_vars import ALL_KEYS, ENTITY_KEYS, FINDING_KEYS, component_css


def key_label(key: str) -> str:
    """``reader-person`` -> ``PERSON``, ``reader-misspelling`` -> ``spelling`` (the
    registry's legend labels)."""
    return legend_label(key)


class Legend(Widget):
    """Each highlight kind written in its own style; layers that are off are struck out."""

    COMPONENT_CLASSES = set(ALL_KEYS) | {"reader-other", "legend--off"}
    DEFAULT_CSS = component_css("Legend") + "\nLegend > .legend--off { color: $text-disabled; text-style: strike; }"

    hidden_layers: reactive[frozenset[str]] = reactive(frozenset())

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.refresh()

    def render(self) -> Text:
        out = Text(no_wrap=True, overflow="ellipsis")
        groups = (
            (ENTITIES, "1·names", ENTITY_KEYS),
            (ERRORS, "2·errors", FINDING_KEYS),
            (ANNOTATIONS, "3·notes", ("reader-annotation",)),
        )
        for i, (layer, title, keys) in enumerate(groups):
            off = layer in self.hidden_layers
            if i:
                out.append("  ")
            out.append(f"{title}:", style=self.get_component_rich_style("legend--off") if off else "")
            for key in keys:
                out.append(" ")
                style = self.get_component_rich_style("legend--off" if off else key)
                out.append(key_label(key), style=style)
        return out


class StatusLine(Widget):
    """Position, counts and the current finding's message and suggestions."""

    percent: reactive[float] = reactive(0.0)
    counts: reactive[str] = reactive("")
    message: reactive[tuple[str, str]] = reactive(("", ""))

    def render(self) -> Text:
        out = Text(no_wrap=True, overflow="ellipsis")
        out.append(f"{self.percent:5.1f}%", style="bold")
        if self.counts:
            out.append("  ")
            out.append(self.counts)
        head, detail = self.message
        if head:
            out.append("  │ ")
            out.append(head, style="bold")
            if detail:
                out.append("  ")
                out.append(detail)
        return out
