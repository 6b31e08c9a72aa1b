"""The corrected text as a projection of the frozen text plus correction records.

Corrections never overlap and are kept in original-text coordinates, so the corrected text
is the original with each ``[start, end)`` replaced, and offsets map between the two by
exact arithmetic (:class:`OffsetMap`). Nothing here mutates anything.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from reader.model import Correction


def ordered(corrections: Iterable[Correction]) -> list[Correction]:
    """Corrections sorted by position, dropping any that overlap an earlier one."""
    out: list[Correction] = []
    last_end = -1
    for c in sorted(corrections, key=lambda c: (c.start, c.end, c.created, c.id)):
        if c.start < last_end:
            continue
        out.append(c)
        last_end = c.end
    return out


def apply_corrections(text: str, corrections: Iterable[Correction]) -> str:
    """The corrected text."""
    parts: list[str] = []
    pos = 0
    for c in ordered(corrections):
        if c.start < pos or c.end > len(text):
            continue
        parts.append(text[pos:c.start])
        parts.append(c.replacement)
        pos = c.end
    parts.append(text[pos:])
    return "".join(parts)


class OffsetMap:
    """Maps offsets between the original text and the corrected text.

    An offset inside a replaced span maps to the start of its replacement (``to_corrected``)
    or of the original span (``to_original``); offsets outside shift by the accumulated
    length difference of the corrections before them.
    """

    def __init__(self, corrections: Sequence[Correction]) -> None:
        self.corrections = ordered(corrections)
        self._orig_starts: list[int] = []
        self._corr_starts: list[int] = []
        self._deltas: list[int] = []  # delta accumulated *before* each correction
        delta = 0
        for c in self.corrections:
            self._orig_starts.append(c.start)
            self._corr_starts.append(c.start + delta)
            self._deltas.append(delta)
            delta += len(c.replacement) - (c.end - c.start)
        self.total_delta = delta

    def to_corrected(self, offset: int, *, end: bool = False) -> int:
        i = bisect_right(self._orig_starts, offset) - 1
        if i < 0:
            return offset
        c = self.corrections[i]
        before = self._deltas[i]
        if offset == c.start and not end:
            return offset + before
        if offset < c.end or (end and offset == c.end):
            if end and offset > c.start:
                return c.start + before + len(c.replacement)
            return c.start + before
        return offset + before + len(c.replacement) - (c.end - c.start)

    def to_original(self, offset: int, *, end: bool = False) -> int:
        i = bisect_right(self._corr_starts, offset) - 1
        if i < 0:
            return offset
        c = self.corrections[i]
        cstart = self._corr_starts[i]
        cend = cstart + len(c.replacement)
        if offset == cstart and not end:
            return c.start
        if offset < cend or (end and offset == cend):
            return c.end if (end and offset > cstart) else c.start
        return offset - self._deltas[i] - (len(c.replacement) - (c.end - c.start))

    def span_to_corrected(self, start: int, end: int) -> tuple[int, int]:
        return self.to_corrected(start), self.to_corrected(end, end=True)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.to_original(start), self.to_original(end, end=True)
