"""Make anchors and find them again when an article's source text changes.

An :class:`~reader.model.Anchor` records where an annotation sits in the original text:
its position (W3C TextPositionSelector) and its quote with ~32 characters of context on
each side (TextQuoteSelector). Two different things move annotations:

* **Corrections** never change the original text; they are an edit log over it. So an
  annotation stays in original-text coordinates and is shown in the corrected view by exact
  offset arithmetic (:func:`span_in_corrected`). Nothing is re-anchored.
* **A new source text** (``reader add --update`` of an edited file) is re-anchored:
  :func:`reanchor` first maps every span that lies in an unchanged stretch exactly, through a
  word-level diff of the old and new text; what the diff cannot place is searched for by
  :func:`resolve`: the quote at its expected position, else the quote where its context
  agrees (nearest first), else a fuzzy alignment above a confidence threshold. What is not
  found becomes an orphan: kept with its last anchor, listed, never deleted.

The rule that matters most: a short quote that occurs several times must never jump to
another occurrence because an edit shifted the text. Exact occurrences elsewhere are only
accepted when their context agrees with the recorded context.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

from reader.model import Anchor, Annotation, Correction

#: Characters of context kept on each side of a quote.
CONTEXT_CHARS = 32
#: Context agreement (0..1) an exact occurrence away from the expected position needs.
CONTEXT_MIN = 0.5
#: Bonus for an occurrence at the expected position (position is evidence too).
POSITION_BONUS = 0.3
#: Distance over which the position bonus fades to nothing (nearer candidates win).
NEAR_CHARS = 64
#: Score taken from a candidate inside a longer word when the quote was whole words.
PART_WORD_PENALTY = 0.25
#: A quote at least this long that occurs exactly once is accepted on its own.
DISTINCTIVE_QUOTE = 32
#: Minimum similarity (0..100) of a fuzzy alignment to the quote.
FUZZY_MIN = 80.0
#: Unchanged characters beside a span that make a diff mapping trustworthy on its own.
DIFF_MARGIN = 4
#: Windows (characters on each side of the expected position) searched for a fuzzy match.
FUZZY_WINDOWS = (256, 4096)

_LINE_RE = re.compile(r"[^\n]*\n|[^\n]+")
_TOKEN_RE = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


def make_anchor(text: str, start: int, end: int) -> Anchor:
    """An anchor on ``text[start:end]`` with up to :data:`CONTEXT_CHARS` of context."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}:{end} outside a text of {len(text)} characters")
    return Anchor(
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS):start],
        suffix=text[end:end + CONTEXT_CHARS],
    )


def reanchored(anchor: Anchor, text: str, span: tuple[int, int]) -> Anchor:
    """The anchor moved to ``span`` of ``text`` (quote and context taken from there)."""
    return make_anchor(text, span[0], span[1])


# ---------------------------------------------------------------- context scoring
def context_score(anchor: Anchor, text: str, start: int, end: int) -> float:
    """How well the text around ``[start, end)`` agrees with the anchor's context, 0..1.

    Prefix and suffix are compared with the same number of characters beside the candidate
    (normalised Levenshtein similarity), weighted by their lengths. A context shorter than
    :data:`CONTEXT_CHARS` may have been cut by the edge of the text: it is also compared as
    if padded with "edge" to full width (so "at the very start" agrees with a candidate at
    the very start), and the better reading counts. Contexts from other tools, which may
    be shorter for no such reason, are thus still compared as they are.
    """
    p, s = anchor.prefix, anchor.suffix
    width_p = CONTEXT_CHARS if len(p) < CONTEXT_CHARS and len(p) == anchor.start else len(p)
    width_s = CONTEXT_CHARS if len(s) < CONTEXT_CHARS else len(s)
    if not width_p and not width_s:
        return 1.0
    total = 0.0
    if width_p:
        sim = Levenshtein.normalized_similarity(p, text[max(0, start - len(p)):start]) if p else 0.0
        if width_p > len(p):
            new = text[max(0, start - width_p):start].rjust(width_p, _EDGE)
            sim = max(sim, Levenshtein.normalized_similarity(p.rjust(width_p, _EDGE), new))
        total += width_p * sim
    if width_s:
        sim = Levenshtein.normalized_similarity(s, text[end:end + len(s)]) if s else 0.0
        if width_s > len(s):
            new = text[end:end + width_s].ljust(width_s, _EDGE)
            sim = max(sim, Levenshtein.normalized_similarity(s.ljust(width_s, _EDGE), new))
        total += width_s * sim
    return total / (width_p + width_s)


#: Stands for "beyond the edge of the text" when comparing contexts.
_EDGE = "\x00"


def _whole_words(before: str, quote: str, after: str) -> bool:
    """True when the quote is not glued to letters or digits on either side."""
    glued_left = bool(before) and before.isalnum() and quote[:1].isalnum()
    glued_right = bool(after) and after.isalnum() and quote[-1:].isalnum()
    return not glued_left and not glued_right


def _occurrences(text: str, quote: str) -> list[int]:
    out: list[int] = []
    i = text.find(quote)
    while i >= 0:
        out.append(i)
        i = text.find(quote, i + 1)
    return out


# ---------------------------------------------------------------- resolving one anchor
def resolve(
    anchor: Anchor,
    new_text: str,
    *,
    expected: int | None = None,
    exclude: frozenset[int] | set[int] = frozenset(),
) -> tuple[int, int] | None:
    """Where ``anchor`` sits in ``new_text``, or ``None`` when it cannot be found.

    ``expected`` is where the quote should start (a diff's estimate); by default the
    anchor's own start. Order: the exact quote at the expected position (unless its
    context flatly disagrees), else the exact quote where the context agrees best (ties
    go to the nearest), else a fuzzy alignment near the expected position, widening.
    ``exclude`` holds starts known to be *other* occurrences of the quote (a diff paired
    them with other places in the old text); they are never chosen.
    """
    quote = anchor.quote
    if not quote:
        return None
    pos = anchor.start if expected is None else expected
    n = len(quote)
    occurrences = _occurrences(new_text, quote)
    if occurrences:
        best: tuple[float, int, int] | None = None  # (-score, distance, start)
        wordy = _whole_words(anchor.prefix[-1:], quote, anchor.suffix[:1])
        for c in occurrences:
            if c in exclude:
                continue
            near = max(0.0, 1.0 - abs(c - pos) / NEAR_CHARS)
            score = context_score(anchor, new_text, c, c + n) + POSITION_BONUS * near
            if wordy and not _whole_words(new_text[c - 1:c] if c else "", quote, new_text[c + n:c + n + 1]):
                score -= PART_WORD_PENALTY  # a word annotation does not move inside a word
            key = (-score, abs(c - pos), c)
            if best is None or key < best:
                best = key
        if best is not None:
            score = -best[0]
            if score >= CONTEXT_MIN or (len(occurrences) == 1 and n >= DISTINCTIVE_QUOTE):
                return best[2], best[2] + n
    found = _fuzzy(anchor, new_text, pos)
    if found is not None and found[0] in exclude:
        return None
    return found


def _fuzzy(anchor: Anchor, text: str, pos: int) -> tuple[int, int] | None:
    """The best fuzzy alignment of the quote near ``pos``, if it is confident enough.

    Confident means: the aligned text is at least :data:`FUZZY_MIN` similar to the quote,
    and either the context agrees or the quote is long enough to identify itself.
    """
    quote = anchor.quote
    n = len(quote)
    if n < 3 or not text:
        return None
    windows = [*FUZZY_WINDOWS, max(len(text), FUZZY_WINDOWS[-1])]
    for radius in windows:
        lo = max(0, pos - radius)
        hi = min(len(text), pos + n + radius)
        if hi - lo < n:
            lo, hi = max(0, hi - n), min(len(text), lo + n)
        window = text[lo:hi]
        found = fuzz.partial_ratio_alignment(quote, window, score_cutoff=FUZZY_MIN)
        if found is not None:
            # partial_ratio locates; the whole quote against the whole span judges.
            start, end = _trim_to_quote(quote, text, lo + found.dest_start, lo + found.dest_end)
            similarity = fuzz.ratio(quote, text[start:end])
            ctx = context_score(anchor, text, start, end)
            if similarity >= FUZZY_MIN and (ctx >= CONTEXT_MIN or (n >= DISTINCTIVE_QUOTE and similarity >= 90)):
                return start, end
        if lo == 0 and hi == len(text):
            break
    return None


def _trim_to_quote(quote: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Nudge a fuzzy span's ends by a few characters to the best Indel agreement."""
    best = (Indel.normalized_distance(quote, text[start:end]), start, end)
    for ds in (-2, -1, 0, 1, 2):
        for de in (-2, -1, 0, 1, 2):
            s, e = start + ds, end + de
            if 0 <= s < e <= len(text):
                d = Indel.normalized_distance(quote, text[s:e])
                if (d, abs(ds) + abs(de)) < (best[0], abs(best[1] - start) + abs(best[2] - end)):
                    best = (d, s, e)
    return best[1], best[2]


# ---------------------------------------------------------------- diff between versions
class TextDiff:
    """Exact offset mapping between two versions of a text, through a word-level diff.

    Words, runs of whitespace and punctuation marks are the tokens (whitespace counts: it
    is what tells "the the" with its first word deleted from the same with its second
    deleted). Runs of matched tokens form unchanged stretches; only offsets inside them map
    exactly, and a span is carried over only when it lies wholly inside one.
    """

    def __init__(self, old: str, new: str) -> None:
        # Two levels, for speed on long texts: lines that occur exactly once in each text
        # pair up first (as in patience diff: a repeated line could pair with the wrong
        # copy); the stretches between paired lines are diffed token by token.
        old_lines = [m.span() for m in _LINE_RE.finditer(old)]
        new_lines = [m.span() for m in _LINE_RE.finditer(new)]
        pairs = _unique_line_pairs([old[a:b] for a, b in old_lines], [new[a:b] for a, b in new_lines])
        blocks: list[tuple[int, int, int]] = []  # (old_start, old_end, new_start), chars
        prev_o, prev_n = 0, 0  # char offsets after the last paired line
        for i, j in pairs:
            (oa, ob), (na, nb) = old_lines[i], new_lines[j]
            blocks += _region_blocks(old, new, prev_o, oa, prev_n, na)
            blocks.append((oa, ob, na))
            prev_o, prev_n = ob, nb
        blocks += _region_blocks(old, new, prev_o, len(old), prev_n, len(new))
        self.blocks = _merge(sorted(blocks))
        self._starts = [b[0] for b in self.blocks]
        self._new_starts = [b[2] for b in self.blocks]
    def map_back(self, offset: int) -> int | None:
        """The old offset of a new-text offset inside unchanged text, else ``None``."""
        i = bisect_right(self._new_starts, offset) - 1
        if i < 0:
            return None
        a, b, new_a = self.blocks[i]
        return a + offset - new_a if offset - new_a < b - a else None

    def map_span(self, start: int, end: int) -> tuple[int, int, int] | None:
        """``(new_start, new_end, margin)`` when ``[start, end)`` lies in one unchanged
        stretch; ``margin`` counts the unchanged characters around it in that stretch."""
        i = bisect_right(self._starts, start) - 1
        if i < 0:
            return None
        a, b, new_a = self.blocks[i]
        if a <= start and end <= b:
            return new_a + start - a, new_a + end - a, (start - a) + (b - end)
        return None

    def estimate(self, offset: int) -> int:
        """A best guess for where ``offset`` went: exact in unchanged text, else the new
        position of the nearest unchanged text before it."""
        i = bisect_right(self._starts, offset) - 1
        if i < 0:
            return 0 if not self.blocks else max(0, self.blocks[0][2] - (self.blocks[0][0] - offset))
        a, b, new_a = self.blocks[i]
        return new_a + min(offset, b) - a


# ---------------------------------------------------------------- whole articles
def reanchor(annotations: Sequence[Annotation], old_text: str, new_text: str) -> list[Annotation]:
    """Every annotation re-resolved against ``new_text`` (same order, none dropped).

    Found ones get a fresh anchor (and lose ``orphan``); the rest keep their last anchor and
    become orphans. Orphans are tried again too, so restoring a passage revives them.
    """
    diff = TextDiff(old_text, new_text)
    out: list[Annotation] = []
    for ann in annotations:
        a = ann.anchor
        span: tuple[int, int] | None = None
        # The diff is only trustworthy where the stored anchor matches the old text.
        if not ann.orphan and old_text[a.start:a.end] == a.quote:
            mapped = diff.map_span(a.start, a.end)
            expected = diff.estimate(a.start)
            if mapped is not None:
                expected = mapped[0]
                # A lone matching word amid changes may be the diff pairing the wrong
                # occurrence: trust it only with unchanged text beside it or agreeing context.
                if (
                    mapped[2] >= DIFF_MARGIN
                    or context_score(a, new_text, mapped[0], mapped[1]) >= CONTEXT_MIN
                    or _same_rank(a.quote, old_text, a.start, new_text, mapped[0])
                ):
                    span = mapped[0], mapped[1]
        else:
            expected = a.start
        if span is None:
            span = resolve(a, new_text, expected=expected, exclude=_other_occurrences(a, old_text, new_text, diff))
        if span is None:
            out.append(ann if ann.orphan else replace(ann, orphan=True))
        else:
            out.append(replace(ann, anchor=make_anchor(new_text, *span), orphan=False))
    return out


def _unique_line_pairs(old: list[str], new: list[str]) -> list[tuple[int, int]]:
    """Index pairs of lines that occur once in each text, longest in-order subset."""
    from collections import Counter

    co, cn = Counter(old), Counter(new)
    where_new = {line: j for j, line in enumerate(new) if cn[line] == 1}
    cand = [(i, where_new[line]) for i, line in enumerate(old) if co[line] == 1 and line in where_new]
    # longest increasing subsequence of new indices (patience sorting)
    tails: list[int] = []
    tails_idx: list[int] = []
    back: list[int] = [-1] * len(cand)
    for k, (_, j) in enumerate(cand):
        pos = bisect_right(tails, j)
        if pos == len(tails):
            tails.append(j)
            tails_idx.append(k)
        else:
            tails[pos] = j
            tails_idx[pos] = k
        back[k] = tails_idx[pos - 1] if pos else -1
    out: list[tuple[int, int]] = []
    k = tails_idx[-1] if tails_idx else -1
    while k >= 0:
        out.append(cand[k])
        k = back[k]
    return out[::-1]


#: Above this many token pairs (old x new) a region is diffed by lines first (speed).
TOKEN_DIFF_LIMIT = 100_000_000


def _region_blocks(old: str, new: str, oa: int, ob: int, na: int, nb: int) -> list[tuple[int, int, int]]:
    """Unchanged stretches of a region between paired lines: token diff when it is small
    enough, else an ordinary line diff whose changed runs are then token-diffed. (Only long
    runs of repeated lines get here; the line diff may pair copies of a repeated line
    differently from the edit that was made, which the re-anchoring checks catch.)"""
    if (ob - oa) * (nb - na) <= TOKEN_DIFF_LIMIT * 16:  # ~4 characters per token
        return _token_blocks(old, new, oa, ob, na, nb)
    old_lines = [m.span() for m in _LINE_RE.finditer(old, oa, ob)]
    new_lines = [m.span() for m in _LINE_RE.finditer(new, na, nb)]
    out: list[tuple[int, int, int]] = []
    pending: list[int] | None = None
    for op in Indel.opcodes([old[a:b] for a, b in old_lines], [new[a:b] for a, b in new_lines]):
        la = old_lines[op.src_start][0] if op.src_start < len(old_lines) else ob
        lb = old_lines[op.src_end - 1][1] if op.src_end > op.src_start else la
        ma = new_lines[op.dest_start][0] if op.dest_start < len(new_lines) else nb
        mb = new_lines[op.dest_end - 1][1] if op.dest_end > op.dest_start else ma
        if op.tag == "equal":
            if pending is not None:
                out += _token_blocks(old, new, *pending)
                pending = None
            out.append((la, lb, ma))
        elif pending is None:
            pending = [la, lb, ma, mb]
        else:
            pending = [min(pending[0], la), max(pending[1], lb), min(pending[2], ma), max(pending[3], mb)]
    if pending is not None:
        out += _token_blocks(old, new, *pending)
    return out


def _token_blocks(old: str, new: str, oa: int, ob: int, na: int, nb: int) -> list[tuple[int, int, int]]:
    """Unchanged stretches between ``old[oa:ob]`` and ``new[na:nb]``, by a token diff."""
    if oa >= ob or na >= nb:
        return []
    if old[oa:ob] == new[na:nb]:
        return [(oa, ob, na)]
    old_tok = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(old, oa, ob)]
    new_tok = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(new, na, nb)]
    out: list[tuple[int, int, int]] = []
    for op in Indel.opcodes([old[a:b] for a, b in old_tok], [new[a:b] for a, b in new_tok]):
        if op.tag == "equal":
            a = old_tok[op.src_start][0]
            b = old_tok[op.src_end - 1][1]
            out.append((a, b, new_tok[op.dest_start][0]))
    return out


def _merge(blocks: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Join blocks that continue each other in both texts."""
    out: list[tuple[int, int, int]] = []
    for a, b, na in blocks:
        if out:
            pa, pb, pna = out[-1]
            if pb == a and pna + (pb - pa) == na:
                out[-1] = (pa, b, pna)
                continue
        out.append((a, b, na))
    return out


def _same_rank(quote: str, old_text: str, old_start: int, new_text: str, new_start: int) -> bool:
    """True when the quote occurs as often in both texts and ``new_start`` is the same
    occurrence (k-th of n) as ``old_start``: the diff's pairing is then the only one."""
    old_hits = _occurrences(old_text, quote)
    new_hits = _occurrences(new_text, quote)
    if len(old_hits) != len(new_hits) or old_start not in old_hits or new_start not in new_hits:
        return False
    return old_hits.index(old_start) == new_hits.index(new_start)


def _other_occurrences(anchor: Anchor, old_text: str, new_text: str, diff: TextDiff) -> set[int]:
    """Starts in the new text of the quote that the diff pairs with a *different*
    occurrence of it in the old text: moving there would be the jump to avoid."""
    out: set[int] = set()
    n = len(anchor.quote)
    for c in _occurrences(new_text, anchor.quote):
        old = diff.map_back(c)
        if old is not None and old != anchor.start and old_text[old:old + n] == anchor.quote:
            end_old = diff.map_back(c + n - 1) if n else old
            if end_old is not None and end_old == old + n - 1:
                out.add(c)
    return out


def reanchor_article(lib, article_id: str, old_text: str) -> list[Annotation]:
    """Re-anchor one article's annotations after its text changed from ``old_text``.

    Called by ``reader add --update``; stores every changed annotation in one batch write
    and returns the updated list.
    """
    annotations = lib.annotations(article_id)
    if not annotations:
        return []
    new_text = lib.get_text(article_id)
    updated = reanchor(annotations, old_text, new_text)
    changed = [new for old, new in zip(annotations, updated) if new != old]
    if changed:
        lib.apply_changes(article_id, put_annotations=changed)
    return updated


# ---------------------------------------------------------------- corrections
def span_in_corrected(start: int, end: int, corrections: Sequence[Correction] | object) -> tuple[int, int]:
    """An original-text span shown in the corrected text (exact offset arithmetic).

    ``corrections`` is a sequence of corrections or a ready :class:`OffsetMap`; pass the map
    from :func:`reader.corrections.project` when some corrections may no longer fit the
    text (after a source update). A span that overlaps a correction grows to cover the
    whole replacement.
    """
    return _offset_map(corrections).span_to_corrected(start, end)


def annotation_in_corrected(annotation: Annotation, corrections) -> tuple[int, int] | None:
    """Where an annotation shows in the corrected text; ``None`` for an orphan."""
    if annotation.orphan:
        return None
    return span_in_corrected(annotation.anchor.start, annotation.anchor.end, corrections)


def span_from_corrected(start: int, end: int, corrections) -> tuple[int, int]:
    """A span selected in the corrected text, in original-text coordinates (for storing)."""
    return _offset_map(corrections).span_to_original(start, end)


def _offset_map(corrections):
    """``corrections`` as an :class:`~reader.corrections.OffsetMap` (a ready map as it is)."""
    from reader.corrections import OffsetMap

    return corrections if isinstance(corrections, OffsetMap) else OffsetMap(list(corrections))
