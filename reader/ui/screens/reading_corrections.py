"""What the reading view draws from an article's :class:`~reader.review.Review`.

Two jobs, no widgets:

* :class:`ReviewAnalyzer` — the analyzer a Review calls, routed through the app's
  :class:`~reader.ui.analysis_service.AnalysisService`: a whole text goes through
  ``service.run`` (chunked with progress, cached by text *and* context, so the library
  table's counts and the reading view share one analysis), a paragraph being re-checked
  after a correction goes straight to the analyzer.
* :func:`projected_layers` — the highlight layers for the corrected text (or the
  original, when the person toggled it), with findings, entities (people's labels
  applied), annotations and corrected spans in displayed coordinates.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from reader.analysis import AnalysisContext
from reader.model import Analysis, Entity, Finding
from reader.ui.analysis_service import AnalyzerClosed, Progress
from reader.ui.document import (
    SpanLayer, annotation_layer, correction_layer, entity_layer, finding_layer,
)

#: Texts at least this long are analysed through the service (cached, with progress);
#: shorter ones (a paragraph re-checked after a correction) go straight to the analyzer.
WHOLE_TEXT_CHARS = 4_000


class AnalysisCancelled(Exception):
    """The reading view closed (or the app quit) while its analysis was running."""


def context_digest(context: AnalysisContext | None) -> str:
    """A stable fingerprint of what, besides the text, the analysis depends on."""
    if context is None:
        return "none"
    parts = (
        sorted(context.dictionary), sorted(context.ignored), list(context.known_names),
        sorted((context.preferred or {}).items()), sorted(context.kinds or ()),
        sorted((getattr(context, "story_names", None) or {}).items()),
    )
    return hashlib.sha1(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


def cache_key(text: str, context: AnalysisContext | None) -> str:
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return f"review:{digest}:{context_digest(context)}"


class ReviewAnalyzer:
    """``ReviewAnalyzer(service)``: a Review's analyzer that uses the app's service.

    ``on_progress`` and ``cancelled`` apply to whole-text runs (set them while the first
    analysis runs in a worker, clear them after).
    """

    def __init__(self, service: Any, on_progress: Callable[[Progress], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> None:
        self.service = service
        self.on_progress = on_progress
        self.cancelled = cancelled
        self._first = True  # the Review's first call is always the whole text

    def __call__(self, text: str, context: AnalysisContext | None = None) -> Analysis:
        first, self._first = self._first, False
        try:
            if not first and len(text) < WHOLE_TEXT_CHARS:
                return self.service.analyzer(text, context)
            result = self.service.run(text, cache_key(text, context), context, self.on_progress,
                                      self.cancelled or (lambda: False))
        except AnalyzerClosed:  # the app is quitting
            raise AnalysisCancelled() from None
        if result is None:
            raise AnalysisCancelled()
        return result


def open_session(app: Any, article_id: str, *, on_progress=None, cancelled=None, memory=None):
    """The article's :class:`~reader.session.ArticleSession`, analysed through the app's
    service (call from a worker thread: the first analysis of a long article takes
    seconds). ``memory`` defaults to the app's shared LibraryMemory."""
    from reader.session import ArticleSession

    analyzer = ReviewAnalyzer(app.analysis, on_progress, cancelled)
    session = ArticleSession.open(app.library, article_id, analyzer=analyzer, memory=memory or app.memory,
                                  editor=app.editor)
    analyzer.on_progress = None
    analyzer.cancelled = None
    return session


def remaining_counts(app: Any, article_id: str, cancelled=None, memory=None) -> tuple[int, int]:
    """``(corrections applied, suspected errors still open)`` for the library table, from
    the article's session: the numbers the reading view, ``reader check ID`` and
    ``reader list --errors`` give (a counting thread passes a LibraryMemory of its own:
    the caches are not shared across threads)."""
    counts = open_session(app, article_id, cancelled=cancelled, memory=memory).counts
    return counts.corrected, counts.remaining


# --------------------------------------------------------------------------- layers


def projected_layers(session: Any, original: bool) -> tuple[list[SpanLayer], list[Finding], list[Entity]]:
    """Every record layer of the view, plus the findings and entities they draw, from the
    article's session, in the displayed text's coordinates."""
    findings, entities = session.displayed(original=original)
    omap = session.offset_map
    annotations = session.annotations
    if original:
        marks = [(c.start, max(c.end, c.start + 1)) for c in omap.corrections]
        notes = annotation_layer(annotations)
    else:
        marks = omap.corrected_spans()
        notes = annotation_layer(annotations, omap)
    layers = [correction_layer(marks), entity_layer(entities), finding_layer(findings), notes]
    return layers, findings, entities
