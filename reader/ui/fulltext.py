"""Fuzzy full-text search across the library: matching paragraphs with context.

No textual here. Exact (case-insensitive) matches rank first; then paragraphs that match
approximately (rapidfuzz ``partial_ratio``), so a misspelt query or a garbled text still
finds its place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

CONTEXT = 40


@dataclass(frozen=True, slots=True)
class TextHit:
    article_id: str
    title: str
    offset: int
    length: int
    score: float
    before: str
    match: str
    after: str


def _one_line(s: str) -> str:
    """Whitespace runs (newlines included) as one space, kept at the ends too: the
    snippet is shown as before + match + after, so a space dropped at an edge glued the
    match to its neighbours ("catsaton")."""
    inner = " ".join(s.split())
    if not inner:
        return " " if s else ""
    return (" " if s[:1].isspace() else "") + inner + (" " if s[-1:].isspace() else "")


def _hit(article_id: str, title: str, text: str, start: int, end: int, score: float) -> TextHit:
    return TextHit(
        article_id, title, start, end - start, score,
        _one_line(text[max(0, start - CONTEXT):start]), _one_line(text[start:end]), _one_line(text[end:end + CONTEXT]),
    )


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in re.finditer(r"\n\s*\n|\n", text):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text)


def search_text(article_id: str, title: str, text: str, query: str, *, cutoff: float = 80.0, limit: int = 50) -> list[TextHit]:
    query = query.strip()
    if not query:
        return []
    hits: list[TextHit] = []
    seen: set[int] = set()
    for m in re.finditer(re.escape(query), text, re.IGNORECASE):
        hits.append(_hit(article_id, title, text, m.start(), m.end(), 100.0))
        seen.add(m.start())
        if len(hits) >= limit:
            return hits
    if len(query) < 3:
        return hits
    from rapidfuzz import fuzz

    lowered = query.lower()
    for start, end in paragraphs(text):
        para = text[start:end]
        align = fuzz.partial_ratio_alignment(lowered, para.lower(), score_cutoff=cutoff)
        if align is None or align.score >= 100.0:
            continue
        s, e = start + align.dest_start, start + align.dest_end
        if any(abs(s - o) < len(query) for o in seen):
            continue
        seen.add(s)
        hits.append(_hit(article_id, title, text, s, e, align.score))
        if len(hits) >= limit:
            break
    return hits


def search_library(
    articles: Iterable[tuple[str, str, Callable[[], str]]], query: str, *, limit: int = 200
) -> list[TextHit]:
    """``articles`` yields ``(id, title, get_text)``; hits sorted best first."""
    out: list[TextHit] = []
    for article_id, title, get_text in articles:
        out.extend(search_text(article_id, title, get_text(), query))
    out.sort(key=lambda h: (-h.score, h.title.casefold(), h.offset))
    return out[:limit]
