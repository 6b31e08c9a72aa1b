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


#: Short labels for a narrow terminal (the ``?`` screen and README spell them out).
SHORT_LABELS = {
    "reader-person": "PER", "reader-place": "PLC", "reader-org": "ORG", "reader-date": "DAT",
    "reader-misspelling": "spell", "reader-case": "case", "reader-spacing": "space",
    "reader-grammar": "gram", "reader-repetition": "rep", "reader-foreign": "for",
    "reader-ocr": "ocr", "reader-variant": "var", "reader-annotation": "note",
}

#: Layer, (title, short title), kinds; ``h`` in the reading view shows or hides them.
GROUPS = (
    (ENTITIES, ("names", ""), ENTITY_KEYS),
    (ERRORS, ("errors", ""), FINDING_KEYS),
    (ANNOTATIONS, ("notes", ""), ("reader-annotation",)),
)


class Legend(Widget):
    """Each highlight kind written in its own style; layers that are off are struck out.

    It never cuts a kind off: on a narrow terminal it uses short labels, then two rows."""

    COMPONENT_CLASSES = set(ALL_KEYS) | {"reader-other", "legend--off"}
    DEFAULT_CSS = component_css("Legend") + "\nLegend > .legend--off { color: $text-disabled; text-style: strike; }"

    hidden_layers: reactive[frozenset[str]] = reactive(frozenset())

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.refresh()

    def _group(self, layer: str, title: str, keys, short: bool) -> Text:
        off = layer in self.hidden_layers
        out = Text()
        if title:
            out.append(f"{title}:", style=self.get_component_rich_style("legend--off") if off else "")
        for i, key in enumerate(keys):
            if title or i:
                out.append(" ")
            style = self.get_component_rich_style("legend--off" if off else key)
            out.append(SHORT_LABELS[key] if short else key_label(key), style=style)
        return out

    def legend_text(self, width: int) -> Text:
        """The widest form that fits ``width`` cells: full labels, short labels, short
        group titles, else one group a row."""
        for short_labels, short_titles in ((False, False), (True, False), (True, True)):
            parts = [self._group(layer, titles[short_titles], keys, short_labels)
                     for layer, titles, keys in GROUPS]
            line = Text(" │ " if short_titles else "  ").join(parts)
            if line.cell_len <= width:
                return line
        return Text("\n").join(parts)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.legend_text(width).plain.split("\n"))

    def on_resize(self) -> None:
        self.refresh(layout=True)

    def render(self) -> Text:
        out = self.legend_text(self.content_region.width or self.size.width)
        out.no_wrap = True
        out.overflow = "ellipsis"
        return out


class StatusLine(Widget):
    """Position, counts and the current finding's message and suggestions."""

    percent: reactive[float] = reactive(0.0)
    counts: reactive[str] = reactive("")
    message: reactive[tuple[str, str]] = reactive(("", ""))
    #: What an action just did ("Replaced …", "Undid: …"), shown for a few seconds in
    #: place of the counts: a toast would cover this line and the next suggestion.
    flash: reactive[str] = reactive("")

    def render(self) -> Text:
        out = Text(no_wrap=True, overflow="ellipsis")
        out.append(f"{self.percent:5.1f}%", style="bold")
        head, detail = self.message
        width = self.content_region.width or self.size.width or 10_000
        message_len = len(head) + len(detail) + 6 if head else 0
        if self.flash:
            out.append("  ")
            out.append(self.flash, style="italic")
        elif self.counts and (not head or out.cell_len + 2 + len(self.counts) + message_len <= width):
            # the counts give way to the finding's message and suggestions on a narrow
            # terminal (the side panel and the library keep the counts)
            out.append("  ")
            out.append(self.counts)
        if head:
            out.append("  │ ")
            out.append(head, style="bold")
            if detail:
                out.append("  ")
                out.append(detail)
        return out
