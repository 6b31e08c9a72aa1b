"""Reconciled names as ``variant`` findings.

Where an article's story spells a name otherwise (its names table prefers another
spelling), every whole-word occurrence of the article's spelling is a ``variant`` finding
whose first suggestion is the story's preferred spelling. Such a finding replaces any
other variant finding on the same words: the story's other reports are better evidence
than one article's own counts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reader.corrections import overlaps, word_occurrences
from reader.model import Finding


def story_variants(text: str, findings: Sequence[Finding], names: Mapping[str, str]) -> list[Finding]:
    """``findings`` (variant findings of ``text``) with the story's reconciled ``names``
    (spelling -> preferred spelling) added, sorted by start."""
    found: list[Finding] = []
    for spelling, preferred in names.items():
        if not spelling or spelling == preferred:
            continue
        message = f"this story's other articles spell it '{preferred}'"
        for s, e in word_occurrences(text, spelling):
            found.append(Finding(s, e, spelling, "variant", message, (preferred,)))
    if not found:
        return list(findings)
    kept = [f for f in findings if not any(overlaps(f.start, f.end, g.start, g.end) for g in found)]
    return sorted([*kept, *found], key=lambda f: (f.start, f.end))
