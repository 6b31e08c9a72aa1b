"""Making, filtering and describing annotations, shared by the CLI, the app and exports.

An annotation is made from a span of the original text (the app's selection is mapped from
the corrected view first) or from a quote and its occurrence number (``reader note``).
Entity labels set by a person override the detector's entities; the label :data:`NO_ENTITY`
removes a wrong detected entity on that span.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from reader.anchors import annotation_in_corrected, make_anchor, span_from_corrected
from reader.errors import ReaderError
from reader.textio import sanitize
from reader.model import Annotation, Correction, Entity, EntityLabel

#: A label that says "this span is not an entity" (the IOB tagging "outside" label).
NO_ENTITY = "O"
_LABEL_RE = re.compile(r"^[A-Z][A-Z0-9_-]{0,31}$")
MAX_TAG = 64


def normalise_label(label: str | None) -> str | None:
    """An entity label in upper case, or ``None``; raises for a label tools cannot read.

    Labels become brat types and doccano labels, so they are one word of letters, digits,
    ``_`` and ``-`` starting with a letter.
    """
    if label is None or not label.strip():
        return None
    out = label.strip().upper()
    if not _LABEL_RE.match(out):
        raise ReaderError(
            f"label {label!r} is not usable: use one word of letters, digits, _ or - "
            f"(e.g. {', '.join(EntityLabel)}, or {NO_ENTITY} to mark a span as no entity)"
        )
    return out


def normalise_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags trimmed, split on commas, without ``#``, empties or repeats (order kept)."""
    out: list[str] = []
    for raw in tags:
        for part in raw.split(","):
            tag = " ".join(part.strip().lstrip("#").split())[:MAX_TAG]
            if tag and tag not in out:
                out.append(tag)
    return tuple(out)


def find_quote(text: str, quote: str) -> list[int]:
    """Start offsets of the non-overlapping occurrences of ``quote`` in ``text``."""
    if not quote:
        return []
    out: list[int] = []
    i = text.find(quote)
    while i >= 0:
        out.append(i)
        i = text.find(quote, i + len(quote))
    return out


def locate_quote(
    text: str, quote: str, nth: int = 1, corrections: Sequence[Correction] = ()
) -> tuple[int, int]:
    """The original-text span of the ``nth`` (1-based) occurrence of ``quote``.

    The original text is searched first; a quote that only appears in the corrected text
    (it contains a fix) is found there and mapped back. Raises :class:`ReaderError` (exit 2)
    saying how many occurrences there are when the ``nth`` does not exist.
    """
    if not quote:
        raise ReaderError("the quote is empty")
    if nth < 1:
        raise ReaderError(f"--nth counts from 1, not {nth}")
    hits = find_quote(text, quote)
    mapped_from_corrected = False
    if not hits and corrections:
        from reader.corrections import apply_corrections

        hits = find_quote(apply_corrections(text, corrections), quote)
        mapped_from_corrected = bool(hits)
    if not hits:
        raise ReaderError(f"quote not found in the article: {quote!r}")
    if nth > len(hits):
        times = "once" if len(hits) == 1 else f"{len(hits)} times"
        raise ReaderError(f"the quote occurs {times}; there is no occurrence number {nth}")
    start = hits[nth - 1]
    end = start + len(quote)
    if mapped_from_corrected:
        return span_from_corrected(start, end, corrections)
    return start, end


def new_annotation(
    article_id: str,
    text: str,
    start: int,
    end: int,
    *,
    note: str = "",
    tags: Iterable[str] = (),
    label: str | None = None,
    now: str = "",
    annotation_id: str | None = None,
) -> Annotation:
    """A new annotation on ``text[start:end]`` (original-text offsets)."""
    if not 0 <= start < end <= len(text):
        raise ReaderError(f"cannot annotate an empty or out-of-range span {start}:{end}")
    if not text[start:end].strip():
        raise ReaderError("cannot annotate only whitespace")
    if annotation_id is None:
        from reader.store import new_id

        annotation_id = new_id()
    return Annotation(
        id=annotation_id,
        article_id=article_id,
        anchor=make_anchor(text, start, end),
        note=sanitize(note).strip("\n"),
        tags=normalise_tags(sanitize(t) for t in tags),
        label=normalise_label(label),
        created=now,
        updated=now,
    )


def tag_counts(annotations: Iterable[Annotation]) -> Counter[str]:
    return Counter(t for a in annotations for t in a.tags)


def tag_completions(annotations: Iterable[Annotation], prefix: str = "") -> list[str]:
    """Tags already used that start with ``prefix`` (case-insensitive), most used first."""
    counts = tag_counts(annotations)
    p = prefix.strip().lstrip("#").casefold()
    hits = [t for t in counts if t.casefold().startswith(p)]
    return sorted(hits, key=lambda t: (-counts[t], t.casefold(), t))


def filter_annotations(
    annotations: Iterable[Annotation],
    *,
    tag: str | None = None,
    label: str | None = None,
    search: str | None = None,
    threshold: float = 70.0,
) -> list[Annotation]:
    """Annotations with ``tag`` (case-insensitive), ``label``, and fuzzily matching
    ``search`` in their note or quote, in their given order."""
    out = list(annotations)
    if tag:
        t = tag.strip().lstrip("#").casefold()
        out = [a for a in out if any(x.casefold() == t for x in a.tags)]
    if label:
        lab = label.strip().upper()
        out = [a for a in out if (a.label or "") == lab]
    if search and search.strip():
        from rapidfuzz import fuzz

        q = search.strip().casefold()
        out = [
            a for a in out
            if q in a.note.casefold() or q in a.anchor.quote.casefold()
            or fuzz.partial_ratio(q, a.note.casefold()) >= threshold
            or fuzz.partial_ratio(q, a.anchor.quote.casefold()) >= threshold
        ]
    return out


def annotation_json(annotation: Annotation) -> dict[str, Any]:
    """The JSON object ``reader notes --json`` prints (null offsets for an orphan)."""
    a = annotation
    return {
        "id": a.id,
        "article": a.article_id,
        "start": None if a.orphan else a.anchor.start,
        "end": None if a.orphan else a.anchor.end,
        "quote": a.anchor.quote,
        "note": a.note,
        "tags": list(a.tags),
        "label": a.label,
        "orphan": a.orphan,
    }


def effective_entities(
    detected: Sequence[Entity],
    annotations: Sequence[Annotation],
    text: str,
    corrections: Sequence[Correction] = (),
) -> list[Entity]:
    """Detected entities (over the corrected text) with people's labels applied.

    A labelled annotation becomes an entity over its span in the corrected text and removes
    any detected entity it overlaps; a :data:`NO_ENTITY` label only removes. Sorted by start.
    """
    from reader.corrections import project

    corrected, omap = project(text, corrections)  # only corrections that still fit the text
    user: list[tuple[int, int, str]] = []
    for a in annotations:
        if not a.label:
            continue
        span = annotation_in_corrected(a, omap)
        if span is None or span[0] >= span[1]:
            continue
        user.append((span[0], span[1], a.label))
    kept = [e for e in detected if not any(s < e.end and e.start < t for s, t, _ in user)]
    for s, t, label in user:
        if label != NO_ENTITY:
            kept.append(Entity(s, t, corrected[s:t], label))
    # Overlapping user labels: keep the first by position.
    kept.sort(key=lambda e: (e.start, -e.end, e.label))
    out: list[Entity] = []
    for e in kept:
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out


#: The entity labels offered first when labelling a span (the detector's own).
STANDARD_LABELS: tuple[str, ...] = tuple(EntityLabel)


@dataclass(frozen=True)
class AnnotateResult:
    """What the annotate dialog returns: save these fields, or delete the annotation."""

    action: Literal["save", "delete"] = "save"
    note: str = ""
    tags: tuple[str, ...] = ()
    label: str | None = None
