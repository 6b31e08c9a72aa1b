"""The annotated article fixture for the export tests."""

from __future__ import annotations

import pytest

from export_helpers import TEXT, make_doc, span
from reader.anchors import make_anchor
from reader.export import ExportDoc
from reader.model import Anchor, Annotation, Correction, Entity, Finding


@pytest.fixture
def doc() -> ExportDoc:
    t = TEXT
    fixes = [
        Correction("c1", "art1", *span(t, "Genva"), "Genva", "Geneva", "misspelling", "2026-01-01T00:00:01+00:00"),
        Correction("c2", "art1", *span(t, "budgett"), "budgett", "budget", "misspelling"),
    ]
    anns = [
        Annotation("a1", "art1", make_anchor(t, *span(t, "the mayor", 2)), note="who is it?\nsecond line",
                   tags=("people", "todo"), created="2026-01-01T00:00:02+00:00", updated="2026-01-02T00:00:00+00:00"),
        Annotation("a2", "art1", make_anchor(t, *span(t, "mayor of Genva")), note="fix inside", label="PERSON"),
        Annotation("a3", "art1", make_anchor(t, *span(t, "Bern")), tags=("places",), label="PLACE"),
        Annotation("a4", "art1", Anchor(5, 9, "gone", "", ""), note="lost", orphan=True),
    ]
    # entities/findings are over the corrected text
    from reader.corrections import apply_corrections

    c = apply_corrections(t, fixes)
    ents = [Entity(*span(c, "Geneva", 3), "Geneva", "PLACE"), Entity(*span(c, "Monday"), "Monday", "DATE")]
    finds = [Finding(*span(c, "Later,"), "Later,", "grammar", "odd comma", ("Later",))]
    return make_doc(annotations=anns, corrections=fixes, entities=ents, findings=finds)
