"""Glue between the reading view and the annotation records.

The reading view shows the *corrected* text and selects in its offsets; annotations are
stored over the *original* text. :class:`AnnotationController` maps a selection back with
the :class:`~reader.corrections.OffsetMap` the caller passes (the one
:func:`reader.corrections.project` returned for what is on screen), and writes through the
:class:`~reader.editing.Editor` so every create, edit and delete is undoable on the same
stack as corrections. The controller imports no Textual, so it is tested without an app;
:func:`run_annotate`, :func:`run_edit` and :func:`run_label` are the whole key flows
(dialog, write, error message) for a screen that only wants to repaint afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from reader.anchors import annotation_in_corrected, span_from_corrected
from reader.annotating import (  # noqa: F401  (AnnotateResult, STANDARD_LABELS: also imported from here)
    STANDARD_LABELS, AnnotateResult, new_annotation, normalise_label, normalise_tags, tag_completions,
)
from reader.corrections import OffsetMap
from reader.editing import Change, Editor
from reader.errors import ReaderError
from reader.model import Annotation
from reader.textio import sanitize


@dataclass(frozen=True)
class Jump:
    """Where the annotations screen asks to go: original-text offsets of the annotation
    (``None`` for an orphan, which has no place in the text any more)."""

    article_id: str
    start: int | None
    end: int | None
    annotation_id: str = ""
    orphan: bool = field(default=False)


def _now() -> str:
    from reader import store

    return store.now_iso()  # looked up at call time so tests can fix the clock


class AnnotationController:
    """Create, edit, delete and find annotations of one article from the reading view.

    ``omap`` maps between the original and the displayed (corrected) text; set
    :attr:`omap` again whenever the corrections change (or pass ``omap=`` per call).
    An empty map means the view shows the original text.
    """

    def __init__(self, editor: Editor, lib, article_id: str, omap: OffsetMap | None = None) -> None:
        self.editor = editor
        self.lib = lib
        self.article_id = article_id
        self.omap = omap if omap is not None else OffsetMap([])

    # ------------------------------------------------------------------ reading
    def annotations(self) -> list[Annotation]:
        """This article's annotations as stored now (after any undo or redo)."""
        return self.lib.annotations(self.article_id)

    def known_tags(self) -> list[str]:
        """Tags used anywhere in the library, most used first (for completion)."""
        return tag_completions(self.lib.annotations(None))

    def known_labels(self) -> list[str]:
        """The standard entity labels, then custom labels already used in the library."""
        used = {a.label for a in self.lib.annotations(None) if a.label}
        custom = sorted(label for label in used if label not in STANDARD_LABELS and label != "O")
        return [*STANDARD_LABELS, *custom]

    def displayed_span(self, annotation: Annotation, omap: OffsetMap | None = None) -> tuple[int, int] | None:
        """Where ``annotation`` shows in the displayed text; ``None`` for an orphan."""
        return annotation_in_corrected(annotation, omap or self.omap)

    def at(self, offset: int, omap: OffsetMap | None = None) -> Annotation | None:
        """The annotation covering displayed ``offset`` (the shortest when they nest)."""
        best: tuple[int, int, Annotation] | None = None
        for a in self.annotations():
            span = self.displayed_span(a, omap)
            if span is None or not span[0] <= offset < span[1]:
                continue
            if best is None or span[1] - span[0] < best[1] - best[0]:
                best = (span[0], span[1], a)
        return best[2] if best else None

    def original_span(self, start: int, end: int, omap: OffsetMap | None = None) -> tuple[int, int]:
        """A displayed selection ``[start, end)`` in original-text offsets."""
        if start > end:
            start, end = end, start
        return span_from_corrected(start, end, omap or self.omap)

    # ------------------------------------------------------------------ writing
    def create_from_selection(
        self, start: int, end: int, result: AnnotateResult, omap: OffsetMap | None = None
    ) -> Annotation:
        """Store a new annotation on the displayed selection ``[start, end)``.

        Raises :class:`~reader.errors.ReaderError` for an empty or whitespace-only span or
        an unusable label (the caller shows the message).
        """
        ostart, oend = self.original_span(start, end, omap)
        text = self.lib.get_text(self.article_id)
        annotation = new_annotation(
            self.article_id, text, ostart, oend,
            note=result.note, tags=result.tags, label=result.label, now=_now(),
        )
        self.editor.put_annotation(annotation)
        return annotation

    def label_selection(self, start: int, end: int, label: str, omap: OffsetMap | None = None) -> Annotation:
        """Give the displayed selection an entity label (``l``): relabel an annotation on
        exactly that span if there is one, else store a label-only annotation."""
        ostart, oend = self.original_span(start, end, omap)
        same = next((a for a in self.annotations()
                     if not a.orphan and (a.anchor.start, a.anchor.end) == (ostart, oend)), None)
        if same is not None:
            updated = replace(same, label=normalise_label(label), updated=_now())
            self.editor.put_annotation(updated)
            return updated
        return self.create_from_selection(start, end, AnnotateResult(label=label), omap)

    def edit(self, annotation: Annotation, result: AnnotateResult) -> Annotation | None:
        """Apply the dialog's result to an existing annotation: save the new note, tags and
        label, or delete it (returns ``None`` then)."""
        if result.action == "delete":
            self.delete(annotation)
            return None
        updated = replace(
            annotation,
            note=sanitize(result.note).strip("\n"),
            tags=normalise_tags(sanitize(t) for t in result.tags),
            label=normalise_label(result.label),
            updated=_now(),
        )
        if updated == replace(annotation, updated=updated.updated):
            return annotation  # nothing changed: no undo step
        self.editor.put_annotation(updated)
        return updated

    def delete(self, annotation: Annotation) -> Change:
        """Delete ``annotation`` (undoable)."""
        return self.editor.delete_annotation(annotation.article_id, annotation.id)


# ---------------------------------------------------------------------- key flows
Done = Callable[[Annotation | None], None]


def _write(screen: Any, write: Callable[[], Annotation | None], done: Done | None) -> None:
    """Run a store write; a user error becomes a one-line notification, not a traceback."""
    try:
        annotation = write()
    except ReaderError as exc:
        screen.notify(exc.message, severity="error", markup=False)
        annotation = None
    if done is not None:
        done(annotation)


def run_annotate(screen: Any, controller: AnnotationController, start: int, end: int,
                 quote: str, done: Done | None = None) -> None:
    """``a`` on a selection ``[start, end)`` of the displayed text (``quote`` is what it
    shows): the annotate dialog, then the new annotation is stored. ``done`` gets the
    annotation, or ``None`` when cancelled or refused."""
    from reader.ui.dialogs.annotate import AnnotateDialog

    def finish(result: AnnotateResult | None) -> None:
        if result is None:
            if done is not None:
                done(None)
            return
        _write(screen, lambda: controller.create_from_selection(start, end, result), done)

    dialog = AnnotateDialog(quote, known_tags=controller.known_tags(),
                            known_labels=controller.known_labels(), editing=False)
    screen.app.push_screen(dialog, finish)


def run_edit(screen: Any, controller: AnnotationController, annotation: Annotation,
             done: Done | None = None) -> None:
    """``enter`` on an annotated span: the dialog filled in; save edits, delete deletes.
    ``done`` gets the edited annotation, or ``None`` (cancelled, deleted or refused)."""
    from reader.ui.dialogs.annotate import AnnotateDialog

    def finish(result: AnnotateResult | None) -> None:
        if result is None:
            if done is not None:
                done(None)
            return
        _write(screen, lambda: controller.edit(annotation, result), done)

    dialog = AnnotateDialog(annotation.anchor.quote, note=annotation.note, tags=annotation.tags,
                            label=annotation.label, known_tags=controller.known_tags(),
                            known_labels=controller.known_labels(), editing=True)
    screen.app.push_screen(dialog, finish)


def run_label(screen: Any, controller: AnnotationController, start: int, end: int,
              quote: str, done: Done | None = None) -> None:
    """``l`` on a selection: the label dialog, then the span is labelled (an annotation on
    exactly that span is relabelled)."""
    from reader.ui.dialogs.label import LabelDialog

    ostart, oend = controller.original_span(start, end)
    current = next((a.label for a in controller.annotations()
                    if not a.orphan and (a.anchor.start, a.anchor.end) == (ostart, oend)), None)
    custom = [label for label in controller.known_labels() if label not in STANDARD_LABELS]

    def finish(label: str | None) -> None:
        if label is None:
            if done is not None:
                done(None)
            return
        _write(screen, lambda: controller.label_selection(start, end, label), done)

    screen.app.push_screen(LabelDialog(quote, current=current, custom_labels=custom), finish)
