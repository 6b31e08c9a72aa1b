"""The document the reading view shows: a text plus layers of styled spans.

Kept apart from the widget (which only paints rows) so the displayed text can be a
projection — the corrected text, with spans mapped through
:class:`reader.corrections.OffsetMap` — without the widget knowing. Highlights are a list
of :class:`SpanLayer`; each layer is one toggleable set (entities, errors, annotations,
search matches, the current finding), and each span names a style key that the view
resolves to a theme-driven style (see :mod:`reader.ui.theme_vars`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import Any

from reader.anchors import annotation_in_corrected
from reader.corrections import OffsetMap
from reader.model import Analysis, Annotation, Entity, Finding


@dataclass(frozen=True, slots=True)
class Span:
    """``[start, end)`` in the displayed text, drawn with style ``key``; ``ref`` is the
    record it came from (a Finding, Entity, Annotation, ...)."""

    start: int
    end: int
    key: str
    ref: object = None


_by_start_end = attrgetter("start", "end")


class SpanLayer:
    """A named, toggleable set of spans sorted by start, with fast overlap queries.

    Built either from :class:`Span` objects or, for the big record layers, from
    ``records`` (anything with ``start``/``end``: findings, entities) and a ``key``
    function giving each one's style: then :class:`Span` objects are only made for the
    records a query returns (a repaint asks for a screenful), so re-projecting thousands
    of findings after a correction costs a few passes in C, not an object per record.
    """

    def __init__(self, name: str, spans: Iterable[Span] = (), *, visible: bool = True,
                 records: Iterable[Any] | None = None, key: Callable[[Any], str] | None = None) -> None:
        self.name = name
        self.visible = visible
        if records is not None and key is not None:
            items = [r for r in records if r.end > r.start]
            items.sort(key=_by_start_end)  # already sorted in practice: one C pass
            self._items: list[Any] = items
            self._key: Callable[[Any], str] | None = key
            self._spans: list[Span] | None = None
        else:
            self._items = sorted((s for s in spans if s.end > s.start), key=_by_start_end)
            self._key = None
            self._spans = self._items
        self._starts = [s.start for s in self._items]
        self._max_len = max((s.end - s.start for s in self._items), default=0)

    def _span(self, i: int) -> Span:
        item = self._items[i]
        if self._key is None:
            return item
        return Span(item.start, item.end, self._key(item), item)

    @property
    def spans(self) -> list[Span]:
        """Every span (made on first use for a record layer)."""
        if self._spans is None:
            self._spans = [self._span(i) for i in range(len(self._items))]
        return self._spans

    def __len__(self) -> int:
        return len(self._items)

    def first(self) -> Span | None:
        return self._span(0) if self._items else None

    def last(self) -> Span | None:
        return self._span(len(self._items) - 1) if self._items else None

    def extend(self, spans: Iterable[Span]) -> tuple[int, int] | None:
        """Add spans (cheap when they all start after the current last one, as the
        chunks of a long article's analysis do); returns the text range they cover."""
        new = sorted((s for s in spans if s.end > s.start), key=_by_start_end)
        if not new:
            return None
        current = self.spans
        self._key = None
        if current and new[0].start < current[-1].start:
            current = sorted(current + new, key=_by_start_end)
            self._starts = [s.start for s in current]
        else:
            current.extend(new)
            self._starts.extend(s.start for s in new)
        self._items = self._spans = current
        self._max_len = max(self._max_len, max(s.end - s.start for s in new))
        return new[0].start, max(s.end for s in new)

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans that intersect ``[start, end)``."""
        if not self._items:
            return []
        lo = bisect_left(self._starts, start - self._max_len)
        hi = bisect_left(self._starts, end)
        items = self._items
        return [self._span(i) for i in range(lo, hi) if items[i].end > start]

    def next_after(self, offset: int) -> Span | None:
        i = bisect_right(self._starts, offset)
        return self._span(i) if i < len(self._items) else None

    def previous_before(self, offset: int) -> Span | None:
        i = bisect_left(self._starts, offset) - 1
        return self._span(i) if i >= 0 else None

    def at(self, offset: int) -> Span | None:
        for s in self.overlapping(offset, offset + 1):
            return s
        return None

    def extent(self) -> tuple[int, int] | None:
        if not self._items:
            return None
        return self._starts[0], self._starts[-1] + self._max_len  # covers every end


#: Layer names, in paint order (later layers paint over earlier ones).
ENTITIES, ERRORS, ANNOTATIONS, SEARCH, CURRENT = "entities", "errors", "annotations", "search", "current"
#: Corrected spans (under everything) and the ``v`` selection (under the cursor).
CORRECTIONS, SELECTION = "corrections", "selection"
TOGGLEABLE = (ENTITIES, ERRORS, ANNOTATIONS)


@lru_cache(maxsize=256)
def entity_key(label: str) -> str:
    return f"reader-{label.lower()}"


@lru_cache(maxsize=256)
def finding_key(kind: str) -> str:
    return f"reader-{kind.lower()}"


def _entity_style(e: Entity) -> str:
    return entity_key(e.label)


def _finding_style(f: Finding) -> str:
    return finding_key(f.kind)


def entity_layer(entities: Sequence[Entity]) -> SpanLayer:
    return SpanLayer(ENTITIES, records=entities, key=_entity_style)


def finding_layer(findings: Sequence[Finding]) -> SpanLayer:
    return SpanLayer(ERRORS, records=findings, key=_finding_style)


def annotation_layer(annotations: Sequence[Annotation], omap: OffsetMap | None = None) -> SpanLayer:
    """Annotations (stored over the original text) where they show: through ``omap`` when
    the view shows the corrected text, at their stored offsets when it shows the original."""
    if omap is None or not omap.corrections:
        spans = (Span(a.anchor.start, a.anchor.end, "reader-annotation", a) for a in annotations if not a.orphan)
    else:
        spans = (Span(*annotation_in_corrected(a, omap), "reader-annotation", a) for a in annotations if not a.orphan)
    return SpanLayer(ANNOTATIONS, spans)


def correction_layer(spans: Iterable[tuple[int, int]]) -> SpanLayer:
    """Corrected spans in the displayed text (an empty replacement marks nothing)."""
    return SpanLayer(CORRECTIONS, (Span(s, e, "reader-correction") for s, e in spans))


@dataclass
class Document:
    """The text on screen and its highlight layers (by name, painted in ``order``)."""

    text: str
    layers: dict[str, SpanLayer] = field(default_factory=dict)
    order: tuple[str, ...] = (CORRECTIONS, ENTITIES, ERRORS, ANNOTATIONS, SEARCH, SELECTION, CURRENT)

    def set_layer(self, layer: SpanLayer) -> tuple[int, int] | None:
        """Replace a layer (keeping its visibility); returns the text range whose look
        changed, for targeted repaint."""
        old = self.layers.get(layer.name)
        if old is not None:
            layer.visible = old.visible
        self.layers[layer.name] = layer
        ranges = [r for r in (old.extent() if old else None, layer.extent()) if r]
        if not ranges:
            return None
        return min(r[0] for r in ranges), max(r[1] for r in ranges)

    def layer(self, name: str) -> SpanLayer:
        found = self.layers.get(name)
        if found is None:
            found = self.layers[name] = SpanLayer(name)
        return found

    def spans_in(self, start: int, end: int) -> list[Span]:
        """Visible spans intersecting ``[start, end)``, in paint order."""
        out: list[Span] = []
        for name in self.order:
            layer = self.layers.get(name)
            if layer is not None and layer.visible and layer._items:
                out.extend(layer.overlapping(start, end))
        return out

    @classmethod
    def from_analysis(cls, text: str, analysis: Analysis, annotations: Sequence[Annotation] = ()) -> Document:
        doc = cls(text)
        doc.set_layer(entity_layer(analysis.entities))
        doc.set_layer(finding_layer(analysis.findings))
        doc.set_layer(annotation_layer(annotations))
        return doc
