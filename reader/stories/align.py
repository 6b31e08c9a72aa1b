"""Paragraph alignment of two reports of the same event, for reading them side by side.

Each paragraph (a non-blank line or block) becomes a set of terms: folded names and words
of four letters or more. Two paragraphs are as similar as the share of terms they have in
common (Dice coefficient). The alignment is the order-keeping pairing with the greatest
total similarity (a weighted longest-common-subsequence: reports tell an event in roughly
the same order); a paragraph left unpaired goes with the partner of its nearest paired
neighbour before it, so every paragraph has somewhere to bring the other side to.
"""

from __future__ import annotations

import re

from reader.stories.features import fold

_TERM = re.compile(r"[^\W\d_]{4,}|\d{2,}")
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")
#: Pairs less similar than this are not paired at all.
MIN_SIMILARITY = 0.08


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line of ``text``."""
    return [m.span() for m in _PARAGRAPH.finditer(text)]


def _terms(text: str) -> frozenset[str]:
    return frozenset(fold(w) for w in _TERM.findall(text))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def align(left: str, right: str) -> tuple[list[int], list[int]]:
    """For each paragraph of ``left`` the index of its partner in ``right``, and the other
    way round (indexes into :func:`paragraphs` of each; empty lists for empty texts)."""
    lp, rp = paragraphs(left), paragraphs(right)
    if not lp or not rp:
        return [0] * len(lp), [0] * len(rp)
    lt = [_terms(left[s:e]) for s, e in lp]
    rt = [_terms(right[s:e]) for s, e in rp]
    n, m = len(lt), len(rt)
    sim = [[similarity(a, b) for b in rt] for a in lt]
    # best[i][j]: best total over left[:i], right[:j]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        row, prev = best[i], best[i - 1]
        for j in range(1, m + 1):
            s = sim[i - 1][j - 1]
            pair = prev[j - 1] + s if s >= MIN_SIMILARITY else -1.0
            row[j] = max(prev[j], row[j - 1], pair)
    pairs: dict[int, int] = {}
    i, j = n, m
    while i and j:
        s = sim[i - 1][j - 1]
        if s >= MIN_SIMILARITY and best[i][j] == best[i - 1][j - 1] + s:
            pairs[i - 1] = j - 1
            i, j = i - 1, j - 1
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    return _fill(pairs, n, m), _fill({b: a for a, b in pairs.items()}, m, n)


def _fill(pairs: dict[int, int], n: int, m: int) -> list[int]:
    """Partners for all ``n`` paragraphs: paired ones keep theirs, others take the partner
    of the nearest paired paragraph before them (the first one, before any)."""
    out: list[int] = []
    last: int | None = None
    for i in range(n):
        if i in pairs:
            last = pairs[i]
            out.append(last)
        elif last is not None:
            out.append(last)
        else:
            out.append(0)
    return out
