"""The corrected text as a projection of the frozen text plus correction records.

Corrections never overlap and are kept in original-text coordinates, so the corrected text
is the original with each ``[start, end)`` replaced, and offsets map between the two by
exact arithmetic (:class:`OffsetMap`). Nothing here mutates anything.

A correction only applies where it still fits the text: inside it, and with ``original``
equal to ``text[start:end]``. After a source is re-imported with edits, corrections that
no longer fit are left out of the projection (and kept on disk) instead of garbling it.
"""

from __future__ import annotations

import difflib
import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence

from reader.model import Correction


def ordered(corrections: Iterable[Correction]) -> list[Correction]:
    """Corrections sorted by position, dropping any that overlap an earlier one.

    Two insertions (empty spans) at the same offset overlap; an insertion at ``x`` and a
    replacement of ``[x, y)`` do not (the insertion comes first).
    """
    out: list[Correction] = []
    last_start = last_end = -1
    for c in sorted(corrections, key=lambda c: (c.start, c.end, c.created or "", c.id)):
        if c.start < last_end or (c.start == c.end == last_start == last_end):
            continue
        out.append(c)
        last_start, last_end = c.start, c.end
    return out


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether two spans conflict as corrections (see :func:`ordered` for empty spans)."""
    if a_start == a_end and b_start == b_end:
        return a_start == b_start
    if a_start == a_end:
        return b_start < a_start < b_end
    if b_start == b_end:
        return a_start < b_start < a_end
    return a_start < b_end and b_start < a_end


def applicable(text: str, corrections: Iterable[Correction]) -> list[Correction]:
    """The corrections that fit ``text`` (in range, ``original`` matching), in order."""
    fitting = (
        c
        for c in corrections
        if 0 <= c.start <= c.end <= len(text) and text[c.start : c.end] == c.original
    )
    return ordered(fitting)


def apply_corrections(text: str, corrections: Iterable[Correction]) -> str:
    """The corrected text."""
    return project(text, corrections)[0]


def project(text: str, corrections: Iterable[Correction]) -> tuple[str, OffsetMap]:
    """The corrected text and the offset map between it and ``text``, in one pass."""
    fitting = applicable(text, corrections)
    parts: list[str] = []
    pos = 0
    for c in fitting:
        parts.append(text[pos : c.start])
        parts.append(c.replacement)
        pos = c.end
    parts.append(text[pos:])
    return "".join(parts), OffsetMap(fitting, presorted=True)


class OffsetMap:
    """Maps offsets between the original text and the corrected text.

    A span maps to the smallest span on the other side that covers the same characters,
    widened to whole corrections it partly covers: a start offset strictly inside a
    correction maps to the correction's start, an end offset to its end. At a boundary a
    start offset maps past an insertion (or deletion) sitting there and an end offset maps
    before it, so ``text[start:end]`` keeps meaning the same characters. Offsets outside
    every correction round-trip exactly.

    ``corrections`` must fit the text they are used with; :func:`project` builds the map
    from exactly the corrections it applied.
    """

    def __init__(self, corrections: Sequence[Correction], *, presorted: bool = False) -> None:
        self.corrections = list(corrections) if presorted else ordered(corrections)
        self._o_starts: list[int] = []
        self._o_ends: list[int] = []
        self._c_starts: list[int] = []
        self._c_ends: list[int] = []
        self._before: list[int] = [0]  # _before[k]: total delta of the first k corrections
        delta = 0
        for c in self.corrections:
            self._o_starts.append(c.start)
            self._o_ends.append(c.end)
            self._c_starts.append(c.start + delta)
            delta += len(c.replacement) - (c.end - c.start)
            self._c_ends.append(c.end + delta)
            self._before.append(delta)
        self.total_delta = delta

    def to_corrected(self, offset: int, *, end: bool = False) -> int:
        """An original offset in the corrected text (``end``: as the end of a span)."""
        return self._map(offset, end, self._o_starts, self._o_ends, self._c_starts, self._c_ends, 1)

    def to_original(self, offset: int, *, end: bool = False) -> int:
        """A corrected offset in the original text (``end``: as the end of a span)."""
        return self._map(offset, end, self._c_starts, self._c_ends, self._o_starts, self._o_ends, -1)

    def _map(self, x: int, end: bool, starts: list[int], ends: list[int],
             other_starts: list[int], other_ends: list[int], sign: int) -> int:
        k = bisect_right(ends, x)  # spans ending at or before x
        if k < len(starts) and starts[k] < x:  # strictly inside span k
            return other_ends[k] if end else other_starts[k]
        if end:
            k = min(k, bisect_left(starts, x))  # leave out empty spans sitting at x
        return x + sign * self._before[k]

    def span_to_corrected(self, start: int, end: int) -> tuple[int, int]:
        return _map_span(self.to_corrected, start, end)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        return _map_span(self.to_original, start, end)

    def touching(self, start: int, end: int) -> list[Correction]:
        """Corrections whose replacement text shares characters with corrected
        ``[start, end)``, or whose deleted text sits strictly inside it; the ones a new
        correction over that span must replace (an insertion has no original span)."""
        lo = bisect_right(self._c_ends, start)
        hi = bisect_left(self._c_starts, end)
        out = []
        for i in range(lo, hi):
            cs, ce = self._c_starts[i], self._c_ends[i]
            if (cs < ce and cs < end and start < ce) or (cs == ce and start < cs < end):
                out.append(self.corrections[i])
        return out

    def corrected_spans(self) -> list[tuple[int, int]]:
        """Where each correction's replacement sits in the corrected text (for marking)."""
        return list(zip(self._c_starts, self._c_ends))


def _map_span(to: Callable[..., int], start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` through one of :class:`OffsetMap`'s point maps: an empty span stays
    a point, and the end never lands before the start."""
    if start == end:
        point = to(start)
        return point, point
    s, e = to(start), to(end, end=True)
    return s, max(s, e)


# --------------------------------------------------------------------------- words

_WORD_CHAR = re.compile(r"\w")


def _is_word_char(ch: str) -> bool:
    return bool(_WORD_CHAR.match(ch))


def word_occurrences(text: str, word: str) -> list[tuple[int, int]]:
    """Spans of ``word`` in ``text`` as a whole word: not part of a longer word, where an
    apostrophe or hyphen between letters joins ("don" is not found in "don't")."""
    if not word:
        return []
    out: list[tuple[int, int]] = []
    n = len(text)
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < n else ""
        joined_before = before in "'’-" and start > 1 and _is_word_char(text[start - 2])
        joined_after = after in "'’-" and end + 1 < n and _is_word_char(text[end + 1])
        word_edge_ok = not (before and _is_word_char(before) and _is_word_char(word[0])) and not (
            after and _is_word_char(after) and _is_word_char(word[-1])
        )
        if word_edge_ok and not joined_before and not joined_after:
            out.append((start, end))
        start = text.find(word, start + 1)
    return out


# --------------------------------------------------------------------------- diffs


def quote(s: str) -> str:
    """A string in double quotes with newlines and other specials escaped (inert text)."""
    return json.dumps(s, ensure_ascii=False)


def compact_diff(text: str, corrections: Iterable[Correction]) -> list[str]:
    """One line per applied correction: ``line 3: "Wendsday" -> "Wednesday"``."""
    out: list[str] = []
    line, pos = 1, 0
    for c in applicable(text, corrections):
        line += text.count("\n", pos, c.start)
        pos = c.start
        out.append(f"line {line}: {quote(c.original)} -> {quote(c.replacement)}")
    return out


def unified_diff(text: str, corrections: Iterable[Correction], *, name: str = "article",
                 context: int = 1) -> str:
    """A unified diff of the original against the corrected text ('' when identical)."""
    return text_diff(text, apply_corrections(text, corrections), f"{name} (original)",
                     f"{name} (corrected)", context=context)


def text_diff(before: str, after: str, fromfile: str, tofile: str, *, context: int = 1) -> str:
    """A unified diff of two texts ('' when identical)."""
    if before == after:
        return ""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=fromfile,
        tofile=tofile,
        n=context,
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
