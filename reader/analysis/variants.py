"""Name variants: one entity spelled several ways, within and across articles."""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.lexicon import Lexicon
from reader.model import Entity, Finding


def find_variants(
    docs: Sequence[tuple[str, Sequence[Entity]]],
    lexicon: Lexicon,
    known_names: Sequence[str] = (),
) -> list[list[Finding]]:
    """``variant`` findings for each document, one list per document (placeholder)."""
    return [[] for _ in docs]
