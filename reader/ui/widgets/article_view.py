"""The reading view: a Line-API widget that paints a :class:`~reader.ui.document.Document`.

Only the rows on screen are ever rendered (``render_line``), so an article of any length
paints in constant time once :class:`~reader.ui.layout.Layout` has counted its rows.
Rendered rows sit in an LRU keyed by row; when a highlight layer changes, only the rows
covering the changed text range are dropped (:meth:`ArticleView.invalidate_range`).
Styles come from component classes named after the theme variables
(:mod:`reader.ui.theme_vars`), so a theme recolours everything and kinds keep their
underline/bold/italic/reverse without colour.
"""

from __future__ import annotations

from collections import OrderedDict

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.ui.document import Document
from reader.ui.layout import Layout, block_spans
from reader.ui.theme_vars import ALL_KEYS, component_css

def _safe_table() -> dict[int, str]:
    table = {c: chr(0x2400 + c) for c in range(0x20)}
    table[0x09] = " "
    table[0x7F] = "\u2421"
    for c in range(0x80, 0xA0):
        table[c] = "\ufffd"
    return table


#: Belt and braces: article text is sanitised at import, but nothing that reaches the
#: terminal from here may be a control character, whatever the text.
SAFE = _safe_table()

#: Default readable width in cells.
DEFAULT_WRAP = 88


class ArticleView(ScrollView, can_focus=True):
    """Soft-wrapped, highlighted article text with a stable text-offset position."""

    COMPONENT_CLASSES = set(ALL_KEYS) | {"reader-other"}

    DEFAULT_CSS = "ArticleView { background: $surface; color: $foreground; }\n" + component_css("ArticleView")

    wrap_width: reactive[int] = reactive(DEFAULT_WRAP)

    class Moved(Message):
        """The top of the view now shows text offset ``offset`` (``percent`` read)."""

        def __init__(self, view: ArticleView, offset: int, percent: float) -> None:
            super().__init__()
            self.view = view
            self.offset = offset
            self.percent = percent

    STRIP_CACHE = 512

    def __init__(self, document: Document | None = None, *, wrap_width: int = DEFAULT_WRAP, **kwargs) -> None:
        super().__init__(**kwargs)
        self.set_reactive(ArticleView.wrap_width, wrap_width)
        self.document = document or Document("")
        self._blocks = block_spans(self.document.text)
        self._layout: Layout | None = None
        self._strips: OrderedDict[int, Strip] = OrderedDict()
        self._styles: dict[str, Style] = {}
        self._anchor = 0  # text offset kept at the top across re-layouts
        self._anchor_pending = False

    # ------------------------------------------------------------------ document
    def set_document(self, document: Document, *, offset: int = 0) -> None:
        """Show another text (new blocks, new layout); ``offset`` goes to the top."""
        self.document = document
        self._blocks = block_spans(document.text)
        self._layout = None
        self._anchor = offset
        self._relayout()

    def invalidate_range(self, start: int, end: int) -> None:
        """Drop cached rows covering text ``[start, end)`` and repaint them."""
        layout = self._layout
        if layout is None:
            return
        first = layout.row_of_offset(start)
        last = layout.row_of_offset(max(start, end - 1))
        for row in [r for r in self._strips if first <= r <= last]:
            del self._strips[row]
        top = round(self.scroll_y)
        height = self.scrollable_content_region.height
        lo, hi = max(first, top), min(last, top + height - 1)
        if lo <= hi:
            self.refresh_lines(lo - top, hi - lo + 1)

    def layers_changed(self, changed: tuple[int, int] | None = None) -> None:
        """Repaint after a layer change (a range, or everything when ``None``)."""
        if changed is None:
            self._strips.clear()
            self.refresh()
        else:
            self.invalidate_range(*changed)

    # ------------------------------------------------------------------ geometry
    @property
    def layout_rows(self) -> Layout | None:
        return self._layout

    def _text_width(self) -> int:
        avail = self.scrollable_content_region.width or self.size.width
        return max(8, min(self.wrap_width, avail - 2))

    def _relayout(self) -> None:
        if not self.size.width:
            return
        width = self._text_width()
        if self._layout is not None and self._layout.width == width and self._layout.text is self.document.text:
            return
        if self._layout is not None and not self._anchor_pending:
            self._anchor = self.top_offset
        self._layout = Layout(self.document.text, self._blocks, width)
        self._strips.clear()
        self.virtual_size = Size(self.size.width, self._layout.total_rows)
        self._restore_anchor()
        if round(self.scroll_y) != self._layout.row_of_offset(self._anchor):
            # the new virtual size applies on the next refresh; scroll again after it
            self._anchor_pending = True
            self.call_after_refresh(self._restore_anchor)
        self.refresh()

    def _restore_anchor(self) -> None:
        if self._layout is not None:
            self.scroll_to(y=self._layout.row_of_offset(self._anchor), animate=False, immediate=True)
        self._anchor_pending = False
        if self._layout is not None:
            self.post_message(self.Moved(self, self.top_offset, self.percent))

    def on_resize(self) -> None:
        self._relayout()

    def watch_wrap_width(self) -> None:
        self._relayout()

    @property
    def top_offset(self) -> int:
        """Text offset of the first row on screen."""
        if self._layout is None or self._anchor_pending:
            return self._anchor
        return self._layout.offset_of_row(round(self.scroll_y))

    @property
    def percent(self) -> float:
        if self._layout is None or self._layout.total_rows <= self.size.height:
            return 100.0
        bottom = min(self._layout.total_rows, round(self.scroll_y) + self.size.height)
        return 100.0 * bottom / self._layout.total_rows

    def is_offset_visible(self, offset: int) -> bool:
        if self._layout is None:
            return False
        row = self._layout.row_of_offset(offset)
        top = round(self.scroll_y)
        return top <= row < top + self.scrollable_content_region.height

    def scroll_to_offset(self, offset: int, *, center: bool = True) -> None:
        """Bring ``offset`` on screen (centred if it was off screen)."""
        self._anchor = offset
        if self._layout is None:
            return
        if self.is_offset_visible(offset):
            return
        row = self._layout.row_of_offset(offset)
        if center:
            row -= self.scrollable_content_region.height // 3
        self.scroll_to(y=max(0, row), animate=False, immediate=True)

    def scroll_rows(self, delta: int) -> None:
        self.scroll_to(y=max(0, round(self.scroll_y) + delta), animate=False, immediate=True)

    def scroll_pages(self, pages: float) -> None:
        step = max(1, self.scrollable_content_region.height - 2)
        self.scroll_rows(round(step * pages))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self._layout is not None:
            self.post_message(self.Moved(self, self.top_offset, self.percent))

    # ------------------------------------------------------------------ painting
    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    def _style(self, key: str) -> Style:
        style = self._styles.get(key)
        if style is None:
            name = key if key in self.COMPONENT_CLASSES else "reader-other"
            style = self._styles[key] = self.get_component_rich_style(name, partial=True)
        return style

    def render_line(self, y: int) -> Strip:
        row = round(self.scroll_y) + y
        width = self.size.width
        strip = self._strips.get(row)
        if strip is None:
            strip = self._render_row(row)
            self._strips[row] = strip
            if len(self._strips) > self.STRIP_CACHE:
                self._strips.popitem(last=False)
        else:
            self._strips.move_to_end(row)
        return strip.adjust_cell_length(width, self.rich_style)

    def _render_row(self, row: int) -> Strip:
        base = self.rich_style
        layout = self._layout
        width = self.size.width
        if layout is None:
            return Strip.blank(width, base)
        info = layout.row_info(row)
        if info is None:
            return Strip.blank(width, base)
        _block, start, end = info
        text = self.document.text
        while end > start and text[end - 1] in " \t":
            end -= 1
        margin = max(1, (width - layout.width) // 2)
        segments = [Segment(" " * margin, base)]
        spans = self.document.spans_in(start, end) if end > start else []
        if not spans:
            segments.append(Segment(text[start:end].translate(SAFE), base))
        else:
            cuts = {start, end}
            for s in spans:
                cuts.add(max(start, s.start))
                cuts.add(min(end, s.end))
            points = sorted(cuts)
            for a, b in zip(points, points[1:]):
                if a == b:
                    continue
                style = base
                for s in spans:
                    if s.start < b and s.end > a:
                        style = style + self._style(s.key)
                segments.append(Segment(text[a:b].translate(SAFE), style))
        return Strip(segments)
