"""What every export reads: an article, its records, and the analysis of its corrected text.

:func:`build_doc` gathers it from the library; formats only see the :class:`ExportDoc`, so
they are pure and testable without a library. Positions of entities and findings are over
the corrected text; annotations and corrections stay over the original text, and the doc
maps them (:meth:`ExportDoc.corrected_span`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

from reader.model import Annotation, Article, Correction, Entity, Finding


def _visible_controls() -> dict[int, str]:
    table = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}
    table[0x7F] = "\u2421"
    table.update({c: "\ufffd" for c in range(0x80, 0xA0)})
    return table


_VISIBLE = _visible_controls()


def inert(text: str) -> str:
    """Control characters as visible symbols, one for one (offsets unchanged)."""
    return text.translate(_VISIBLE)


@dataclass(frozen=True)
class ExportOptions:
    """``appendix``: md adds entities and corrections; ``highlights_only``: md lists only
    the highlights (Readwise/Zotero style)."""

    appendix: bool = False
    highlights_only: bool = False


@dataclass(frozen=True)
class ExportDoc:
    """One article ready to export. ``entities``/``findings`` are the detector's, over the
    corrected text; people's labels are applied by :attr:`entities_effective`."""

    article: Article
    annotations: tuple[Annotation, ...] = ()
    corrections: tuple[Correction, ...] = ()
    entities: tuple[Entity, ...] = ()
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @cached_property
    def text(self) -> str:
        """The original text, with any control character made visible (exports never
        emit escape bytes, even for a text that bypassed import)."""
        return inert(self.article.text)

    @cached_property
    def clean_corrections(self) -> tuple[Correction, ...]:
        """The corrections with control characters made visible, like the text."""
        return tuple(replace(c, original=inert(c.original), replacement=inert(c.replacement)) for c in self.corrections)

    @cached_property
    def _projection(self):
        from reader.corrections import project

        return project(self.text, self.clean_corrections)

    @property
    def corrected(self) -> str:
        return self._projection[0]

    @property
    def offset_map(self):
        return self._projection[1]

    @cached_property
    def applied_corrections(self) -> list[Correction]:
        """The corrections that fit the text, in position order."""
        from reader.corrections import applicable

        return applicable(self.text, self.clean_corrections)

    @cached_property
    def ordered_annotations(self) -> list[Annotation]:
        """Anchored annotations by position, then orphans; ties by id (stable output).
        Notes, tags, labels and quotes have their control characters made visible."""
        clean = [
            replace(
                a,
                note=inert(a.note),
                tags=tuple(inert(t) for t in a.tags),
                label=inert(a.label) if a.label else a.label,
                anchor=replace(a.anchor, quote=inert(a.anchor.quote), prefix=inert(a.anchor.prefix),
                               suffix=inert(a.anchor.suffix)),
            )
            for a in self.annotations
        ]
        return sorted(clean, key=lambda a: (a.orphan, a.anchor.start, a.anchor.end, a.id))

    def corrected_span(self, annotation: Annotation) -> tuple[int, int] | None:
        from reader.anchors import annotation_in_corrected

        if annotation.orphan or annotation.anchor.end > len(self.text):
            return None
        return annotation_in_corrected(annotation, self.offset_map)

    @cached_property
    def entities_effective(self) -> list[Entity]:
        from reader.annotating import effective_entities

        live = [a for a in self.ordered_annotations if self.corrected_span(a) is not None]
        return effective_entities(self.entities, live, self.text, self.applied_corrections)

    @property
    def title(self) -> str:
        return " ".join(inert(self.article.title).split()) or "Untitled"

    @cached_property
    def body_start(self) -> int:
        """Where the corrected text's body begins: after its first line (and the blank
        lines after it) when that line is the title, which exports already show as the
        heading; else 0. Imports store the title as the text's first line, so without
        this every md and html export says its title twice."""
        return title_line_end(self.corrected, inert(self.article.title))


def _title_key(line: str) -> str:
    return " ".join(line.strip().strip("#").split()).casefold()


#: Imports keep at most this many characters of a title (a longer first line was cut).
TITLE_CHARS = 200


def title_line_end(text: str, title: str) -> int:
    """The offset after ``text``'s first non-blank line and the blank lines that follow it,
    when that line says ``title`` (ignoring case, spacing and Markdown ``#`` marks, and a
    title cut to :data:`TITLE_CHARS`); 0 when the text does not open with its title."""
    start = len(text) - len(text.lstrip("\n"))
    end = text.find("\n", start)
    if end < 0:
        return 0  # a text that is only its title line keeps it
    line, want = _title_key(text[start:end]), _title_key(title)
    if not want or not (line == want or (len(title) >= TITLE_CHARS and line.startswith(want))):
        return 0
    while end < len(text) and text[end] == "\n":
        end += 1
    return end


def build_doc(lib, article_id: str, *, analyse: bool = True, memory=None) -> ExportDoc:
    """Everything needed to export one article, from the library. The findings are the
    article's open findings and the entities its detected ones, from an
    :class:`~reader.session.ArticleSession` (the same the reading view shows); share one
    ``memory`` (:class:`~reader.review.LibraryMemory`) when exporting several articles."""
    article = lib.get_article(article_id)
    annotations = tuple(lib.annotations(article_id))
    corrections = tuple(lib.corrections(article_id))
    entities: tuple[Entity, ...] = ()
    findings: tuple[Finding, ...] = ()
    if analyse:
        from reader.session import ArticleSession

        session = ArticleSession.open(lib, article_id, memory=memory)
        entities = tuple(session.detected_entities)
        findings = tuple(session.findings)
    return ExportDoc(article, annotations, corrections, entities, findings)
