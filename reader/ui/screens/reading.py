"""The reading screen: an article in :class:`ArticleView`, its legend, status line and
side panel. Text paints first; analysis runs in a worker thread and its highlights fill in
(chunk by chunk, with progress, for long articles)."""

from __future__ import annotations

from bisect import bisect_left
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Input, Static
from reader.ui.widgets.footer import ReaderFooter

from reader.termsafe import safe_line
from reader.anchors import span_in_corrected
from reader.corrections import OffsetMap, project
from reader.errors import ReaderError
from reader.model import Analysis, Annotation, Finding
from reader.settings import Settings
from reader.ui.analysis_service import Progress
from reader.ui.document import (
    ANNOTATIONS, CURRENT, ENTITIES, ERRORS, Document, Span, SpanLayer,
    annotation_layer, correction_layer, entity_key, finding_key, finding_layer,
)
from reader.ui.screens.reading_corrections import AnalysisCancelled, open_session, projected_layers
from reader.ui.screens.reading_fixing import FixingMixin
from reader.ui.screens.reading_keys import READING_BINDINGS
from reader.ui.screens.reading_motions import MotionsMixin
from reader.ui.screens.reading_notes import NotesMixin
from reader.ui.screens.reading_search import SearchMixin
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.bars import Legend, StatusLine
from reader.ui.widgets.side_panel import SidePanel
from reader.wording import counted

class ReadingScreen(MotionsMixin, FixingMixin, NotesMixin, SearchMixin, Screen):
    """Reads one article; position saved on leaving and restored on opening.

    Shows the corrected text by default (``o`` toggles the original); corrections come
    from :class:`FixingMixin`, the word cursor, selection and annotations from
    :class:`NotesMixin`. Offsets given to it and saved by it are original-text offsets.
    """

    COMMAND_CATEGORY = "reading"
    BINDINGS: ClassVar[list[Binding]] = READING_BINDINGS

    class Analysed(Message):
        def __init__(self, analysis: Analysis, final: bool, done: int = 0, total: int = 0) -> None:
            super().__init__()
            self.analysis = analysis
            self.final = final
            self.done = done
            self.total = total

    class Reviewed(Message):
        """The article's session (findings over the corrected text) is ready."""

        def __init__(self, session) -> None:
            super().__init__()
            self.session = session

    def __init__(self, article_id: str, *, offset: int | None = None, end: int | None = None) -> None:
        super().__init__()
        self.article_id = article_id
        self._start_offset = offset
        self._start_end = end
        self.info = None
        self.analysis = Analysis()
        #: The article as the person sees and changes it (reader.session), once analysed;
        #: ``review`` is its Review (the open findings), kept as a shortcut.
        self.session = None
        self.review = None
        self.show_original = False
        self._mount_map = OffsetMap([])
        self._query = ""
        self.init_fixing()
        self.init_notes()
        self.init_motions()
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
        yield ReaderFooter()

    @property
    def view(self) -> ArticleView:
        if self._view is None:
            self._view = self.query_one(ArticleView)
        return self._view

    @property
    def library(self):
        return self.app.library

    def on_mount(self) -> None:
        try:
            self._load()
        except ReaderError as exc:  # a damaged or locked library: say so and go back
            self.info = None
            self.app.notify(exc.message, title="Cannot open the article", severity="error", markup=False)
            self.call_after_refresh(self._leave)

    def _leave(self) -> None:
        """Back to the library (not awaited: a screen may not await its own dismissal)."""
        self.dismiss(None)

    def _load(self) -> None:
        lib = self.library
        self.info = lib.get_info(self.article_id)
        self.title = safe_line(self.info.title)
        from reader.ui.rows import source_label

        self.sub_title = safe_line(source_label(self.info))
        text = lib.get_text(self.article_id)
        self._annotations = lib.annotations(self.article_id)
        state = lib.get_state(self.article_id)
        self.load_hidden_kinds()
        self._show_search_options()
        self.show_original = bool(state.get("show_original", False))
        corrected, self._mount_map = project(text, self.app.memory.corrections(self.article_id))
        omap = self.omap
        offset = self._start_offset if self._start_offset is not None else int(state.get("position", 0) or 0)
        offset = omap.to_corrected(max(0, min(offset, len(text))))
        doc = Document(text if self.show_original else corrected)
        if self.show_original:
            doc.set_layer(correction_layer((c.start, max(c.end, c.start + 1)) for c in self._mount_map.corrections))
        else:
            doc.set_layer(correction_layer(self._mount_map.corrected_spans()))
        doc.set_layer(annotation_layer(self._annotations, omap))
        view = self.view
        width = Settings(lib).wrap_width
        if width is not None:
            view.wrap_width = width
        view.set_document(doc, offset=max(0, min(offset, len(doc.text))))
        self.notes.omap = omap
        if self._start_offset is not None:
            end = self._start_end if self._start_end is not None else self._start_offset + 1
            s, e = span_in_corrected(self._start_offset, max(end, self._start_offset), omap)
            self._set_current(Span(s, max(e, s + 1), "reader-cursor"))
        view.focus()
        self._update_status()
        self._update_panel()
        self._show_progress("analysing…")
        # after the first paint: the text shows first, highlights fill in
        self.call_after_refresh(self.run_analysis)

    @property
    def omap(self) -> OffsetMap:
        """Maps original offsets to what is displayed (empty when showing the original)."""
        if self.show_original:
            return OffsetMap([])
        return self.review.offset_map if self.review is not None else self._mount_map

    def to_original(self, offset: int) -> int:
        return self.omap.to_original(offset)

    # ------------------------------------------------------------------ analysis
    @work(thread=True, exit_on_error=False, exclusive=True, group="analysis")
    def run_analysis(self) -> None:
        from textual.worker import get_current_worker

        worker = get_current_worker()

        def progress(p: Progress) -> None:
            self.post_message(self.Analysed(p.partial, False, p.done, p.total))

        try:
            session = open_session(self.app, self.article_id, on_progress=progress,
                                   cancelled=lambda: worker.is_cancelled)
        except AnalysisCancelled:
            return
        self.post_message(self.Reviewed(session))

    def on_reading_screen_analysed(self, message: Analysed) -> None:
        """One chunk of a long article: its spans fill in (chunks arrive in text order;
        offsets are the corrected text's, so only drawn when that is shown)."""
        if self.review is not None or self.show_original:
            return
        doc = self.view.document
        part = message.analysis
        ranges = [
            doc.layer(ENTITIES).extend(Span(e.start, e.end, entity_key(e.label), e) for e in part.entities),
            doc.layer(ERRORS).extend(Span(f.start, f.end, finding_key(f.kind), f)
                                     for f in self.shown_findings(part.findings)),
        ]
        pct = 100 * message.done // max(1, message.total)
        self._show_progress(f"analysing… {pct}% ({message.done}/{message.total} parts)")
        ranges = [r for r in ranges if r]
        if ranges:
            self.view.layers_changed((min(r[0] for r in ranges), max(r[1] for r in ranges)))
        self._update_status()

    def on_reading_screen_reviewed(self, message: Reviewed) -> None:
        self._show_progress(None)
        self.session = message.session
        self.session.annotations = self._annotations
        self.review = self.session.review
        self.review_ready()
        current = self.view.document.layer(CURRENT).spans
        self.reproject()
        if current:  # keep what was highlighted (a jump target), now with its record
            span = current[0]
            self._set_current(Span(span.start, span.end, "reader-cursor", self._record_at(span.start, span.end)),
                              scroll=False)

    def reproject(self, *, reread_annotations: bool = False, top: int | None = None) -> None:
        """Redraw every record layer (and the text, if a correction changed it) from the
        Review and the annotations; the text is re-wrapped only where it changed."""
        if reread_annotations:
            self._annotations = self.library.annotations(self.article_id)
            if self.session is not None:
                self.session.annotations = self._annotations
        review = self.review
        view = self.view
        doc = view.document
        if review is None:
            doc.set_layer(annotation_layer(self._annotations, self.omap))
            view.layers_changed(None)
            self._refresh_current_ref()
            self._update_status()
            self._update_panel()
            return
        shown = review.text if self.show_original else review.corrected_text
        layers, findings, entities = projected_layers(self.session, self.show_original)
        if self.hidden_kinds:
            layers = [finding_layer(self.shown_findings(findings)) if layer.name == ERRORS else layer
                      for layer in layers]
        self.analysis = Analysis(tuple(findings), tuple(entities))
        changed_from: int | None = None
        changed_to = len(shown)
        if shown != doc.text:
            new = Document(shown)
            for name, old in doc.layers.items():
                new.layer(name).visible = old.visible
            for layer in layers:
                new.set_layer(layer)
            new.set_layer(SpanLayer(CURRENT))
            changed_from = view.replace_text(new, top=top)
            if changed_from is not None and review.reanalysed_chars < len(review.corrected_text):
                # a correction inside one block: only its paragraph was re-analysed, so
                # rows above that paragraph look the same and keep their cached strips;
                # so do the rows below it when the block kept its number of rows (the
                # same text and highlights, only at shifted offsets)
                para = shown.rfind("\n\n", 0, changed_from)
                changed_from = 0 if para < 0 else para
                layout = view.layout_rows
                if getattr(layout, "row_delta", None) == 0:
                    end = shown.find("\n\n", layout.blocks.ends[layout.edited_block])
                    changed_to = len(shown) if end < 0 else end
            else:
                changed_from = None
            doc = new
            if self._query:
                self._highlight_matches(self._query)
        else:
            for layer in layers:
                doc.set_layer(layer)
        self.notes.omap = self.omap
        self._refresh_current_ref()
        self.refresh_selection()
        view.layers_changed(None if changed_from is None else (changed_from, changed_to))
        self._update_status()
        self._update_panel()

    def _record_at(self, start: int, end: int):
        """The finding, entity or annotation drawn exactly at ``[start, end)``, if any."""
        doc = self.view.document
        for name in (ERRORS, ENTITIES, ANNOTATIONS):
            for span in doc.layer(name).overlapping(start, end):
                if span.start == start:
                    return span.ref
        return None

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
        fixes = len(self.omap.corrections) if not self.show_original else len(
            (self.review.offset_map if self.review else self._mount_map).corrections)
        status.counts = (
            ("original · " if self.show_original else "")
            + f"{counted(len(doc.layer(ERRORS)), 'error')} · {fixes} fixed · "
            f"{counted(len(doc.layer(ENTITIES)), 'entity')} · {counted(len(self._annotations), 'note')}"
        )
        if self.selection is not None:
            status.counts += f" · selected {counted(self.selection[1] - self.selection[0], 'char')}"
        if self._matches:
            status.counts += f" · {counted(len(self._matches), 'match')}"
        current = self.view.document.layer(CURRENT).spans
        ref = current[0].ref if current else None
        if isinstance(ref, Finding):
            picks = "  ".join(f"{i}·{s}" for i, s in enumerate(ref.suggestions[:9], 1))
            detail = picks or "no suggestion (z: type one)"
            status.message = (f"{ref.kind}: {ref.message or ref.text}", detail)
        elif isinstance(ref, Annotation):
            tags = " ".join(f"#{t}" for t in ref.tags)
            what = " · ".join(x for x in (ref.label or "", tags) if x)
            status.message = (f"note: {ref.note or ref.anchor.quote}", (what + "   enter: edit, d: delete").strip())
        elif ref is not None and hasattr(ref, "label"):
            canon = getattr(ref, "canonical", None)
            status.message = (f"{ref.label}: {ref.text}", f"(= {canon})" if canon else "")
        elif current and self._matches:
            index = bisect_left(self._matches, current[0].start) + 1
            status.message = (f"match {index} of {len(self._matches)}", "n / N for the next / previous")
        elif self.selection is not None:
            status.message = ("selecting", "w W ( ) { } extend · a annotate · l label · escape cancels")
        elif current:
            status.message = ("", "a annotate · l label · v select")
        else:
            status.message = ("", "")

    def say(self, message: str, timeout: float = 4.0) -> None:
        """Say what an action did on the status line (not in a toast, which would cover
        it); it gives way to the counts after ``timeout`` seconds."""
        status = self.query_one(StatusLine)
        status.flash = " ".join(message.split())
        timer = getattr(self, "_flash_timer", None)
        if timer is not None:
            timer.stop()
        self._flash_timer = self.set_timer(timeout, lambda: setattr(status, "flash", "")) if message else None

    def _refresh_current_ref(self) -> None:
        """After the records changed (a note deleted, edited, undone), the current span
        must not keep pointing at a record that is gone or stale."""
        layer = self.view.document.layer(CURRENT)
        if not layer.spans or not isinstance(layer.spans[0].ref, Annotation):
            return
        span = layer.spans[0]
        fresh = next((a for a in self._annotations if a.id == span.ref.id and not a.orphan), None)
        if fresh is span.ref:
            return
        ref = fresh if fresh is not None else self._record_at(span.start, span.end)
        self.view.document.set_layer(SpanLayer(CURRENT, [Span(span.start, span.end, span.key, ref)]))

    def _update_panel(self) -> None:
        omap = self.omap

        def place(a: Annotation) -> int | None:
            return None if a.orphan else span_in_corrected(a.anchor.start, a.anchor.end, omap)[0]

        self.query_one(SidePanel).show(self.shown_findings(self.analysis.findings), self.analysis.entities,
                                       self._annotations, place)

    def on_article_view_moved(self, message: ArticleView.Moved) -> None:
        self.query_one(StatusLine).percent = message.percent

    # ------------------------------------------------------------------ moving
    def action_scroll(self, rows: int) -> None:
        self.view.scroll_rows(rows * self.take_count())

    def action_page(self, pages: int) -> None:
        self.view.scroll_pages(pages * self.take_count())

    def action_top(self) -> None:
        self.view.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        self.view.scroll_to(y=self.view.max_scroll_y, animate=False, immediate=True)

    def _set_current(self, span: Span | None, *, scroll: bool = True) -> None:
        doc = self.view.document
        changed = doc.set_layer(SpanLayer(CURRENT, [span] if span else []))
        self.view.layers_changed(changed) if changed else None
        if span is not None and scroll:
            self.view.scroll_to_offset(span.start)
        self.refresh_selection()
        self._update_status()

    def _cursor(self) -> int:
        """Where next/previous searches start: the current highlight if on screen, else
        just above the top of the view."""
        current = self.view.document.layer(CURRENT).spans
        if current and self.view.is_offset_visible(current[0].start):
            return current[0].start
        return self.view.top_offset - 1

    def _step(self, layer_name: str, direction: int, what: str) -> None:
        """To the next/previous span of a layer (a count repeats the step)."""
        count = self.take_count()
        layer = self.view.document.layer(layer_name)
        if not len(layer):
            self.say(f"no {what} in this article" if self.review is not None else "still analysing")
            return
        pos = self._cursor()
        span = None
        for _ in range(min(count, len(layer))):
            span = layer.next_after(pos) if direction > 0 else layer.previous_before(pos)
            if span is None:
                span = layer.first() if direction > 0 else layer.last()
                self.say(f"wrapped to the {'first' if direction > 0 else 'last'} {what}", timeout=2)
            pos = span.start
        self._set_current(Span(span.start, span.end, "reader-cursor", span.ref))

    def action_finding(self, direction: int) -> None:
        if self.review is None:
            self.take_count()
            self.say("still analysing", timeout=2)
            return
        self._step(ERRORS, direction, "suspected errors")

    def action_entity(self, direction: int) -> None:
        self._step(ENTITIES, direction, "entities")

    def action_wrap(self, delta: int) -> None:
        self.view.wrap_width = max(24, min(240, self.view.wrap_width + delta))
        self.say(f"text width {self.view.wrap_width}", timeout=2)
        try:
            Settings(self.library).set_wrap_width(self.view.wrap_width)
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
        """Enter on a panel row: go there; on an error row the suggestion menu opens
        (the panel keeps the focus, so the next row is one key away)."""
        offset = message.offset
        doc = self.view.document
        order = {"f": (ERRORS,), "e": (ENTITIES,), "a": (ANNOTATIONS,)}.get(message.kind, (ERRORS, ENTITIES, ANNOTATIONS))
        span = None
        for name in order:
            span = doc.layer(name).at(offset)
            if span is not None and span.start == offset:
                break
            span = None
        if span is None:
            span = Span(offset, offset + 1, "reader-cursor")
        self._set_current(Span(span.start, span.end, "reader-cursor", span.ref))
        if isinstance(span.ref, Finding) and not self.show_original:
            self.open_menu(span.ref)
        else:
            self.view.focus()

    @on(Input.Submitted, "#search-bar")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self.search_submitted(event)

    def key_escape(self) -> None:
        bar = self.query_one("#search-bar", Input)
        if bar.has_class("-shown"):
            bar.remove_class("-shown")
            self.view.focus()

    def action_same_name(self) -> None:
        from reader.ui.screens.story_jump import jump_to_same_name

        jump_to_same_name(self, self._cursor())

    def action_export(self) -> None:
        try:
            from reader.ui.dialogs.export import run_export
        except ImportError:
            self.notify("export is not available in this build", severity="warning", timeout=3)
            return
        run_export(self.app, [self.article_id])

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        bars = self.query("#search-bar")  # Textual may ask before compose or after unmount
        searching = bool(bars) and bars.first().has_focus
        if action in ("close", "escape") and searching:
            return False
        if action == "search_toggle":
            return searching
        return True

    # ------------------------------------------------------------------ leaving
    def save_position(self) -> None:
        if self._saved or self.info is None:
            return
        self._saved = True
        view = self.view
        try:
            self.library.set_state(self.article_id, position=self.to_original(view.top_offset),
                                   progress=round(view.percent, 1))
        except Exception as exc:  # a locked or unwritable library must not stop the app closing
            self.notify(f"could not save the reading position: {exc}", severity="error")

    def action_close(self) -> None:
        if self.selection_anchor is not None:  # escape first cancels a selection
            self.cancel_selection()
            return
        self.workers.cancel_group(self, "analysis")
        self.save_position()
        if self.review is not None:
            self.app.known_counts[self.article_id] = {
                "errors": len(self.review.findings), "fixes": len(self.review.offset_map.corrections),
                "notes": len(self._annotations),
            }
        self.dismiss(self.article_id)

    def on_unmount(self) -> None:
        self.save_position()
