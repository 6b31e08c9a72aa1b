"""The domain records every part of reader shares, as frozen dataclasses.

Offsets are Python ``str`` offsets (code points, end exclusive) into an article's frozen
text, the same offsets ``reader check --format json`` and the W3C TextPositionSelector use.
Everything a person adds (corrections, annotations, ignores) is standoff: it points into
the text, which itself never changes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from reader import kinds


#: The kinds of suspected error (each documented in the README), from :mod:`reader.kinds`.
FindingKind = StrEnum("FindingKind", [(k.name.upper(), k.name) for k in kinds.FINDINGS])
#: Named-entity labels the detector produces; users may add custom labels too.
EntityLabel = StrEnum("EntityLabel", [(k.name.upper(), k.name) for k in kinds.ENTITIES])


@dataclass(frozen=True, slots=True)
class Finding:
    """A suspected error at ``text[start:end]`` with ranked replacement suggestions."""

    start: int
    end: int
    text: str
    kind: str
    message: str
    suggestions: tuple[str, ...] = ()
    #: How likely the finding is a real error (0-1), from the learned model in
    #: :mod:`reader.analysis.confidence`; 1.0 until the analysis has scored it.
    confidence: float = 1.0

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity at ``text[start:end]``.

    ``canonical`` is the spelling the entity's cluster agrees on (for a misspelled name,
    the form it is a variant of); ``None`` when the surface text is canonical.
    """

    start: int
    end: int
    text: str
    label: str
    canonical: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
        }
        if self.canonical and self.canonical != self.text:
            out["canonical"] = self.canonical
        return out


@dataclass(frozen=True, slots=True)
class Analysis:
    """What :func:`reader.analysis.analyze` found in one text, both sorted by start."""

    findings: tuple[Finding, ...] = ()
    entities: tuple[Entity, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """An article's metadata, without its (possibly large) text."""

    id: str
    title: str
    source: str | None
    sha256: str
    added: str  # ISO 8601 UTC
    words: int
    chars: int
    meta: dict[str, Any] = field(default_factory=dict)  # author, date, url, feed, encoding


@dataclass(frozen=True, slots=True)
class Article:
    """An article with its frozen text."""

    info: ArticleInfo
    text: str

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def title(self) -> str:
        return self.info.title


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where an annotation sits: a position plus the quote and its context.

    The position is over the article's original text (TextPositionSelector); ``quote``,
    ``prefix`` and ``suffix`` (TextQuoteSelector, ~32 characters of context each) let the
    anchor be found again when the source text is re-imported with edits.
    """

    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class Annotation:
    """A person's note, tags or entity label on a span. ``orphan`` once it cannot be
    re-anchored: it is kept with its last anchor and listed, never deleted silently."""

    id: str
    article_id: str
    anchor: Anchor
    note: str = ""
    tags: tuple[str, ...] = ()
    label: str | None = None
    created: str = ""
    updated: str = ""
    orphan: bool = False

    def to_record(self) -> dict[str, Any]:
        rec = asdict(self)
        rec["tags"] = list(self.tags)
        return rec

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> Annotation:
        return cls(
            id=rec["id"],
            article_id=rec["article_id"],
            anchor=Anchor(**rec["anchor"]),
            note=rec.get("note", ""),
            tags=tuple(rec.get("tags", ())),
            label=rec.get("label"),
            created=rec.get("created", ""),
            updated=rec.get("updated", ""),
            orphan=bool(rec.get("orphan", False)),
        )


@dataclass(frozen=True, slots=True)
class Correction:
    """Replace ``original`` at ``[start, end)`` of the original text with ``replacement``.

    The corrections of one article never overlap; together they are an edit log over the
    frozen text from which the corrected text and every offset map are computed.
    """

    id: str
    article_id: str
    start: int
    end: int
    original: str
    replacement: str
    kind: str | None = None  # the finding kind it fixed, if any
    created: str = ""

    def to_record(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> Correction:
        return cls(**{k: rec.get(k) for k in cls.__slots__ if k in rec})


@dataclass(frozen=True, slots=True)
class Ignore:
    """A finding the user dismissed: at one place (``start``/``end`` set) or, with
    ``start is None``, every occurrence of ``text`` in the article."""

    id: str
    article_id: str
    text: str
    start: int | None = None
    end: int | None = None
    created: str = ""

    def to_record(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> Ignore:
        return cls(**{k: rec.get(k) for k in cls.__slots__ if k in rec})
