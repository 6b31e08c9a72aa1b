"""Streamed analysis for ``reader check``: results chunk by chunk, memory in proportion to a chunk.

:func:`reader.analysis.analyze_many` returns every finding and entity of every text at
once; for a 50 MB text that is a great many objects alive together, and its entity pass
holds per-word state for the whole text. :class:`StreamedAnalysis` gives the same results
in the same order, but one chunk (:func:`reader.analysis.doc.chunk_bounds`) at a time, so
the CLI writes each chunk's findings as soon as they are ready and forgets them:

1. names: the entities of every text, kept packed (:class:`EntityStore`, ~17 bytes an
   entity), then name variants across all texts (these need every name before any chunk
   can be finished);
2. checks: each chunk is checked (by this process or a forked worker,
   :class:`reader.analysis.parallel.OrderedRuns`), and combined with the entities and
   variant findings inside it exactly as ``analyze_many`` combines a whole text
   (:func:`reader.analysis.combine`). No check finding crosses a chunk boundary, and
   variant findings lie inside entities; where an entity does straddle a boundary (a cut
   inside an enormous line), the chunks on both sides are combined together.

The entity pass learns from the whole text it sees (which capitalised words also occur
mid-sentence, which label a surname's full name has), and its working memory grows with
that text. A text longer than :data:`ENTITY_SEGMENT_CHARS` is therefore given to it in
paragraph-aligned segments (at most that long, shorter where names are dense, so the
pass's memory stays bounded); up to that length the results are identical to
``analyze_many``'s, beyond it an entity's label can depend on which segment its evidence
is in.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence

from reader.analysis import AnalysisContext, chunk_jobs, combine, tools
from reader.model import Entity, Finding

#: Texts up to this long go to the entity pass whole (results identical to analyze_many);
#: it is also the longest stretch of a longer text given to it at once (characters).
ENTITY_SEGMENT_CHARS = 8_000_000
#: The first stretch of a longer text (characters): it measures how dense names are.
ENTITY_PROBE_CHARS = 2_000_000
#: About this many entities per later stretch (sized by the last stretch's density).
ENTITY_SEGMENT_ENTITIES = 60_000
#: Entities are handed out in lists of this many.
ENTITY_BATCH = 5000

#: ``progress(stage, chars)``: ``chars`` more characters of ``stage`` are done.
Progress = Callable[[str, int], None]


class EntityStore(Sequence[Entity]):
    """The entities of one text in whole-text offsets, sorted, packed into two integer
    arrays and a label index. An entity that is not simply ``(start, end, its text,
    label)`` (one with a ``canonical`` spelling, say) is kept as it is."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = array("q")
        self.ends = array("q")
        self.labels = bytearray()
        self._label_names: list[str] = []
        self._label_index: dict[str, int] = {}
        self._unusual: dict[int, Entity] = {}

    def add(self, entities: Sequence[Entity], base: int = 0) -> None:
        """Append ``entities`` found in the stretch of the text starting at ``base``."""
        text = self.text
        for e in entities:
            start, end = e.start + base, e.end + base
            code = self._label_index.get(e.label)
            if code is None and len(self._label_names) < 255:
                code = self._label_index[e.label] = len(self._label_names)
                self._label_names.append(e.label)
            if code is None or e.canonical is not None or text[start:end] != e.text:
                self._unusual[len(self.starts)] = Entity(start, end, e.text, e.label, e.canonical)
                code = 255
            self.starts.append(start)
            self.ends.append(end)
            self.labels.append(code)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return list(self._range(*i.indices(len(self))[:2]))
        if i < 0:
            i += len(self)
        return next(self._range(i, i + 1))

    def _range(self, lo: int, hi: int) -> Iterator[Entity]:
        text, names, unusual = self.text, self._label_names, self._unusual
        for i, s, e, code in zip(range(lo, hi), self.starts[lo:hi], self.ends[lo:hi],
                                 self.labels[lo:hi]):
            yield unusual[i] if code == 255 else Entity(s, e, text[s:e], names[code])

    def __iter__(self) -> Iterator[Entity]:
        for lo in range(0, len(self), ENTITY_BATCH):
            yield from self._range(lo, lo + ENTITY_BATCH)

    def overlapping(self, start: int, end: int) -> list[Entity]:
        """The entities overlapping ``[start, end)``, in order."""
        lo = bisect_right(self.starts, start) - 1
        lo = max(lo, 0)
        if lo < len(self) and self.ends[lo] <= start:
            lo += 1
        hi = bisect_left(self.starts, end)
        return self[lo:hi]

    def straddles(self, pos: int) -> bool:
        """Whether an entity starts before ``pos`` and ends after it."""
        i = bisect_left(self.starts, pos) - 1
        return i >= 0 and self.ends[i] > pos

    def batches(self, size: int = ENTITY_BATCH) -> Iterator[list[Entity]]:
        for lo in range(0, len(self), size):
            yield self[lo:lo + size]


def entity_segments(text: str, next_size: Callable[[], int] | int | None = None
                    ) -> Iterator[tuple[int, int]]:
    """``(start, end)`` stretches for the entity pass, made of whole chunks.

    A text up to :data:`ENTITY_SEGMENT_CHARS` is one stretch. A longer one is cut into
    stretches of at least ``next_size()`` characters, asked afresh for each stretch (so
    the caller can size the next one by what the last one held)."""
    from reader.analysis.doc import chunk_bounds

    if len(text) <= ENTITY_SEGMENT_CHARS:
        yield 0, len(text)
        return
    if next_size is None or isinstance(next_size, int):
        size = next_size or ENTITY_SEGMENT_CHARS
        next_size = lambda: size  # noqa: E731
    start, limit = None, 0
    for chunk_start, chunk_end in chunk_bounds(text):
        if start is None:
            start, limit = chunk_start, next_size()
        if chunk_end - start >= limit:
            yield start, chunk_end
            start = None
    if start is not None:
        yield start, len(text)


class StreamedAnalysis:
    """The analysis of several texts, read back text by text and chunk by chunk.

    Use as a context manager; call :meth:`findings` for text 0, 1, ... in order (each
    yields lists of final findings, in order), and :meth:`entities` for a text's
    entities whenever convenient. ``parallel`` allows a forked worker for long inputs.
    """

    def __init__(self, texts: Sequence[str], context: AnalysisContext | None = None, *,
                 parallel: bool = False, progress: Progress | None = None) -> None:
        from reader.analysis import PARALLEL_MIN_CHARS, check_chunks
        from reader.analysis.parallel import OrderedRuns

        self.texts = list(texts)
        self.ctx = context or AnalysisContext()
        self.progress = progress or (lambda stage, chars: None)
        lexicon, suggester, silenced = tools(self.ctx)
        self._lexicon, self._silenced = lexicon, silenced
        self.jobs = chunk_jobs(self.texts)
        texts_ = self.texts

        def compute(i: int, shared: dict) -> list[Finding]:
            return check_chunks(texts_, [self.jobs[i]], lexicon, suggester, silenced,
                                shared).get(self.jobs[i][0], [])

        use_fork = parallel and sum(map(len, self.texts)) >= PARALLEL_MIN_CHARS
        self._runs = OrderedRuns(len(self.jobs), compute, use_fork)
        self._results: Iterator[tuple[int, list[Finding]]] | None = None
        self._stores: list[EntityStore] = []
        self._variants: list[list[Finding]] = []
        self._next_text = 0

    def __enter__(self) -> StreamedAnalysis:
        self._runs.start()  # the worker checks chunks while this process finds names
        try:
            self._find_names()
        except BaseException:
            self._runs.close()
            raise
        self._results = iter(self._runs)
        return self

    def __exit__(self, *exc) -> None:
        self._runs.close()

    def _find_names(self) -> None:
        from reader.analysis.entities import find_entities
        from reader.analysis.variants import find_variants

        for text in self.texts:
            store = EntityStore(text)
            density = [0, 0]  # entities, characters of the last stretch

            def next_size() -> int:
                # The entity pass's working memory grows with the names it meets: a
                # stretch holds about ENTITY_SEGMENT_ENTITIES of them (the first, unseen
                # one is a probe of ENTITY_PROBE_CHARS).
                if not density[1]:
                    return ENTITY_PROBE_CHARS
                chars = ENTITY_SEGMENT_ENTITIES * density[1] // max(density[0], 1)
                return max(ENTITY_PROBE_CHARS // 2, min(ENTITY_SEGMENT_CHARS, chars))

            for start, end in entity_segments(text, next_size):
                piece = text[start:end] if (start, end) != (0, len(text)) else text
                found = find_entities(piece, self._lexicon)
                store.add(sorted(found, key=lambda e: (e.start, e.end)), start)
                density[:] = len(found), end - start
                del found, piece
                self.progress("names", end - start)
            self._stores.append(store)
        self._variants = find_variants(list(zip(self.texts, self._stores)), self._lexicon,
                                       known_names=self.ctx.known_names)

    def entities(self, t: int) -> Iterator[list[Entity]]:
        """The entities of text ``t``, in order, in lists."""
        return self._stores[t].batches()

    def findings(self, t: int) -> Iterator[list[Finding]]:
        """The final findings of text ``t``, in order, one list per chunk (or per group of
        chunks an entity straddles). Texts must be read in order, each completely."""
        if t != self._next_text or self._results is None:
            raise RuntimeError("findings must be read text by text, in order, inside `with`")
        self._next_text += 1
        text, store = self.texts[t], self._stores[t]
        variants = self._variants[t]
        variant_starts = [f.start for f in variants]
        found: list[Finding] = []
        group_start = None
        for i, chunk_found in self._results:
            _t, start, end = self.jobs[i]
            if group_start is None:
                group_start = start
            found.extend(chunk_found)
            self.progress("checks", end - start)
            last = i + 1 == len(self.jobs) or self.jobs[i + 1][0] != t
            if not last and store.straddles(end):
                continue  # an entity crosses into the next chunk: combine them together
            lo, hi = bisect_left(variant_starts, group_start), bisect_left(variant_starts, end)
            if last:
                hi = len(variants)
            if group_start == 0:
                lo = 0
            yield combine(text, found, store.overlapping(group_start, end), variants[lo:hi],
                          self._silenced, self.ctx.kinds, self.ctx.min_confidence)
            found, group_start = [], None
            if last:
                return


__all__ = ["ENTITY_SEGMENT_CHARS", "EntityStore", "StreamedAnalysis", "entity_segments"]
