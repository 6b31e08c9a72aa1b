"""Analysis: ``(text, lexicon, library context) -> findings + entities``.

A pure function (DESIGN.md principle 2): no I/O beyond loading packaged word lists once,
no UI, deterministic. The reading view and ``reader check`` both call :func:`analyze`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.model import Analysis


@dataclass(frozen=True)
class AnalysisContext:
    """What the analysis may know beyond the text itself.

    ``dictionary``: the personal dictionary (never flagged). ``ignored``: words accepted for
    this article. ``known_names``: entity spellings from other articles checked together or
    stored in the library (for cross-article variant findings). ``preferred``: remembered
    corrections, word -> fix, offered as the first suggestion.
    """

    dictionary: frozenset[str] = frozenset()
    ignored: frozenset[str] = frozenset()
    known_names: tuple[str, ...] = ()
    preferred: dict[str, str] = field(default_factory=dict)


def analyze(text: str, context: AnalysisContext | None = None) -> Analysis:
    """Find suspected errors and named entities in ``text`` (placeholder until the engine lands)."""
    return Analysis()
