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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reader.model import Analysis, Annotation, Entity, Finding


@dataclass(frozen=True, slots=True)
class Span:
    """``[start, end)`` in the displayed text, drawn with style ``key``; ``ref`` is the
    record it came from (a Finding, Entity, Annotation, ...)."""

    start: int
    end: int
    key: str
    ref: object = None


class SpanLayer:
    """A named, toggleable set of spans sorted by start, with fast overlap queries."""

    def __init__(self, name: str, spans: Iterable[Span] = (), *, visible: bool = True) -> None:
        self.name = name
        self.visible = visible
        self.spans: list[Span] = sorted((s for s in spans if s.end > s.start), key=lambda s: (s.start, s.end))
        self._starts = [s.start for s in self.spans]
        self._max_len = max((s.end - s.start for s in self.spans), default=0)

    def __len__(self) -> int:
        return len(self.spans)

    def extend(self, spans: Iterable[Span]) -> tuple[int, int] | None:
        """Add spans (cheap when they all start after the current last one, as the
        chunks of a long article's analysis do); returns the text range they cover."""
        new = sorted((s for s in spans if s.end > s.start), key=lambda s: (s.start, s.end))
        if not new:
            return None
        if self.spans and new[0].start < self.spans[-1].start:
            self.spans = sorted(self.spans + new, key=lambda s: (s.start, s.end))
            self._starts = [s.start for s in self.spans]
        else:
            self.spans.extend(new)
            self._starts.extend(s.start for s in new)
        self._max_len = max(self._max_len, max(s.end - s.start for s in new))
        return new[0].start, max(s.end for s in new)

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans that intersect ``[start, end)``."""
        if not self.spans:
            return []
        lo = bisect_left(self._starts, start - self._max_len)
        hi = bisect_left(self._starts, end)
        return [s for s in self.spans[lo:hi] if s.end > start]

    def next_after(self, offset: int) -> Span | None:
        i = bisect_right(self._starts, offset)
        return self.spans[i] if i < len(self.spans) else None

    def previous_before(self, offset: int) -> Span | None:
        i = bisect_left(self._starts, offset) - 1
        return self.spans[i] if i >= 0 else None

    def at(self, offset: int) -> Span | None:
        for s in self.overlapping(offset, offset + 1):
            return s
        return None

    def extent(self) -> tuple[int, int] | None:
        if not self.spans:
            return None
        return self.spans[0].start, max(s.end for s in self.spans)


#: Layer names, in paint order (later layers paint over earlier ones).
ENTITIES, ERRORS, ANNOTATIONS, SEARCH, CURRENT = "entities", "errors", "annotations", "search", "current"
TOGGLEABLE = (ENTITIES, ERRORS, ANNOTATIONS)


def entity_key(label: str) -> str:
    return f"reader-{label.lower()}"


def finding_key(kind: str) -> str:
    return f"reader-{kind.lower()}"


def entity_layer(entities: Sequence[Entity]) -> SpanLayer:
    return SpanLayer(ENTITIES, (Span(e.start, e.end, entity_key(e.label), e) for e in entities))


def finding_layer(findings: Sequence[Finding]) -> SpanLayer:
    return SpanLayer(ERRORS, (Span(f.start, f.end, finding_key(f.kind), f) for f in findings))


def annotation_layer(annotations: Sequence[Annotation]) -> SpanLayer:
    return SpanLayer(
        ANNOTATIONS,
        (Span(a.anchor.start, a.anchor.end, "reader-annotation", a) for a in annotations if not a.orphan),
    )


@dataclass
class Document:
    """The text on screen and its highlight layers (by name, painted in ``order``)."""

    text: str
    layers: dict[str, SpanLayer] = field(default_factory=dict)
    order: tuple[str, ...] = (ENTITIES, ERRORS, ANNOTATIONS, SEARCH, CURRENT)

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
            if layer is not None and layer.visible and layer.spans:
                out.extend(layer.overlapping(start, end))
        return out

    @classmethod
    def from_analysis(cls, text: str, analysis: Analysis, annotations: Sequence[Annotation] = ()) -> Document:
        doc = cls(text)
        doc.set_layer(entity_layer(analysis.entities))
        doc.set_layer(finding_layer(analysis.findings))
        doc.set_layer(annotation_layer(annotations))
        return doc
