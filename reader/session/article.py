"""The :class:`ArticleSession`: one article's state and commands, headless.

Why one class: the view, ``reader check ID``, ``reader fix``, export and the library's
counts used to compute "the open findings" each their own way and disagreed. Here they
are computed once, by :class:`reader.review.Review` over the corrected text with the
library's memory (dictionary, accepted words, remembered fixes, corrected names) and the
article's ignores, and every caller reads them from a session.

Commands write through the :class:`~reader.editing.Editor` at once (cheap) and return a
:class:`Pending`: the re-analysis the change needs, to run wherever the caller likes (a
worker thread in the app, inline in the CLI), then :meth:`ArticleSession.finish` on the
session's own thread. Until then the session keeps showing its previous state.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from reader.corrections import OffsetMap
from reader.model import Annotation, Entity, Finding
from reader.review import Analyzer, CorrectionCounts, LibraryMemory, Reanalysis, Review


@dataclass(eq=False)
class Pending:
    """A change already stored and the re-analysis it still needs.

    ``work.run()`` is pure (safe in a worker thread); hand the run work back to
    :meth:`ArticleSession.finish`. ``full`` says whether the whole text is re-analysed
    (seconds on a long article) or only the paragraphs the change touched.
    """

    change: Any  # reader.editing.Change
    work: Reanalysis
    reread_annotations: bool = False

    @property
    def full(self) -> bool:
        return self.work.full

    def run(self) -> Pending:
        self.work.run()
        return self


class ArticleSession:
    """``ArticleSession.open(lib, article_id)``: analyses the article (seconds for a long
    one: call it from a worker in a UI) and holds what the person sees.

    Coordinates: findings and entities are over the corrected text (the view's default);
    :meth:`displayed` gives them over the original text when that is shown. Records
    (corrections, ignores, annotations) are stored over the original text.
    """

    def __init__(self, lib: Any, review: Review, *, editor: Any = None) -> None:
        self.lib = lib
        self.review = review
        self._editor = editor
        self.article_id = review.article_id
        self.annotations: list[Annotation] = lib.annotations(self.article_id)

    @classmethod
    def open(cls, lib: Any, article_id: str, *, analyzer: Analyzer | None = None,
             memory: LibraryMemory | None = None, editor: Any = None) -> ArticleSession:
        """Share one ``memory`` between the sessions of one thread (it caches every
        article's corrections); ``editor`` defaults to a new :class:`Editor`."""
        review = Review.for_article(lib, article_id, analyzer=analyzer, memory=memory)
        return cls(lib, review, editor=editor)

    # ------------------------------------------------------------------ state
    @property
    def editor(self):
        if self._editor is None:
            from reader.editing import Editor

            self._editor = Editor(self.lib)
        return self._editor

    @property
    def text(self) -> str:
        """The frozen original text."""
        return self.review.text

    @property
    def corrected_text(self) -> str:
        return self.review.corrected_text

    @property
    def offset_map(self) -> OffsetMap:
        return self.review.offset_map

    @property
    def context(self):
        return self.review.context

    @property
    def corrections(self):
        return self.review.corrections

    @property
    def ignores(self):
        return self.review.ignores

    @property
    def findings(self) -> list[Finding]:
        """The open findings: over the corrected text, not dismissed, sorted, with the
        remembered fix first. The one definition every part of reader uses."""
        return self.review.findings

    @property
    def detected_entities(self) -> tuple[Entity, ...]:
        return self.review.analysis.entities

    @property
    def entities(self) -> list[Entity]:
        """Detected entities with people's labels applied, over the corrected text."""
        from reader.annotating import effective_entities

        if not any(a.label for a in self.annotations):
            return list(self.review.analysis.entities)
        live = [a for a in self.annotations if not a.orphan]
        return effective_entities(self.review.analysis.entities, live, self.text, self.corrections)

    @property
    def counts(self) -> CorrectionCounts:
        """Corrections applied and findings still open (the library table's columns)."""
        return self.review.counts

    def annotation_span(self, annotation: Annotation, *, original: bool = False) -> tuple[int, int] | None:
        """Where an annotation shows (corrected text, or the original); ``None``: orphan."""
        from reader.anchors import annotation_in_corrected

        if annotation.orphan:
            return None
        if original:
            return annotation.anchor.start, annotation.anchor.end
        return annotation_in_corrected(annotation, self.offset_map)

    def displayed(self, *, original: bool = False) -> tuple[list[Finding], list[Entity]]:
        """Open findings and effective entities in the displayed text's coordinates."""
        findings, entities = list(self.findings), self.entities
        omap = self.offset_map
        if original and omap.corrections:
            findings = [_moved(f, *omap.span_to_original(f.start, f.end)) for f in findings]
            entities = [_moved(e, *omap.span_to_original(e.start, e.end)) for e in entities]
        return findings, entities

    def original_span(self, finding: Finding) -> tuple[int, int]:
        return self.review.original_span(finding)

    # ------------------------------------------------------------------ commands
    def correct(self, finding_or_span, replacement: str, *, kind: str | None = None) -> Pending:
        """Replace a finding (or a corrected-text ``(start, end)``) with ``replacement``."""
        start, end = _span(finding_or_span)
        kind = kind if kind is not None else getattr(finding_or_span, "kind", None)
        return self.after(self.editor.correct_in_view(self.article_id, start, end, replacement, kind=kind))

    def ignore_once(self, finding: Finding) -> Pending:
        start, end = self.original_span(finding)
        return self.after(self.editor.ignore_once(self.article_id, start, end, finding.text))

    def ignore_in_article(self, text: str) -> Pending:
        return self.after(self.editor.ignore_in_article(self.article_id, text))

    def add_to_dictionary(self, word: str) -> Pending:
        return self.after(self.editor.add_to_dictionary(word))

    def replace_all_in_article(self, word: str, replacement: str, *, kind: str | None = None) -> Pending:
        return self.after(self.editor.replace_all_in_article(self.article_id, word, replacement, kind=kind))

    def replace_all_in_library(self, word: str, replacement: str, *, kind: str | None = None) -> Pending:
        return self.after(self.editor.replace_all_in_library(word, replacement, kind=kind))

    def put_annotation(self, annotation: Annotation) -> Pending:
        return self.after(self.editor.put_annotation(annotation), annotations=True)

    def delete_annotation(self, annotation_id: str) -> Pending:
        return self.after(self.editor.delete_annotation(self.article_id, annotation_id), annotations=True)

    def undo(self) -> Pending | None:
        change = self.editor.undo()
        return None if change is None else self.after(change, annotations=True)

    def redo(self) -> Pending | None:
        change = self.editor.redo()
        return None if change is None else self.after(change, annotations=True)

    def after(self, change: Any, *, annotations: bool = False) -> Pending:
        """The re-analysis ``change`` needs (records re-read now, on this thread)."""
        if annotations:
            self.annotations = self.lib.annotations(self.article_id)
        return Pending(change, self.review.plan_reload(self.lib, change), annotations)

    def finish(self, pending: Pending) -> bool:
        """Take a run :class:`Pending`'s result; ``False`` when a newer change superseded
        it (its own result is then still to come)."""
        if pending.work.result is None:
            pending.run()
        return self.review.commit(pending.work)

    def apply(self, pending: Pending) -> Pending:
        """Run and finish ``pending`` here (the CLI, tests): the session is current after."""
        self.finish(pending.run())
        return pending

    def refresh(self) -> Pending:
        """Re-read every record and re-analyse everything (e.g. after another process wrote)."""
        self.annotations = self.lib.annotations(self.article_id)
        return Pending(None, self.review.plan_reload(self.lib, None), True)


def _span(finding_or_span) -> tuple[int, int]:
    if isinstance(finding_or_span, tuple):
        return finding_or_span
    return finding_or_span.start, finding_or_span.end


def _moved(x, start: int, end: int):
    return replace(x, start=start, end=end)


def open_findings_of(lib: Any, article_ids: Sequence[str], *, memory: LibraryMemory | None = None,
                     analyzer: Analyzer | None = None,
                     each: Callable[[str, ArticleSession], None] | None = None) -> dict[str, list[Finding]]:
    """Article id -> its open findings (one memory shared, so the library is learnt once)."""
    memory = memory or LibraryMemory(lib)
    out: dict[str, list[Finding]] = {}
    for aid in article_ids:
        session = ArticleSession.open(lib, aid, analyzer=analyzer, memory=memory)
        out[aid] = list(session.findings)
        if each is not None:
            each(aid, session)
    return out
