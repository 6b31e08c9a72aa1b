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

from array import array
from bisect import bisect_right
from collections import OrderedDict

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.ui.document import Document
from reader.ui.layout import Blocks, Layout, _special_chars, block_spans, row_count
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

#: The current finding/match/word's style key, and what undoes its reverse.
CURSOR_KEY = "reader-cursor"
_UNREVERSE = Style(reverse=False)

#: Default readable width in cells.
DEFAULT_WRAP = 88


def _common_prefix(a: str, b: str) -> int:
    """Length of the common prefix (bisection over slice comparisons: C-speed memcmp)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str, limit: int) -> int:
    lo, hi = 0, limit
    la, lb = len(a), len(b)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[la - mid : la - lo] == b[lb - mid : lb - lo]:
            lo = mid
        else:
            hi = mid - 1
    return lo


class EditedLayout(Layout):
    """A layout derived from the previous one after an edit inside one block (a
    correction): only that block is re-wrapped and the row prefix sums shifted, instead
    of re-wrapping the whole article (tens of milliseconds for a long one)."""

    def __init__(self, old: Layout, text: str, blocks: Blocks, block: int) -> None:  # noqa: D107
        self.text = text
        self.blocks = blocks
        self.width = old.width
        rows = blocks.gap[block] + row_count(text, blocks.starts[block], blocks.ends[block], self.width, blocks)
        delta = rows - (old.block_first_row[block + 1] - old.block_first_row[block])
        first = old.block_first_row
        if delta:
            self.block_first_row = first[: block + 1] + array("q", (x + delta for x in first[block + 1 :]))
        else:
            self.block_first_row = array("q", first)
        self.total_rows = self.block_first_row[-1]
        self.row_delta = delta
        self.edited_block = block
        self._cache = OrderedDict((k, v) for k, v in old._cache.items() if k < block)


def edited_layout(layout: Layout, old: str, new: str) -> EditedLayout | None:
    """``layout`` updated for ``new`` when the edit from ``old`` stays inside one block
    and adds no newline or new wide character; ``None`` means lay out afresh."""
    p = _common_prefix(old, new)
    s = _common_suffix(old, new, min(len(old), len(new)) - p)
    old_end, new_end = len(old) - s, len(new) - s
    removed, added = old[p:old_end], new[p:new_end]
    if "\n" in removed or "\n" in added:
        return None
    blocks = layout.blocks
    b = bisect_right(blocks.starts, p) - 1
    if b < 0 or old_end > blocks.ends[b] or p > blocks.ends[b]:
        return None
    widths = _special_chars(added)
    if widths and (blocks.widths is None or any(ch not in blocks.widths for ch in widths)):
        return None
    delta = len(new) - len(old)
    starts, ends = blocks.starts, blocks.ends
    if delta:
        new_starts = starts[: b + 1] + array("q", (x + delta for x in starts[b + 1 :]))
        new_ends = ends[:b] + array("q", (x + delta for x in ends[b:]))
    else:
        new_starts, new_ends = starts, ends
    if not new[new_starts[b] : new_ends[b]].strip():  # the block was emptied: blocks change
        return None
    new_blocks = Blocks(new_starts, new_ends, blocks.gap, blocks.special, blocks.widths)
    return EditedLayout(layout, new, new_blocks, b)


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """Soft-wrapped, highlighted article text with a stable text-offset position.

    It has no key bindings of its own (not even the scroll view's arrows): the reading
    screen binds every key, so ``left``/``right`` can move the word cursor."""

    COMPONENT_CLASSES = set(ALL_KEYS) | {"reader-other"}

    DEFAULT_CSS = "ArticleView { background: $surface; color: $foreground; overflow-x: hidden; scrollbar-gutter: stable; }\n" + component_css("ArticleView")

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
        self._painted_width = 0  # the widget width the cached rows were drawn for

    # ------------------------------------------------------------------ document
    def set_document(self, document: Document, *, offset: int = 0) -> None:
        """Show another text (new blocks, new layout); ``offset`` goes to the top."""
        self.document = document
        self._blocks = block_spans(document.text)
        self._layout = None
        self._anchor = offset
        self._relayout()

    def replace_text(self, document: Document, *, top: int | None = None) -> int | None:
        """Show an edited version of the current text (a correction applied or undone):
        re-wrap only the edited block when the edit stays inside one, keep the rows above
        it cached and the same text at the top of the screen (or ``top``, an offset into
        the new text, e.g. when switching between original and corrected).

        Returns the start of the edited block when only it was re-wrapped (rows above it
        are untouched), ``None`` after a full layout."""
        old_text = self.document.text
        layout = self._layout
        self.document = document
        if layout is None:
            self._blocks = block_spans(document.text)
            self._anchor = top if top is not None else self._anchor
            self._relayout()
            return None
        edited = edited_layout(layout, old_text, document.text) if top is None else None
        if edited is None:
            top = self.top_offset if top is None else top
            self._blocks = block_spans(document.text)
            self._layout = None
            self._anchor = min(top, len(document.text))
            self._relayout()
            return None
        self._blocks = edited.blocks
        self._layout = edited
        first = edited.block_first_row[edited.edited_block]
        # rows below the block show the same things when it kept its number of rows
        last = edited.block_first_row[edited.edited_block + 1] if not edited.row_delta else edited.total_rows
        for row in [r for r in self._strips if first <= r < last]:
            del self._strips[row]
        if edited.row_delta:
            top = round(self.scroll_y)
            self.virtual_size = Size(self.row_width, edited.total_rows)
            if first < top:
                self.scroll_to(y=top + edited.row_delta, animate=False, immediate=True)
        self.refresh()
        return edited.blocks.starts[edited.edited_block]

    def offset_at(self, x: int, y: int) -> int | None:
        """The text offset under widget cell ``(x, y)`` (a click); ``None`` off the text."""
        layout = self._layout
        if layout is None:
            return None
        info = layout.row_info(round(self.scroll_y) + y)
        if info is None:
            return None
        _block, start, end = info
        col = x - self.margin
        text = self.document.text
        pos = start
        while pos < end and col > 0:
            col -= get_character_cell_size(text[pos])
            if col < 0:
                break
            pos += 1
        return pos

    class Pointer(Message):
        """The mouse pressed (``drag`` False) or dragged to text ``offset``."""

        def __init__(self, offset: int, drag: bool) -> None:
            super().__init__()
            self.offset = offset
            self.drag = drag

    def on_mouse_down(self, event) -> None:
        offset = self.offset_at(event.x, event.y)
        if offset is None:
            return
        self._dragging = True
        self.capture_mouse()
        self.post_message(self.Pointer(offset, False))

    def on_mouse_move(self, event) -> None:
        if not getattr(self, "_dragging", False):
            return
        offset = self.offset_at(event.x, max(0, min(event.y, self.size.height - 1)))
        if offset is not None:
            self.post_message(self.Pointer(offset, True))

    def on_mouse_up(self, _event) -> None:
        if getattr(self, "_dragging", False):
            self._dragging = False
            self.release_mouse()

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

    @property
    def row_width(self) -> int:
        """Cells a row is drawn over: the width inside any vertical scrollbar."""
        return self.scrollable_content_region.width or self.size.width

    @property
    def margin(self) -> int:
        """Blank cells left of the text (the text column is centred)."""
        layout = self._layout
        return max(1, (self.row_width - layout.width) // 2) if layout is not None else 1

    def _text_width(self) -> int:
        avail = self.scrollable_content_region.width or self.size.width
        return max(8, min(self.wrap_width, avail - 2))

    def _relayout(self) -> None:
        if not self.size.width:
            return
        width = self._text_width()
        if self._layout is not None and self._layout.width == width and self._layout.text is self.document.text:
            # same rows, but the view itself may be narrower or wider (the side panel, a
            # terminal resize within the wrap width): cached rows carry the old centring
            # margin and the old virtual width would show a horizontal scrollbar
            if self._painted_width != self.row_width or self.virtual_size.width != self.row_width:
                self._painted_width = self.row_width
                self._strips.clear()
                self.virtual_size = Size(self.row_width, self._layout.total_rows)
                self.refresh()
            return
        self._painted_width = self.row_width
        if self._layout is not None and not self._anchor_pending:
            self._anchor = self.top_offset
        self._layout = Layout(self.document.text, self._blocks, width)
        self._strips.clear()
        self.virtual_size = Size(self.row_width, self._layout.total_rows)
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
        """Styles may have changed (a theme, or only focus moving back from a dialog):
        check on the next paint whether the cached rows still have the right colours."""
        super().notify_style_update()
        self._style_check = True

    def _style_signature(self) -> tuple:
        return (self.rich_style, *(self.get_component_rich_style(k, partial=True) for k in sorted(self.COMPONENT_CLASSES)))

    def _check_styles(self) -> None:
        """Drop the cached rows only if a style they use really changed: closing a dialog
        refocuses the view, which must not cost a repaint of every row after each
        correction (about a millisecond to compare, against ~0.3 ms per row to paint)."""
        self._style_check = False
        signature = self._style_signature()
        if signature != getattr(self, "_signature", None):
            self._signature = signature
            self._styles.clear()
            self._strips.clear()

    def _style(self, key: str) -> Style:
        style = self._styles.get(key)
        if style is None:
            name = key if key in self.COMPONENT_CLASSES else "reader-other"
            style = self._styles[key] = self.get_component_rich_style(name, partial=True)
        return style

    def render_line(self, y: int) -> Strip:
        if getattr(self, "_style_check", True):
            self._check_styles()
        row = round(self.scroll_y) + y
        width = self.row_width
        if width != self._painted_width:  # a scrollbar came or went, or the view resized
            self._painted_width = width
            self._strips.clear()
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
        width = self.row_width
        if layout is None:
            return Strip.blank(width, base)
        info = layout.row_info(row)
        if info is None:
            return Strip.blank(width, base)
        _block, start, end = info
        text = self.document.text
        while end > start and text[end - 1] in " \t":
            end -= 1
        margin = self.margin
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
                        extra = self._style(s.key)
                        if s.key == CURSOR_KEY and style.reverse:
                            # the cursor is drawn reversed; on a kind already drawn
                            # reversed (spacing, ocr…) it is the un-reversed look that
                            # stands out
                            extra = extra + _UNREVERSE
                        style = style + extra
                segments.append(Segment(text[a:b].translate(SAFE), style))
        return Strip(segments)
