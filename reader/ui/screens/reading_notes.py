"""The word cursor, the selection and the annotation keys of the reading screen.

A mixin of :class:`~reader.ui.screens.reading.ReadingScreen` (bindings live there). The
cursor is the screen's CURRENT span (a word, or the error/entity/match stepped to);
motions come from :mod:`reader.ui.screens.reading_cursor`; ``v`` anchors a selection
that the motions extend; ``a``/``l``/``enter``/``d`` run the flows of
:mod:`reader.ui.annotation_actions` on the selection or the word under the cursor, over
displayed offsets that :class:`AnnotationController` maps back to the original text.
"""

from __future__ import annotations

from reader.errors import ReaderError
from reader.model import Annotation
from reader.ui.annotation_actions import AnnotationController, run_annotate, run_edit, run_label
from reader.ui.document import CURRENT, SELECTION, Span, SpanLayer
from reader.ui.screens.reading_cursor import first_word_from, motion, word_at


class NotesMixin:
    """Cursor, selection and annotation actions."""

    def init_notes(self) -> None:
        self.selection_anchor: tuple[int, int] | None = None
        self._drag_origin: tuple[int, int] | None = None
        self._notes: AnnotationController | None = None

    @property
    def notes(self) -> AnnotationController:
        if self._notes is None:
            self._notes = AnnotationController(self.app.editor, self.app.library, self.article_id)
        return self._notes

    # ------------------------------------------------------------------ cursor
    @property
    def selection(self) -> tuple[int, int] | None:
        """The selected ``[start, end)`` of the displayed text, while ``v`` is on."""
        if self.selection_anchor is None:
            return None
        spans = self.view.document.layer(CURRENT).spans
        a0, a1 = self.selection_anchor
        if not spans:
            return a0, a1
        return min(a0, spans[0].start), max(a1, spans[0].end)

    def refresh_selection(self) -> None:
        sel = self.selection
        layer = SpanLayer(SELECTION, [Span(sel[0], sel[1], "reader-selection")] if sel else [])
        changed = self.view.document.set_layer(layer)
        if changed:
            self.view.layers_changed(changed)

    def cursor_to_span(self, start: int, end: int, *, scroll: bool = True) -> None:
        ref = self._record_at(start, end)
        if ref is None and self.review is not None and not self.show_original:
            ref = self.review.at(start)
        self._set_current(Span(start, end, "reader-cursor", ref), scroll=scroll)

    def cursor_to(self, offset: int) -> None:
        """The cursor on the word at ``offset`` (one character when there is none)."""
        text = self.view.document.text
        offset = max(0, min(offset, max(0, len(text) - 1)))
        span = word_at(text, offset) or (offset, min(len(text), offset + 1))
        self.cursor_to_span(*span)

    def action_move(self, name: str) -> None:
        """Word cursor motions; with no cursor on screen, the first word on screen."""
        view = self.view
        text = view.document.text
        spans = view.document.layer(CURRENT).spans
        current = spans[0] if spans else None
        if current is None or (self.selection_anchor is None and not view.is_offset_visible(current.start)):
            target = first_word_from(text, view.top_offset)
        else:
            forward = not name.startswith("-")
            extend = self.selection_anchor is not None and forward and current.start >= self.selection_anchor[0]
            target = None
            pos = current.start
            for _ in range(self.take_count()):  # "3w": three words on
                step = motion(text, pos, name, extend=extend)
                if step is None:
                    break
                target, pos = step, step[0]
        if target is None:
            self.say("end of the article" if not name.startswith("-") else "start of the article")
            return
        self.cursor_to_span(*target)

    # ------------------------------------------------------------------ selection
    def action_select(self) -> None:
        """``v``: start a selection at the cursor (again: stop selecting)."""
        if self.selection_anchor is not None:
            self.cancel_selection()
            return
        spans = self.view.document.layer(CURRENT).spans
        if not spans or not self.view.is_offset_visible(spans[0].start):
            self.action_move("word")
            spans = self.view.document.layer(CURRENT).spans
            if not spans:
                return
        self.selection_anchor = (spans[0].start, spans[0].end)
        self.refresh_selection()
        self._update_status()  # the status line says what to do with it

    def cancel_selection(self) -> None:
        self.selection_anchor = None
        self.refresh_selection()
        self._update_status()

    def on_article_view_pointer(self, message) -> None:
        """A click puts the cursor on the word; a drag selects words."""
        text = self.view.document.text
        if not text:
            return
        offset = max(0, min(message.offset, len(text) - 1))
        word = word_at(text, offset) or (offset, offset + 1)
        if not message.drag:
            self._drag_origin = word
            if self.selection_anchor is not None:
                self.selection_anchor = None
            self.cursor_to_span(*word, scroll=False)
            return
        if self._drag_origin is not None and word != self._drag_origin:
            self.selection_anchor = self._drag_origin
        self.cursor_to_span(*word, scroll=False)

    # ------------------------------------------------------------------ annotating
    def _target(self) -> tuple[int, int] | None:
        """The selection, else the word (or error/entity) under the cursor."""
        sel = self.selection
        if sel is not None:
            return sel
        spans = self.view.document.layer(CURRENT).spans
        if spans:
            return spans[0].start, spans[0].end
        self.say("put the cursor on a word first (w, arrows, click) or select with v")
        return None

    def _after_note(self, annotation: Annotation | None, message: str) -> None:
        self.selection_anchor = None
        self.reproject(reread_annotations=True)
        if annotation is not None:
            span = self.notes.displayed_span(annotation)
            if span is not None:
                self.cursor_to_span(span[0], max(span[1], span[0] + 1), scroll=False)
            self.say(message)
        else:
            self.refresh_selection()
            self._update_status()

    def action_annotate(self) -> None:
        target = self._target()
        if target is None:
            return
        start, end = target
        quote = self.view.document.text[start:end]
        run_annotate(self, self.notes, start, end, quote,
                     lambda a: self._after_note(a, "annotated (u undoes)"))

    def action_label(self) -> None:
        target = self._target()
        if target is None:
            return
        start, end = target
        quote = self.view.document.text[start:end]
        run_label(self, self.notes, start, end, quote,
                  lambda a: self._after_note(a, f"labelled {a.label or 'not an entity'} (u undoes)" if a else ""))

    def edit_annotation(self, annotation: Annotation) -> None:
        def done(edited: Annotation | None) -> None:
            self._after_note(edited, "annotation saved")

        run_edit(self, self.notes, annotation, done)

    def _annotation_here(self) -> Annotation | None:
        spans = self.view.document.layer(CURRENT).spans
        if not spans:
            return None
        return self.notes.at(spans[0].start)

    def action_delete_note(self) -> None:
        """``d``: delete the annotation under the cursor (``u`` undoes)."""
        annotation = self._annotation_here()
        if annotation is None:
            self.say("no annotation under the cursor")
            return
        try:
            self.notes.delete(annotation)
        except ReaderError as err:
            self.notify(err.message, severity="error", markup=False)
            return
        self.reproject(reread_annotations=True)
        self.say("annotation deleted (u undoes)")
