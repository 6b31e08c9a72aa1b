"""Walking through an article's open findings, over its corrected text.

The view shows the corrected text, so analysis runs on it: :func:`corrected_analysis`
projects the corrections, analyses the result and returns the offset map that takes a
finding back to original coordinates (where corrections and ignores are stored). What the
library remembers feeds the analysis context (:func:`analysis_context`): the personal
dictionary, words accepted for the article, every stored correction as a preferred fix
(most recent wins) and corrected names as known names, so a name fixed in one article
becomes the canonical spelling other articles' variant findings point to.

:class:`Review` is the state a UI drives: the open findings in order, next/previous, and
re-analysis after each :class:`reader.editing.Editor` action — only of the paragraphs the
action touched when it says which spans those were.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from reader.analysis import AnalysisContext
from reader.corrections import OffsetMap, project
from reader.model import Analysis, Correction, Entity, Finding, Ignore

Analyzer = Callable[[str, AnalysisContext], Analysis]


def _default_analyzer(text: str, context: AnalysisContext) -> Analysis:
    from reader import analysis  # looked up at call time so the engine can be swapped in

    return analysis.analyze(text, context)


# --------------------------------------------------------------------------- memory


def preferred_fixes(corrections: Iterable[Correction]) -> dict[str, str]:
    """Word -> its most recent fix, from corrections of single words (correction memory)."""
    out: dict[str, str] = {}
    for c in sorted(corrections, key=lambda c: (c.created or "", c.id)):
        word = c.original
        if word and not any(ch.isspace() for ch in word) and c.replacement and c.replacement != word:
            out[word] = c.replacement
    return out


def _looks_like_name(s: str) -> bool:
    parts = s.split()
    return 0 < len(parts) <= 5 and all(p[:1].isupper() and any(ch.isalpha() for ch in p) for p in parts)


def _respelling(original: str, replacement: str) -> bool:
    """A capitalised word respelled (not replaced by another word): "Zanzibarr" -> "Zanzibar"."""
    from rapidfuzz.distance import Levenshtein

    if not _looks_like_name(original) or len(replacement) < 4:
        return False
    return Levenshtein.normalized_similarity(original.casefold(), replacement.casefold()) >= 0.6


def corrected_names(corrections: Iterable[Correction]) -> tuple[str, ...]:
    """Replacements that are names (capitalised words, or fixes of ``variant`` findings):
    the canonical spellings a person chose, passed to analysis as known names."""
    names: dict[str, None] = {}
    for c in sorted(corrections, key=lambda c: (c.created or "", c.id)):
        rep = c.replacement.strip()
        if rep != c.original and _looks_like_name(rep) and (c.kind == "variant" or _respelling(c.original, rep)):
            names[rep] = None
    return tuple(names)


class LibraryMemory:
    """Every article's corrections, cached, and what they teach (preferred fixes, names).

    Reading every article's records on each keystroke would make a correction cost grow
    with the library; the UI keeps one memory and calls :meth:`forget` with the articles
    a :class:`~reader.editing.Change` touched (``Review.reload`` does this).
    """

    def __init__(self, lib: Any) -> None:
        self.lib = lib
        self._by_article: dict[str, list[Correction]] = {}
        self._learned: tuple[dict[str, str], tuple[str, ...]] | None = None

    def forget(self, article_ids: Iterable[str] | None = None) -> None:
        """Drop cached records of ``article_ids`` (all when ``None``)."""
        if article_ids is None:
            self._by_article.clear()
        else:
            for aid in article_ids:
                self._by_article.pop(aid, None)
        self._learned = None

    def corrections(self, article_id: str) -> list[Correction]:
        found = self._by_article.get(article_id)
        if found is None:
            found = self._by_article[article_id] = self.lib.corrections(article_id)
        return found

    def _learn(self) -> tuple[dict[str, str], tuple[str, ...]]:
        ids = [i.id for i in self.lib.list_articles()]
        if self._learned is None or set(ids) != set(self._by_article):
            for gone in set(self._by_article) - set(ids):
                del self._by_article[gone]
            every = [c for aid in ids for c in self.corrections(aid)]
            self._learned = (preferred_fixes(every), corrected_names(every))
        return self._learned

    @property
    def preferred(self) -> dict[str, str]:
        return self._learn()[0]

    @property
    def names(self) -> tuple[str, ...]:
        return self._learn()[1]

    def context(self, article_id: str, *, known_names: Sequence[str] = ()) -> AnalysisContext:
        """The analysis context for one article from what the library remembers."""
        from reader.settings import Settings

        preferred, names = self._learn()
        return AnalysisContext(
            dictionary=frozenset(self.lib.words()),
            ignored=frozenset(i.text for i in self.lib.ignores(article_id) if i.start is None),
            known_names=tuple(dict.fromkeys([*known_names, *names])),
            preferred=preferred,
            story_names=Settings(self.lib).reconciled_names(article_id),
            min_confidence=sensitivity_threshold(self.lib),
        )


def sensitivity_level(lib: Any) -> str:
    """The stored sensitivity level, ``balanced`` when unset or unknown."""
    from reader.settings import Settings

    try:
        return Settings(lib).sensitivity
    except Exception:  # an unreadable setting must not stop an analysis
        return "balanced"


def sensitivity_threshold(lib: Any) -> float:
    """The minimum confidence of the stored sensitivity level."""
    from reader.analysis.confidence import levels

    return levels()[sensitivity_level(lib)]


def analysis_context(lib: Any, article_id: str, *, known_names: Sequence[str] = ()) -> AnalysisContext:
    """The analysis context for one article from what the library remembers (uncached)."""
    return LibraryMemory(lib).context(article_id, known_names=known_names)


# --------------------------------------------------------------------------- findings


def corrected_analysis(
    text: str,
    corrections: Iterable[Correction],
    context: AnalysisContext,
    analyzer: Analyzer | None = None,
) -> tuple[str, Analysis, OffsetMap]:
    """Analyse the corrected text: ``(corrected_text, analysis, offset_map)``; finding
    offsets are in the corrected text, ``offset_map.span_to_original`` takes them back."""
    corrected, omap = project(text, corrections)
    return corrected, (analyzer or _default_analyzer)(corrected, context), omap


def with_preferred(finding: Finding, preferred: dict[str, str]) -> Finding:
    """The finding with the remembered fix for its text as the first suggestion."""
    fix = preferred.get(finding.text)
    if fix is None or (finding.suggestions[:1] == (fix,)):
        return finding
    rest = tuple(s for s in finding.suggestions if s != fix)
    f = finding
    return Finding(f.start, f.end, f.text, f.kind, f.message, (fix, *rest), f.confidence)


def is_ignored(finding: Finding, original_span: tuple[int, int], ignores: Iterable[Ignore],
               dictionary: frozenset[str] = frozenset()) -> bool:
    """Whether a person dismissed this finding: here, in the article, or everywhere."""
    if finding.text in dictionary:
        return True
    for ign in ignores:
        if ign.text != finding.text:
            continue
        if ign.start is None or (ign.start, ign.end) == original_span:
            return True
    return False


def open_findings(
    analysis: Analysis,
    omap: OffsetMap,
    ignores: Sequence[Ignore],
    *,
    dictionary: frozenset[str] = frozenset(),
    preferred: dict[str, str] | None = None,
) -> list[Finding]:
    """Findings (over the corrected text) not dismissed, sorted, with remembered fixes first."""
    preferred = preferred or {}
    ignored_texts = {i.text for i in ignores}
    out = []
    for f in analysis.findings:
        if f.text in dictionary:
            continue
        if f.text in ignored_texts and is_ignored(f, omap.span_to_original(f.start, f.end), ignores):
            continue
        out.append(with_preferred(f, preferred) if f.text in preferred else f)
    out.sort(key=lambda f: (f.start, f.end, f.kind))
    return out


@dataclass(frozen=True, slots=True)
class CorrectionCounts:
    """For the library table: corrections applied and suspected errors still open."""

    corrected: int
    remaining: int


def correction_counts(lib: Any, article_id: str, analysis: Analysis) -> CorrectionCounts:
    """Counts for one article; ``analysis`` must be of its corrected text."""
    text = lib.get_text(article_id)
    _, omap = project(text, lib.corrections(article_id))
    remaining = open_findings(analysis, omap, lib.ignores(article_id), dictionary=frozenset(lib.words()))
    return CorrectionCounts(len(omap.corrections), len(remaining))


# --------------------------------------------------------------------------- review


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The blank-line separated block(s) of ``text`` holding ``[start, end)``."""
    ps = text.rfind("\n\n", 0, start)
    ps = 0 if ps < 0 else ps + 2
    pe = text.find("\n\n", end)
    return min(ps, start), (len(text) if pe < 0 else pe)


def _shift(items: Iterable[Any], by: int) -> list[Any]:
    """Findings or entities moved by ``by`` (the hot path of re-analysis: no replace())."""
    if by == 0:
        return list(items)
    out: list[Any] = []
    for x in items:
        if type(x) is Finding:
            out.append(Finding(x.start + by, x.end + by, x.text, x.kind, x.message, x.suggestions,
                               x.confidence))
        elif type(x) is Entity:
            out.append(Entity(x.start + by, x.end + by, x.text, x.label, x.canonical))
        else:
            out.append(dataclasses.replace(x, start=x.start + by, end=x.end + by))
    return out


@dataclass(eq=False)
class Reanalysis:
    """A Review's next state, computed by :meth:`run` from what was read when it was
    planned. ``run`` touches no library and no UI, so it may run in a worker thread
    while the UI keeps painting (docs/ARCHITECTURE.md, "An edit"); the Review takes the
    result with :meth:`Review.commit` on the thread that owns it."""

    generation: int
    text: str
    analyzer: Analyzer
    corrections: list[Correction]
    ignores: list[Ignore]
    context: AnalysisContext
    spans: list[tuple[int, int]] | None  # None: the whole text
    old_corrections: Sequence[Correction]
    old_text: str
    old_map: OffsetMap
    old_analysis: Analysis
    #: (corrected text, offset map, analysis, characters analysed) once run
    result: tuple[str, OffsetMap, Analysis, int] | None = None

    @property
    def full(self) -> bool:
        return self.spans is None

    def run(self) -> Reanalysis:
        corrected, omap = project(self.text, self.corrections)
        if self.spans is None:
            self.result = (corrected, omap, self.analyzer(corrected, self.context), len(corrected))
        elif self.spans and corrected != self.old_text:
            self.result = (corrected, omap, *self._reanalyse(corrected, omap))
        else:
            self.result = (corrected, omap, self.old_analysis, 0)
        return self

    def _reanalyse(self, corrected: str, new_map: OffsetMap) -> tuple[Analysis, int]:
        spans = self.spans
        ps, pe = paragraph_bounds(self.text, min(s for s, _ in spans), max(e for _, e in spans))
        every = [*self.old_corrections, *self.corrections]
        moved = True
        while moved:  # widen until no correction straddles a boundary
            moved = False
            for c in every:
                if c.start < ps < c.end:
                    ps, moved = c.start, True
                if c.start < pe < c.end:
                    pe, moved = c.end, True
        old_map = self.old_map
        old_rs, old_re = old_map.to_corrected(ps, end=True), old_map.to_corrected(pe)
        new_rs, new_re = new_map.to_corrected(ps, end=True), new_map.to_corrected(pe)
        if old_rs != new_rs or 2 * (new_re - new_rs) > len(corrected):
            return self.analyzer(corrected, self.context), len(corrected)
        shift = new_re - old_re
        part = self.analyzer(corrected[new_rs:new_re], self.context)

        def merge(old: Sequence[Any], new: Sequence[Any]) -> tuple[Any, ...]:
            before = [x for x in old if x.end <= old_rs and x.start < old_rs]
            after = _shift((x for x in old if x.start >= old_re), shift)
            return tuple(before + _shift(new, new_rs) + after)

        analysis = Analysis(merge(self.old_analysis.findings, part.findings),
                            merge(self.old_analysis.entities, part.entities))
        return analysis, new_re - new_rs


class Review:
    """An article's open findings over its corrected text, in order, for a UI to step through.

    After an :class:`~reader.editing.Editor` action call :meth:`reload` with the returned
    ``Change``: the records are re-read and only the paragraphs around the changed spans are
    re-analysed (everything, when the change is not tied to spans). Cross-paragraph checks
    in untouched paragraphs keep their previous results until the next full analysis.
    """

    def __init__(
        self,
        text: str,
        corrections: Sequence[Correction],
        ignores: Sequence[Ignore],
        context: AnalysisContext,
        *,
        analyzer: Analyzer | None = None,
        article_id: str = "",
        memory: LibraryMemory | None = None,
    ) -> None:
        self.article_id = article_id
        self.memory = memory
        self.text = text
        self.analyzer: Analyzer = analyzer or _default_analyzer
        self.corrections = list(corrections)
        self.ignores = list(ignores)
        self.context = context
        self.corrected_text, self.offset_map = project(text, self.corrections)
        self.analysis = self.analyzer(self.corrected_text, context)
        self.reanalysed_chars = len(self.corrected_text)  # how much the last update analysed
        self.generation = self.committed = 0  # plans made / the last plan committed
        self._refilter()

    @classmethod
    def for_article(cls, lib: Any, article_id: str, *, analyzer: Analyzer | None = None,
                    known_names: Sequence[str] = (), memory: LibraryMemory | None = None) -> Review:
        """A review of a stored article; share one ``memory`` between reviews in a UI."""
        memory = memory or LibraryMemory(lib)
        return cls(
            lib.get_text(article_id),
            memory.corrections(article_id),
            lib.ignores(article_id),
            memory.context(article_id, known_names=known_names),
            analyzer=analyzer,
            article_id=article_id,
            memory=memory,
        )

    # ------------------------------------------------------------------ updating
    def reload(self, lib: Any, change: Any = None, *, known_names: Sequence[str] = ()) -> None:
        """Re-read this article's records after ``change`` (an Editor result) and
        re-analyse what it touched; without ``change``, re-read and re-analyse everything."""
        self.commit(self.plan_reload(lib, change, known_names=known_names).run())

    def plan_reload(self, lib: Any, change: Any = None, *, known_names: Sequence[str] = ()) -> Reanalysis:
        """:meth:`reload` in steps: read the records now (the caller's thread) and return
        the re-analysis as work to :meth:`Reanalysis.run` anywhere, then :meth:`commit`."""
        memory = self.memory = self.memory or LibraryMemory(lib)
        memory.forget(None if change is None else change.article_ids)
        context = memory.context(self.article_id, known_names=known_names)
        spans = change.spans_for(self.article_id) if change is not None else None
        return self.plan(memory.corrections(self.article_id), lib.ignores(self.article_id), context, spans)

    def update(self, corrections: Sequence[Correction], ignores: Sequence[Ignore],
               context: AnalysisContext, spans: Sequence[tuple[int, int]] | None = None) -> None:
        """New records; ``spans`` (original coordinates) limits re-analysis to their
        paragraphs, ``None`` re-analyses everything."""
        self.commit(self.plan(corrections, ignores, context, spans).run())

    def plan(self, corrections: Sequence[Correction], ignores: Sequence[Ignore],
             context: AnalysisContext, spans: Sequence[tuple[int, int]] | None = None) -> Reanalysis:
        """The work :meth:`update` does, not yet run. A plan made while an earlier one is
        still running re-analyses everything (the earlier result is then discarded)."""
        self.generation += 1
        full = (
            spans is None
            or self.generation != self.committed + 1
            or context.dictionary != self.context.dictionary
            or context.ignored != self.context.ignored
            or context.known_names != self.context.known_names
            or context.story_names != self.context.story_names
        )
        return Reanalysis(
            generation=self.generation, text=self.text, analyzer=self.analyzer,
            corrections=list(corrections), ignores=list(ignores), context=context,
            spans=None if full else list(spans), old_corrections=self.corrections,
            old_text=self.corrected_text, old_map=self.offset_map, old_analysis=self.analysis,
        )

    def commit(self, work: Reanalysis) -> bool:
        """Take the result of a run plan; ``False`` (nothing changes) when a newer plan
        was made since, whose result is still to come."""
        if work.generation != self.generation or work.result is None:
            return False
        self.committed = work.generation
        self.corrections, self.ignores, self.context = work.corrections, work.ignores, work.context
        self.corrected_text, self.offset_map, self.analysis, self.reanalysed_chars = work.result
        self._refilter()
        return True

    def _refilter(self) -> None:
        self.findings: list[Finding] = open_findings(
            self.analysis, self.offset_map, self.ignores,
            dictionary=self.context.dictionary, preferred=self.context.preferred,
        )
        self._starts = [f.start for f in self.findings]

    # ------------------------------------------------------------------ navigation
    def next_after(self, offset: int, *, wrap: bool = False) -> Finding | None:
        """The first open finding starting after ``offset`` (corrected text)."""
        i = bisect_right(self._starts, offset)
        if i < len(self.findings):
            return self.findings[i]
        return self.findings[0] if wrap and self.findings else None

    def previous_before(self, offset: int, *, wrap: bool = False) -> Finding | None:
        """The last open finding starting before ``offset``."""
        i = bisect_left(self._starts, offset)
        if i > 0:
            return self.findings[i - 1]
        return self.findings[-1] if wrap and self.findings else None

    def continue_from(self, offset: int) -> Finding | None:
        """Where the cursor goes after an action at ``offset``: the first open finding
        still reaching past it, so a finding the action created there (fixing "blorp" to
        "otter" makes "a otter") comes before the ones further on."""
        i = bisect_left(self._starts, offset)
        for f in self.findings[max(0, i - 8) : i]:
            if f.end > offset:
                return f
        return self.findings[i] if i < len(self.findings) else None

    def at(self, offset: int) -> Finding | None:
        """The open finding covering ``offset``, if any (the one the menu opens on)."""
        i = bisect_right(self._starts, offset)
        for f in reversed(self.findings[max(0, i - 8) : i]):
            if f.start <= offset < f.end:
                return f
        return None

    def original_span(self, finding: Finding) -> tuple[int, int]:
        """Where a finding sits in the original text (for ignore_once / correct)."""
        return self.offset_map.span_to_original(finding.start, finding.end)

    def corrected_spans(self) -> list[tuple[int, int]]:
        """Corrected-text spans of applied corrections, for marking them in the view."""
        return self.offset_map.corrected_spans()

    @property
    def counts(self) -> CorrectionCounts:
        return CorrectionCounts(len(self.offset_map.corrections), len(self.findings))
