"""Soft-wrap layout of an article: which text offsets start each screen row.

Why a module of its own: the reading view must paint a 1,000,000-word article within a
second, so wrapping is split in two. :func:`block_spans` finds the blocks (non-empty
source lines) once per text; :class:`Layout` holds, for one wrap width, the exact number of
rows of every block as a prefix-sum array (computed with ``str.rfind`` for single-width
text, so a whole article lays out in tens of milliseconds) and wraps a block's row offsets
on demand, caching them in an LRU. Widths are terminal cells (wide characters and emoji
count two), so wrapped rows line up.

Rows: each block's wrapped rows, with one blank row between blocks that were separated by
one or more blank lines in the source (paragraph spacing); a single newline is a hard break.
"""

from __future__ import annotations

from array import array
import re
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from dataclasses import dataclass
from itertools import accumulate

from rich.cells import get_character_cell_size


@dataclass(frozen=True, slots=True)
class Blocks:
    """The non-empty source lines of a text: ``starts[i]:ends[i]``, and ``gap[i]`` = 1 when
    a blank row (paragraph spacing) is drawn before block ``i``.

    ``special`` matches the characters of this text that are not one cell wide (wide CJK,
    emoji, combining marks), ``widths`` gives their cell widths; ``None`` when every
    character is one cell, the common case, which wraps at C speed.
    """

    starts: array
    ends: array
    gap: array
    special: re.Pattern[str] | None = None
    widths: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self.starts)


def _special_chars(text: str) -> dict[str, int]:
    """Cell widths of the characters of ``text`` that are not exactly one cell wide."""
    if text.isascii():
        return {}
    out: dict[str, int] = {}
    for ch in set(text):
        if ord(ch) >= 0x300 and ch not in "\n\t":
            w = get_character_cell_size(ch)
            if w != 1:
                out[ch] = w
    return out


def block_spans(text: str) -> Blocks:
    """Split ``text`` into blocks at newlines, remembering where paragraphs break."""
    starts, ends, gap = array("q"), array("q"), array("b")
    pos, n = 0, len(text)
    blank_before = False
    find = text.find
    while pos <= n:
        nl = find("\n", pos)
        end = n if nl < 0 else nl
        if end > pos and not text[pos:end].isspace():
            gap.append(1 if (blank_before and len(starts)) else 0)
            starts.append(pos)
            ends.append(end)
            blank_before = False
        else:
            blank_before = True
        if nl < 0:
            break
        pos = nl + 1
    widths = _special_chars(text)
    special = re.compile("[" + "".join(re.escape(c) for c in sorted(widths)) + "]") if widths else None
    return Blocks(starts, ends, gap, special, widths or None)


def cell_width(ch: str) -> int:
    """Terminal cells of one code point (0 for combining marks, 2 for wide/emoji)."""
    return get_character_cell_size(ch)


FILLER = "\x00"


def _wrap_single_cells(s: str, width: int) -> list[int]:
    """Row starts (offsets into ``s``) when every character of ``s`` is one cell, except
    ``FILLER``, which stands for the second cell of the wide character before it."""
    rows = [0]
    pos, end = 0, len(s)
    rfind = s.rfind
    while end - pos > width:
        brk = rfind(" ", pos + 1, pos + width + 1)
        if brk <= pos:
            pos += width
            if s[pos] == FILLER:
                pos -= 1
        else:
            pos = brk + 1
            while pos < end and s[pos] == " ":
                pos += 1
            if pos >= end:
                break
        rows.append(pos)
    return rows


def wrap_block(text: str, start: int, end: int, width: int, blocks: Blocks | None = None) -> list[int]:
    """Offsets where each row of ``text[start:end]`` starts: greedy word wrap at ``width``
    cells. Spaces at a break are dropped from the row ends; over-long words are split.

    Wide and zero-width characters are handled by wrapping a stand-in string in which each
    is as long as it is wide, then mapping the row starts back.
    """
    width = max(2, width)
    segment = text[start:end]
    special = blocks.special if blocks is not None else _adhoc_special(segment)
    widths = blocks.widths if blocks is not None else _special_chars(segment)
    if special is None or special.search(segment) is None:
        return [start + r for r in _wrap_single_cells(segment, width)]
    parts: list[str] = []
    t_pos: list[int] = []  # stand-in offset of each special character
    deltas: list[int] = []  # stand-in minus original offset after it
    last = delta = 0
    for m in special.finditer(segment):
        i = m.start()
        parts.append(segment[last:i])
        w = widths[m.group()]
        t_pos.append(i + delta)
        if w == 2:
            parts.append(m.group() + FILLER)
        delta += w - 1
        deltas.append(delta)
        last = i + 1
    parts.append(segment[last:])
    stand_in = "".join(parts)
    out = []
    for t in _wrap_single_cells(stand_in, width):
        k = bisect_left(t_pos, t) - 1
        out.append(start + t - (deltas[k] if k >= 0 else 0))
    return out


def _adhoc_special(segment: str) -> re.Pattern[str] | None:
    widths = _special_chars(segment)
    return re.compile("[" + "".join(re.escape(c) for c in sorted(widths)) + "]") if widths else None


def row_count(text: str, start: int, end: int, width: int, blocks: Blocks | None = None) -> int:
    return len(wrap_block(text, start, end, width, blocks))


class Layout:
    """Rows of a text at one wrap width: maps rows to offsets and back.

    ``row_starts`` is a prefix sum over blocks (gap rows included), so locating the block
    of a row or an offset is a bisection; a block's row offsets come from an LRU cache.
    """

    CACHE_BLOCKS = 4096

    def __init__(self, text: str, blocks: Blocks, width: int) -> None:
        self.text = text
        self.blocks = blocks
        self.width = max(8, width)
        counts = array("q", (
            blocks.gap[i] + row_count(text, blocks.starts[i], blocks.ends[i], self.width, blocks)
            for i in range(len(blocks))
        ))
        self.block_first_row = array("q", [0])
        self.block_first_row.extend(accumulate(counts))
        self.total_rows = self.block_first_row[-1]
        self._cache: OrderedDict[int, list[int]] = OrderedDict()

    def block_rows(self, index: int) -> list[int]:
        """Row start offsets of block ``index`` (cached)."""
        rows = self._cache.get(index)
        if rows is None:
            rows = wrap_block(self.text, self.blocks.starts[index], self.blocks.ends[index], self.width, self.blocks)
            self._cache[index] = rows
            if len(self._cache) > self.CACHE_BLOCKS:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(index)
        return rows

    def row_info(self, row: int) -> tuple[int, int, int] | None:
        """``(block, start, end)`` of screen row ``row``; ``None`` for a gap row or past
        the end."""
        if row < 0 or row >= self.total_rows:
            return None
        b = bisect_right(self.block_first_row, row) - 1
        local = row - self.block_first_row[b] - self.blocks.gap[b]
        if local < 0:
            return None
        rows = self.block_rows(b)
        if local >= len(rows):
            return None
        start = rows[local]
        end = rows[local + 1] if local + 1 < len(rows) else self.blocks.ends[b]
        return b, start, end

    def block_of_offset(self, offset: int) -> int:
        return max(0, bisect_right(self.blocks.starts, offset) - 1)

    def row_of_offset(self, offset: int) -> int:
        """The row showing text offset ``offset`` (the nearest row for a newline)."""
        if not len(self.blocks):
            return 0
        b = self.block_of_offset(offset)
        rows = self.block_rows(b)
        local = max(0, bisect_right(rows, offset) - 1)
        return self.block_first_row[b] + self.blocks.gap[b] + local

    def offset_of_row(self, row: int) -> int:
        """The first text offset shown at or after ``row``."""
        if not len(self.blocks):
            return 0
        row = max(0, min(row, self.total_rows - 1))
        info = self.row_info(row)
        if info is None:
            info = self.row_info(row + 1)
        return info[1] if info else self.blocks.starts[-1]

    def rows_of_block(self, index: int) -> range:
        first = self.block_first_row[index] + self.blocks.gap[index]
        return range(first, self.block_first_row[index + 1])
