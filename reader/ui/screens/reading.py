"""The reading screen: an article in :class:`ArticleView`, its legend, status line and
side panel. Text paints first; analysis runs in a worker thread and its highlights fill in
(chunk by chunk, with progress, for long articles)."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from reader.model import Analysis, Finding
from reader.ui.analysis_service import Progress
from reader.ui.document import (
    ANNOTATIONS, CURRENT, ENTITIES, ERRORS, SEARCH, Document, Span, SpanLayer,
    annotation_layer, entity_key, entity_layer, finding_key, finding_layer,
)
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.bars import Legend, StatusLine
from reader.ui.widgets.side_panel import SidePanel

#: Library setting holding the readable width (``+``/``-`` change it).
WRAP_SETTING = "wrap_width"

#: Most search matches highlighted at once (a one-letter query in a long book).
MAX_MATCHES = 50_000


class ReadingScreen(Screen):
    """Reads one article; position saved on leaving and restored on opening."""

    COMMAND_CATEGORY = "reading"
    BINDINGS: ClassVar[list[Binding]] = [
        Binding("j,down", "scroll(1)", "Line down", id="line-down", show=False),
        Binding("k,up", "scroll(-1)", "Line up", id="line-up", show=False),
        Binding("space,pagedown,f", "page(1)", "Page down", id="page-down", key_display="space"),
        Binding("b,pageup", "page(-1)", "Page up", id="page-up", key_display="b"),
        Binding("g,home", "top", "Top", id="top", show=False),
        Binding("G,end", "bottom", "Bottom", id="bottom", show=False),
        Binding("slash", "search", "Search", id="search", key_display="/"),
        Binding("n", "match(1)", "Next match", id="next-match", show=False),
        Binding("N", "match(-1)", "Previous match", id="previous-match", show=False),
        Binding("e", "finding(1)", "Next error", id="next-error"),
        Binding("E", "finding(-1)", "Previous error", id="previous-error", show=False),
        Binding("t", "entity(1)", "Next entity", id="next-entity"),
        Binding("T", "entity(-1)", "Previous entity", id="previous-entity", show=False),
        Binding("1", "toggle('entities')", "Toggle entities", id="toggle-entities", show=False),
        Binding("2", "toggle('errors')", "Toggle errors", id="toggle-errors", show=False),
        Binding("3", "toggle('annotations')", "Toggle annotations", id="toggle-annotations", show=False),
        Binding("tab", "panel", "Panel", id="panel", tooltip="Errors, entities and annotations; enter jumps"),
        Binding("plus", "wrap(8)", "Wider text", id="wider", show=False, key_display="+"),
        Binding("minus", "wrap(-8)", "Narrower text", id="narrower", show=False, key_display="-"),
        Binding("escape,q", "close", "Library", id="back", tooltip="Back to the library (position is saved)"),
    ]

    class Analysed(Message):
        def __init__(self, analysis: Analysis, final: bool, done: int = 0, total: int = 0) -> None:
            super().__init__()
            self.analysis = analysis
            self.final = final
            self.done = done
            self.total = total

    def __init__(self, article_id: str, *, offset: int | None = None) -> None:
        super().__init__()
        self.article_id = article_id
        self._start_offset = offset
        self.info = None
        self.analysis = Analysis()
        self._partial: list[Analysis] = []
        self._annotations = []
        self._matches: list[int] = []
        self._match_len = 0
        self._saved = False
        self._view: ArticleView | None = None

    # ------------------------------------------------------------------ building
    def compose(self) -> ComposeResult:
        yield Header()
        yield Legend()
        yield Static(id="progress")
        with Horizontal(id="body"):
            yield ArticleView(id="view")
            yield SidePanel(id="panel")
        yield Input(placeholder="search (enter: find, escape: cancel)", id="search-bar")
        yield StatusLine()
        yield Footer()

    @property
    def view(self) -> ArticleView:
        if self._view is None:
            self._view = self.query_one(ArticleView)
        return self._view

    @property
    def library(self):
        return self.app.library

    def on_mount(self) -> None:
        lib = self.library
        self.info = lib.get_info(self.article_id)
        self.title = self.info.title
        from reader.ui.rows import source_label

        self.sub_title = source_label(self.info)
        text = lib.get_text(self.article_id)
        self._annotations = lib.annotations(self.article_id)
        state = lib.get_state(self.article_id)
        offset = self._start_offset if self._start_offset is not None else int(state.get("position", 0) or 0)
        doc = Document(text)
        doc.set_layer(annotation_layer(self._annotations))
        cached = self.app.analysis.cached(self.info.sha256)
        if cached is not None:
            self.analysis = cached
            doc.set_layer(entity_layer(cached.entities))
            doc.set_layer(finding_layer(cached.findings))
        view = self.view
        width = lib.get_setting(WRAP_SETTING)
        if isinstance(width, int) and 24 <= width <= 240:
            view.wrap_width = width
        view.set_document(doc, offset=max(0, min(offset, len(text))))
        if self._start_offset is not None:
            self._set_current(Span(offset, offset + max(1, self._start_len()), "reader-cursor"))
        view.focus()
        self._update_status()
        self._update_panel()
        if cached is None:
            self._show_progress("analysing…")
            # after the first paint: the text shows first, highlights fill in
            self.call_after_refresh(self.run_analysis, text)

    def _start_len(self) -> int:
        return 1

    # ------------------------------------------------------------------ analysis
    @work(thread=True, exit_on_error=False, exclusive=True, group="analysis")
    def run_analysis(self, text: str) -> None:
        from textual.worker import get_current_worker

        worker = get_current_worker()
        service = self.app.analysis
        context = service.context(self.article_id)

        def progress(p: Progress) -> None:
            self.post_message(self.Analysed(p.partial, False, p.done, p.total))

        result = service.run(text, self.info.sha256, context, progress, lambda: worker.is_cancelled)
        if result is not None:
            self.post_message(self.Analysed(result, True))

    def on_reading_screen_analysed(self, message: Analysed) -> None:
        doc = self.view.document
        part = message.analysis
        if not message.final:
            # one chunk of a long article: append its spans (chunks arrive in text order)
            self._partial.append(part)
            ranges = [
                doc.layer(ENTITIES).extend(Span(e.start, e.end, entity_key(e.label), e) for e in part.entities),
                doc.layer(ERRORS).extend(Span(f.start, f.end, finding_key(f.kind), f) for f in part.findings),
            ]
            pct = 100 * message.done // max(1, message.total)
            self._show_progress(f"analysing… {pct}% ({message.done}/{message.total} parts)")
        else:
            self._show_progress(None)
            self.analysis = part
            if self._partial:  # the layers already hold every chunk
                self._partial.clear()
                ranges = []
            else:
                ranges = [
                    doc.set_layer(entity_layer(part.entities)),
                    doc.set_layer(finding_layer(part.findings)),
                ]
        ranges = [r for r in ranges if r]
        if ranges:
            self.view.layers_changed((min(r[0] for r in ranges), max(r[1] for r in ranges)))
        self._update_status()
        if message.final:
            self._update_panel()

    def on_worker_state_changed(self, event) -> None:
        from textual.worker import WorkerState

        if event.worker.group == "analysis" and event.state == WorkerState.ERROR:
            self._show_progress(None)
            self.notify(f"analysis failed: {event.worker.error}", severity="error")

    def _show_progress(self, text: str | None) -> None:
        bar = self.query_one("#progress", Static)
        if text:
            bar.update(Text(text))
        bar.set_class(bool(text), "-shown")

    # ------------------------------------------------------------------ status
    def _update_status(self) -> None:
        status = self.query_one(StatusLine)
        view = self.view
        status.percent = view.percent
        doc = self.view.document
        status.counts = (
            f"{len(doc.layer(ERRORS))} errors · {len(doc.layer(ENTITIES))} entities · "
            f"{len(self._annotations)} notes"
        )
        if self._matches:
            status.counts += f" · {len(self._matches)} matches"
        current = self.view.document.layer(CURRENT).spans
        ref = current[0].ref if current else None
        if isinstance(ref, Finding):
            detail = ("→ " + ", ".join(ref.suggestions[:5])) if ref.suggestions else "no suggestion"
            status.message = (f"{ref.kind}: {ref.message or ref.text}", detail)
        elif ref is not None and hasattr(ref, "label"):
            canon = getattr(ref, "canonical", None)
            status.message = (f"{ref.label}: {ref.text}", f"(= {canon})" if canon else "")
        elif current and self._matches:
            index = bisect_left(self._matches, current[0].start) + 1
            status.message = (f"match {index} of {len(self._matches)}", "n / N for the next / previous")
        else:
            status.message = ("", "")

    def _update_panel(self) -> None:
        self.query_one(SidePanel).show(self.analysis.findings, self.analysis.entities, self._annotations)

    def on_article_view_moved(self, message: ArticleView.Moved) -> None:
        self.query_one(StatusLine).percent = message.percent

    # ------------------------------------------------------------------ moving
    def action_scroll(self, rows: int) -> None:
        self.view.scroll_rows(rows)

    def action_page(self, pages: int) -> None:
        self.view.scroll_pages(pages)

    def action_top(self) -> None:
        self.view.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        self.view.scroll_to(y=self.view.max_scroll_y, animate=False, immediate=True)

    def _set_current(self, span: Span | None) -> None:
        doc = self.view.document
        changed = doc.set_layer(SpanLayer(CURRENT, [span] if span else []))
        self.view.layers_changed(changed) if changed else None
        if span is not None:
            self.view.scroll_to_offset(span.start)
        self._update_status()

    def _cursor(self) -> int:
        """Where next/previous searches start: the current highlight if on screen, else
        just above the top of the view."""
        current = self.view.document.layer(CURRENT).spans
        if current and self.view.is_offset_visible(current[0].start):
            return current[0].start
        return self.view.top_offset - 1

    def _step(self, layer_name: str, direction: int, what: str) -> None:
        layer = self.view.document.layer(layer_name)
        if not layer.spans:
            self.notify(f"no {what} in this article" if self.analysis is not None else "still analysing")
            return
        pos = self._cursor()
        span = layer.next_after(pos) if direction > 0 else layer.previous_before(pos)
        if span is None:
            span = layer.spans[0] if direction > 0 else layer.spans[-1]
            self.notify(f"wrapped to the {'first' if direction > 0 else 'last'} {what}", timeout=2)
        self._set_current(Span(span.start, span.end, "reader-cursor", span.ref))

    def action_finding(self, direction: int) -> None:
        self._step(ERRORS, direction, "suspected errors")

    def action_entity(self, direction: int) -> None:
        self._step(ENTITIES, direction, "entities")

    def action_toggle(self, name: str) -> None:
        layer = self.view.document.layer(name)
        layer.visible = not layer.visible
        self.view.layers_changed(None)
        legend = self.query_one(Legend)
        hidden = set(legend.hidden_layers)
        hidden.symmetric_difference_update({name})
        legend.hidden_layers = frozenset(hidden)
        self.notify(f"{name} {'shown' if layer.visible else 'hidden'}", timeout=1.5)

    def action_wrap(self, delta: int) -> None:
        self.view.wrap_width = max(24, min(240, self.view.wrap_width + delta))
        self.notify(f"text width {self.view.wrap_width}", timeout=1.5)
        try:
            self.library.set_setting(WRAP_SETTING, self.view.wrap_width)
        except Exception as exc:  # a locked library: the width still applies now
            self.notify(f"could not save the text width: {exc}", severity="warning", markup=False)

    # ------------------------------------------------------------------ panel
    def action_panel(self) -> None:
        panel = self.query_one(SidePanel)
        if panel.has_class("-shown") and panel.has_focus_within:
            panel.remove_class("-shown")
            self.view.focus()
        else:
            panel.open()

    def on_side_panel_jump(self, message: SidePanel.Jump) -> None:
        offset = message.offset
        doc = self.view.document
        span = None
        for name in (ERRORS, ENTITIES, ANNOTATIONS):
            span = doc.layer(name).at(offset)
            if span is not None and span.start == offset:
                break
            span = None
        if span is None:
            span = Span(offset, offset + 1, "reader-cursor")
        self._set_current(Span(span.start, span.end, "reader-cursor", span.ref))
        self.view.focus()

    # ------------------------------------------------------------------ search
    def action_search(self) -> None:
        bar = self.query_one("#search-bar", Input)
        bar.add_class("-shown")
        bar.focus()

    @on(Input.Submitted, "#search-bar")
    def _search_submitted(self, event: Input.Submitted) -> None:
        bar = event.input
        bar.remove_class("-shown")
        self.view.focus()
        self.search(event.value)

    def search(self, query: str) -> None:
        """Highlight every match of ``query`` (case-insensitive) and go to the next one."""
        doc = self.view.document
        if not query:
            self._matches = []
            self.view.layers_changed(doc.set_layer(SpanLayer(SEARCH)))
            return
        pattern = re.compile(re.escape(query), re.IGNORECASE)
        spans = []
        for m in pattern.finditer(doc.text):
            spans.append(Span(m.start(), m.end(), "reader-search"))
            if len(spans) >= MAX_MATCHES:
                break
        self._matches = [s.start for s in spans]
        self.view.layers_changed(doc.set_layer(SpanLayer(SEARCH, spans)))
        if not spans:
            self.notify(f"not found: {query}", severity="warning", timeout=2)
            self._update_status()
            return
        self.action_match(1)

    def action_match(self, direction: int) -> None:
        if not self._matches:
            self.notify("no search (press / to search)", timeout=2)
            return
        self._step(SEARCH, direction, "matches")

    def key_escape(self) -> None:
        bar = self.query_one("#search-bar", Input)
        if bar.has_class("-shown"):
            bar.remove_class("-shown")
            self.view.focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "close" and self.query_one("#search-bar", Input).has_focus:
            return False
        return True

    # ------------------------------------------------------------------ leaving
    def save_position(self) -> None:
        if self._saved or self.info is None:
            return
        self._saved = True
        view = self.view
        try:
            self.library.set_state(self.article_id, position=view.top_offset, progress=round(view.percent, 1))
        except Exception as exc:  # a locked or unwritable library must not stop the app closing
            self.notify(f"could not save the reading position: {exc}", severity="error")

    def action_close(self) -> None:
        self.workers.cancel_group(self, "analysis")
        self.save_position()
        self.dismiss(self.article_id)

    def on_unmount(self) -> None:
        self.save_position()
